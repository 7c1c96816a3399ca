import type { FeedAppointment, FeedAppointmentStatus } from '../../../domain/calendar/feed-events.ts';
import type { Db } from '../prisma-client.ts';
import { assertTenantOwns } from '../tenant-references.ts';

/** A feed's current token as stored: its hash, and the token sealed (null without ENCRYPTION_KEY). */
export interface StoredFeedToken {
  tokenHash: string;
  tokenSealed: string | null;
  rotatedAt: Date;
}

/**
 * One tenant's ICS feeds (calendar_feeds) and what they list. `providerId` names a provider's
 * feed; null is the tenant's feed of all providers. Requests for a feed find it by its token's
 * hash in calendar-feed-lookup.ts, the one unscoped read, which is how the tenant is learned.
 */
export class CalendarFeedsRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async find(providerId: string | null): Promise<StoredFeedToken | null> {
    return this.db.calendarFeed.findFirst({
      where: { tenantId: this.tenantId, providerId },
      select: { tokenHash: true, tokenSealed: true, rotatedAt: true },
    });
  }

  /**
   * Stores the feed's first token. False when another request made the feed in the meantime
   * (ON CONFLICT DO NOTHING: either partial unique index); NotFoundError for a provider that is not
   * this tenant's.
   */
  async create(providerId: string | null, token: StoredFeedToken): Promise<boolean> {
    if (providerId) await assertTenantOwns(this.db, this.tenantId, 'Provider', [providerId]);
    const { count } = await this.db.calendarFeed.createMany({
      data: [{ tenantId: this.tenantId, providerId, ...token }],
      skipDuplicates: true,
    });
    return count === 1;
  }

  /** Replaces the token in place, so the old one matches nothing from the commit on; false: no feed yet. */
  async replace(providerId: string | null, token: StoredFeedToken): Promise<boolean> {
    const { count } = await this.db.calendarFeed.updateMany({
      where: { tenantId: this.tenantId, providerId },
      data: token,
    });
    return count === 1;
  }

  /** Stores the same token sealed under the current key, unless it was rotated meanwhile. */
  async reseal(providerId: string | null, tokenHash: string, tokenSealed: string): Promise<void> {
    await this.db.calendarFeed.updateMany({
      where: { tenantId: this.tenantId, providerId, tokenHash },
      data: { tokenSealed },
    });
  }

  /**
   * The appointments a feed lists, earliest first: starting in the window, of one provider or
   * all, CONFIRMED, COMPLETED or NO_SHOW, and CANCELLED ones that had been confirmed (a hold
   * that expired or was abandoned was never in anyone's calendar). One statement, the reschedule
   * counts included (a filtered relation count per row, on appointment_events' index).
   */
  async appointments(
    providerId: string | null,
    window: { from: Date; to: Date },
    limit: number,
  ): Promise<FeedAppointment[]> {
    const rows = await this.db.appointment.findMany({
      where: {
        tenantId: this.tenantId,
        ...(providerId ? { providerId } : {}),
        startTimeUtc: { gte: window.from, lt: window.to },
        OR: [
          { status: { in: ['CONFIRMED', 'COMPLETED', 'NO_SHOW'] } },
          { status: 'CANCELLED', confirmedAt: { not: null } },
        ],
      },
      select: {
        id: true,
        status: true,
        startTimeUtc: true,
        endTimeUtc: true,
        clientName: true,
        clientEmail: true,
        clientPhone: true,
        seats: true,
        createdAt: true,
        updatedAt: true,
        service: { select: { name: true } },
        provider: { select: { name: true } },
        _count: { select: { events: { where: { type: 'RESCHEDULED' } } } },
      },
      orderBy: [{ startTimeUtc: 'asc' }, { id: 'asc' }],
      take: limit,
    });
    return rows.map((row) => ({
      id: row.id,
      // The where clause above admits these four only.
      status: row.status as FeedAppointmentStatus,
      startTimeUtc: row.startTimeUtc,
      endTimeUtc: row.endTimeUtc,
      serviceName: row.service.name,
      providerName: row.provider?.name ?? null,
      client: { name: row.clientName, email: row.clientEmail, phone: row.clientPhone },
      seats: row.seats,
      reschedules: row._count.events,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    }));
  }
}
