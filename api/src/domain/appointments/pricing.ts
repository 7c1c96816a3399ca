import type { PaymentMode } from '../../generated/prisma/enums.ts';
/**
 * What a booking costs and what must be paid now, in minor units.
 * A percentage deposit is rounded half up to the minor unit.
 */
export interface PricedService {
  paymentMode: PaymentMode;
  depositCents: number | null;
  depositPercent: number | null;
}

export function bookingPrice(
  service: PricedService,
  unitPriceCents: number,
  seats: number,
): { totalAmountCents: number; depositAmountCents: number } {
  const total = unitPriceCents * seats;
  switch (service.paymentMode) {
    case 'NONE':
      return { totalAmountCents: total, depositAmountCents: 0 };
    case 'FULL':
      return { totalAmountCents: total, depositAmountCents: total };
    case 'DEPOSIT': {
      const deposit =
        service.depositCents !== null
          ? service.depositCents * seats
          : Math.floor((total * (service.depositPercent ?? 0) + 50) / 100);
      return { totalAmountCents: total, depositAmountCents: Math.min(deposit, total) };
    }
  }
}
