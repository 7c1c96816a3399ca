import type { Client } from '../prisma-client.ts';

/**
 * The busy blocks a provider's Google calendar makes (source GOOGLE, externalId = Google's event
 * id), written only by calendar sync and inside its transaction. The slot engine reads them with
 * every other busy time (busy-times-sql.ts). No titles are kept: what a provider does in their own
 * time is not the business's to store.
 */

export interface GoogleBusyBlock {
  externalId: string;
  start: Date;
  end: Date;
}

export class GoogleBusyBlocksRepository {
  constructor(
    private readonly client: Client,
    private readonly tenantId: string,
  ) {}

  /** Forgets every block of the provider's calendar (before a full listing's, or on disconnect). */
  async removeAll(providerId: string): Promise<void> {
    await this.client.$executeRaw`
      DELETE FROM busy_blocks
       WHERE "tenantId" = ${this.tenantId}::uuid AND "providerId" = ${providerId}::uuid AND source = 'GOOGLE'`;
  }

  async remove(providerId: string, externalIds: readonly string[]): Promise<void> {
    if (externalIds.length === 0) return;
    await this.client.$executeRaw`
      DELETE FROM busy_blocks
       WHERE "tenantId" = ${this.tenantId}::uuid AND "providerId" = ${providerId}::uuid AND source = 'GOOGLE'
         AND "externalId" = ANY(${[...externalIds]}::text[])`;
  }

  /** Adds or moves blocks, one statement for all (a full listing can hold thousands). */
  async put(providerId: string, blocks: readonly GoogleBusyBlock[]): Promise<void> {
    if (blocks.length === 0) return;
    await this.client.$executeRaw`
      INSERT INTO busy_blocks ("tenantId", "providerId", source, "externalId", "startTimeUtc", "endTimeUtc")
      SELECT ${this.tenantId}::uuid, ${providerId}::uuid, 'GOOGLE', b.id, b.s, b.e
        FROM unnest(${blocks.map((b) => b.externalId)}::text[],
                    ${blocks.map((b) => b.start.toISOString())}::timestamptz[],
                    ${blocks.map((b) => b.end.toISOString())}::timestamptz[]) AS b(id, s, e)
      ON CONFLICT ("tenantId", "providerId", source, "externalId")
      DO UPDATE SET "startTimeUtc" = EXCLUDED."startTimeUtc", "endTimeUtc" = EXCLUDED."endTimeUtc"`;
  }
}
