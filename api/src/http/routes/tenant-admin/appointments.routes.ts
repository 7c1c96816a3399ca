import { DateTime } from 'luxon';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminAppointmentListQuery,
  AdminAppointmentSchema,
  AdminCancelBodySchema,
  AdminCreateAppointmentBodySchema,
  AdminRescheduleBodySchema,
  AppointmentIdParams,
  AdminAppointmentListItemSchema,
  AppointmentSchema,
  BookedAppointmentSchema,
  AdminCancellationPreviewSchema,
} from '../../../schemas/appointment.schemas.ts';
import { toLedgerEntryDto } from '../../../adapters/db/repositories/ledger.repository.ts';
import { previewCancellation } from '../../../use-cases/preview-cancellation.ts';
import { refundableByCard } from '../../../domain/policies/card-refunds.ts';
import { authenticatedErrors, ErrorResponse, pageOf } from '../../../schemas/common.ts';
import { bookAppointment } from '../../../use-cases/book-appointment.ts';
import { cancelAppointment } from '../../../use-cases/cancel-appointment.ts';
import { changeAppointmentStatus } from '../../../use-cases/change-appointment-status.ts';
import { rescheduleAppointment } from '../../../use-cases/reschedule-appointment.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { bookingIdempotency } from '../../plugins/idempotency.ts';

const tags = ['Appointments (admin)'];
const security = [{ secretKey: [] }];
const changeErrors = { ...authenticatedErrors, 409: ErrorResponse };

export const adminAppointmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/appointments', {
    config: { access: 'provider', owns: 'appointmentList' },
    schema: {
      tags,
      security,
      summary: 'List appointments by start time',
      description:
        'Filter by days, status, provider, service, payment status and client (`q`: name or email). A ' +
        "provider account's list is always its own provider's.",
      querystring: AdminAppointmentListQuery,
      response: { 200: pageOf(AdminAppointmentListItemSchema), ...authenticatedErrors },
    },
    handler: async (request) => {
      const { startDate, endDate, ...rest } = request.query;
      const zone = request.auth!.tenant.timezone;
      if (startDate && endDate && endDate < startDate) {
        throw new ValidationError('endDate is before startDate.', [
          { path: 'endDate', message: 'must not be before startDate' },
        ]);
      }
      return request.scope.appointments.list({
        ...rest,
        ...(startDate ? { from: DateTime.fromISO(startDate, { zone }).toJSDate() } : {}),
        ...(endDate ? { to: DateTime.fromISO(endDate, { zone }).plus({ days: 1 }).toJSDate() } : {}),
      });
    },
  });

  app.get('/appointments/:id', {
    config: { access: 'provider', owns: 'appointmentParam' },
    schema: {
      tags,
      security,
      summary: 'Get an appointment, with its history and money movements',
      params: AppointmentIdParams,
      response: { 200: AdminAppointmentSchema, ...authenticatedErrors },
    },
    handler: async (request) => {
      const { id } = request.params;
      const [appointment, names, history, ledger] = await Promise.all([
        request.scope.appointments.get(id),
        request.scope.appointments.names(id),
        request.scope.appointments.history(id),
        request.scope.ledger.forAppointment(id),
      ]);
      return { ...appointment, ...names, history, ledger: ledger.map(toLedgerEntryDto) };
    },
  });

  app.get('/appointments/:id/cancellation-preview', {
    config: { noStore: true, access: 'provider', owns: 'appointmentParam' },
    schema: {
      tags,
      security,
      summary: 'What the cancellation policy would refund or charge if the client cancelled now',
      description:
        "The client's terms (GET /v1/public/appointments/{id}/cancellation), for staff: `refundCents` is " +
        "the policy's refund; `refundableByCardCents` what POST …/cancel gives back unless told " +
        '`refundCents`, and the most it may be. 409 when it cannot be cancelled.',
      params: AppointmentIdParams,
      response: { 200: AdminCancellationPreviewSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) => {
      const { id } = request.params;
      const [preview, payments] = await Promise.all([
        previewCancellation(request.scope, id, undefined, app.now(), 'admin'),
        request.scope.payments.refundable(id),
      ]);
      return { ...preview, refundableByCardCents: refundableByCard(payments) };
    },
  });

  app.post('/appointments', {
    config: { idempotentHandler: true, noStore: true },
    schema: {
      tags,
      security,
      summary: 'Book on behalf of a client',
      description:
        'Confirmed at once (payment, if any, is collected outside). With overrideRules: true the time may be ' +
        'outside opening hours, the slot grid, the notice and the booking window, but never over another booking.',
      body: AdminCreateAppointmentBodySchema,
      response: { 201: BookedAppointmentSchema, ...changeErrors, 422: ErrorResponse },
    },
    handler: async (request, reply) => {
      const booked = await bookAppointment(
        request.scope,
        { ...request.body, idempotency: bookingIdempotency(request) },
        { actor: 'admin', now: app.now(), holdMinutes: app.config.BOOKING_HOLD_MINUTES, cardPayments: false },
      );
      // An admin's booking is confirmed at once: a balance is collected later, not by card now.
      return reply.status(201).send({ ...booked, payment: null });
    },
  });

  for (const [path, change, summary] of [
    ['cancel', 'cancel', 'Cancel an appointment; refunds what was paid by card, or `refundCents`'],
    ['complete', 'complete', 'Mark an appointment completed (after it started)'],
    // no-show charges the no-show fee: appointment-payments.routes.ts
  ] as const) {
    app.post(`/appointments/:id/${path}`, {
      config: { access: 'provider', owns: 'appointmentParam' },
      schema: {
        tags,
        security,
        summary,
        params: AppointmentIdParams,
        ...(change === 'cancel' ? { body: AdminCancelBodySchema } : {}),
        response: { 200: AppointmentSchema, ...changeErrors },
      },
      handler: async (request) => {
        if (change !== 'cancel') {
          return changeAppointmentStatus(
            request.scope,
            { id: request.params.id },
            change,
            'admin',
            app.now(),
          );
        }
        // A business that cancels gives back everything paid, whatever its policy says, unless it
        // names its own amount (refundCents, 0 for none).
        const body = request.body as { reason?: string; refundCents?: number } | null | undefined;
        const { appointment, refundErrors } = await cancelAppointment(
          request.scope,
          app.payments,
          { id: request.params.id },
          'admin',
          app.now(),
          body?.reason,
          body?.refundCents,
        );
        for (const err of refundErrors)
          request.log.warn({ err }, 'refund left pending; the next cancel retries it');
        return appointment;
      },
    });
  }

  app.post('/appointments/:id/reschedule', {
    config: { access: 'provider', owns: 'appointmentParam' },
    schema: {
      tags,
      security,
      summary: 'Move an appointment to another time',
      description:
        'The same appointment moves (same id and manage link), with the same provider, to a time the ' +
        'schedule offers. 409 slot_unavailable leaves it unchanged.',
      params: AppointmentIdParams,
      body: AdminRescheduleBodySchema,
      response: { 200: AppointmentSchema, ...changeErrors },
    },
    handler: async (request) =>
      rescheduleAppointment(
        request.scope,
        { id: request.params.id },
        request.body.startTimeUtc,
        'admin',
        app.now(),
      ),
  });
};
