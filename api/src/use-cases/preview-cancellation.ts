import type { CancellationPoliciesRepository } from '../adapters/db/repositories/cancellation-policies.repository.ts';
import type { RefundablePayment } from '../adapters/db/repositories/payments.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { assertStatusChange, type Actor } from '../domain/appointments/status.ts';
import { cancellationTerms } from '../domain/policies/cancellation-terms.ts';
import type { TierShape } from '../domain/policies/cancellation-tiers.ts';
import { rescheduleAllowedUntil } from '../domain/policies/reschedule-window.ts';
import type { CancellationPreviewDto } from '../schemas/appointment.schemas.ts';

/**
 * What cancelling now would cost the client, by the service's policy (else the
 * tenant's default policy; with neither, the platform's default tiers, see
 * domain/policies/cancellation-terms.ts). The fee is a share of the booking's
 * price; what was paid beyond the fee is refunded, a fee beyond it is owed.
 * POST …/cancel applies the same computation (termsOfCancelling) at its moment. It also says until
 * when the client may move the booking (domain/policies/reschedule-window.ts), as POST …/reschedule
 * checks it.
 */
export async function previewCancellation(
  scope: TenantScope,
  appointmentId: string,
  tokenHash: string | undefined,
  now: Date,
  /** 'admin': staff, who find it without a token and may cancel after the start. */
  actor: Actor = 'client',
): Promise<CancellationPreviewDto> {
  const appointment = await scope.appointments.record(appointmentId, tokenHash);
  assertStatusChange(appointment, 'cancel', now, actor);
  const [payments, policy] = await Promise.all([
    scope.payments.refundable(appointment.id),
    scope.cancellationPolicies.inForce(appointment.serviceId),
  ]);
  const terms = termsUnderPolicy(policy, appointment, payments, now);
  const { tier } = terms;
  const movableUntil = rescheduleAllowedUntil({
    policy,
    priceCents: appointment.totalAmountCents,
    startTimeUtc: appointment.startTimeUtc,
  });
  return {
    appointmentId: appointment.id,
    currency: appointment.currency,
    hoursBeforeStart: Math.round(terms.hoursBeforeStart * 100) / 100,
    tier: tier && {
      hoursBeforeStart: tier.hoursBeforeStart,
      feePercentage: tier.feePercentage ?? null,
      feeFixedCents: tier.feeFixedCents ?? null,
    },
    feeCents: terms.feeCents,
    paidCents: terms.paidCents,
    refundCents: terms.refundCents,
    amountDueCents: terms.amountDueCents,
    rescheduleAllowedUntil: movableUntil?.toISOString() ?? null,
  };
}

/**
 * The one computation of a client's cancellation, for the preview and the cancel alike: the
 * policy in force for the service applied to the price, settled against what was paid by card
 * and not refunded.
 */
export async function termsOfCancelling(
  policies: CancellationPoliciesRepository,
  appointment: { serviceId: string; totalAmountCents: number; startTimeUtc: Date },
  payments: readonly RefundablePayment[],
  now: Date,
) {
  return termsUnderPolicy(await policies.inForce(appointment.serviceId), appointment, payments, now);
}

/** termsOfCancelling under a policy already read (null: none, the default tiers). */
function termsUnderPolicy(
  policy: { tiers: readonly TierShape[] } | null,
  appointment: { totalAmountCents: number; startTimeUtc: Date },
  payments: readonly RefundablePayment[],
  now: Date,
) {
  const paidCents = payments.reduce((sum, p) => sum + p.payment.amountCents - p.refundedCents, 0);
  const terms = cancellationTerms({
    policyTiers: policy?.tiers ?? null,
    priceCents: appointment.totalAmountCents,
    paidCents,
    startTimeUtc: appointment.startTimeUtc,
    now,
  });
  return { ...terms, paidCents };
}
