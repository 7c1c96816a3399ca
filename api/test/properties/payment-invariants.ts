import type Stripe from 'stripe';
import { isLive } from '../../src/domain/appointments/live.ts';
import { amountDue } from '../../src/domain/payments/amount-due.ts';
import { KIND_RULES } from '../../src/domain/ledger/entries.ts';
import { reconcile, type BalanceTransaction } from '../../src/domain/ledger/reconcile.ts';
import type { TenantWorld, World } from './payment-world.ts';

/**
 * What must hold once every webhook is delivered and every pending refund retried, over a set of
 * appointments (one sequence's, or all of a tenant's) and the Stripe objects of their intents.
 * Each check returns the problems it found, as sentences; none means the property holds.
 */

export interface Scope {
  tenant: TenantWorld;
  /** Appointments starting in [from, to); all of the tenant's without it. */
  window?: { from: Date; to: Date };
}

type Loaded = Awaited<ReturnType<typeof load>>;

async function load(world: World, { tenant, window }: Scope) {
  const appointments = await world.t.db.appointment.findMany({
    where: {
      tenantId: tenant.created.tenant.id,
      ...(window ? { startTimeUtc: { gte: window.from, lt: window.to } } : {}),
    },
    include: {
      payments: { include: { refunds: true } },
      events: { where: { type: 'PAID' } },
    },
  });
  const ids = new Set(appointments.map((appointment) => appointment.id));
  const ledger = await world.t.db.ledgerEntry.findMany({
    where: { tenantId: tenant.created.tenant.id, ...(window ? { appointmentId: { in: [...ids] } } : {}) },
  });
  const { state } = world.stripe;
  const account = tenant.account;
  const intents = state.paymentIntents
    .list(account)
    .filter((intent) => !window || ids.has(intent.metadata.appointmentId ?? ''));
  const intentIds = new Set(intents.map((intent) => intent.id));
  const charges = state.charges.list(account).filter((c) => intentIds.has(idOf(c.payment_intent) ?? ''));
  const chargeIds = new Set(charges.map((charge) => charge.id));
  const refunds = state.refunds.list(account).filter((r) => chargeIds.has(idOf(r.charge) ?? ''));
  const disputes = state.disputes.list(account).filter((d) => chargeIds.has(idOf(d.charge) ?? ''));
  const sources = new Set([...chargeIds, ...refunds.map((r) => r.id), ...disputes.map((d) => d.id)]);
  const transactions = state.balanceTransactions
    .list(account)
    .filter((txn) => !window || sources.has(idOf(txn.source) ?? ''))
    .map(toBalanceTransaction);
  return { appointments, ledger, intents, charges, refunds, disputes, transactions };
}

function idOf(field: string | { id: string } | null | undefined): string | null {
  return typeof field === 'string' ? field : (field?.id ?? null);
}

/** The fake's balance transaction as reconcile.ts takes it (what StripeGateway maps too). */
function toBalanceTransaction(txn: Stripe.BalanceTransaction): BalanceTransaction {
  return {
    id: txn.id,
    type: txn.type,
    amount: txn.amount,
    fee: txn.fee,
    net: txn.net,
    currency: txn.currency,
    source: idOf(txn.source),
    created: txn.created,
    feeDetails: txn.fee_details.map((detail) => ({ type: detail.type, amount: detail.amount })),
  };
}

const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);

/** The ledger equals the account's balance transactions: movement by movement, and in total per currency. */
function ledgerMatchesStripe(label: string, { ledger, transactions }: Loaded): string[] {
  const problems: string[] = [];
  const { differences } = reconcile(ledger, transactions);
  for (const difference of differences) problems.push(`${label} reconcile: ${JSON.stringify(difference)}`);
  // The same in totals: every row that maps to Stripe (no venue money, no corrections) against `net`.
  const currencies = new Set([
    ...ledger.map((r) => r.currency),
    ...transactions.map((t) => t.currency.toUpperCase()),
  ]);
  for (const currency of currencies) {
    const ours = sum(
      ledger
        .filter(
          (row) => row.currency === currency && KIND_RULES[row.kind].group !== null && !row.correctsEntryId,
        )
        .map((row) => row.amountCents),
    );
    const theirs = sum(transactions.filter((t) => t.currency.toUpperCase() === currency).map((t) => t.net));
    if (ours !== theirs) problems.push(`${label} ${currency}: ledger ${ours} ≠ Stripe net ${theirs}`);
  }
  return problems;
}

