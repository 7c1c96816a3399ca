import type { Client, Db } from '../adapters/db/prisma-client.ts';
import type { Config } from '../config.ts';
import type { AppointmentEventType } from '../generated/prisma/enums.ts';

/**
 * What every background job gets, and how features plug their jobs in. A feature (notifications,
 * calendar sync) exports a `JobFeature`: the queues it works on and, for each appointment event,
 * the jobs it wants. The worker (jobs/worker.ts) creates the queues, runs the handlers, and the
 * event dispatcher (jobs/event-dispatcher.ts) reads the appointment history after its cursor and
 * enqueues what each feature asks for, in the transaction that moves the cursor.
 */

/** An entry of an appointment's history, as the dispatcher hands it to features. */
export interface DispatchedEvent {
  tenantId: string;
  /** Per tenant, in commit order. */
  seq: string;
  appointmentId: string;
  type: AppointmentEventType;
  actor: 'CLIENT' | 'ADMIN' | 'SYSTEM';
  data: Record<string, unknown>;
  /** The appointment as this change left it (adapters/db/appointment-state-sql.ts); null for events from before it was kept. */
  state: Record<string, unknown> | null;
  occurredAt: Date;
}

export interface EnqueueOptions {
  /** Run no earlier than this (a reminder's time). */
  startAfter?: Date;
  /** Another job of this queue with the same key, not yet finished, makes this one a no-op. */
  singletonKey?: string;
}

export interface JobQueue {
  send(queue: string, data: object, options?: EnqueueOptions): Promise<void>;
}

export interface JobLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

export interface JobContext {
  db: Db;
  config: Config;
  now(): Date;
  log: JobLog;
  /** To enqueue follow-up jobs (a reminder at its time). */
  queue: JobQueue;
}

/**
 * A queue and its handler. Handlers must be idempotent: pg-boss may run a job twice (a retry after
 * a crash, an expired job still running), so running one again changes nothing and sends nothing.
 */
export interface JobDefinition {
  queue: string;
  handler(data: Record<string, unknown>, context: JobContext): Promise<void>;
  /** Retries after a failure (default 5, with exponential backoff), then the dead-letter queue. */
  retryLimit?: number;
  /** Retries set by configuration (outgoing webhooks: days of them); overrides retryLimit. */
  retry?(config: Config): { limit: number; delaySeconds: number; maxDelaySeconds: number };
  /** A cron schedule (UTC) that enqueues `{}` on this queue: periodic work (channel renewal, polling). */
  cron?: string;
}

/** The dispatcher's transaction, for a feature that must read before enqueuing (is the tenant connected?). */
export type JobReader = Client;

export interface JobFeature {
  jobs: JobDefinition[];
  /** The jobs this feature wants for one appointment event: called once per event, in order. */
  onAppointmentEvent?(event: DispatchedEvent, queue: JobQueue, reader?: JobReader): Promise<void>;
  /**
   * Work the API left in the database for jobs (a redelivery asked for), turned into jobs on the
   * dispatcher's tick: `inTransaction` runs `work` with a queue whose sends commit with it.
   * Returns how many jobs were enqueued.
   */
  poll?(
    inTransaction: <T>(work: (tx: JobReader, queue: JobQueue) => Promise<T>) => Promise<T>,
  ): Promise<number>;
}
