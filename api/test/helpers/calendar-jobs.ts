import { calendarFeature } from '../../src/jobs/calendar.feature.ts';
import type {
  DispatchedEvent,
  EnqueueOptions,
  JobContext,
  JobFeature,
  JobQueue,
} from '../../src/jobs/job-context.ts';
import { dispatchedEventOf } from './dispatched-event.ts';
import type { TestApp } from './test-app.ts';

export interface SentJob {
  queue: string;
  data: Record<string, unknown>;
  options: EnqueueOptions | undefined;
}

/** The calendar feature's jobs without pg-boss (featureJobs). */
export function calendarJobs(t: TestApp, now: () => Date) {
  return featureJobs(calendarFeature, t, now);
}

/**
 * A job feature without pg-boss: a JobContext on the test's database and clock, a queue that
 * records what is sent, the appointment history handed to onAppointmentEvent as the dispatcher
 * does (with the database to read), and the recorded jobs run by calling their handlers.
 */
export function featureJobs(feature: JobFeature, t: TestApp, now: () => Date) {
  const sent: SentJob[] = [];
  const logLines: string[] = [];
  const log = (level: string) => (data: object, message: string) =>
    void logLines.push(JSON.stringify({ level, message, ...data }));
  const queue: JobQueue = {
    async send(name, data, options) {
      sent.push({ queue: name, data: data as Record<string, unknown>, options });
    },
  };
  const context: JobContext = {
    db: t.db,
    config: t.app.config,
    now,
    log: { info: log('info'), warn: log('warn'), error: log('error') },
    queue,
  };
  const cursors = new Map<string, bigint>();

  /** Hands the history written since the last call to onAppointmentEvent, per tenant in seq order. */
  async function dispatch(): Promise<DispatchedEvent[]> {
    const rows = await t.db.appointmentEvent.findMany({ orderBy: [{ tenantId: 'asc' }, { seq: 'asc' }] });
    const fresh = rows.filter((row) => row.seq > (cursors.get(row.tenantId) ?? 0n));
    const events: DispatchedEvent[] = [];
    for (const row of fresh) {
      cursors.set(row.tenantId, row.seq);
      const event = dispatchedEventOf(row);
      events.push(event);
      await feature.onAppointmentEvent?.(event, queue, t.db);
    }
    return events;
  }

  async function run(queueName: string, data: Record<string, unknown> = {}): Promise<void> {
    const job = feature.jobs.find((j) => j.queue === queueName);
    if (!job) throw new Error(`no job of this feature on ${queueName}`);
    await job.handler(data, context);
  }

  /** Runs every recorded job, oldest first, including those they send; answers the queues run. */
  async function drain(): Promise<string[]> {
    const ran: string[] = [];
    for (let job = sent.shift(); job; job = sent.shift()) {
      await run(job.queue, job.data);
      ran.push(job.queue);
    }
    return ran;
  }

  /** dispatch() then drain(): what the worker does after a change. */
  async function settle(): Promise<string[]> {
    await dispatch();
    return drain();
  }

  return { sent, logLines, context, dispatch, run, drain, settle };
}
