import type { PaymentKind } from '../../../generated/prisma/enums.ts';
import type { PaymentModel } from '../../../generated/prisma/models/Payment.ts';
import type { Client } from '../prisma-client.ts';

export type PaymentRecord = PaymentModel;

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

  /** Whether any refund of the payment was recorded (whatever its state). */
  async hasRefund(paymentId: string): Promise<boolean> {
    return (await this.db.refund.count({ where: { tenantId: this.tenantId, paymentId } })) > 0;
  }

  /** A refund Stripe accepted (or is working on); the same Stripe refund is recorded once. */
  async recordRefund(input: {
    paymentId: string;
    amountCents: number;
    currency: string;
    status: 'PENDING' | 'SUCCEEDED' | 'FAILED';
    reason: string;
    stripeRefundId: string;
    now: Date;
  }): Promise<{ id: string; created: boolean }> {
    const { now, ...refund } = input;
    const { count } = await this.db.refund.createMany({
      data: [{ tenantId: this.tenantId, ...refund, createdAt: now }],
      skipDuplicates: true,
    });
    const stored = await this.db.refund.findFirstOrThrow({
      where: { tenantId: this.tenantId, stripeRefundId: input.stripeRefundId },
      select: { id: true },
    });
    return { id: stored.id, created: count === 1 };
  }
}
