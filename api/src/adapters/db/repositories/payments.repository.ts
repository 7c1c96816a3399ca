import { Prisma } from '../../../generated/prisma/client.ts';
import type { PaymentKind } from '../../../generated/prisma/enums.ts';
import type { PaymentModel } from '../../../generated/prisma/models/Payment.ts';
import type { Client } from '../prisma-client.ts';

export type PaymentRecord = PaymentModel;

/** A succeeded payment with what was refunded of it (SUCCEEDED) and what is on its way back (PENDING). */
export interface RefundablePayment {
  payment: PaymentRecord;
  refundedCents: number;
  pendingRefundCents: number;
}

/** A refund recorded as intended (PENDING) that Stripe has not accepted yet: no Stripe id. */
export interface UnsentRefund {
  id: string;
  amountCents: number;
  currency: string;
  reason: string;
  payment: { id: string; appointmentId: string; stripePaymentIntentId: string };
}

/** A payment taken after booking: the balance, or a no-show's fee. */
interface LaterPayment {
  appointmentId: string;
  kind: 'BALANCE' | 'NO_SHOW_FEE';
  amountCents: number;
  currency: string;
  now: Date;
}

/** An appointment's card payments (one row per PaymentIntent), for one tenant. */
export class PaymentsRepository {
  constructor(
    private readonly db: Client,
    private readonly tenantId: string,
  ) {}

  /**
   * The row of a PaymentIntent just created for `appointmentId` (`created`), or the existing row
   * when the same intent was recorded before (a retried booking gets the same intent from Stripe).
   */
  /** The tenant's connected Stripe account, or null (payments at the appointment). */
  async connectedAccount(): Promise<string | null> {
    const tenant = await this.db.tenant.findUnique({
      where: { id: this.tenantId },
      select: { stripeAccountId: true },
    });
    return tenant?.stripeAccountId ?? null;
  }

  async recordRequested(input: {
    appointmentId: string;
    kind: PaymentKind;
    amountCents: number;
    currency: string;
    stripePaymentIntentId: string;
    now: Date;
  }): Promise<{ payment: PaymentRecord; created: boolean }> {
    const { count } = await this.db.payment.createMany({
      data: [
        {
          tenantId: this.tenantId,
          appointmentId: input.appointmentId,
          kind: input.kind,
          status: 'REQUIRES_PAYMENT',
          amountCents: input.amountCents,
          currency: input.currency,
          stripePaymentIntentId: input.stripePaymentIntentId,
          createdAt: input.now,
          updatedAt: input.now,
        },
      ],
      skipDuplicates: true,
    });
    const payment = await this.db.payment.findFirstOrThrow({
      where: { tenantId: this.tenantId, stripePaymentIntentId: input.stripePaymentIntentId },
    });
    return { payment, created: count === 1 };
  }

  /** The appointment's payment waiting for the card, if any (the newest). */
  async awaiting(appointmentId: string): Promise<PaymentRecord | null> {
    return this.db.payment.findFirst({
      where: { tenantId: this.tenantId, appointmentId, stripePaymentIntentId: { not: null } },
      orderBy: { createdAt: 'desc' },
    });
  }

  /** The payment of a PaymentIntent (not locked: to find its appointment and lock that first). */
  async findByIntent(stripePaymentIntentId: string): Promise<PaymentRecord | null> {
    return this.db.payment.findFirst({ where: { tenantId: this.tenantId, stripePaymentIntentId } });
  }

  /** The payment of a PaymentIntent, locked until the transaction ends (FOR UPDATE). */
  async lockByIntent(stripePaymentIntentId: string): Promise<PaymentRecord | null> {
    const rows = await this.db.$queryRaw<PaymentRecord[]>`
      SELECT * FROM payments
       WHERE "tenantId" = ${this.tenantId}::uuid AND "stripePaymentIntentId" = ${stripePaymentIntentId}
       FOR UPDATE`;
    return rows[0] ?? null;
  }

  async markSucceeded(id: string, now: Date): Promise<void> {
    await this.db.payment.update({
      where: { tenantId_id: { tenantId: this.tenantId, id } },
      data: { status: 'SUCCEEDED', succeededAt: now, updatedAt: now },
    });
  }

