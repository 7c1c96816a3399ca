import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import type { QuickBooksStatusDto } from '../../schemas/quickbooks.schemas.ts';

/** The tenant's QuickBooks connection as the admin sees it: state, company, last push, failures; never a token. */
export async function quickbooksStatus(
  scope: Pick<TenantScope, 'quickbooksConnections' | 'quickbooksPushes'>,
): Promise<QuickBooksStatusDto> {
  const row = await scope.quickbooksConnections.find();
  const counts = await scope.quickbooksPushes.counts();
  const status = row?.status ?? 'DISCONNECTED';
  return {
    connected: status === 'ACTIVE',
    status,
    realmId: row && status !== 'DISCONNECTED' ? row.realmId : null,
    connectedAt: row && status !== 'DISCONNECTED' ? row.connectedAt.toISOString() : null,
    lastSyncedAt: row?.lastSyncedAt?.toISOString() ?? null,
    lastError: row?.lastError ?? null,
    failures: row?.failures ?? 0,
    receiptsPushed: counts.pushed,
    pushesWaiting: counts.pending,
    backfillWaiting: Boolean(row?.backfillFrom),
  };
}
