import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { InvalidApiKeyError } from '../../../domain/errors.ts';
import { ErrorResponse } from '../../../schemas/common.ts';
import { CreateTenantBodySchema, TenantSchema } from '../../../schemas/tenant.schemas.ts';
import { createTenant } from '../../../use-cases/create-tenant.ts';
import { z } from 'zod';

const CreatedTenantSchema = z
  .object({
    tenant: TenantSchema,
    keys: z.object({
      publishable: z.string().meta({ description: 'pk_live_…, for the widget and public routes.' }),
      secret: z.string().meta({ description: 'sk_live_…, for admin routes. Shown once.' }),
    }),
  })
  .meta({ id: 'CreatedTenant' });

/** Onboarding for the platform operator; registered only when PLATFORM_API_TOKEN is set. */
export const platformTenantsRoutes: FastifyPluginAsyncZod<{ platformToken: string }> = async (
  app,
  { platformToken },
) => {
  const expected = Buffer.from(platformToken);

  app.addHook('onRequest', async (request) => {
    const presented = Buffer.from(request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? '');
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      throw new InvalidApiKeyError(
        'A valid platform token is required: Authorization: Bearer $PLATFORM_API_TOKEN.',
      );
    }
  });

  app.post('/tenants', {
    // The answer holds the tenant's first keys (plugins/security-headers.ts; all of /v1/platform has it anyway).
    config: { noStore: true },
    schema: {
      tags: ['Platform'],
      security: [{ platformToken: [] }],
      summary: 'Create a tenant and its first key pair',
      body: CreateTenantBodySchema,
      response: { 201: CreatedTenantSchema, 400: ErrorResponse, 401: ErrorResponse, 409: ErrorResponse },
    },
    handler: async (request, reply) => reply.status(201).send(await createTenant(app.db, request.body)),
  });
};
