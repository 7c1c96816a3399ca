import type { Page } from '../adapters/db/pagination.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { periodOfDays } from '../domain/ledger/period.ts';
import { totalsByCurrency, type CurrencyTotals } from '../domain/ledger/totals.ts';
import type { LedgerEntryDto } from '../schemas/ledger.schemas.ts';

/**
 * The ledger rows of the days startDate…endDate of the tenant's zone, a page at a time, with the
 * totals per currency and kind of the whole period, so that a report needs no second request and
 * its figures do not depend on the page size.
 */
export async function listLedger(
  scope: TenantScope,
  query: { startDate: string; endDate: string; cursor?: string; limit: number },
  zone: string,
): Promise<Page<LedgerEntryDto> & { totals: CurrencyTotals[] }> {
  const { from, to } = periodOfDays(query, zone);
  const [page, sums] = await Promise.all([
    scope.ledger.list(from, to, query),
    scope.ledger.sumsByCurrencyAndKind(from, to),
  ]);
  return { ...page, totals: totalsByCurrency(sums) };
}
