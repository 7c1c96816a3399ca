import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { startFakeGoogle, type FakeGoogle, type Sender } from '../../../test/fakes/google/index.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin } from './test-app.ts';

export type { FakeGoogle };

export const PUBLIC_URL = 'https://book.example';

/** A fake Google on `now` and the environment that points the app at it (for buildTestApp). */
export async function fakeGoogleEnvironment(
  now: () => Date,
): Promise<{ google: FakeGoogle; env: Record<string, string> }> {
  const google = await startFakeGoogle({ now });
  return {
    google,
    env: {
      GOOGLE_CLIENT_ID: google.clientId,
      GOOGLE_CLIENT_SECRET: google.clientSecret,
      GOOGLE_API_BASE: google.apiRoot,
      GOOGLE_OAUTH_BASE: google.url,
      PUBLIC_URL,
      ENCRYPTION_KEY: Buffer.from('0123456789abcdef0123456789abcdef').toString('base64'),
    },
  };
}

/** The admin starts the connection, `email` consents at Google, the browser comes back: the callback's answer. */
export async function connectGoogle(
  app: FastifyInstance,
  tenant: CreatedTenant,
  providerId: string,
  google: FakeGoogle,
  email: string,
) {
  const started = await admin(app, tenant, {
    method: 'POST',
    url: `/v1/tenant-admin/providers/${providerId}/calendar/google`,
  });
  expect(started.statusCode, started.body).toBe(200);
  const back = new URL(google.consent(started.json().authorizationUrl, { email }));
  expect(back.origin).toBe(PUBLIC_URL);
  return app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
}

/** Google's push notifications, delivered to the app in process (the fake addresses PUBLIC_URL). */
export function viaApp(app: FastifyInstance): Sender {
  return async (address, headers) => {
    const response = await app.inject({ method: 'POST', url: new URL(address).pathname, headers });
    return response.statusCode;
  };
}
