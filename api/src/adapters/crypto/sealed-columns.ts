/**
 * Every column that holds a value sealed with SecretBox (ENCRYPTION_KEY), and the context each
 * value is bound to. The code that seals and opens these values takes its context from here, and
 * so does the re-sealing after a key rotation (use-cases/reseal-secrets.ts): one definition each.
 * test/tooling/reseal-secrets.test.ts fails when a column that looks sealed is missing here.
 */

export const sealContexts = {
  bookingPageKey: (apiKeyId: string) => `booking-page-key:${apiKeyId}`,
  appointmentEmailToken: (tenantId: string, appointmentId: string) =>
    `appointments.emailToken:${tenantId}:${appointmentId}`,
  googleToken: (column: 'refreshToken' | 'accessToken', tenantId: string, providerId: string) =>
    `calendar_syncs.${column}:${tenantId}:${providerId}`,
  calendarFeedToken: (tenantId: string, providerId: string | null) =>
    `calendar_feeds:${tenantId}:${providerId ?? 'tenant'}`,
  staffLinkToken: (tenantId: string, dedupeKey: string) => `outbox.linkToken:${tenantId}:${dedupeKey}`,
  quickBooksToken: (column: 'refreshToken' | 'accessToken', tenantId: string) =>
    `quickbooks_connections.${column}:${tenantId}`,
  webhookSecret: (tenantId: string, endpointId: string) =>
    `webhook_endpoints.secret:${tenantId}:${endpointId}`,
};

/** The row fields a context is made from (read by the re-sealing with the sealed value). */
export interface SealedRow {
  id: string;
  tenantId: string;
  providerId?: string | null;
  dedupeKey?: string;
}

export interface SealedColumn {
  table: string;
  column: string;
  /** Columns besides id and tenantId the context needs. */
  contextColumns: Array<'providerId' | 'dedupeKey'>;
  context(row: SealedRow): string;
}

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    table: 'api_keys',
    column: 'sealedKey',
    contextColumns: [],
    context: (row) => sealContexts.bookingPageKey(row.id),
  },
  {
    table: 'appointments',
    column: 'emailTokenSealed',
    contextColumns: [],
    context: (row) => sealContexts.appointmentEmailToken(row.tenantId, row.id),
  },
  ...(['refreshToken', 'accessToken'] as const).map((column) => ({
    table: 'calendar_syncs',
    column,
    contextColumns: ['providerId' as const],
    context: (row: SealedRow) => sealContexts.googleToken(column, row.tenantId, row.providerId!),
  })),
  {
    table: 'calendar_feeds',
    column: 'tokenSealed',
    contextColumns: ['providerId'],
    context: (row) => sealContexts.calendarFeedToken(row.tenantId, row.providerId ?? null),
  },
  {
    table: 'outbox_messages',
    column: 'linkTokenSealed',
    contextColumns: ['dedupeKey'],
    context: (row) => sealContexts.staffLinkToken(row.tenantId, row.dedupeKey!),
  },
  ...(['refreshToken', 'accessToken'] as const).map((column) => ({
    table: 'quickbooks_connections',
    column,
    contextColumns: [],
    context: (row: SealedRow) => sealContexts.quickBooksToken(column, row.tenantId),
  })),
  ...(['secretSealed', 'previousSecretSealed'] as const).map((column) => ({
    table: 'webhook_endpoints',
    column,
    contextColumns: [],
    context: (row: SealedRow) => sealContexts.webhookSecret(row.tenantId, row.id),
  })),
];
