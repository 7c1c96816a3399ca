import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toAppointmentDto } from '../../../adapters/db/repositories/appointments.repository.ts';
import {
  AppointmentIdParams,
  AppointmentSchema,
  BookedAppointmentSchema,
  CancelBodySchema,
  CancellationPreviewSchema,
  CreateAppointmentBodySchema,
  ManageTokenBodySchema,
  ManageTokenHeaders,
  ManageTokenQuery,
  RescheduleBodySchema,
} from '../../../schemas/appointment.schemas.ts';
import { authenticatedErrors, ErrorResponse } from '../../../schemas/common.ts';
import { ReceiptQuery } from '../../../schemas/invoice.schemas.ts';
import { PdfkitDocumentRenderer } from '../../../adapters/pdf/pdfkit-document-renderer.ts';
import { receiptPdf } from '../../../use-cases/receipt-pdf.ts';
import { sendPdf } from '../../pdf-reply.ts';
import { bookAppointment } from '../../../use-cases/book-appointment.ts';
import { confirmPayment } from '../../../use-cases/confirm-payment.ts';
import { requestPayment } from '../../../use-cases/request-payment.ts';
import { cancelAppointment } from '../../../use-cases/cancel-appointment.ts';
import { previewCancellation } from '../../../use-cases/preview-cancellation.ts';
import { rescheduleAppointment } from '../../../use-cases/reschedule-appointment.ts';
import { manageTokenHash } from '../../manage-token.ts';
import { bookingIdempotency } from '../../plugins/idempotency.ts';
import { crashAfterBookingCommitIfAsked } from '../../fault-injection.ts';

const tags = ['Appointments'];
const security = [{ publishableKey: [] }];
const bookingErrors = { ...authenticatedErrors, 409: ErrorResponse, 422: ErrorResponse };
const managed = { headers: ManageTokenHeaders, params: AppointmentIdParams };

