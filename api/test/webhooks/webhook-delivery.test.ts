import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature, type WebhookEvent } from '@mais/sdk';
import { WebhooksRepository } from '../../src/adapters/db/repositories/webhooks.repository.ts';
import { webhooksFeature } from '../../src/jobs/webhooks.feature.ts';
import { startWorker, type Worker } from '../../src/jobs/worker.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody } from '../helpers/booking-fixtures.ts';
import { TEST_ENCRYPTION_KEY } from '../helpers/notification-jobs.ts';
import { createStaff } from '../helpers/staff-sessions.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';
import { startWebhookReceiver, type ReceivedRequest } from '../helpers/webhook-receiver.ts';
import { until } from '../helpers/until.ts';

// Outgoing webhooks end to end: the real worker (pg-boss on the test database) turns the
// appointment history into signed POSTs to a real HTTP receiver, retries failures with backoff,
// turns a failing endpoint off and emails the owners, and redelivers on request. Retries are
// shortened (3 attempts, 1 s doubling) by configuration.

const BASE = '/v1/tenant-admin/webhook-endpoints';
let t: TestApp;
let tenant: CreatedTenant;
let serviceId: string;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let worker: Worker;
let ownerEmail: string;
let slot = 0;

async function createEndpoint(path: string, events: string[]) {
  const response = await admin(t.app, tenant, {
    method: 'POST',
    url: BASE,
    payload: { url: receiver.url(path), events },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string; secret: string }>();
}

async function book() {
  slot += 1;
  const start = new Date(Date.UTC(2030, 0, 7 + slot, 10)).toISOString();
  const response = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: bookingBody(serviceId, start, { overrideRules: true }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointment.id as string;
}

/** A booking, its balance collected at the venue (5000), then cancelled: three events. */
async function bookPayAndCancel() {
  const id = await book();
  const collect = await admin(t.app, tenant, {
    method: 'POST',
    url: `/v1/tenant-admin/appointments/${id}/collect-balance`,
    payload: { method: 'venue' },
  });
  expect(collect.statusCode, collect.body).toBe(200);
  const cancel = await admin(t.app, tenant, {
    method: 'POST',
    url: `/v1/tenant-admin/appointments/${id}/cancel`,
    payload: { reason: 'Client asked' },
  });
  expect(cancel.statusCode, cancel.body).toBeLessThan(300);
  return id;
}

const startTestWorker = () =>
  startWorker({
    connectionString: t.database.url,
    db: t.db,
    config: t.app.config,
    log: { info() {}, warn() {}, error() {} },
    features: [webhooksFeature],
    dispatchIntervalMs: 100,
  });

const at = (path: string) => receiver.received.filter((request) => request.path === path);
const deliveries = (endpointId: string) =>
  t.db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  t = await buildTestApp({
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    WEBHOOK_ATTEMPTS: '3',
    WEBHOOK_RETRY_DELAY_SECONDS: '1',
  });
  tenant = await createTestTenant(t.db);
  ({ serviceId } = await bookableService(t.app, tenant));
  ownerEmail = (await createStaff(t.app, tenant, { role: 'owner' })).email;
  receiver = await startWebhookReceiver();
  worker = await startTestWorker();
});
afterEach(() => {
  receiver.reply = () => ({ status: 200, body: 'ok' });
});
afterAll(async () => {
  await worker.stop(1000);
  await receiver.close();
  await t.close();
});

