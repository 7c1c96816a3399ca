import type { CancellationPoliciesRepository } from '../adapters/db/repositories/cancellation-policies.repository.ts';
import type { RefundablePayment } from '../adapters/db/repositories/payments.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { NotFoundError } from '../domain/errors.ts';
import { assertStatusChange } from '../domain/appointments/status.ts';
import { cancellationTerms } from '../domain/policies/cancellation-terms.ts';
import type { CancellationPreviewDto } from '../schemas/appointment.schemas.ts';

/**
 * What cancelling now would cost the client, by the service's policy (else the
 * tenant's default policy; with neither, the platform's default tiers, see
 * domain/policies/cancellation-terms.ts). The fee is a share of the booking's
 * price; what was paid beyond the fee is refunded, a fee beyond it is owed.
 * POST …/cancel applies the same computation (termsOfCancelling) at its moment.
 */
export async function previewCancellation(
  scope: TenantScope,
  appointmentId: string,
  tokenHash: string,
  now: Date,
): Promise<CancellationPreviewDto> {
  const appointment = await scope.appointments.record(appointmentId, tokenHash);
  assertStatusChange(appointment, 'cancel', now, 'client');
  const payments = await scope.payments.refundable(appointment.id);
  const terms = await termsOfCancelling(scope.cancellationPolicies, appointment, payments, now);
  const { tier } = terms;
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
  const paidCents = payments.reduce((sum, p) => sum + p.payment.amountCents - p.refundedCents, 0);
  const terms = cancellationTerms({
    policyTiers: await policyTiers(policies, appointment.serviceId),
    priceCents: appointment.totalAmountCents,
    paidCents,
    startTimeUtc: appointment.startTimeUtc,
    now,
  });
  return { ...terms, paidCents };
}

async function policyTiers(policies: CancellationPoliciesRepository, serviceId: string) {
  for (const serviceIdOrDefault of [serviceId, null]) {
    try {
      return (await policies.get(serviceIdOrDefault)).tiers;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return null; // no policy at all: the default tiers
}
