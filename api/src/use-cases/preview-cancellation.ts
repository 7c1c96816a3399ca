import type { CancellationPoliciesRepository } from '../adapters/db/repositories/cancellation-policies.repository.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { NotFoundError } from '../domain/errors.ts';
import { assertStatusChange } from '../domain/appointments/status.ts';
import { cancellationFee } from '../domain/policies/cancellation-tiers.ts';
import type { CancellationPreviewDto } from '../schemas/appointment.schemas.ts';

import { HOUR } from '../domain/time-units.ts';

/**
 * What cancelling now would cost the client, by the service's policy (else the
 * tenant's default; none = free). The fee is a share of the booking's price;
 * what was paid beyond the fee is refunded, a fee beyond what was paid is owed.
 */
export async function previewCancellation(
  scope: TenantScope,
  appointmentId: string,
  tokenHash: string,
  now: Date,
): Promise<CancellationPreviewDto> {
  const appointment = await scope.appointments.record(appointmentId, tokenHash);
  assertStatusChange(appointment, 'cancel', now, 'client');
  const tiers = await policyTiers(scope.cancellationPolicies, appointment.serviceId);
  const hoursBeforeStart = (appointment.startTimeUtc.getTime() - now.getTime()) / HOUR;
  const { feeCents, tier } = cancellationFee(tiers, appointment.totalAmountCents, hoursBeforeStart);
  const paidCents = await scope.appointments.paidCents(appointment.id);
  return {
    appointmentId: appointment.id,
    currency: appointment.currency,
    hoursBeforeStart: Math.round(hoursBeforeStart * 100) / 100,
    tier: tier && {
      hoursBeforeStart: tier.hoursBeforeStart,
      feePercentage: tier.feePercentage ?? null,
      feeFixedCents: tier.feeFixedCents ?? null,
    },
    feeCents,
    paidCents,
    refundCents: Math.max(0, paidCents - feeCents),
    amountDueCents: Math.max(0, feeCents - paidCents),
  };
}

async function policyTiers(policies: CancellationPoliciesRepository, serviceId: string) {
  for (const serviceIdOrDefault of [serviceId, null]) {
    try {
      return (await policies.get(serviceIdOrDefault)).tiers;
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return [];
}
