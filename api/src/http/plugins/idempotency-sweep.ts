import fp from 'fastify-plugin';
import { purgeExpiredIdempotencyRecords } from '../../adapters/db/repositories/idempotency.repository.ts';
import { HOUR } from '../../domain/time-units.ts';

/**
 * Deletes idempotency records past their 24 hours, once at start and then
 * hourly, in every API process (the DELETE is idempotent, so several processes
 * sweeping at once is harmless). Expired records are already ignored when a
 * key is reused, so this only keeps the table small; the pg-boss job that
 * comes with background jobs replaces it.
 */
export const idempotencySweepPlugin = fp(
  async (app) => {
    let timer: NodeJS.Timeout | undefined;
    const sweep = async () => {
      try {
        const removed = await purgeExpiredIdempotencyRecords(app.db, app.now());
        if (removed > 0) app.log.info({ removed }, 'expired idempotency records deleted');
      } catch (error) {
        app.log.warn({ err: error }, 'idempotency sweep failed; the next one retries');
      }
    };
    app.addHook('onReady', async () => {
      void sweep();
      timer = setInterval(() => void sweep(), HOUR);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
    });
  },
  { name: 'idempotency-sweep', dependencies: ['db'], fastify: '5.x' },
);
