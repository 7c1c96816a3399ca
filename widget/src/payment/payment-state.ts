import type { BookedAppointment } from '@mais/sdk';

/**
 * What the payment step shows, set as it goes: by the component while the payment module loads,
 * then by the module (payment-form.ts). Each field is shown when present.
 */
export interface PayState {
  /** The payment module or Stripe.js is loading: a skeleton. */
  loading?: boolean;
  /** A problem, said plainly: a decline in Stripe's own words, else one of ours. */
  message?: string;
  /** "Try again": load again, pay again, or ask the API again (never a second charge). */
  retry?: () => void;
  /** The Pay button's action: present once the card form is mounted, absent while paying. */
  pay?: () => void;
  /** Paying or confirming: the Pay button is disabled and says so. */
  paying?: boolean;
  /** Leaves the step: removes the card form (on "Book again"). */
  stop?: () => void;
}

/**
 * The slot the card form shows through. Stripe.js refuses to mount into a shadow root, so the form
 * lives in the page's light DOM and is projected into the step here (payment/light-dom-slot.ts).
 */
export const PAYMENT_SLOT = 'mais-payment';

/**
 * Whether the payment step only saves the card (Stripe's confirmSetup), charging nothing now: the
 * answer's `payment.kind` is 'setup' (nothing due now but a no-show fee agreed: a SetupIntent's
 * client secret, `amountCents` 0), not 'payment' (a PaymentIntent). Servers from before no-show fees
 * send no `kind`: a payment.
 */
export const savesCard = (payment: BookedAppointment['payment'] | undefined): boolean =>
  payment?.kind === 'setup';
