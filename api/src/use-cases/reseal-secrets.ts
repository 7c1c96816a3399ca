import { Prisma } from '../generated/prisma/client.ts';
import { SEALED_COLUMNS, type SealedColumn, type SealedRow } from '../adapters/crypto/sealed-columns.ts';
import type { SecretBox } from '../adapters/crypto/secret-box.ts';
import type { Db } from '../adapters/db/prisma-client.ts';

/** Rows read and re-sealed per statement. */
const BATCH = 200;

export interface ResealCount {
  table: string;
  column: string;
  /** Sealed again under the current key by this run. */
  resealed: number;
  /** Changed by someone else between the read and the write (a rotation, a refresh): left to them. */
  changedMeanwhile: number;
  /** Sealed under a key this process does not have, or altered: listed by row id, never by value. */
  unopenable: string[];
}

/**
 * After ENCRYPTION_KEY changes (the old one in ENCRYPTION_KEY_PREVIOUS), seals every stored secret
 * again under the new key, so the old key can be retired (api/README.md, "Rotating
 * ENCRYPTION_KEY"). Each value is opened with its column's context and written back only if the
 * row still holds what was read (compare and set), so it runs while the API serves: a token
 * refreshed meanwhile keeps the refresh, and two runs at once re-seal each value once. Values
 * already under the current key are not read, so a second run does nothing. It crosses tenants by
 * design: it is platform maintenance, like a migration, run with the application's database role.
 */
export async function resealSecrets(db: Db, box: SecretBox): Promise<ResealCount[]> {
  const counts: ResealCount[] = [];
  for (const sealed of SEALED_COLUMNS) counts.push(await resealColumn(db, box, sealed));
  return counts;
}

async function resealColumn(db: Db, box: SecretBox, sealed: SealedColumn): Promise<ResealCount> {
  const count: ResealCount = {
    table: sealed.table,
    column: sealed.column,
    resealed: 0,
    changedMeanwhile: 0,
    unopenable: [],
  };
  const table = Prisma.raw(`"${sealed.table}"`);
  const column = Prisma.raw(`"${sealed.column}"`);
  const extra = Prisma.raw(sealed.contextColumns.map((name) => `, "${name}"`).join(''));
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Walks by id, so values that cannot be opened are passed once, not read again forever.
    const rows = await db.$queryRaw<Array<SealedRow & { value: string }>>`
      SELECT id::text AS id, "tenantId"::text AS "tenantId", ${column} AS value ${extra}
        FROM ${table}
       WHERE ${column} IS NOT NULL AND split_part(${column}, '.', 2) <> ${box.currentKeyId}
         AND id > ${after}::uuid
       ORDER BY id
       LIMIT ${BATCH}`;
    if (rows.length === 0) return count;
    after = rows.at(-1)!.id;
    for (const row of rows) {
      let resealed: string;
      try {
        const context = sealed.context(row);
        resealed = box.seal(box.open(row.value, context), context);
      } catch {
        count.unopenable.push(row.id);
        continue;
      }
      const changed = await db.$executeRaw`
        UPDATE ${table} SET ${column} = ${resealed}
         WHERE id = ${row.id}::uuid AND ${column} = ${row.value}`;
      if (changed === 1) count.resealed += 1;
      else count.changedMeanwhile += 1;
    }
  }
}
