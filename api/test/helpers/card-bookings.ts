import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookingBody, bookingRequests } from './booking-fixtures.ts';
import type { FakeStripe } from './fake-stripe.ts';
import { publicRequest } from './test-app.ts';

/** The PaymentIntent's id, from its client secret ("pi_…_secret_…"). */
export const intentOf = (clientSecret: string) => clientSecret.split('_secret_')[0]!;

/**
 * Bookings paid by card, for the payment tests: a hold with its PaymentIntent, the client's
 * confirm-payment and cancel with the manage token, and a booking paid in the "browser" (the fake
 * Stripe) and confirmed.
 */
export function cardBookings(
  context: () => { app: FastifyInstance; tenant: CreatedTenant; stripe: FakeStripe },
) {
  const { book } = bookingRequests(() => context());
  const asClient = (id: string, token: string, action: 'confirm-payment' | 'cancel') =>
    publicRequest(context().app, context().tenant, {
      method: 'POST',
      url: `/v1/public/appointments/${id}/${action}`,
      headers: { 'x-manage-token': token },
      payload: {},
    });
  const confirm = (id: string, token: string) => asClient(id, token, 'confirm-payment');
  const cancel = (id: string, token: string) => asClient(id, token, 'cancel');

  /** A held booking of `serviceId` at `start` (PENDING, its payment asked of Stripe). */
  async function held(serviceId: string, start: string) {
    const response = await book(bookingBody(serviceId, start));
    expect(response.statusCode, response.body).toBe(201);
    const { appointment, manageToken, payment } = response.json();
    return {
      id: appointment.id as string,
      token: manageToken as string,
      intent: intentOf(payment.clientSecret),
    };
  }

  /** Booked, paid in the fake, confirmed. */
  async function paid(serviceId: string, start: string) {
    const booking = await held(serviceId, start);
    context().stripe.succeedPaymentIntent(booking.intent);
    expect((await confirm(booking.id, booking.token)).json()).toMatchObject({ status: 'CONFIRMED' });
    return booking;
  }

  return { book, held, paid, confirm, cancel };
}
