import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppointmentIdParams, AppointmentSchema } from '../../../schemas/appointment.schemas.ts';
import { authenticatedErrors, ErrorResponse } from '../../../schemas/common.ts';
import { collectBalanceAtVenue } from '../../../use-cases/collect-balance.ts';

const CollectBalanceBodySchema = z
  .object({
    method: z.literal('venue').meta({
      description: 'venue: taken at the business (cash, a card terminal), recorded without a card charge.',
    }),
  })
  .strict();

export const appointmentPaymentsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/appointments/:id/collect-balance', {
    config: { noStore: true },
    schema: {
      tags: ['Appointments (admin)'],
      security: [{ secretKey: [] }],
      summary: 'Record what is still due as paid at the venue',
      description:
        'The booking becomes PAID (a held booking is confirmed); the amount is what is still due: the ' +
        "price minus what was paid. 409 when nothing is due or the booking can't take money.",
      params: AppointmentIdParams,
      body: CollectBalanceBodySchema,
      response: { 200: AppointmentSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request) => collectBalanceAtVenue(request.scope, request.params.id, app.now()),
  });
};
