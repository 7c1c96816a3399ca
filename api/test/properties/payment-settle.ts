import type { Random } from './prng.ts';
import { Violation, type Sequence } from './payment-sequence.ts';
import { deliverSome } from './payment-steps.ts';
import { adminCall } from './payment-world.ts';

/**
 * The end of a sequence, as time would bring it: Stripe delivers every event not yet delivered
 * and again every event answered 503 (it retries for days), and the business retries each refund
 * left PENDING by cancelling again (the documented way: a cancel of a cancelled booking with a
 * pending refund retries it). Rounds go on until nothing is left, except refunds Stripe refuses
 * for good (a charge disputed, or refunded in the dashboard meanwhile), which are returned.
 */
export async function settle(seq: Sequence, random: Random): Promise<string[]> {
  const { world } = seq;
  const refused = new Map<string, string>();
  for (let round = 0; ; round++) {
    seq.collectEvents();
    const waiting = seq.queue.length + seq.redeliver.length;
    if (waiting > 0) seq.log.push(`settle: deliver ${(await deliverSome(seq, random, true)).text}`);
    const unsent = (
      await world.t.db.refund.findMany({
        where: {
          status: 'PENDING',
          stripeRefundId: null,
          payment: { appointmentId: { in: seq.bookings.map((booking) => booking.id) } },
        },
        include: { payment: true },
      })
    ).filter((refund) => !refused.has(refund.id));
    for (const refund of unsent) {
      const booking = seq.bookings.find((b) => b.id === refund.payment.appointmentId)!;
      seq.stats.settleRetries += 1;
      // A cancel's refund is retried by cancelling again; an admin's refund by asking it again.
      const retry = refund.reason?.startsWith('cancelled_by_')
        ? { url: `/v1/tenant-admin/appointments/${booking.id}/cancel`, payload: {}, what: 'cancel' }
        : {
            url: `/v1/tenant-admin/appointments/${booking.id}/refund`,
            payload: { amountCents: refund.amountCents, reason: refund.reason ?? 'retry' },
            what: 'refund',
          };
      const response = await adminCall(world, booking.tenant, {
        method: 'POST',
        url: retry.url,
        payload: retry.payload,
      });
      seq.expectStatus(
        `settle: ${retry.what} ${booking.name} again for refund ${refund.id}`,
        response,
        [200, 409],
      );
      seq.log.push(
        `settle: ${retry.what} ${booking.name} again for its pending refund → ${response.statusCode}`,
      );
      const asked = world.stripe.requests.filter((r) => r.idempotencyKey === `refund-${refund.id}`).at(-1);
      if (asked && typeof asked.status === 'number' && asked.status >= 400 && asked.status < 500) {
        const charge = seq.charge(booking);
        const left = charge ? charge.amount - charge.amount_refunded : 0;
        refused.set(
          refund.id,
          `${booking.name}: refund of ${refund.amountCents} ${refund.currency} refused (HTTP ${asked.status}; ` +
            `charge ${charge?.disputed ? 'disputed' : 'not disputed'}, ${left} left unrefunded)`,
        );
      }
    }
    seq.collectEvents();
    const active = unsent.filter((refund) => !refused.has(refund.id)).length;
    if (waiting === 0 && active === 0 && seq.queue.length === 0) return [...refused.values()];
    if (round >= 8)
      throw new Violation(
        `did not settle after ${round} rounds: ${seq.queue.length + seq.redeliver.length} events ` +
          `(${seq.redeliver.map((e) => e.type).join(', ')}) and ${active} refunds left`,
      );
  }
}
