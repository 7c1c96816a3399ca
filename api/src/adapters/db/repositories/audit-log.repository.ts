import type { AuditLogEntryModel } from '../../../generated/prisma/models/AuditLogEntry.ts';
import type { AuditLogEntryDto } from '../../../schemas/audit-log.schemas.ts';
import { newestFirstQuery } from '../newest-first.ts';
import { toPage, type Page } from '../pagination.ts';
import type { Client } from '../prisma-client.ts';

/** An admin request to record: the actor as authenticated, what it asked, how it ended. */
export interface AuditRecord {
  actor: { apiKeyId: string } | { staffAccountId: string; sessionId: string | null; email: string };
  method: string;
  route: string;
  targetId: string | null;
  statusCode: number;
  ip: string;
  userAgent: string | null;
  requestId: string;
  occurredAt: Date;
}

function toDto(row: AuditLogEntryModel): AuditLogEntryDto {
  return {
    id: row.id,
    occurredAt: row.createdAt.toISOString(),
    actor: {
      kind: row.actorKind === 'staff' ? 'staff' : 'api_key',
      apiKeyId: row.apiKeyId,
      staffAccountId: row.staffAccountId,
      sessionId: row.sessionId,
      label: row.actorLabel,
    },
    method: row.method,
    route: row.route,
    targetId: row.targetId,
    statusCode: row.statusCode,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
  };
}

/** One tenant's audit log: appended to by the audit-log plugin, read newest first. */
export class AuditLogRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    const staff = 'staffAccountId' in entry.actor ? entry.actor : null;
    const apiKeyId = 'apiKeyId' in entry.actor ? entry.actor.apiKeyId : null;
    // A key is labelled by its display prefix (sk_live_…), read here: never the key itself.
    await this.db.$executeRaw`
      INSERT INTO audit_log_entries ("tenantId", "createdAt", "actorKind", "apiKeyId", "staffAccountId",
                                     "sessionId", "actorLabel", method, route, "targetId", "statusCode", ip,
                                     "userAgent", "requestId")
      VALUES (${this.tenantId}::uuid, ${entry.occurredAt}, ${staff ? 'staff' : 'api_key'}, ${apiKeyId}::uuid,
              ${staff?.staffAccountId ?? null}::uuid, ${staff?.sessionId ?? null}::uuid,
              coalesce(${staff?.email ?? null},
                       (SELECT prefix FROM api_keys WHERE "tenantId" = ${this.tenantId}::uuid AND id = ${apiKeyId}::uuid),
                       'unknown key'),
              ${entry.method}, ${entry.route}, ${entry.targetId}, ${entry.statusCode}, ${entry.ip},
              ${entry.userAgent}, ${entry.requestId})`;
  }

  async list(query: { cursor?: string; limit: number; actorId?: string }): Promise<Page<AuditLogEntryDto>> {
    const page = newestFirstQuery(query.cursor, query.limit);
    const byActor = query.actorId
      ? { OR: [{ apiKeyId: query.actorId }, { staffAccountId: query.actorId }] }
      : {};
    const rows = await this.db.auditLogEntry.findMany({
      ...page,
      where: { AND: [page.where, byActor], tenantId: this.tenantId },
    });
    return toPage(rows, query.limit, toDto);
  }
}
