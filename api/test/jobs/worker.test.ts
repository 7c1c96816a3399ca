import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { forTenant } from '../../src/adapters/db/tenant-scope.ts';
import type { DispatchedEvent, JobFeature } from '../../src/jobs/job-context.ts';
import { DEAD_LETTER_QUEUE, startWorker, type Worker } from '../../src/jobs/worker.ts';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody } from '../helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';
import { until } from '../helpers/until.ts';

// The job runner on real PostgreSQL: the dispatcher turns committed history into jobs once, with
// several workers; jobs run, retry, land in the dead-letter queue, and survive a restart.

let t: TestApp;
let tenant: CreatedTenant;
let serviceId: string;
const workers: Worker[] = [];
const silent = { info() {}, warn() {}, error() {} };

/** A feature that records what it is shown and what its one queue runs. */
function recordingFeature(options: { failTimes?: number; retryLimit?: number } = {}) {
  const seen: DispatchedEvent[] = [];
  const ran: Array<Record<string, unknown>> = [];
  let failures = 0;
  const feature: JobFeature = {
    jobs: [
      {
        queue: 'test.echo',
        retryLimit: options.retryLimit ?? 2,
        async handler(data) {
          if (failures < (options.failTimes ?? 0)) {
            failures += 1;
            throw new Error('failing on purpose');
          }
          ran.push(data);
        },
      },
    ],
    async onAppointmentEvent(event, queue) {
      seen.push(event);
      await queue.send('test.echo', { seq: event.seq, type: event.type });
    },
  };
  return { feature, seen, ran, failures: () => failures };
}

async function worker(feature: JobFeature, extra: Partial<Parameters<typeof startWorker>[0]> = {}) {
  const started = await startWorker({
    connectionString: t.database.url,
    db: t.db,
    config: t.app.config,
    log: silent,
    features: [feature],
    dispatchIntervalMs: 60_000, // the tests dispatch by hand
    ...extra,
  });
  workers.push(started);
  return started;
}

const book = async (start: string) => {
  const response = await admin(t.app, tenant, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: bookingBody(serviceId, start, { overrideRules: true }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().appointment.id as string;
};

beforeAll(async () => {
  t = await buildTestApp();
  tenant = await createTestTenant(t.db);
  ({ serviceId } = await bookableService(t.app, tenant));
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop(1000)));
});
afterAll(() => t.close());

describe('the event dispatcher', () => {
  it('hands every committed event to the features once, in order, and enqueues their jobs', async () => {
    const recording = recordingFeature();
    const w = await worker(recording.feature);
    const first = await book('2030-01-07T10:00:00Z');
    const second = await book('2030-01-07T12:00:00Z');
    await w.dispatchNow();
    const mine = recording.seen.filter((e) => [first, second].includes(e.appointmentId));
    expect(mine.map((e) => [e.appointmentId, e.type])).toEqual([
      [first, 'CREATED'],
      [second, 'CREATED'],
    ]);
    const seqs = recording.seen.map((e) => Number(e.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(await w.dispatchNow()).toBe(0); // nothing new: the cursor moved with the jobs
    const ran = await until(
      () => recording.ran,
      (r) => r.length >= recording.seen.length,
    );
    expect(ran.map((r) => r.seq).sort()).toEqual(recording.seen.map((e) => e.seq).sort());
  });

  it('never dispatches a change that rolled back', async () => {
    const recording = recordingFeature();
    const w = await worker(recording.feature);
    await w.dispatchNow();
    const id = await book('2030-01-08T10:00:00Z');
    await expect(
      forTenant(t.db, tenant.tenant.id).transaction(async (tx) => {
        await tx.appointments.lockForChange(id);
        await tx.appointmentWrites.setStatus(id, 'CANCELLED', 'admin', new Date(), 'rolled back');
        throw new Error('roll it back');
      }),
    ).rejects.toThrow('roll it back');
    await w.dispatchNow();
    expect(recording.seen.filter((e) => e.appointmentId === id).map((e) => e.type)).toEqual(['CREATED']);
  });

  it.each([1, 2, 3])(
    'with two workers dispatching at once, each event goes out once (round %i)',
    async () => {
      const a = recordingFeature();
      const b = recordingFeature();
      const wa = await worker(a.feature);
      const wb = await worker(b.feature);
      await wa.dispatchNow();
      const before = a.seen.length;
      const ids = await Promise.all(
        ['09', '10', '11', '12', '13'].map((hour, i) => book(`2030-02-0${i + 1}T${hour}:00:00Z`)),
      );
      await Promise.all([wa.dispatchNow(), wb.dispatchNow(), wa.dispatchNow(), wb.dispatchNow()]);
      await Promise.all([wa.dispatchNow(), wb.dispatchNow()]);
      const seen = [...a.seen.slice(before), ...b.seen].filter((e) => ids.includes(e.appointmentId));
      expect(seen.map((e) => e.appointmentId).sort()).toEqual([...ids].sort());
      expect(new Set(seen.map((e) => e.seq)).size).toBe(seen.length);
      // Cancel the bookings so the next round finds free times again.
      for (const id of ids)
        await admin(t.app, tenant, { method: 'POST', url: `/v1/tenant-admin/appointments/${id}/cancel` });
    },
  );
});

describe('jobs', () => {
  it('retries a failing job with backoff, and it runs once it succeeds', async () => {
    const recording = recordingFeature({ failTimes: 1 });
    const w = await worker(recording.feature);
    await w.queue.send('test.echo', { hello: 'again' });
    const ran = await until(
      () => recording.ran,
      (r) => r.some((data) => data.hello === 'again'),
      20_000,
    );
    expect(recording.failures()).toBe(1);
    expect(ran.filter((data) => data.hello === 'again')).toHaveLength(1);
  });

  it('sends a job whose retries are spent to the dead-letter queue', async () => {
    const recording = recordingFeature({ failTimes: 100, retryLimit: 0 });
    const w = await worker(recording.feature);
    await w.queue.send('test.echo', { doomed: true });
    const dead = await until(
      () =>
        t.db.$queryRaw<Array<{ data: { doomed?: boolean } }>>`
          SELECT data FROM pgboss.job WHERE name = ${DEAD_LETTER_QUEUE}`,
      (rows) => rows.some((row) => row.data.doomed),
      20_000,
    );
    expect(dead.filter((row) => row.data.doomed).map((row) => row.data)).toEqual([{ doomed: true }]);
  });

  it('keeps a job across a restart: one sent to a stopped worker runs on the next', async () => {
    const first = recordingFeature();
    const w = await worker(first.feature);
    await w.queue.send('test.echo', { survives: true }, { startAfter: new Date(Date.now() + 1500) });
    await w.stop(1000);
    workers.splice(workers.indexOf(w), 1);
    expect(first.ran.some((data) => data.survives)).toBe(false);
    const second = recordingFeature();
    await worker(second.feature);
    await until(
      () => second.ran,
      (r) => r.some((data) => data.survives === true),
      20_000,
    );
  });
});
