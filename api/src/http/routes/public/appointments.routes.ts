import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hashManageToken } from '../../../domain/appointments/manage-token.ts';
import {
  AppointmentIdParams,
  AppointmentSchema,
  BookedAppointmentSchema,
  CancelBodySchema,
  CancellationPreviewSchema,
  CreateAppointmentBodySchema,
  ManageTokenQuery,
  RescheduleBodySchema,
} from '../../../schemas/appointment.schemas.ts';
import { authenticatedErrors, ErrorResponse } from '../../../schemas/common.ts';
import { toAppointmentDto } from '../../../adapters/db/repositories/appointments.repository.ts';
import { bookAppointment } from '../../../use-cases/book-appointment.ts';
import { previewCancellation } from '../../../use-cases/preview-cancellation.ts';
import { rescheduleAppointment } from '../../../use-cases/reschedule-appointment.ts';
import { bookingIdempotencyKey } from '../../plugins/idempotency.ts';

const tags = ['Appointments'];
const security = [{ publishableKey: [] }];
const bookingErrors = { ...authenticatedErrors, 409: ErrorResponse, 422: ErrorResponse };

export const appointmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/appointments', {
    schema: {
      tags,
      security,
      summary: 'Book a slot',
      description:
        'Send an `Idempotency-Key` header: a retry with the same key and body returns the first answer, ' +
        'with another body 422. A time just taken answers 409 `slot_unavailable`. Paid services are ' +
        'booked PENDING with `holdExpiresAt`; others CONFIRMED.',
      body: CreateAppointmentBodySchema,
      response: { 201: BookedAppointmentSchema, ...bookingErrors },
    },
    handler: async (request, reply) => {
      const booked = await bookAppointment(
        app.db,
        request.auth!.tenant.id,
        { ...request.body, idempotencyKey: bookingIdempotencyKey(request) },
        { actor: 'client', now: app.now(), holdMinutes: app.config.BOOKING_HOLD_MINUTES },
      );
      return reply.status(201).send(booked);
    },
  });

  app.get('/appointments/:id', {
    schema: {
      tags,
      security,
      summary: 'A booking, by its manage token',
      params: AppointmentIdParams,
      querystring: ManageTokenQuery,
      response: { 200: AppointmentSchema, ...authenticatedErrors },
    },
    handler: async (request) =>
      toAppointmentDto(
        await request.scope.appointments.getWithToken(
          request.params.id,
          hashManageToken(request.query.token),
        ),
      ),
  });

  app.get('/appointments/:id/cancellation', {
    schema: {
      tags,
      security,
      summary: 'What cancelling now would cost or refund, by the cancellation policy',
      params: AppointmentIdParams,
      querystring: ManageTokenQuery,
      response: { 200: CancellationPreviewSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) =>
      previewCancellation(
        app.db,
        request.auth!.tenant.id,
        request.params.id,
        hashManageToken(request.query.token),
        app.now(),
      ),
  });

  app.post('/appointments/:id/cancel', {
    schema: {
      tags,
      security,
      summary: 'Cancel a booking, by its manage token',
      params: AppointmentIdParams,
      body: CancelBodySchema,
      response: { 200: AppointmentSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) => {
      const { id } = await request.scope.appointments.getWithToken(
        request.params.id,
        hashManageToken(request.body.token),
      );
      return request.scope.appointments.changeStatus(id, 'cancel', app.now(), 'client');
    },
  });

  app.post('/appointments/:id/reschedule', {
    schema: {
      tags,
      security,
      summary: 'Move a booking to another time, by its manage token',
      description:
        'Atomic: the new time is taken and the old booking cancelled together. If the new time is not ' +
        'free (409) the booking is unchanged. The answer is the new booking (rescheduledFromId = old id).',
      params: AppointmentIdParams,
      body: RescheduleBodySchema,
      response: { 200: AppointmentSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) =>
      rescheduleAppointment(
        app.db,
        request.auth!.tenant.id,
        request.params.id,
        hashManageToken(request.body.token),
        request.body.startTimeUtc,
        app.now(),
      ),
  });
};