  /**
   * A refund Stripe accepted (or is working on), by its Stripe id: created the first time, its
   * status brought up to date after. With `refundId`, the refund is that row, recorded as an intent
   * before Stripe was asked (createPendingRefund): it gets the Stripe id and the status, and no row
   * is created. Answers the status it had before (null: new).
   */
  async upsertRefund(input: {
    paymentId: string;
    amountCents: number;
    currency: string;
    status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
    reason: string;
    stripeRefundId: string;
    refundId?: string;
    now: Date;
  }): Promise<{ id: string; previousStatus: 'PENDING' | 'SUCCEEDED' | 'FAILED' | null }> {
    const refund = input.refundId
      ? Prisma.sql`id = ${input.refundId}::uuid`
      : Prisma.sql`"stripeRefundId" = ${input.stripeRefundId}`;
    const rows = await this.db.$queryRaw<Array<{ id: string | null; previous: string | null }>>`
      WITH before AS (
        SELECT id, status FROM refunds
         WHERE "tenantId" = ${this.tenantId}::uuid AND ${refund}
         FOR UPDATE),
      inserted AS (
        INSERT INTO refunds ("tenantId", "paymentId", "amountCents", currency, status, reason, "stripeRefundId", "createdAt")
        SELECT ${this.tenantId}::uuid, ${input.paymentId}::uuid, ${input.amountCents}, ${input.currency},
               ${input.status}::"RefundStatus", ${input.reason}, ${input.stripeRefundId}, ${input.now}
         WHERE NOT EXISTS (SELECT 1 FROM before) AND ${input.refundId ?? null}::uuid IS NULL
        RETURNING id),
      updated AS (
        UPDATE refunds SET status = ${input.status}::"RefundStatus", "stripeRefundId" = ${input.stripeRefundId}
         WHERE id IN (SELECT id FROM before) AND status <> 'SUCCEEDED'
        RETURNING id)
      SELECT coalesce((SELECT id FROM inserted), (SELECT id FROM before)) AS id,
             (SELECT status::text FROM before) AS previous`;
    const row = rows[0]!;
    if (!row.id) throw new Error(`Refund ${input.refundId} not found`);
    return { id: row.id, previousStatus: row.previous as 'PENDING' | 'SUCCEEDED' | 'FAILED' | null };
  }

  /**
   * A refund about to be asked of Stripe, recorded first (PENDING, no Stripe id yet): its id is
   * the Stripe idempotency key's, so asking again after a failure can only find the same refund.
   */
  async createPendingRefund(input: {
    paymentId: string;
    amountCents: number;
    currency: string;
    reason: string;
    now: Date;
  }): Promise<string> {
    const { id } = await this.db.refund.create({
      data: {
        tenantId: this.tenantId,
        paymentId: input.paymentId,
        amountCents: input.amountCents,
        currency: input.currency,
        status: 'PENDING',
        reason: input.reason,
        createdAt: input.now,
      },
      select: { id: true },
    });
    return id;
  }

  /** The appointment's succeeded payments, newest first, with their refunds summed by state. */
  async refundable(appointmentId: string): Promise<RefundablePayment[]> {
    const rows = await this.db.$queryRaw<Array<PaymentRecord & { refunded: number; pending: number }>>`
      SELECT p.*,
             coalesce(sum(r."amountCents") FILTER (WHERE r.status = 'SUCCEEDED'), 0)::int AS refunded,
             coalesce(sum(r."amountCents") FILTER (WHERE r.status = 'PENDING'), 0)::int AS pending
        FROM payments p
        LEFT JOIN refunds r ON r."tenantId" = p."tenantId" AND r."paymentId" = p.id
       WHERE p."tenantId" = ${this.tenantId}::uuid AND p."appointmentId" = ${appointmentId}::uuid
         AND p.status = 'SUCCEEDED'
       GROUP BY p.id
       ORDER BY p."succeededAt" DESC NULLS LAST, p."createdAt" DESC, p.id`;
    return rows.map(({ refunded, pending, ...payment }) => ({
      payment,
      refundedCents: refunded,
      pendingRefundCents: pending,
    }));
  }

