import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppointmentIdParams, AppointmentSchema } from '../../../schemas/appointment.schemas.ts';
import { authenticatedErrors, ErrorResponse } from '../../../schemas/common.ts';
import { collectBalanceAtVenue, collectBalanceByCard } from '../../../use-cases/collect-balance.ts';
import { markNoShow } from '../../../use-cases/mark-no-show.ts';

const CollectBalanceBodySchema = z
  .object({
    method: z.enum(['card', 'venue']).meta({
      description:
        'card: the card kept at booking is charged now, without the client (402 card_declined leaves it ' +
        'due). venue: taken at the business (cash, a card terminal), recorded without a card charge.',
    }),
  })
  .strict();

const tags = ['Appointments (admin)'];
const security = [{ secretKey: [] }];

/** Money an admin takes after booking: what is still due (a balance, a no-show fee). */
export const appointmentPaymentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const options = () => ({ platformFeePercent: app.config.PLATFORM_FEE_PERCENT, now: app.now() });

  app.post('/appointments/:id/collect-balance', {
    config: { noStore: true },
    schema: {
      tags,
      security,
      summary: 'Collect what is still due, by the kept card or at the venue',
      description:
        "What is due is the booking's `amountDueCents`: the price less what was paid, or a no-show's fee " +
        'less what was paid. The booking becomes PAID (a held booking is confirmed). 409 when nothing is ' +
        'due, a card payment is under way, or (card) no card is kept; 402 when the card is declined.',
      params: AppointmentIdParams,
      body: CollectBalanceBodySchema,
      response: {
        200: AppointmentSchema,
        402: ErrorResponse,
        409: ErrorResponse,
        503: ErrorResponse,
        ...authenticatedErrors,
      },
    },
    handler: async (request) =>
      request.body.method === 'venue'
        ? collectBalanceAtVenue(request.scope, request.params.id, app.now())
        : collectBalanceByCard(request.scope, app.payments, request.params.id, options()),
  });

  app.post('/appointments/:id/no-show', {
    config: { noStore: true, access: 'provider', owns: 'appointmentParam' },
    schema: {
      tags,
      security,
      summary: 'Mark a client as not having come (after the start); charges the no-show fee',
      description:
        'A CONFIRMED appointment that has started becomes NO_SHOW. With a no-show fee agreed at booking ' +
        '(`noShowFeeCents`) and a card kept, the fee less what was paid is charged to the card at once. ' +
        'A declined card (or Stripe not answering) leaves it in `amountDueCents` (paymentStatus ' +
        'AWAITING_PAYMENT), to collect with …/collect-balance.',
      params: AppointmentIdParams,
      response: { 200: AppointmentSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) => {
      const { appointment, feeCharge } = await markNoShow(
        request.scope,
        app.payments,
        request.params.id,
        options(),
      );
      if (feeCharge?.outcome === 'unavailable')
        request.log.warn({ err: feeCharge.error }, 'no-show fee not charged: Stripe did not answer');
      return appointment;
    },
  });
};
