import type { Service } from '@mais/sdk';
import { formatMoney } from '../../ui/format.ts';

/** Short words for a service's figures, shared by the list and the page. */

/** 90 → '1 h 30 min', 45 → '45 min', 120 → '2 h'. */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** 'At the appointment', 'Deposit 25 %', 'Deposit €20.00', 'In full at booking'. */
export function paymentModeText(
  service: Pick<Service, 'paymentMode' | 'depositCents' | 'depositPercent' | 'currency'>,
): string {
  switch (service.paymentMode) {
    case 'NONE':
      return 'At the appointment';
    case 'FULL':
      return 'In full at booking';
    case 'DEPOSIT':
      if (service.depositPercent !== null) return `Deposit ${service.depositPercent} %`;
      return service.depositCents !== null
        ? `Deposit ${formatMoney(service.depositCents, service.currency)}`
        : 'Deposit';
  }
}
