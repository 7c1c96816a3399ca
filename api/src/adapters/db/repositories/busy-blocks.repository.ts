import { isAllDay } from '../../../domain/calendar/all-day.ts';
import type { BusyBlockDto } from '../../../schemas/busy-block.schemas.ts';
import type { Db } from '../prisma-client.ts';
import { assertTenantOwns } from '../tenant-references.ts';

/**
 * Busy blocks as the console's calendar reads them: when a provider is busy outside MAIS. The
 * calendar sync writes them (google-busy-blocks.repository.ts); this only reads, and never the
 * stored summary.
 */
export class BusyBlocksRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  /** Blocks overlapping [from, to), by start; one provider's, or everyone's. */
  async list(
    range: { from: Date; to: Date; providerId?: string },
    tenantZone: string,
  ): Promise<BusyBlockDto[]> {
    if (range.providerId !== undefined)
      await assertTenantOwns(this.db, this.tenantId, 'Provider', [range.providerId]);
    const rows = await this.db.busyBlock.findMany({
      where: {
        tenantId: this.tenantId,
        ...(range.providerId === undefined ? {} : { providerId: range.providerId }),
        startTimeUtc: { lt: range.to },
        endTimeUtc: { gt: range.from },
      },
      orderBy: [{ startTimeUtc: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        providerId: true,
        startTimeUtc: true,
        endTimeUtc: true,
        source: true,
        // All-day events are whole days in the provider's zone (the sync's reading of them).
        provider: { select: { timezone: true } },
      },
    });
    return rows.map((row) => ({
      id: row.id,
      providerId: row.providerId,
      startTimeUtc: row.startTimeUtc.toISOString(),
      endTimeUtc: row.endTimeUtc.toISOString(),
      source: row.source,
      allDay: isAllDay(row.startTimeUtc, row.endTimeUtc, row.provider.timezone ?? tenantZone),
    }));
  }
}
