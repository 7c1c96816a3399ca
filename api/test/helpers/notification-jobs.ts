import type { Db } from '../../src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../src/config.ts';
import type { DispatchedEvent, EnqueueOptions, JobContext } from '../../src/jobs/job-context.ts';
import { notificationsFeature } from '../../src/jobs/notifications.feature.ts';
import { NOTIFICATION_QUEUES } from '../../src/use-cases/notifications/queues.ts';
import { dispatchedEventOf } from './dispatched-event.ts';

/** A 32-byte ENCRYPTION_KEY for tests (sealing the email tokens). */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export interface RecordedJob {
  queue: string;
  data: Record<string, unknown>;
  options: EnqueueOptions;
}

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  data: object;
  message: string;
}

/**
 * The notification jobs without pg-boss: a JobContext on the test's database with its own
 * configuration (Postmark, keys), the test's clock, a JobQueue that records what is enqueued and
 * a log kept in memory. `dispatch` does what the dispatcher and the worker would: hands the
 * tenant's new history events to notificationsFeature.onAppointmentEvent, then runs the event and
 * planning jobs they enqueued; reminder jobs are kept for the test to run at their time.
 */
export function notificationJobs(db: Db, env: Record<string, string>, now: () => Date) {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const jobs: RecordedJob[] = [];
  const logs: LogLine[] = [];
  const done = new Set<RecordedJob>();
  const lastSeq = new Map<string, bigint>();
  const log = (level: LogLine['level']) => (data: object, message: string) =>
    logs.push({ level, data, message });
  const context: JobContext = {
    db,
    config,
    now,
    log: { info: log('info'), warn: log('warn'), error: log('error') },
    queue: {
      async send(queue, data, options = {}) {
        jobs.push({ queue, data: data as Record<string, unknown>, options });
      },
    },
  };

  /** Runs one job as the worker would: its data through JSON, its handler with the context. */
  async function run(job: RecordedJob, runContext: JobContext = context): Promise<void> {
    const definition = notificationsFeature.jobs.find((candidate) => candidate.queue === job.queue);
    if (!definition) throw new Error(`no handler for ${job.queue}`);
    await definition.handler(JSON.parse(JSON.stringify(job.data)) as Record<string, unknown>, runContext);
  }

  /** The tenant's events since the last dispatch, then their event and planning jobs; the errors they threw. */
  async function dispatch(tenantId: string, runContext: JobContext = context) {
    const rows = await db.appointmentEvent.findMany({
      where: { tenantId, seq: { gt: lastSeq.get(tenantId) ?? 0n } },
      orderBy: { seq: 'asc' },
    });
    const events: DispatchedEvent[] = rows.map(dispatchedEventOf);
    if (rows.length > 0) lastSeq.set(tenantId, rows.at(-1)!.seq);
    for (const event of events) await notificationsFeature.onAppointmentEvent!(event, context.queue);
    const errors: unknown[] = [];
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i]!;
      if (done.has(job) || job.queue === NOTIFICATION_QUEUES.reminder) continue;
      done.add(job);
      await run(job, runContext).catch((error: unknown) => errors.push(error));
    }
    return { events, errors };
  }

  /** Reminder jobs enqueued and not run yet, oldest first. */
  const reminders = () => jobs.filter((job) => job.queue === NOTIFICATION_QUEUES.reminder && !done.has(job));

  /** Runs a reminder job (again, if it ran before: a retry). */
  async function runReminder(job: RecordedJob, runContext: JobContext = context) {
    done.add(job);
    await run(job, runContext);
  }

  /** The same jobs with another configuration (another Postmark token…), sharing queue and log. */
  function withEnv(extra: Record<string, string>): JobContext {
    return { ...context, config: loadConfig({ LOG_LEVEL: 'silent', ...env, ...extra }) };
  }

  return { context, config, jobs, logs, dispatch, run, reminders, runReminder, withEnv };
}
