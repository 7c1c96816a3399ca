import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { admin, publicRequest } from './test-app.ts';

/** A controllable clock for the app: tests set `clock.now` to move time. */
export function testClock(start: string) {
  const clock = {
    now: new Date(start),
    tick: (minutes: number) => (clock.now = new Date(clock.now.getTime() + minutes * 60_000)),
  };
  return { clock, read: () => clock.now };
}

export const EVERY_DAY_9_TO_17 = [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
  dayOfWeek,
  startTime: '09:00',
  endTime: '17:00',
}));

async function call(
  app: FastifyInstance,
  tenant: CreatedTenant,
  method: 'POST' | 'PUT',
  url: string,
  payload: unknown,
) {
  const response = await admin(app, tenant, {
    method,
    url: `/v1/tenant-admin${url}`,
    payload: payload as object,
  });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json();
}

/**
 * A service offered by `providers` providers (hours `weekly` in the tenant's
 * zone), optionally needing `resources` rooms. Returns the ids.
 */
export async function bookableService(
  app: FastifyInstance,
  tenant: CreatedTenant,
  options: {
    service?: Record<string, unknown>;
    providers?: number;
    resources?: number;
    weekly?: Array<{ dayOfWeek: number; startTime: string; endTime: string; effectiveFrom?: string }>;
  } = {},
) {
  const resourceIds: string[] = [];
  for (let i = 0; i < (options.resources ?? 0); i++) {
    resourceIds.push(
      (await call(app, tenant, 'POST', '/resources', { name: `Room ${i + 1}`, kind: 'room' })).id,
    );
  }
  const service = await call(app, tenant, 'POST', '/services', {
    name: 'Session',
    durationMinutes: 60,
    priceBaseCents: 5000,
    resourceIds,
    ...options.service,
  });
  const providerIds: string[] = [];
  for (let i = 0; i < (options.providers ?? 1); i++) {
    const provider = await call(app, tenant, 'POST', '/providers', {
      name: `Provider ${i + 1}`,
      email: `p${i + 1}@example.com`,
    });
    await call(app, tenant, 'PUT', `/providers/${provider.id}/services`, [{ serviceId: service.id }]);
    await call(
      app,
      tenant,
      'PUT',
      `/providers/${provider.id}/availability`,
      options.weekly ?? EVERY_DAY_9_TO_17,
    );
    providerIds.push(provider.id);
  }
  return { serviceId: service.id as string, providerIds, resourceIds };
}

export function bookingBody(serviceId: string, startTimeUtc: string, extra: Record<string, unknown> = {}) {
  return {
    serviceId,
    startTimeUtc,
    client: { name: 'Ada Client', email: 'ada@example.com' },
    clientTimezone: 'Europe/Berlin',
    ...extra,
  };
}

/** Public booking requests for the tenant (or `owner`) of a test file's app. */
export function bookingRequests(context: () => { app: FastifyInstance; tenant: CreatedTenant }) {
  const publicCall = (owner: CreatedTenant | undefined, options: Parameters<typeof publicRequest>[2]) => {
    const { app, tenant } = context();
    return publicRequest(app, owner ?? tenant, options);
  };
  const book = (body: object, headers: Record<string, string> = {}, owner?: CreatedTenant) =>
    publicCall(owner, { method: 'POST', url: '/v1/public/appointments', payload: body, headers });
  const availability = (serviceId: string, query: string, owner?: CreatedTenant) =>
    publicCall(owner, { method: 'GET', url: `/v1/public/services/${serviceId}/availability?${query}` });
  /** The "HH:MM" UTC starts offered on `date`. */
  const startsOn = async (serviceId: string, date: string, extra = '') =>
    (await availability(serviceId, `startDate=${date}&endDate=${date}&timezone=UTC${extra}`))
      .json()
      .slots.map((slot: { startTimeUtc: string }) => slot.startTimeUtc.slice(11, 16));
  return { book, availability, startsOn };
}
