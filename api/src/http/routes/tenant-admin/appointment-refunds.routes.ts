import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminRefundBodySchema,
  AppointmentIdParams,
  AppointmentSchema,
} from '../../../schemas/appointment.schemas.ts';
import { authenticatedErrors, ErrorResponse } from '../../../schemas/common.ts';
import { refundAppointment } from '../../../use-cases/refund-appointment.ts';

export const appointmentRefundsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/appointments/:id/refund', {
    config: { noStore: true },
    schema: {
      tags: ['Appointments (admin)'],
      security: [{ secretKey: [] }],
      summary: 'Refund part or all of what was paid by card, for any reason',
      description:
        'Any booking, in any status. `amountCents` goes back by card, split over the card payments ' +
        'newest first; it may be at most what was paid by card and not refunded yet, refunds on their ' +
        'way included (400; 409 when the rest was paid at the venue: give that back there). The refund ' +
        'is in the history (REFUNDED, with the reason) and the ledger. If the card processor fails, the ' +
        'refund is recorded and waits: 503, and the same request again retries it (never a second ' +
        'refund); meanwhile another amount answers 409. 409 `payments_not_configured` without card ' +
        'payments on the platform, 409 `invalid_state` when the tenant has no Stripe account.',
      params: AppointmentIdParams,
      body: AdminRefundBodySchema,
      response: {
        200: AppointmentSchema,
        ...authenticatedErrors,
        409: ErrorResponse,
        422: ErrorResponse,
        503: ErrorResponse,
      },
    },
    handler: async (request) =>
      refundAppointment(request.scope, app.payments, request.params.id, request.body, app.now()),
  });
};
