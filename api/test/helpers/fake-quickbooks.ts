import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { startFakeQuickBooks, type FakeQuickBooks } from '../../../test/fakes/quickbooks/index.ts';
import { quickbooksFeature } from '../../src/jobs/quickbooks.feature.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { featureJobs } from './calendar-jobs.ts';
import { admin, type TestApp } from './test-app.ts';

export type { FakeQuickBooks };

export const PUBLIC_URL = 'https://book.example';

/** A fake QuickBooks Online on `now` and the environment that points the app at it (for buildTestApp). */
export async function fakeQuickBooksEnvironment(
  now: () => Date,
): Promise<{ quickbooks: FakeQuickBooks; env: Record<string, string> }> {
  const quickbooks = await startFakeQuickBooks({ now });
  return {
    quickbooks,
    env: {
      QUICKBOOKS_CLIENT_ID: quickbooks.clientId,
      QUICKBOOKS_CLIENT_SECRET: quickbooks.clientSecret,
      QUICKBOOKS_API_BASE: quickbooks.url,
      QUICKBOOKS_OAUTH_BASE: quickbooks.url,
      PUBLIC_URL,
      ENCRYPTION_KEY: Buffer.from('0123456789abcdef0123456789abcdef').toString('base64'),
    },
  };
}

/** The admin starts the connection, picks `realmId` at Intuit, the browser comes back: the callback's answer. */
export async function connectQuickBooks(
  app: FastifyInstance,
  tenant: CreatedTenant,
  quickbooks: FakeQuickBooks,
  realmId: string,
) {
  const started = await admin(app, tenant, { method: 'POST', url: '/v1/tenant-admin/quickbooks/connect' });
  expect(started.statusCode, started.body).toBe(200);
  const back = new URL(quickbooks.consent(started.json().authorizationUrl, { realmId }));
  expect(back.origin).toBe(PUBLIC_URL);
  return app.inject({ method: 'GET', url: `${back.pathname}${back.search}` });
}

/** The QuickBooks feature's jobs without pg-boss (calendar-jobs.ts, featureJobs). */
export function quickbooksJobs(t: TestApp, now: () => Date) {
  return featureJobs(quickbooksFeature, t, now);
}
