import type { Db } from '../adapters/db/prisma-client.ts';
import { AppointmentsRepository } from '../adapters/db/repositories/appointments.repository.ts';
import { CancellationPoliciesRepository } from '../adapters/db/repositories/cancellation-policies.repository.ts';
import { NotFoundError } from '../domain/errors.ts';
import { assertStatusChange } from '../domain/appointments/status.ts';
import { cancellationFee } from '../domain/policies/cancellation-tiers.ts';
import type { CancellationPreviewDto } from '../schemas/appointment.schemas.ts';

const HOUR = 3_600_000;

/**
 * What cancelling now would cost the client, by the service's policy (else the
 * tenant's default; none = free). The fee is a share of the booking's price;
 * what was paid beyond the fee is refunded, a fee beyond what was paid is owed.
 */
export async function previewCancellation(
  db: Db,
  tenantId: string,
  appointmentId: string,
  tokenHash: string,
  now: Date,
): Promise<CancellationPreviewDto> {
  const appointment = await new AppointmentsRepository(db, tenantId).getWithToken(appointmentId, tokenHash);
  assertStatusChange(appointment, 'cancel', now, 'client');
  const tiers = await policyTiers(new CancellationPoliciesRepository(db, tenantId), appointment.serviceId);
  const hoursBeforeStart = (appointment.startTimeUtc.getTime() - now.getTime()) / HOUR;
  const { feeCents, tier } = cancellationFee(tiers, appointment.totalAmountCents, hoursBeforeStart);
  const paidCents = await new AppointmentsRepository(db, tenantId).paidCents(appointment.id);
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