  /** The appointment's refunds recorded as intents that Stripe has not accepted yet, oldest first. */
  async unsentRefunds(appointmentId: string): Promise<UnsentRefund[]> {
    const rows = await this.db.refund.findMany({
      where: {
        tenantId: this.tenantId,
        status: 'PENDING',
        stripeRefundId: null,
        payment: { appointmentId },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { payment: { select: { id: true, appointmentId: true, stripePaymentIntentId: true } } },
    });
    return rows.map((row) => ({
      id: row.id,
      amountCents: row.amountCents,
      currency: row.currency,
      reason: row.reason ?? '',
      payment: { ...row.payment, stripePaymentIntentId: row.payment.stripePaymentIntentId! },
    }));
  }

  /** What the appointment's card payments brought in and what was refunded of it, in minor units. */
  async totals(appointmentId: string): Promise<{ paidCents: number; refundedCents: number }> {
    const [paid, refunded] = await Promise.all([
      this.db.payment.aggregate({
        where: { tenantId: this.tenantId, appointmentId, status: 'SUCCEEDED' },
        _sum: { amountCents: true },
      }),
      this.db.refund.aggregate({
        where: { tenantId: this.tenantId, status: 'SUCCEEDED', payment: { appointmentId } },
        _sum: { amountCents: true },
      }),
    ]);
    return { paidCents: paid._sum.amountCents ?? 0, refundedCents: refunded._sum.amountCents ?? 0 };
  }

  /**
   * A charge of the kept card about to be asked of Stripe, recorded first (PROCESSING, no intent
   * yet): its id is the idempotency key's, so asking again after a failure finds the same charge.
   */
  async recordOffSession(input: LaterPayment): Promise<PaymentRecord> {
    return this.insertLater(input, 'PROCESSING');
  }

  /**
   * The appointment's card payment still under way, if any: asked of the client and not paid
   * (REQUIRES_PAYMENT) or a charge of the kept card Stripe has not answered (PROCESSING).
   */
  async inFlight(appointmentId: string): Promise<PaymentRecord | null> {
    return this.db.payment.findFirst({
      where: { tenantId: this.tenantId, appointmentId, status: { in: ['REQUIRES_PAYMENT', 'PROCESSING'] } },
      orderBy: { createdAt: 'desc' },
    });
  }

  /**
   * The PaymentIntent Stripe made for a charge recorded before it was asked (recordOffSession).
   * With `appointmentId` (read from the intent's metadata), only a row of that appointment.
   */
  async attachIntent(
    id: string,
    stripePaymentIntentId: string,
    now: Date,
    appointmentId?: string,
  ): Promise<void> {
    await this.db.payment.updateMany({
      where: {
        tenantId: this.tenantId,
        id,
        stripePaymentIntentId: null,
        ...(appointmentId ? { appointmentId } : {}),
      },
      data: { stripePaymentIntentId, updatedAt: now },
    });
  }

  /** A charge of the kept card that the bank declined: kept as FAILED, what it asked stays due. */
  async markFailed(id: string, now: Date): Promise<void> {
    await this.db.payment.updateMany({
      where: { tenantId: this.tenantId, id, status: { in: ['REQUIRES_PAYMENT', 'PROCESSING'] } },
      data: { status: 'FAILED', updatedAt: now },
    });
  }

  /** Money taken at the venue (cash, a terminal): a succeeded payment without a Stripe object. */
  async recordAtVenue(input: LaterPayment): Promise<PaymentRecord> {
    return this.insertLater(input, 'SUCCEEDED');
  }

  /** A payment taken after booking (a balance, a no-show fee), without a Stripe object yet. */
  private insertLater(input: LaterPayment, status: 'PROCESSING' | 'SUCCEEDED'): Promise<PaymentRecord> {
    return this.db.payment.create({
      data: {
        tenantId: this.tenantId,
        appointmentId: input.appointmentId,
        kind: input.kind,
        status,
        amountCents: input.amountCents,
        currency: input.currency,
        createdAt: input.now,
        updatedAt: input.now,
        ...(status === 'SUCCEEDED' ? { succeededAt: input.now } : {}),
      },
    });
  }

  /** A refund intent Stripe refused for good (already refunded, disputed): kept, as FAILED. */
  async markRefundFailed(refundId: string): Promise<void> {
    await this.db.refund.updateMany({
      where: { tenantId: this.tenantId, id: refundId, status: 'PENDING', stripeRefundId: null },
      data: { status: 'FAILED' },
    });
  }
}
