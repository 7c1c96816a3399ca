import { NotFoundError } from '../../../domain/errors.ts';
import { REDACTED_TOKEN, redactManageToken } from '../../../domain/notifications/manage-link.ts';
import { STAFF_LINK_TOKEN_SLOT } from '../../../domain/staff/staff-messages.ts';
import type { Prisma } from '../../../generated/prisma/client.ts';
import type { OutboxStatus } from '../../../generated/prisma/enums.ts';
import type { OutboxMessageModel } from '../../../generated/prisma/models/OutboxMessage.ts';
import type {
  OutboxListQueryInput,
  OutboxMessageDetailDto,
  OutboxMessageDto,
} from '../../../schemas/outbox.schemas.ts';
import { newestFirstQuery } from '../newest-first.ts';
import { toPage, type Page } from '../pagination.ts';
import type { Client, Db } from '../prisma-client.ts';

export type OutboxRow = OutboxMessageModel;

export interface NewOutboxMessage {
  /** null for messages about no booking (staff invitations, password resets). */
  appointmentId: string | null;
  kind: string;
  channel: 'email' | 'sms';
  recipient: string;
  dedupeKey: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  ics: string | null;
  scheduledFor: Date;
  sendBy: Date | null;
  /** A staff link's token, sealed (staff-outbox.ts); absent for every other message. */
  linkTokenSealed?: string | null;
}

/** A body as the route shows it: manage and staff links' tokens are placeholders, shown as REDACTED. */
function redactLinkTokens(text: string): string {
  return redactManageToken(text).replaceAll(STAFF_LINK_TOKEN_SLOT, REDACTED_TOKEN);
}

