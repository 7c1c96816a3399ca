import { secretBoxOf } from '../../../adapters/crypto/secret-box.ts';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { InvalidApiKeyError } from '../../../domain/errors.ts';
import { ErrorResponse } from '../../../schemas/common.ts';
import { CreateTenantBodySchema, TenantSchema } from '../../../schemas/tenant.schemas.ts';
import { createTenant } from '../../../use-cases/create-tenant.ts';
import { inviteFirstOwner } from '../../../use-cases/staff/invite-first-owner.ts';
import { StaffAccountSchema, StaffEmail } from '../../../schemas/staff.schemas.ts';
import { text } from '../../../schemas/text.ts';

/** The tenant, and optionally its first owner, invited by email (issue 12). */
const CreateTenantWithOwnerSchema = CreateTenantBodySchema.extend({
  owner: z
    .object({ email: StaffEmail, name: text({ min: 1, max: 200, trim: true }) })
    .strict()
    .optional()
    .meta({ description: 'Invited as the owner: a single-use link (7 days) through the outbox.' }),
});
import { z } from 'zod';

const CreatedTenantSchema = z
  .object({
    tenant: TenantSchema,
    keys: z.object({
      publishable: z.string().meta({ description: 'pk_live_…, for the widget and public routes.' }),
      secret: z.string().meta({ description: 'sk_live_…, for admin routes. Shown once.' }),
    }),
    owner: StaffAccountSchema.nullable().meta({
      description: 'The invited first owner, when `owner` was sent.',
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
      body: CreateTenantWithOwnerSchema,
      response: { 201: CreatedTenantSchema, 400: ErrorResponse, 401: ErrorResponse, 409: ErrorResponse },
    },
    handler: async (request, reply) => {
      const { owner, ...tenantBody } = request.body;
      const created = await createTenant(app.db, tenantBody);
      const context = { publicUrl: app.config.PUBLIC_URL, box: secretBoxOf(app.config), now: app.now() };
      const invited = owner ? await inviteFirstOwner(app.db, created.tenant.id, owner, context) : null;
      return reply.status(201).send({ ...created, owner: invited });
    },
  });
};