export const appointmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/appointments', {
    config: { idempotentHandler: true, noStore: true },
    schema: {
      tags,
      security,
      summary: 'Book a slot',
      description:
        'Send an `Idempotency-Key` header: a retry with the same key and body returns the first answer, ' +
        'with another body 422. If the first answer was lost before it was stored (a crash), the retry ' +
        'returns the same booking with a new manage token. A time just taken answers 409 ' +
        '`slot_unavailable`. A paid service is held PENDING until `holdExpiresAt` when the tenant takes ' +
        'cards, else CONFIRMED with the amount due at the appointment; free services CONFIRMED. ' +
        'When the tenant takes cards, `payment` holds what Stripe.js needs; a 503 while asking Stripe ' +
        'leaves the hold, and a retry with the same key answers it with its payment.',
      body: CreateAppointmentBodySchema,
      response: { 201: BookedAppointmentSchema, ...bookingErrors, 503: ErrorResponse },
    },
    handler: async (request, reply) => {
      const booked = await bookAppointment(
        request.scope,
        { ...request.body, idempotency: bookingIdempotency(request) },
        {
          actor: 'client',
          now: app.now(),
          holdMinutes: app.config.BOOKING_HOLD_MINUTES,
          cardPayments: app.payments !== null && (await request.scope.payments.connectedAccount()) !== null,
        },
      );
      crashAfterBookingCommitIfAsked();
      // After the booking's transaction: Stripe is never called while the slot is locked.
      const payment = await requestPayment(request.scope, app.payments, booked.appointment, {
        platformFeePercent: app.config.PLATFORM_FEE_PERCENT,
        now: app.now(),
      });
      return reply.status(201).send({ ...booked, payment });
    },
  });

  app.post('/appointments/:id/confirm-payment', {
    config: { noStore: true },
    schema: {
      tags,
      security,
      summary: 'After paying with Stripe.js: confirm the booking from the payment',
      description:
        'Reads the PaymentIntent back from Stripe; when it succeeded, the booking is confirmed (also ' +
        'when the webhook is late or lost). Otherwise the booking is answered unchanged (PENDING).',
      ...managed,
      body: ManageTokenBodySchema,
      response: { 200: AppointmentSchema, 409: ErrorResponse, 503: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) =>
      confirmPayment(
        request.scope,
        app.payments,
        { id: request.params.id, tokenHash: manageTokenHash(request) },
        app.now(),
      ),
  });

  app.get('/appointments/:id', {
    config: { noStore: true },
    schema: {
      tags,
      security,
      summary: 'A booking, by its manage token',
      ...managed,
      querystring: ManageTokenQuery,
      response: { 200: AppointmentSchema, ...authenticatedErrors },
    },
    handler: async (request) =>
      toAppointmentDto(await request.scope.appointments.record(request.params.id, manageTokenHash(request))),
  });

  app.get('/appointments/:id/cancellation', {
    config: { noStore: true },
    schema: {
      tags,
      security,
      summary: 'What cancelling now would cost or refund, by the cancellation policy',
      ...managed,
      querystring: ManageTokenQuery,
      response: { 200: CancellationPreviewSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) =>
      previewCancellation(request.scope, request.params.id, manageTokenHash(request), app.now()),
  });

  app.post('/appointments/:id/cancel', {
    config: { noStore: true },
    schema: {
      tags,
      security,
      summary: 'Cancel a booking, by its manage token',
      description:
        'Applies, at this moment, the terms GET …/cancellation shows, and refunds by card what they give ' +
        'back (part of it when the policy keeps a fee). If the card processor fails, the booking is ' +
        'still cancelled and answered, its refund pending: cancelling again retries the refund (200, ' +
        'never a second refund); without a pending refund a cancelled booking answers 409.',
      ...managed,
      body: CancelBodySchema,
      response: { 200: AppointmentSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) => {
      const { appointment, refundErrors } = await cancelAppointment(
        request.scope,
        app.payments,
        { id: request.params.id, tokenHash: manageTokenHash(request) },
        'client',
        app.now(),
        request.body?.reason,
      );
      for (const err of refundErrors)
        request.log.warn({ err }, 'refund left pending; the next cancel retries it');
      return appointment;
    },
  });

  app.post('/appointments/:id/reschedule', {
    config: { noStore: true },
    schema: {
      tags,
      security,
      summary: 'Move a booking to another time, by its manage token',
      description:
        'The same booking moves: its id, manage token and link stay. If the new time is not free (409) ' +
        'the booking is unchanged. Only until the cancellation policy allows (GET …/cancellation, ' +
        '`rescheduleAllowedUntil`): later answers 409 `reschedule_too_late` and changes nothing.',
      ...managed,
      body: RescheduleBodySchema,
      response: { 200: AppointmentSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) =>
      rescheduleAppointment(
        request.scope,
        { id: request.params.id, tokenHash: manageTokenHash(request) },
        request.body.startTimeUtc,
        'client',
        app.now(),
      ),
  });

  // The client's receipt (a PDF, so not in the OpenAPI document), by the manage token like the
  // routes above: x-manage-token, or the deprecated ?token= that links carry (redacted from logs).
  const renderer = new PdfkitDocumentRenderer();
  app.get('/appointments/:id/receipt.pdf', {
    config: { noStore: true },
    schema: { hide: true, summary: "The client's receipt as PDF", ...managed, querystring: ReceiptQuery },
    handler: async (request, reply) =>
      sendPdf(
        reply,
        await receiptPdf(
          request.scope,
          renderer,
          {
            id: request.params.id,
            tokenHash: manageTokenHash(request),
            ...(request.query.paymentId ? { paymentId: request.query.paymentId } : {}),
            ...(request.query.refundId ? { refundId: request.query.refundId } : {}),
          },
          request.auth!.tenant.timezone,
        ),
      ),
  });
};
