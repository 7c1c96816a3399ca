import { formatMoney, parseMoney } from '../../ui/format.ts';

/** An amount typed in major units, checked against the most that may go back; cents or what is wrong. */
export type AmountCheck = { ok: true; cents: number } | { ok: false; message: string };

export function checkRefundAmount(
  text: string,
  currency: string,
  maxCents: number,
  options: { allowZero: boolean },
): AmountCheck {
  const cents = parseMoney(text, currency);
  if (cents === null) return { ok: false, message: 'Enter an amount such as 12.50.' };
  if (cents === 0 && !options.allowZero) return { ok: false, message: 'Enter an amount above zero.' };
  if (cents > maxCents) {
    return {
      ok: false,
      message: `At most ${formatMoney(maxCents, currency, 'en')} can be refunded by card.`,
    };
  }
  return { ok: true, cents };
}
