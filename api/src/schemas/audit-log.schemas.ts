import { z } from 'zod';
import { ListQuery, Timestamp, Uuid } from './common.ts';

/** The audit log of admin actions (api/README.md, "Audit log"). */

export const AuditLogEntrySchema = z
  .object({
    id: Uuid,
    occurredAt: Timestamp,
    actor: z.object({
      kind: z.enum(['api_key', 'staff']),
      apiKeyId: Uuid.nullable(),
      staffAccountId: Uuid.nullable(),
      sessionId: Uuid.nullable(),
      label: z
        .string()
        .meta({ description: "The key's display prefix or the account's email, as they were." }),
    }),
    method: z.string(),
    route: z.string().meta({ description: 'The route pattern, e.g. /v1/tenant-admin/services/:id.' }),
    targetId: z.string().nullable().meta({ description: 'The path :id, or the id a 2xx answer created.' }),
    statusCode: z.int(),
    ip: z.string(),
    userAgent: z.string().nullable(),
    requestId: z.string(),
  })
  .meta({ id: 'AuditLogEntry' });
export type AuditLogEntryDto = z.infer<typeof AuditLogEntrySchema>;

export const AuditLogQuery = ListQuery.extend({
  actorId: Uuid.optional().meta({ description: 'A key id or a staff account id.' }),
}).strict();
