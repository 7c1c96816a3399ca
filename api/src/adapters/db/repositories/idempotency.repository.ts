import { createHash } from 'node:crypto';
import { IdempotencyInProgressError, IdempotencyKeyReusedError } from '../../../domain/errors.ts';
import type { Prisma } from '../../../generated/prisma/client.ts';
import type { Db } from '../prisma-client.ts';

/**
 * Idempotency-Key handling, as Stripe does it: the first request with a key
 * is processed and its answer stored; a retry with the same key and the same
 * body gets that stored answer; the same key with another body is refused
 * (422). While the first request runs, a retry gets 409 and may try again. A
 * record left "in progress" by a crashed process is taken over after
 * STALE_AFTER_MS; booking rows also carry the key (unique per tenant), so even
 * then a key can never book twice.
 */

const STALE_AFTER_MS = 60_000;

export type IdempotencyStart = { replay: false } | { replay: true; status: number; body: unknown };

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

  async start(scope: string, key: string, hash: string, now: Date): Promise<IdempotencyStart> {
    const inserted = await this.db.$executeRaw`
      INSERT INTO idempotency_records ("tenantId", scope, key, "requestHash", "createdAt")
      VALUES (${this.tenantId}::uuid, ${scope}, ${key}, ${hash}, ${now})
      ON CONFLICT ("tenantId", scope, key) DO NOTHING`;
    if (inserted === 1) return { replay: false };

    const record = await this.db.idempotencyRecord.findUniqueOrThrow({
      where: { tenantId_scope_key: { tenantId: this.tenantId, scope, key } },
    });
    if (record.requestHash !== hash) {
      throw new IdempotencyKeyReusedError(
        'This Idempotency-Key was already used with a different request. Use a new key for a new request.',
      );
    }
    if (record.responseStatus !== null) {
      return { replay: true, status: record.responseStatus, body: record.responseBody };
    }
    // Still running, or abandoned by a process that died: take it over only once stale.
    const takenOver = await this.db.idempotencyRecord.updateMany({
      where: {
        id: record.id,
        responseStatus: null,
        createdAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) },
      },
      data: { createdAt: now },
    });
    if (takenOver.count === 1) return { replay: false };
    throw new IdempotencyInProgressError(
      'A request with this Idempotency-Key is still being processed. Retry shortly.',
    );
  }

  async finish(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.idempotencyRecord.update({
      where: { tenantId_scope_key: { tenantId: this.tenantId, scope, key } },
      data: { responseStatus: status, responseBody: body as Prisma.InputJsonValue },
    });
  }

  /** Forgets a key whose request failed on our side, so the client's retry runs again. */
  async abandon(scope: string, key: string): Promise<void> {
    await this.db.idempotencyRecord.deleteMany({ where: { tenantId: this.tenantId, scope, key } });
  }
}
