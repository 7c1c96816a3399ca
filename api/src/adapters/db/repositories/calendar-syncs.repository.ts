import type { CalendarSync } from '../../../generated/prisma/client.ts';
import type { Db } from '../prisma-client.ts';
import { GoogleBusyBlocksRepository, type GoogleBusyBlock } from './google-busy-blocks.repository.ts';

/**
 * A tenant's providers' Google connections (calendar_syncs), their consents under way
 * (calendar_oauth_states) and, with a sync's commit, the busy blocks their calendars make. Tokens
 * arrive here sealed: this repository never sees a secret in clear.
 */

export type CalendarConnectionRow = CalendarSync;

export interface SealedTokens {
  refreshToken: string;
  accessToken: string | null;
  accessExpiresAt: Date | null;
}

export interface ChannelRecord {
  id: string;
  resourceId: string;
  tokenHash: string;
  expiresAt: Date;
}

/** What a sync found, applied only if the sync token is still the one it started from. */
export interface SyncResult {
  /** The sync token the listing started from (null: a full listing from scratch). */
  from: string | null;
  next: string;
  /** A full listing replaces every block; an incremental one removes and puts. */
  full: boolean;
  put: GoogleBusyBlock[];
  remove: string[];
  now: Date;
}

export class CalendarSyncsRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async find(providerId: string): Promise<CalendarConnectionRow | null> {
    return this.db.calendarSync.findFirst({ where: { tenantId: this.tenantId, providerId } });
  }

  /**
   * The connection with what a sync needs besides: the provider's zone (all-day events are days
   * there) and the tenant's longest booking window (how far ahead busy time matters).
   */
  async findForSync(
    providerId: string,
  ): Promise<{ connection: CalendarConnectionRow; zone: string; longestBookingWindowDays: number } | null> {
    const connection = await this.db.calendarSync.findFirst({
      where: { tenantId: this.tenantId, providerId },
      include: { provider: { select: { timezone: true } }, tenant: { select: { timezone: true } } },
    });
    if (!connection) return null;
    const { _max } = await this.db.service.aggregate({
      where: { tenantId: this.tenantId, active: true },
      _max: { bookingWindowDays: true },
    });
    const { provider, tenant, ...row } = connection;
    return {
      connection: row,
      zone: provider.timezone ?? tenant.timezone,
      longestBookingWindowDays: _max.bookingWindowDays ?? 60,
    };
  }

  /** Which of `appointmentIds` (from events' private properties, so unchecked) are the provider's. */
  async ownBookings(providerId: string, appointmentIds: readonly string[]): Promise<Set<string>> {
    const ids = appointmentIds.filter((id) => UUID.test(id));
    if (ids.length === 0) return new Set();
    const rows = await this.db.appointment.findMany({
      where: { tenantId: this.tenantId, providerId, id: { in: ids } },
      select: { id: true },
    });
    return new Set(rows.map((row) => row.id));
  }

  async saveOAuthState(providerId: string, stateHash: string, expiresAt: Date): Promise<void> {
    await this.db.calendarOAuthState.create({
      data: { tenantId: this.tenantId, providerId, stateHash, expiresAt },
    });
  }

  /**
   * A consent: the connection becomes ACTIVE with the new tokens and starts over (no channel, no
   * sync token: the caller opens a channel and lists everything). Answers the row as it was, so
   * the caller can stop its old channel.
   */
  async connect(
    providerId: string,
    tokens: SealedTokens,
    now: Date,
  ): Promise<{ previous: CalendarConnectionRow | null; connection: CalendarConnectionRow }> {
    const previous = await this.find(providerId);
    const fresh = {
      status: 'ACTIVE' as const,
      refreshToken: tokens.refreshToken,
      accessToken: tokens.accessToken,
      accessExpiresAt: tokens.accessExpiresAt,
      syncToken: null,
      lastError: null,
      channelId: null,
      channelResourceId: null,
      channelTokenHash: null,
      channelExpiresAt: null,
      fullSyncedAt: null,
      connectedAt: now,
    };
    const connection = await this.db.calendarSync.upsert({
      where: { tenantId_providerId: { tenantId: this.tenantId, providerId } },
      create: { tenantId: this.tenantId, providerId, ...fresh },
      update: fresh,
    });
    return { previous, connection };
  }

  /** Tokens Google refreshed, kept while the connection is still ACTIVE (a disconnect wins). */
  async saveTokens(providerId: string, tokens: SealedTokens): Promise<void> {
    await this.db.calendarSync.updateMany({
      where: { tenantId: this.tenantId, providerId, status: 'ACTIVE' },
      data: tokens,
    });
  }

  /**
   * Google refused the grant: nothing more can be done until the provider consents again. The
   * dead tokens and the channel are forgotten; the busy blocks stay (a stale block costs a slot,
   * a missing one could double-book the provider) until a new consent's full listing replaces them.
   */
  async markNeedsReauth(providerId: string, message: string): Promise<void> {
    await this.db.calendarSync.updateMany({
      where: { tenantId: this.tenantId, providerId, status: 'ACTIVE' },
      data: { status: 'NEEDS_REAUTH', lastError: message, ...FORGOTTEN },
    });
  }

  /** Disconnected: tokens, channel and the calendar's busy blocks forgotten, in one transaction. */
  async disconnect(providerId: string): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await tx.calendarSync.updateMany({
        where: { tenantId: this.tenantId, providerId },
        data: { status: 'DISCONNECTED', lastError: null, ...FORGOTTEN },
      });
      await new GoogleBusyBlocksRepository(tx, this.tenantId).removeAll(providerId);
    });
  }

  /**
   * Records a new channel in place of `replacing` (the channel id the caller saw, or null), only if
   * the connection is still ACTIVE with that channel: a disconnect or another renewal meanwhile
   * wins, and the caller stops the channel it opened. True when recorded.
   */
  async replaceChannel(
    providerId: string,
    replacing: string | null,
    channel: ChannelRecord,
  ): Promise<boolean> {
    const { count } = await this.db.calendarSync.updateMany({
      where: { tenantId: this.tenantId, providerId, status: 'ACTIVE', channelId: replacing },
      data: {
        channelId: channel.id,
        channelResourceId: channel.resourceId,
        channelTokenHash: channel.tokenHash,
        channelExpiresAt: channel.expiresAt,
      },
    });
    return count === 1;
  }

  async recordError(providerId: string, message: string): Promise<void> {
    await this.db.calendarSync.updateMany({
      where: { tenantId: this.tenantId, providerId, status: 'ACTIVE' },
      data: { lastError: message },
    });
  }

  /**
   * Applies a sync's busy blocks and moves the sync token, in one transaction, only if the token
   * is still `from` (compare-and-set): of two syncs that started from the same token (a push and
   * the poll at once), one commits and the other changes nothing and starts again from the new
   * token, so blocks are never set back to an older listing. A 410's full listing starts from the
   * expired token, so a sync that committed meanwhile makes it start over too. True when applied.
   */
  async commitSync(providerId: string, result: SyncResult): Promise<boolean> {
    return this.db.$transaction(async (tx) => {
      const moved = await tx.$executeRaw`
        UPDATE calendar_syncs
           SET "syncToken" = ${result.next}, "lastSyncedAt" = ${result.now}, "lastError" = NULL,
               "fullSyncedAt" = CASE WHEN ${result.full} THEN ${result.now} ELSE "fullSyncedAt" END,
               "updatedAt" = ${result.now}
         WHERE "tenantId" = ${this.tenantId}::uuid AND "providerId" = ${providerId}::uuid
           AND status = 'ACTIVE' AND "syncToken" IS NOT DISTINCT FROM ${result.from}`;
      if (moved === 0) return false;
      const blocks = new GoogleBusyBlocksRepository(tx, this.tenantId);
      if (result.full) await blocks.removeAll(providerId);
      else await blocks.remove(providerId, result.remove);
      await blocks.put(providerId, result.put);
      return true;
    });
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const FORGOTTEN = {
  refreshToken: null,
  accessToken: null,
  accessExpiresAt: null,
  syncToken: null,
  channelId: null,
  channelResourceId: null,
  channelTokenHash: null,
  channelExpiresAt: null,
  fullSyncedAt: null,
} as const;