/** What the route shows of a row: never a link's token (bodies keep a placeholder; redacted anyway). */
export function toOutboxMessageDto(row: OutboxRow): OutboxMessageDto {
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    kind: row.kind,
    channel: row.channel === 'sms' ? 'sms' : 'email',
    recipient: row.recipient,
    status: row.status,
    subject: row.subject,
    text: redactLinkTokens(row.textBody),
    attempts: row.attempts,
    providerMessageId: row.providerMessageId,
    lastError: row.lastError,
    scheduledFor: row.scheduledFor.toISOString(),
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

/**
 * One tenant's outbox: every message built, sent or not. A message is added once per dedupe key
 * (ON CONFLICT DO NOTHING: building it again finds the first row) and then moves
 * PENDING → SENDING → SENT (or SKIPPED, FAILED) through claim() and the mark* writes
 * (use-cases/notifications/deliver-outbox.ts).
 */
export class OutboxRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  /** Adds the messages not there yet; answers the rows of all of them (new or earlier), in order. */
  async add(messages: readonly NewOutboxMessage[], now: Date): Promise<OutboxRow[]> {
    if (messages.length === 0) return [];
    await this.db.outboxMessage.createMany({
      data: messages.map((message) => ({ ...message, tenantId: this.tenantId, createdAt: now })),
      skipDuplicates: true,
    });
    const rows = await this.db.outboxMessage.findMany({
      where: { tenantId: this.tenantId, dedupeKey: { in: messages.map((message) => message.dedupeKey) } },
    });
    const byKey = new Map(rows.map((row) => [row.dedupeKey, row]));
    return messages.map((message) => byKey.get(message.dedupeKey)!);
  }

  /**
   * Takes a message for sending, in one statement with its row locked: a PENDING one, or a SENDING
   * one whose attempt began before `staleBefore` (that attempt died or timed out; it may have
   * reached the provider). It becomes SENDING as of `now`, one more attempt. null when there is
   * nothing to take: done (SENT, SKIPPED, FAILED), or another attempt is sending it right now.
   */
  async claim(
    id: string,
    now: Date,
    staleBefore: Date,
  ): Promise<{ row: OutboxRow; previousStatus: OutboxStatus } | null> {
    const rows = await this.db.$queryRaw<Array<OutboxRow & { previousStatus: OutboxStatus }>>`
      WITH target AS (
        SELECT id, status, "sendingSince" FROM outbox_messages
         WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${id}::uuid
           FOR UPDATE)
      UPDATE outbox_messages o
         SET status = 'SENDING', "sendingSince" = ${now}, attempts = o.attempts + 1
        FROM target
       WHERE o.id = target.id
         AND (target.status = 'PENDING' OR (target.status = 'SENDING' AND target."sendingSince" <= ${staleBefore}))
      RETURNING o.*, target.status AS "previousStatus"`;
    const row = rows[0];
    if (!row) return null;
    const { previousStatus, ...claimed } = row;
    return { row: claimed, previousStatus };
  }

  async markSent(id: string, providerMessageId: string, now: Date): Promise<void> {
    await this.set(id, {
      status: 'SENT',
      providerMessageId,
      sentAt: now,
      sendingSince: null,
      lastError: null,
    });
  }

  /** Not sent, on purpose: no provider, or too late (`reason` is shown as lastError). */
  async markSkipped(id: string, reason: string): Promise<void> {
    await this.set(id, { status: 'SKIPPED', sendingSince: null, lastError: reason });
  }

  /** Refused for good (a bad address): never tried again. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.set(id, { status: 'FAILED', sendingSince: null, lastError: error });
  }

  /** Known not to have left (a refusal that may pass): PENDING again, for the next attempt. */
  async release(id: string, error: string): Promise<void> {
    await this.set(id, { status: 'PENDING', sendingSince: null, lastError: error });
  }

  /** It may have left: stays SENDING, so the next attempt asks the provider before sending. */
  async noteUncertain(id: string, error: string): Promise<void> {
    await this.set(id, { lastError: error });
  }

  /** Rows to (re)try: PENDING and due, or SENDING since before `staleBefore`; oldest first. */
  async unsent(now: Date, staleBefore: Date, limit: number): Promise<string[]> {
    const rows = await this.db.outboxMessage.findMany({
      where: {
        tenantId: this.tenantId,
        OR: [
          { status: 'PENDING', scheduledFor: { lte: now } },
          { status: 'SENDING', sendingSince: { lte: staleBefore } },
        ],
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit,
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  /** Newest first, a page at a time, optionally one status or one appointment's. */
  async list(query: OutboxListQueryInput): Promise<Page<OutboxMessageDto>> {
    const page = newestFirstQuery(query.cursor, query.limit);
    const rows = await this.db.outboxMessage.findMany({
      ...page,
      where: {
        ...page.where,
        tenantId: this.tenantId,
        ...(query.status ? { status: query.status } : {}),
        ...(query.appointmentId ? { appointmentId: query.appointmentId } : {}),
      },
    });
    return toPage(rows, query.limit, toOutboxMessageDto);
  }

  async get(id: string): Promise<OutboxMessageDetailDto> {
    const row = await this.db.outboxMessage.findFirst({ where: { id, tenantId: this.tenantId } });
    if (!row) throw new NotFoundError('Outbox message', id);
    return {
      ...toOutboxMessageDto(row),
      html: row.htmlBody === null ? null : redactLinkTokens(row.htmlBody),
      ics: row.ics,
    };
  }

  private async set(id: string, data: Prisma.OutboxMessageUpdateManyMutationInput): Promise<void> {
    await this.db.outboxMessage.updateMany({ where: { id, tenantId: this.tenantId }, data });
  }
}

/** The tenants whose outbox has something to (re)try, for the periodic sweep (across tenants). */
export async function tenantsWithUnsent(db: Db, now: Date, staleBefore: Date): Promise<string[]> {
  const rows = await db.outboxMessage.findMany({
    where: {
      OR: [
        { status: 'PENDING', scheduledFor: { lte: now } },
        { status: 'SENDING', sendingSince: { lte: staleBefore } },
      ],
    },
    distinct: ['tenantId'],
    select: { tenantId: true },
  });
  return rows.map((row) => row.tenantId);
}