/**
 * Refunds never exceed payments: per appointment in our tables, per intent in Stripe; and the
 * appointment's own paidCents and refundedCents (what amountDueCents is read from) are its rows'.
 */
function refundsWithinPayments(label: string, loaded: Loaded): string[] {
  const problems: string[] = [];
  for (const appointment of loaded.appointments) {
    const succeeded = appointment.payments.filter((p) => p.status === 'SUCCEEDED');
    const paid = sum(succeeded.map((p) => p.amountCents));
    const refunds = appointment.payments.flatMap((p) => p.refunds.filter((r) => r.status === 'SUCCEEDED'));
    const refunded = sum(refunds.map((r) => r.amountCents));
    if (refunded > paid) problems.push(`${label} ${appointment.id}: refunded ${refunded} > paid ${paid}`);
    if (appointment.paidCents !== paid || appointment.refundedCents !== refunded)
      problems.push(
        `${label} ${appointment.id}: row says paid ${appointment.paidCents} refunded ` +
          `${appointment.refundedCents}, its payments ${paid} and ${refunded}`,
      );
    const charges = appointment.payments.filter((p) => p.kind === 'NO_SHOW_FEE' && p.status === 'SUCCEEDED');
    if (charges.length > 0 && appointment.status !== 'NO_SHOW')
      problems.push(`${label} ${appointment.id}: a no-show fee taken from a ${appointment.status} booking`);
    const feeTaken = sum(charges.map((p) => p.amountCents));
    if (feeTaken > appointment.noShowFeeCents)
      problems.push(
        `${label} ${appointment.id}: no-show fees ${feeTaken} > agreed ${appointment.noShowFeeCents}`,
      );
    for (const payment of appointment.payments) {
      const back = sum(payment.refunds.filter((r) => r.status === 'SUCCEEDED').map((r) => r.amountCents));
      if (back > 0 && (payment.status !== 'SUCCEEDED' || back > payment.amountCents))
        problems.push(
          `${label} payment ${payment.id} (${payment.status} ${payment.amountCents}): refunded ${back}`,
        );
    }
  }
  for (const intent of loaded.intents) {
    const back = sum(
      loaded.refunds
        .filter((r) => r.payment_intent === intent.id && r.status === 'succeeded')
        .map((r) => r.amount),
    );
    if (back > intent.amount)
      problems.push(`${label} Stripe ${intent.id}: refunded ${back} > ${intent.amount}`);
  }
  return problems;
}

/**
 * A card hold is confirmed only by its payment (or the venue's), our payment rows say what Stripe
 * says, and a payment that arrived after its hold ended went back in full (README: "refunded in
 * full with the key payment-<id>-late-refund").
 */
function paymentsAgree(label: string, loaded: Loaded): string[] {
  const problems: string[] = [];
  const intents = new Map(loaded.intents.map((intent) => [intent.id, intent]));
  for (const appointment of loaded.appointments) {
    const card = appointment.payments.filter((p) => p.stripePaymentIntentId);
    const confirmed = ['CONFIRMED', 'COMPLETED', 'NO_SHOW'].includes(appointment.status);
    if (confirmed && card.length > 0 && !appointment.payments.some((p) => p.status === 'SUCCEEDED'))
      problems.push(`${label} ${appointment.id}: ${appointment.status} without a succeeded payment`);
    // A no-show owes its fee (AWAITING_PAYMENT) until it is collected.
    if (confirmed && card.length > 0 && appointment.paymentStatus === 'AWAITING_PAYMENT') {
      const owes = appointment.status === 'NO_SHOW' && amountDue(appointment) > 0;
      if (!owes) problems.push(`${label} ${appointment.id}: ${appointment.status} but AWAITING_PAYMENT`);
    }
    for (const payment of card) {
      const intent = intents.get(payment.stripePaymentIntentId!);
      const stripeSucceeded = intent?.status === 'succeeded';
      if (stripeSucceeded !== (payment.status === 'SUCCEEDED'))
        problems.push(
          `${label} ${payment.stripePaymentIntentId}: ours ${payment.status}, Stripe ${intent?.status}`,
        );
      const paidTheBooking = appointment.events.some(
        (event) => (event.data as { paymentIntentId?: string }).paymentIntentId === intent?.id,
      );
      if (!stripeSucceeded || paidTheBooking) continue;
      const charge = loaded.charges.find((c) => c.payment_intent === intent!.id && c.status === 'succeeded')!;
      const disputed = sum(loaded.disputes.filter((d) => d.charge === charge.id).map((d) => d.amount));
      if (charge.amount_refunded + disputed < charge.amount)
        problems.push(
          `${label} ${appointment.id} (${appointment.status}, ${appointment.cancellationReason}): late payment ` +
            `${intent!.id} of ${charge.amount} kept ${charge.amount - charge.amount_refunded - disputed}`,
        );
    }
  }
  return problems;
}

