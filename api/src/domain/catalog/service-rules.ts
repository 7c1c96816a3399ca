import type { ErrorDetail } from '../errors.ts';
import type { PaymentMode } from '../../generated/prisma/enums.ts';

/**
 * Rules a service must satisfy as a whole, beyond each field's own range.
 * Checked on create and on the merged result of every update, so a PATCH
 * cannot leave a service in a state a POST would refuse.
 */
export interface ServiceShape {
  durationMinutes: number;
  slotIntervalMinutes: number;
  priceBaseCents: number;
  paymentMode: PaymentMode;
  depositCents: number | null;
  depositPercent: number | null;
  noShowFeeCents?: number | null;
  noShowFeePercent?: number | null;
}

export function serviceRuleViolations(service: ServiceShape): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const hasCents = service.depositCents !== null;
  const hasPercent = service.depositPercent !== null;

  if (service.paymentMode === 'DEPOSIT') {
    if (hasCents === hasPercent) {
      problems.push({
        path: 'depositCents',
        message: 'a DEPOSIT service needs exactly one of depositCents or depositPercent',
      });
    }
    if (hasCents && service.depositCents! > service.priceBaseCents) {
      problems.push({ path: 'depositCents', message: 'cannot be more than priceBaseCents' });
    }
    if (service.priceBaseCents === 0) {
      problems.push({ path: 'priceBaseCents', message: 'a DEPOSIT service needs a price above 0' });
    }
  } else if (hasCents || hasPercent) {
    problems.push({
      path: hasCents ? 'depositCents' : 'depositPercent',
      message: `only a DEPOSIT service takes a deposit (paymentMode is ${service.paymentMode})`,
    });
  }
  if (service.noShowFeeCents != null && service.noShowFeePercent != null) {
    problems.push({
      path: 'noShowFeePercent',
      message: 'a no-show fee is either noShowFeeCents or noShowFeePercent, not both',
    });
  }
  if (service.noShowFeePercent != null && service.priceBaseCents === 0) {
    problems.push({
      path: 'noShowFeePercent',
      message: 'a share of a free service is nothing: give a free service a fixed noShowFeeCents',
    });
  }
  if (service.paymentMode === 'FULL' && service.priceBaseCents === 0) {
    problems.push({ path: 'priceBaseCents', message: 'a FULL payment service needs a price above 0' });
  }
  return problems;
}
