import type { QuickBooksApi } from '../../adapters/quickbooks/quickbooks-api.ts';
import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import {
  receiptBody,
  receiptEntity,
  receiptRequestId,
  type MoneyToPush,
} from '../../domain/quickbooks/receipts.ts';
import { MINUTE } from '../../domain/time-units.ts';
import { QuickBooksRefs } from './quickbooks-refs.ts';
import { messageOf, type QuickBooksServices } from './quickbooks-services.ts';
import { NEEDS_REAUTH, NOT_CONNECTED, withQuickBooksConnection } from './with-quickbooks-connection.ts';

export type PushOutcome = { pushed: number } | 'not_connected' | 'needs_reauth';

/**
 * How long a push owns a payment's receipt: longer than its few calls (customer, item, account,
 * receipt; 15 s each at most) can take, and shorter than a lost job's expiry, so its rerun finds
 * the claim lapsed.
 */
const CLAIM_MS = 2 * MINUTE;

/** Another push holds a payment's receipt right now: thrown, so the job is retried later. */
export class QuickBooksPushBusyError extends Error {}

/**
 * Pushes an appointment's money to the tenant's QuickBooks company: each succeeded payment a
 * SalesReceipt, each succeeded refund a RefundReceipt, once. Each is first claimed
 * (quickbooks_pushes: of two pushes at once, one claims and the other leaves it), then created
 * with a requestid derived from the payment or refund, so a create whose answer was lost answers
 * the same receipt when asked again; the receipt's id is then kept and the money never pushed
 * again. Nothing is called for money already pushed. A failure gives the claim up, is recorded on
 * the connection (lastError, failures) and is thrown for the queue to retry.
 */
export async function pushAppointmentMoney(
  services: QuickBooksServices,
  scope: Pick<TenantScope, 'quickbooksConnections' | 'quickbooksPushes'>,
  appointmentId: string,
): Promise<PushOutcome> {
  const { zone, money } = await scope.quickbooksPushes.moneyOfAppointment(appointmentId);
  let busy = false;
  const done = await withQuickBooksConnection(
    services,
    scope.quickbooksConnections,
    async (api, connection) => {
      const refs = new QuickBooksRefs(api, connection.realmId);
      let pushed = 0;
      for (const item of money) {
        const now = services.now();
        const claim = await scope.quickbooksPushes.claim(
          item.kind,
          item.id,
          now,
          new Date(now.getTime() + CLAIM_MS),
        );
        if (claim === 'busy') busy = true;
        if (claim !== 'claimed') continue;
        try {
          const receiptId = await pushOne(api, refs, item, zone);
          await scope.quickbooksPushes.markPushed(
            item.kind,
            item.id,
            connection.realmId,
            receiptId,
            services.now(),
          );
          pushed += 1;
        } catch (error) {
          await scope.quickbooksPushes.release(item.kind, item.id, messageOf(error));
          throw error;
        }
      }
      return pushed;
    },
  ).catch(async (error: unknown) => {
    // Shown by the status route; thrown again for the queue to retry.
    await scope.quickbooksConnections.recordFailure(messageOf(error));
    throw error;
  });
  if (done === NOT_CONNECTED) return 'not_connected';
  if (done === NEEDS_REAUTH) return 'needs_reauth';
  if (busy)
    throw new QuickBooksPushBusyError('quickbooks: another push of this money is under way; retried later');
  if (money.length > 0) await scope.quickbooksConnections.recordSuccess(services.now());
  return { pushed: done };
}

async function pushOne(
  api: QuickBooksApi,
  refs: QuickBooksRefs,
  item: MoneyToPush,
  zone: string,
): Promise<string> {
  const customerId = await refs.customer(item.clientName, item.clientEmail);
  const itemId = await refs.item(item.serviceName);
  const refundAccountId = item.kind === 'REFUND' ? await refs.account('Bank') : null;
  const record = await api.create(
    receiptEntity(item.kind),
    receiptBody(item, { customerId, itemId, refundAccountId }, zone),
    receiptRequestId(item.kind, item.id),
  );
  return record.Id;
}
