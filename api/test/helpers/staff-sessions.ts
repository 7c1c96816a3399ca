import type { FastifyInstance } from 'fastify';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin } from './test-app.ts';

export const PASSWORD = 'correct horse battery';

let counter = 0;

/** A staff account with a password, made through the API with the tenant's secret key. */
export async function createStaff(
  app: FastifyInstance,
  tenant: CreatedTenant,
  options: {
    role?: 'owner' | 'manager' | 'provider';
    providerId?: string;
    email?: string;
    password?: string;
  } = {},
) {
  counter += 1;
  const response = await admin(app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/staff',
    payload: {
      email: options.email ?? `staff${counter}-${Date.now()}@studio.example`,
      name: `Staff ${counter}`,
      role: options.role ?? 'owner',
      ...(options.providerId ? { providerId: options.providerId } : {}),
      password: options.password ?? PASSWORD,
    },
  });
  if (response.statusCode !== 201) throw new Error(`createStaff: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string; email: string }>();
}

export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD, tenantSlug?: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/auth/sessions',
    payload: { email, password, ...(tenantSlug ? { tenantSlug } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`signIn: ${response.statusCode} ${response.body}`);
  const token = response.cookies.find((c) => c.name === 'mais_session')!.value;
  return { cookie: `mais_session=${token}`, csrf: response.json<{ csrfToken: string }>().csrfToken };
}

/** inject() with a session cookie and (unless `csrf: false`) its CSRF token. */
export function asSession(
  app: FastifyInstance,
  session: Session,
  options: { method: string; url: string; payload?: unknown; csrf?: boolean },
) {
  const { csrf = true, ...rest } = options;
  return app.inject({
    ...(rest as { method: 'GET'; url: string }),
    headers: { cookie: session.cookie, ...(csrf ? { 'x-csrf-token': session.csrf } : {}) },
  });
}
