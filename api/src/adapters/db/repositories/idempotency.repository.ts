import { createHash } from 'node:crypto';
import { IdempotencyInProgressError, IdempotencyKeyReusedError } from '../../../domain/errors.ts';
import { HOUR, MINUTE } from '../../../domain/time-units.ts';
import type { Db } from '../prisma-client.ts';

/**
 * Idempotency-Key handling, as Stripe does it: the first request with a key
 * is processed and its answer stored (sealed: see
 * adapters/crypto/idempotency-seal.ts); a retry with the same key and the same
 * body gets that stored answer; the same key with another body is refused
 * (422). While the first request runs, a retry gets 409 and may try again,
 * unless the route recognises a repeat by itself (bookings carry the key on
 * their row): then the retry runs. A record left "in progress" by a crashed
 * process is taken over after STALE_AFTER_MS. Records live RETENTION_MS.
 */

const STALE_AFTER_MS = MINUTE;
export const IDEMPOTENCY_RETENTION_MS = 24 * HOUR;

export type IdempotencyStart =
  { replay: false; retry: boolean } | { replay: true; status: number; sealed: Uint8Array };

export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/** JSON with object keys sorted, so that key order never changes the hash. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export class IdempotencyRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  /**
   * Claims the key for this request, or says what to do instead. A record
   * past retention counts as absent and is replaced in the same statement.
   */
  async start(
    scope: string,
    keyHash: string,
    hash: string,
    now: Date,
    options: { runWhileInFlight: boolean },
  ): Promise<IdempotencyStart> {
    const claimed = await this.db.$queryRaw<unknown[]>`
      INSERT INTO idempotency_records ("tenantId", scope, "keyHash", "requestHash", "createdAt")
      VALUES (${this.tenantId}::uuid, ${scope}, ${keyHash}, ${hash}, ${now})
      ON CONFLICT ("tenantId", scope, "keyHash") DO UPDATE
         SET "requestHash" = EXCLUDED."requestHash", "createdAt" = EXCLUDED."createdAt",
             "responseStatus" = NULL, "responseCiphertext" = NULL
       WHERE idempotency_records."createdAt" < ${new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS)}
      RETURNING 1`;
    if (claimed.length === 1) return { replay: false, retry: false };

    const record = await this.db.idempotencyRecord.findUniqueOrThrow({
      where: { tenantId_scope_keyHash: { tenantId: this.tenantId, scope, keyHash } },
    });
    if (record.requestHash !== hash) {
      throw new IdempotencyKeyReusedError(
        'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
      );
    }
    if (record.responseStatus !== null && record.responseCiphertext !== null) {
      return { replay: true, status: record.responseStatus, sealed: record.responseCiphertext };
    }
    if (options.runWhileInFlight) return { replay: false, retry: true };
    // Still running, or abandoned by a process that died: take it over only once stale.
    const takenOver = await this.db.idempotencyRecord.updateMany({
      where: {
        id: record.id,
        responseStatus: null,
        createdAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) },
      },
      data: { createdAt: now },
    });
    if (takenOver.count === 1) return { replay: false, retry: true };
    throw new IdempotencyInProgressError(
      'A request with this Idempotency-Key is still being processed. Retry shortly.',
    );
  }

  async finish(
    scope: string,
    keyHash: string,
    status: number,
    sealed: Uint8Array<ArrayBuffer>,
  ): Promise<void> {
    await this.db.idempotencyRecord.updateMany({
      where: { tenantId: this.tenantId, scope, keyHash },
      data: { responseStatus: status, responseCiphertext: sealed },
    });
  }

  /** Forgets a key whose request failed on our side, so the client's retry runs again. */
  async abandon(scope: string, keyHash: string): Promise<void> {
    await this.db.idempotencyRecord.deleteMany({ where: { tenantId: this.tenantId, scope, keyHash } });
  }
}

/** Deletes every tenant's records past retention; returns how many. Run periodically. */
export async function purgeExpiredIdempotencyRecords(db: Db, now: Date): Promise<number> {
  const { count } = await db.idempotencyRecord.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS) } },
  });
  return count;
}