describe('outgoing webhooks', () => {
  it('POSTs each subscribed event once, signed, with the booking; the log shows each delivered', async () => {
    const endpoint = await createEndpoint('/crm', [
      'appointment.created',
      'payment.succeeded',
      'appointment.cancelled',
    ]);
    const id = await bookPayAndCancel();

    const requests = await until(
      async () => at('/crm'),
      (list) => list.length >= 3,
    );
    const events: WebhookEvent[] = [];
    for (const request of requests) {
      events.push(
        await verifyWebhookSignature({
          payload: request.body,
          header: request.headers['mais-signature'] as string,
          secret: endpoint.secret,
        }),
      );
      expect(request.headers['content-type']).toBe('application/json');
    }
    expect(events.map((event) => event.type).sort()).toEqual([
      'appointment.cancelled',
      'appointment.created',
      'payment.succeeded',
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ tenant: tenant.tenant.id, data: { appointment: { id, serviceId } } });
      expect(event.id).toMatch(/^evt_[0-9a-f]{24}$/);
    }
    const paid = events.find((event) => event.type === 'payment.succeeded')!;
    expect(paid.data.change).toMatchObject({ method: 'venue', amountCents: 5000, actor: 'system' });

    const log = await until(
      () => deliveries(endpoint.id),
      (rows) => rows.length === 3 && rows.every((row) => row.status === 'SUCCEEDED'),
    );
    expect(log.map((row) => [row.attempts, row.responseStatus, row.responseBody])).toEqual([
      [1, 200, 'ok'],
      [1, 200, 'ok'],
      [1, 200, 'ok'],
    ]);
    // Each request carried its event id, and no event came twice.
    expect(new Set(requests.map((request) => request.headers['mais-event-id'])).size).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(at('/crm')).toHaveLength(3);
  });

  it('shows in each event the booking as that change left it, even when later changes came before the send', async () => {
    const endpoint = await createEndpoint('/as-of', [
      'appointment.created',
      'payment.succeeded',
      'appointment.cancelled',
    ]);
    // No worker while the three changes are made: all three events are sent after the last.
    await worker.stop(1000);
    const id = await bookPayAndCancel();
    worker = await startTestWorker();

    const requests = await until(
      async () => at('/as-of'),
      (list) => list.length >= 3,
    );
    const byType = new Map<string, Record<string, unknown>>();
    for (const request of requests) {
      const event = await verifyWebhookSignature({
        payload: request.body,
        header: request.headers['mais-signature'] as string,
        secret: endpoint.secret,
      });
      byType.set(event.type, event.data.appointment!);
    }
    const created = byType.get('appointment.created')!;
    const paid = byType.get('payment.succeeded')!;
    const cancelled = byType.get('appointment.cancelled')!;
    expect(created).toMatchObject({ id, status: 'CONFIRMED', paidCents: 0, cancellationReason: null });
    expect(paid).toMatchObject({ id, status: 'CONFIRMED', paymentStatus: 'PAID', paidCents: 5000 });
    expect(cancelled).toMatchObject({
      id,
      status: 'CANCELLED',
      paidCents: 5000,
      cancellationReason: 'Client asked',
    });
    // The same fields as the booking read now, and never a token's hash or sealed value.
    const now = await new WebhooksRepository(t.db, tenant.tenant.id).appointmentSnapshot(id, null);
    expect(Object.keys(created).sort()).toEqual(Object.keys(now!).sort());
    expect(JSON.stringify([...byType.values()])).not.toMatch(/token|hash|sealed/i);
    expect(now).toMatchObject({ ...cancelled, updatedAt: now!.updatedAt });
    expect(created).toMatchObject({ serviceName: now!.serviceName, providerName: now!.providerName });
    expect(created.startTimeUtc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('retries a failing endpoint with backoff until it answers 2xx', async () => {
    let calls = 0;
    receiver.reply = (request) => {
      if (request.path !== '/flaky') return { status: 200 };
      calls += 1;
      return calls < 3 ? { status: 503, body: `down ${calls}` } : { status: 202, body: 'finally' };
    };
    const endpoint = await createEndpoint('/flaky', ['appointment.created']);
    await book();
    const [delivery] = await until(
      () => deliveries(endpoint.id),
      (rows) => rows[0]?.status === 'SUCCEEDED',
    );
    expect(delivery).toMatchObject({
      attempts: 3,
      responseStatus: 202,
      responseBody: 'finally',
      lastError: null,
    });
    const times = at('/flaky').map((request) => JSON.parse(request.body).id);
    expect(new Set(times).size).toBe(1);
    expect(at('/flaky')).toHaveLength(3);
    const endpointRow = await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(endpointRow.lastSuccessAt).not.toBeNull();
  });

  it('after the last attempt fails, turns the endpoint off, emails the owners once, and sends it nothing more', async () => {
    receiver.reply = (request) =>
      request.path === '/dead' ? { status: 500, body: 'broken' } : { status: 200 };
    const endpoint = await createEndpoint('/dead', ['appointment.created']);
    await book();
    const [failed] = await until(
      () => deliveries(endpoint.id),
      (rows) => rows[0]?.status === 'FAILED',
    );
    expect(failed).toMatchObject({
      attempts: 3,
      responseStatus: 500,
      responseBody: 'broken',
      lastError: 'answered 500',
    });
    const row = await t.db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row).toMatchObject({ enabled: false, disabledReason: 'failing' });
    const notices = await t.db.outboxMessage.findMany({
      where: { tenantId: tenant.tenant.id, kind: 'webhook-endpoint-disabled' },
    });
    expect(notices.map((notice) => notice.recipient)).toEqual([ownerEmail]);
    expect(notices[0]!.textBody).toContain(receiver.url('/dead'));

    await book();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await deliveries(endpoint.id)).toHaveLength(1);
    expect(at('/dead')).toHaveLength(3);

    // Fixed and on again: the failed delivery is sent again on request, with the same event id.
    receiver.reply = () => ({ status: 200, body: 'back' });
    const on = await admin(t.app, tenant, {
      method: 'PATCH',
      url: `${BASE}/${endpoint.id}`,
      payload: { enabled: true },
    });
    expect(on.json()).toMatchObject({ enabled: true, disabledReason: null });
    const redeliver = await admin(t.app, tenant, {
      method: 'POST',
      url: `${BASE}/deliveries/${failed!.id}/redeliver`,
    });
    expect(redeliver.statusCode).toBe(202);
    const again = await until(
      () => t.db.webhookDelivery.findUniqueOrThrow({ where: { id: redeliver.json().id } }),
      (delivery) => delivery.status === 'SUCCEEDED',
    );
    expect(again).toMatchObject({ eventId: failed!.eventId, attempts: 1, responseBody: 'back' });
    expect(JSON.parse(at('/dead').at(-1)!.body).id).toBe(failed!.eventId);
  });

  it('during a rotation signs with both secrets; either verifies', async () => {
    const endpoint = await createEndpoint('/rotating', ['appointment.created']);
    const rotated = await admin(t.app, tenant, {
      method: 'POST',
      url: `${BASE}/${endpoint.id}/rotate-secret`,
      payload: {},
    });
    const newSecret = rotated.json().secret as string;
    await book();
    const [request] = await until(
      async () => at('/rotating'),
      (list) => list.length === 1,
    );
    const header = request!.headers['mais-signature'] as string;
    expect(header.match(/v1=/g)).toHaveLength(2);
    for (const secret of [endpoint.secret, newSecret]) {
      await expect(verifyWebhookSignature({ payload: request!.body, header, secret })).resolves.toBeTruthy();
    }
    await expect(
      verifyWebhookSignature({ payload: request!.body, header, secret: 'whsec_other' }),
    ).rejects.toThrow();
  });

  it('two workers polling at once give each delivery one job (10 bookings)', async () => {
    const second = await startWorker({
      connectionString: t.database.url,
      db: t.db,
      config: t.app.config,
      log: { info() {}, warn() {}, error() {} },
      features: [webhooksFeature],
      dispatchIntervalMs: 50,
    });
    try {
      const endpoint = await createEndpoint('/busy', ['appointment.created']);
      await Promise.all(Array.from({ length: 10 }, () => book()));
      await until(
        () => deliveries(endpoint.id),
        (rows) => rows.length === 10 && rows.every((row) => row.status === 'SUCCEEDED'),
      );
      await new Promise((resolve) => setTimeout(resolve, 500));
      const ids = at('/busy').map((request: ReceivedRequest) => JSON.parse(request.body).id);
      expect(ids).toHaveLength(10);
      expect(new Set(ids).size).toBe(10);
      expect((await deliveries(endpoint.id)).every((row) => row.attempts === 1)).toBe(true);
    } finally {
      await second.stop(1000);
    }
  });
});
