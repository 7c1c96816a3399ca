import { secretBoxOf } from '../../../adapters/crypto/secret-box.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { toStaffAccountDto } from '../../../adapters/db/repositories/staff-accounts.repository.ts';
import { authenticatedErrors, ErrorResponse, IdParams, ListQuery, pageOf } from '../../../schemas/common.ts';
import {
  CreateStaffBodySchema,
  StaffAccountSchema,
  UpdateStaffBodySchema,
} from '../../../schemas/staff.schemas.ts';
import { createStaffAccount } from '../../../use-cases/staff/create-staff.ts';

const tags = ['Staff'];
const security: Array<Record<string, string[]>> = [{ secretKey: [] }, { session: [] }];
// Staff and their roles are the owner's (a secret key counts as an owner).
const config = { access: 'owner' as const };

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/staff', {
    config,
    schema: {
      tags,
      security,
      summary: 'Add a staff account',
      description:
        'With a password the account can sign in at once; without one an invitation (a single-use link, ' +
        'valid 7 days) goes out through the outbox. 409 when the email already has an account here.',
      body: CreateStaffBodySchema,
      response: { 201: StaffAccountSchema, 409: ErrorResponse, ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      const row = await createStaffAccount(request.scope, request.body, {
        publicUrl: app.config.PUBLIC_URL,
        box: secretBoxOf(app.config),
        now: app.now(),
      });
      return reply.status(201).send(toStaffAccountDto(row));
    },
  });

  app.get('/staff', {
    config,
    schema: {
      tags,
      security,
      summary: 'List staff accounts',
      querystring: ListQuery,
      response: { 200: pageOf(StaffAccountSchema), ...authenticatedErrors },
    },
    handler: async (request) => request.scope.staffAccounts.list(request.query),
  });

  app.get('/staff/:id', {
    config,
    schema: {
      tags,
      security,
      summary: 'Get a staff account',
      params: IdParams,
      response: { 200: StaffAccountSchema, ...authenticatedErrors },
    },
    handler: async (request) => toStaffAccountDto(await request.scope.staffAccounts.get(request.params.id)),
  });

  app.patch('/staff/:id', {
    config,
    schema: {
      tags,
      security,
      summary: 'Change a staff account (name, role, provider, disabled)',
      description: 'A change of role, or disabling, signs the account out everywhere.',
      params: IdParams,
      body: UpdateStaffBodySchema,
      response: { 200: StaffAccountSchema, ...authenticatedErrors },
    },
    handler: async (request) => {
      const { disabled, ...rest } = request.body;
      const now = app.now();
      const row = await request.scope.staffAccounts.update(
        request.params.id,
        { ...rest, ...(disabled !== undefined ? { disabledAt: disabled ? now : null } : {}) },
        now,
      );
      return toStaffAccountDto(row);
    },
  });

  app.delete('/staff/:id', {
    config,
    schema: {
      tags,
      security,
      summary: 'Delete a staff account',
      description: 'Its sessions and links end with it.',
      params: IdParams,
      response: { 200: StaffAccountSchema, ...authenticatedErrors },
    },
    handler: async (request) =>
      toStaffAccountDto(await request.scope.staffAccounts.remove(request.params.id)),
  });
};
