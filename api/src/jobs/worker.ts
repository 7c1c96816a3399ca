import { PgBoss, type Job, type JobResult } from 'pg-boss';
import type { Db } from '../adapters/db/prisma-client.ts';
import type { Config } from '../config.ts';
import { dispatchEvents, pollFeatures } from './event-dispatcher.ts';
import type { JobContext, JobDefinition, JobFeature, JobLog, JobQueue } from './job-context.ts';

/** Where a job goes once its retries are spent: kept for a person to look at (and redrive). */
export const DEAD_LETTER_QUEUE = 'jobs.dead-letter';

export interface WorkerOptions {
  /** The application's PostgreSQL: pg-boss keeps its tables there, in the schema "pgboss". */
  connectionString: string;
  db: Db;
  config: Config;
  log: JobLog;
  features: readonly JobFeature[];
  now?: () => Date;
  /** How often the history is read for new events (default 500 ms: a change reaches its jobs within a second). */
  dispatchIntervalMs?: number;
  /** How long a job may run before pg-boss counts it lost and retries it (a crashed worker's job). */
  expireInSeconds?: number;
}

export interface Worker {
  /** Enqueues onto any queue, outside a transaction (a follow-up job). */
  queue: JobQueue;
  /** Reads the history now instead of at the next tick (tests, and right after start). */
  dispatchNow(): Promise<number>;
  /** Stops taking jobs, waits for those running (up to `graceMs`), then closes pg-boss's pool. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * The job runner: pg-boss on the application's PostgreSQL, every feature's queues created at
 * start with retries (exponential backoff) and a dead-letter queue, their handlers at work, cron
 * schedules registered, and the event dispatcher reading the appointment history on a timer.
 * Runs inside `npm start` by default and alone with `npm run worker`; API processes started with
 * WORKER=off run none of it. Jobs live in the database, so they survive a restart.
 */
export async function startWorker(options: WorkerOptions): Promise<Worker> {
  const { db, config, log, features } = options;
  // Supervision every 5 s: a job whose worker died is noticed soon after its expiry.
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: 'pgboss',
    max: 4,
    superviseIntervalSeconds: 5,
  });
  boss.on('error', (err) => log.error({ err }, 'pg-boss error'));
  await boss.start();
  const queue: JobQueue = {
    async send(name, data, sendOptions = {}) {
      await boss.send(name, data, sendOptions);
    },
  };
  const context: JobContext = { db, config, log, queue, now: options.now ?? (() => new Date()) };

  await boss.createQueue(DEAD_LETTER_QUEUE, { retentionSeconds: 30 * 86_400 });
  const jobs = features.flatMap((feature) => feature.jobs);
  for (const job of jobs)
    await register(boss, job, context, options.expireInSeconds ?? config.JOB_EXPIRE_SECONDS);

  let stopped = false;
  let running: Promise<number> | null = null;
  const dispatchNow = () => {
    // One pass at a time in this process; other processes are kept apart by the cursor lock.
    running ??= (async () =>
      (await dispatchEvents(db, boss, features)) + (await pollFeatures(db, boss, features)))().finally(
      () => (running = null),
    );
    return running;
  };
  const tick = async () => {
    if (stopped) return;
    try {
      await dispatchNow();
    } catch (err) {
      log.error({ err }, 'dispatching appointment events failed; next tick retries');
    }
    if (!stopped) timer = setTimeout(tick, options.dispatchIntervalMs ?? 500);
  };
  let timer = setTimeout(tick, 0);

  return {
    queue,
    dispatchNow,
    async stop(graceMs = 10_000) {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
      await boss.stop({ graceful: true, timeout: graceMs });
    },
  };
}

async function register(boss: PgBoss, job: JobDefinition, context: JobContext, expireInSeconds: number) {
  const retry = job.retry?.(context.config);
  const settings = {
    retryLimit: retry?.limit ?? job.retryLimit ?? 5,
    retryDelay: retry?.delaySeconds ?? 2,
    retryBackoff: true,
    retryDelayMax: retry?.maxDelaySeconds ?? 600,
    expireInSeconds,
    deadLetter: DEAD_LETTER_QUEUE,
  };
  // createQueue keeps an existing queue's settings: update them, so a change in code takes effect.
  await boss.createQueue(job.queue, settings);
  await boss.updateQueue(job.queue, settings);
  // Batches of up to 10, fetched again at once while they come back full (a backlog drains without
  // waiting for the polling interval), two batches at a time; each job settles on its own.
  await boss.work(
    job.queue,
    {
      pollingIntervalSeconds: 0.5,
      batchSize: 10,
      burstWhenBatchFull: true,
      localConcurrency: 2,
      perJobResults: true,
    },
    async (batch: Array<Job<Record<string, unknown>>>) => {
      const results: JobResult[] = [];
      for (const item of batch) {
        try {
          await job.handler(item.data ?? {}, context);
          results.push({ id: item.id, status: 'completed' });
        } catch (err) {
          context.log.warn({ err, queue: job.queue, jobId: item.id }, 'job failed; pg-boss retries it');
          results.push({ id: item.id, status: 'failed', output: { message: errorMessage(err) } });
        }
      }
      return results;
    },
  );
  if (job.cron) await boss.schedule(job.queue, job.cron, {}, { tz: 'UTC' });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
