import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppointmentIdParams, AppointmentSchema } from '../../../schemas/appointment.schemas.ts';
import { authenticatedErrors, ErrorResponse } from '../../../schemas/common.ts';
import { resendConfirmation } from '../../../use-cases/resend-confirmation.ts';

/** Sending a booking's confirmation email again, for a client who lost it. */
export const appointmentConfirmationRoutes: FastifyPluginAsyncZod = async (app) => {
  // Manager and up: the messages it makes are in the outbox, which a provider account does not see.
  app.post('/appointments/:id/resend-confirmation', {
    config: { noStore: true },
    schema: {
      tags: ['Appointments (admin)'],
      security: [{ secretKey: [] }],
      summary: 'Send the confirmation email again',
      description:
        'Queues one more confirmation to the client (with the .ics), built by the background jobs like ' +
        'the first: it shows in GET /v1/tenant-admin/outbox?appointmentId=…, and the history gets a ' +
        'CONFIRMATION_RESENT event. Send an Idempotency-Key: the same key again (a double click, a ' +
        'retry) sends nothing more. 409 `invalid_state` unless the booking is CONFIRMED and not over.',
      params: AppointmentIdParams,
      response: { 200: AppointmentSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) => resendConfirmation(request.scope, request.params.id, app.now()),
  });
};