/** No two live appointments of one provider overlap (buffers included). */
function noOverlaps(label: string, loaded: Loaded, now: Date): string[] {
  const problems: string[] = [];
  const live = loaded.appointments
    .filter((appointment) => isLive(appointment, now))
    .sort((a, b) => a.occupiedStartUtc.getTime() - b.occupiedStartUtc.getTime());
  for (const [i, a] of live.entries()) {
    for (const b of live.slice(i + 1)) {
      if (b.occupiedStartUtc >= a.occupiedEndUtc) break;
      if (a.providerId === b.providerId && a.sessionKey !== b.sessionKey)
        problems.push(`${label} ${a.id} and ${b.id} overlap for provider ${a.providerId}`);
    }
  }
  return problems;
}

export async function checkProperties(world: World, scope: Scope): Promise<string[]> {
  const loaded = await load(world, scope);
  const label = scope.tenant.label;
  return [
    ...ledgerMatchesStripe(label, loaded),
    ...refundsWithinPayments(label, loaded),
    ...paymentsAgree(label, loaded),
    ...noOverlaps(label, loaded, world.clock.now),
  ];
}

/**
 * Not properties of the issue, but worth a look when they happen: an appointment that kept more
 * than its price (paid, less refunds and disputes).
 */
export async function findings(world: World, scope: Scope): Promise<string[]> {
  const loaded = await load(world, scope);
  return loaded.appointments.flatMap((a) => {
    const kept =
      sum(a.payments.filter((p) => p.status === 'SUCCEEDED').map((p) => p.amountCents)) -
      sum(
        a.payments.flatMap((p) =>
          p.refunds.filter((r) => r.status === 'SUCCEEDED').map((r) => r.amountCents),
        ),
      );
    if (kept <= a.totalAmountCents) return [];
    const paid = a.payments
      .filter((p) => p.status === 'SUCCEEDED')
      .map((p) => `${p.kind} ${p.amountCents}${p.stripePaymentIntentId ? ' card' : ' venue'}`);
    return [
      `${scope.tenant.label} ${a.id} (${a.status}/${a.paymentStatus}): kept ${kept} of a price of ` +
        `${a.totalAmountCents} ${a.currency} (succeeded: ${paid.join(', ')})`,
    ];
  });
}

/** Figures for the report (not assertions): what the appointments in scope came to. */
export async function figures(world: World, scope: Scope) {
  const loaded = await load(world, scope);
  const payments = loaded.appointments.flatMap((a) => a.payments);
  const refunds = payments.flatMap((p) => p.refunds);
  const byKey = (values: string[]) =>
    Object.fromEntries([...new Set(values)].sort().map((v) => [v, values.filter((x) => x === v).length]));
  return {
    appointments: byKey(loaded.appointments.map((a) => `${a.status}/${a.paymentStatus}`)),
    payments: byKey(payments.map((p) => `${p.kind} ${p.status}${p.stripePaymentIntentId ? '' : ' (venue)'}`)),
    refunds: byKey(refunds.map((r) => `${r.status} ${r.reason}`)),
    ledgerRows: byKey(loaded.ledger.map((row) => row.kind)),
    stripe: {
      intents: loaded.intents.length,
      charges: loaded.charges.filter((c) => c.status === 'succeeded').length,
      refunds: loaded.refunds.length,
      disputes: loaded.disputes.length,
      balanceTransactions: loaded.transactions.length,
    },
  };
}
