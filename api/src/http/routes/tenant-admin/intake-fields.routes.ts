import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticatedErrors, IdParams } from '../../../schemas/common.ts';
import { IntakeFieldSchema, PutIntakeFieldsBodySchema } from '../../../schemas/intake-field.schemas.ts';

const tags = ['Intake forms'];
const security = [{ secretKey: [] }];
const IntakeFieldListSchema = z.object({ data: z.array(IntakeFieldSchema) });

export const intakeFieldsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/services/:id/intake-fields', {
    schema: {
      tags,
      security,
      summary: "Get a service's intake form",
      description: 'The active fields, in form order.',
      params: IdParams,
      response: { 200: IntakeFieldListSchema, ...authenticatedErrors },
    },
    handler: async (request) => ({ data: await request.scope.intakeFields.list(request.params.id) }),
  });

  app.put('/services/:id/intake-fields', {
    schema: {
      tags,
      security,
      summary: "Replace a service's intake form",
      description:
        'The body is the whole form, in order. Items with an id update that field of this service; items ' +
        'without one are added; fields left out are removed (deactivated instead if clients already answered them).',
      params: IdParams,
      body: PutIntakeFieldsBodySchema,
      response: { 200: IntakeFieldListSchema, ...authenticatedErrors },
    },
    handler: async (request) => ({
      data: await request.scope.intakeFields.replace(request.params.id, request.body),
    }),
  });
};
