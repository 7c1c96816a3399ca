import type { PaymentMode } from '../../generated/prisma/enums.ts';
/**
 * What a booking costs and what must be paid now, in minor units.
 * A percentage deposit is rounded half up to the minor unit.
 */
export interface PricedService {
  paymentMode: PaymentMode;
  depositCents: number | null;
  depositPercent: number | null;
  /** No-show protection: a fee per seat, or a share of the booking's price (at most one is set). */
  noShowFeeCents?: number | null;
  noShowFeePercent?: number | null;
}

export function bookingPrice(
  service: PricedService,
  unitPriceCents: number,
  seats: number,
): { totalAmountCents: number; depositAmountCents: number; noShowFeeCents: number } {
  const total = unitPriceCents * seats;
  return { ...amountsDue(service, total, seats), noShowFeeCents: noShowFee(service, total, seats) };
}

/**
 * The fee a client who does not come owes, agreed at booking: a fixed amount per seat (it may be
 * more than a free or cheap service's price: that is what it is for), or a share of the price,
 * rounded half up like a percentage deposit. 0 without no-show protection.
 */
export function noShowFee(service: PricedService, totalCents: number, seats: number): number {
  if (service.noShowFeeCents != null) return service.noShowFeeCents * seats;
  if (service.noShowFeePercent != null) return percentOf(totalCents, service.noShowFeePercent);
  return 0;
}

function percentOf(amountCents: number, percent: number): number {
  return Math.floor((amountCents * percent + 50) / 100);
}

function amountsDue(
  service: PricedService,
  total: number,
  seats: number,
): { totalAmountCents: number; depositAmountCents: number } {
  switch (service.paymentMode) {
    case 'NONE':
      return { totalAmountCents: total, depositAmountCents: 0 };
    case 'FULL':
      return { totalAmountCents: total, depositAmountCents: total };
    case 'DEPOSIT': {
      const deposit =
        service.depositCents !== null
          ? service.depositCents * seats
          : percentOf(total, service.depositPercent ?? 0);
      return { totalAmountCents: total, depositAmountCents: Math.min(deposit, total) };
    }
  }
}
