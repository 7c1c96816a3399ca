import { perAddressLimit } from '../../per-address-limit.ts';
import { secretBoxOf } from '../../../adapters/crypto/secret-box.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { forTenant } from '../../../adapters/db/tenant-scope.ts';
import {
  AcceptedRequestSchema,
  AcceptedSchema,
  AcceptInvitationBodySchema,
  NewPasswordBodySchema,
  PasswordResetRequestSchema,
  TokenParams,
} from '../../../schemas/auth.schemas.ts';
import { ErrorResponse } from '../../../schemas/common.ts';
import { redeemStaffToken, requestPasswordReset } from '../../../use-cases/staff/password-reset.ts';

const tags = ['Staff sign-in'];
const errors = { 400: ErrorResponse, 404: ErrorResponse };
/** Reset requests an address may make a minute: each queues an email, so a flood stops here. */
export const PASSWORD_RESETS_PER_MINUTE = 5;

export const passwordResetRoutes: FastifyPluginAsyncZod = async (app) => {
  const checkAddress = await perAddressLimit(
    app,
    'password-resets',
    PASSWORD_RESETS_PER_MINUTE,
    'Too many reset requests from this address.',
  );

  app.post('/password-resets', {
    onRequest: checkAddress,
    schema: {
      tags,
      summary: 'Ask for a password-reset link',
      description:
        'Always 202 with the same answer, whether or not the email has an account. Each account with ' +
        'the email (in `tenantSlug` only, if given) gets a single-use link valid 1 hour through the outbox.',
      body: PasswordResetRequestSchema,
      response: { 202: AcceptedRequestSchema, 429: ErrorResponse, ...errors },
    },
    handler: async (request, reply) => {
      await requestPasswordReset((tenantId) => forTenant(app.db, tenantId), app.staffAuth, request.body, {
        publicUrl: app.config.PUBLIC_URL,
        box: secretBoxOf(app.config),
        now: app.now(),
      });
      return reply.status(202).send({
        accepted: true as const,
        message: 'If the email has an account, a reset link is on its way.',
      });
    },
  });

  app.post('/password-resets/:token', {
    config: { noStore: true },
    schema: {
      tags,
      summary: 'Set a new password from a reset link',
      description: 'The link works once, for 1 hour; every session of the account is signed out.',
      params: TokenParams,
      body: NewPasswordBodySchema,
      response: { 200: AcceptedSchema, ...errors },
    },
    handler: async (request) => ({
      account: await redeemStaffToken(app.staffAuth, 'RESET', request.params.token, request.body, app.now()),
    }),
  });

  app.post('/invitations/:token/accept', {
    config: { noStore: true },
    schema: {
      tags,
      summary: 'Accept an invitation: set the first password',
      description: 'The link works once, for 7 days. Then sign in with POST /v1/auth/sessions.',
      params: TokenParams,
      body: AcceptInvitationBodySchema,
      response: { 200: AcceptedSchema, ...errors },
    },
    handler: async (request) => ({
      account: await redeemStaffToken(app.staffAuth, 'INVITE', request.params.token, request.body, app.now()),
    }),
  });
};
