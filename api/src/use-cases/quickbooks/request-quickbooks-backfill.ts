import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { InvalidStateError } from '../../domain/errors.ts';
import { reportPeriod } from '../../domain/reports/revenue-period.ts';
import type { QuickBooksBackfillDto } from '../../schemas/quickbooks.schemas.ts';
import { requireQuickBooksServices, type QuickBooksServices } from './quickbooks-services.ts';

/**
 * Asks for the money of startDate…endDate (days in the tenant's zone, at most a year) to be pushed
 * to QuickBooks: money pushed already is skipped, the rest pushed as new. The quickbooks.backfill
 * job (each minute) turns the request into one push per appointment. 409 invalid_state when the
 * tenant has no ACTIVE connection.
 */
export async function requestQuickBooksBackfill(
  scope: Pick<TenantScope, 'quickbooksConnections'>,
  services: QuickBooksServices | null,
  query: { startDate: string; endDate: string },
  zone: string,
): Promise<QuickBooksBackfillDto> {
  requireQuickBooksServices(services);
  const { from, to } = reportPeriod({ ...query, interval: 'month' }, zone);
  if (!(await scope.quickbooksConnections.requestBackfill(from, to))) {
    throw new InvalidStateError(
      'QuickBooks is not connected (or must be connected again): nothing can be pushed.',
    );
  }
  return { startDate: query.startDate, endDate: query.endDate, queued: true };
}
