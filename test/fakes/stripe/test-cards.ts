/**
 * Stripe's test payment methods (https://docs.stripe.com/testing#cards) and how each behaves.
 * Using a token (`pm_card_visa`) creates a new PaymentMethod each time; the card's last four
 * digits carry its behaviour, so a saved card keeps behaving like the card it was made from.
 */

export type CardBehaviour =
  | { kind: 'succeeds' }
  | {
      kind: 'declines';
      code: string;
      declineCode: string;
      message: string;
      /** 4000 0000 0000 0341: saving it (a SetupIntent, attaching) succeeds; every charge declines. */
      savesFine?: true;
    }
  /** 4000 0027 6000 3184: asks for 3-D Secure on every payment, even after being set up. */
  | { kind: 'always_authenticates' }
  /** 4000 0025 0000 3155: asks once (setup or first on-session payment); off-session later succeeds. */
  | { kind: 'authenticates_until_set_up' };

export interface TestCard {
  token: string;
  brand: 'visa' | 'mastercard';
  last4: string;
  behaviour: CardBehaviour;
}

const declined = (code: string, declineCode: string, message: string): CardBehaviour => ({
  kind: 'declines',
  code,
  declineCode,
  message,
});

export const TEST_CARDS: readonly TestCard[] = [
  { token: 'pm_card_visa', brand: 'visa', last4: '4242', behaviour: { kind: 'succeeds' } },
  { token: 'pm_card_mastercard', brand: 'mastercard', last4: '4444', behaviour: { kind: 'succeeds' } },
  {
    token: 'pm_card_chargeDeclined',
    brand: 'visa',
    last4: '0002',
    behaviour: declined('card_declined', 'generic_decline', 'Your card was declined.'),
  },
  {
    token: 'pm_card_chargeDeclinedInsufficientFunds',
    brand: 'visa',
    last4: '9995',
    behaviour: declined('card_declined', 'insufficient_funds', 'Your card has insufficient funds.'),
  },
  {
    token: 'pm_card_chargeDeclinedExpiredCard',
    brand: 'visa',
    last4: '0069',
    behaviour: declined('expired_card', 'expired_card', 'Your card has expired.'),
  },
  {
    token: 'pm_card_chargeCustomerFail',
    brand: 'visa',
    last4: '0341',
    behaviour: {
      kind: 'declines',
      code: 'card_declined',
      declineCode: 'generic_decline',
      message: 'Your card was declined.',
      savesFine: true,
    },
  },
  {
    token: 'pm_card_authenticationRequired',
    brand: 'visa',
    last4: '3184',
    behaviour: { kind: 'always_authenticates' },
  },
  {
    token: 'pm_card_authenticationRequiredOnSetup',
    brand: 'visa',
    last4: '3155',
    behaviour: { kind: 'authenticates_until_set_up' },
  },
];

export function testCardByToken(token: string): TestCard | undefined {
  return TEST_CARDS.find((card) => card.token === token);
}

export function testCardByLast4(last4: string | undefined): TestCard {
  return TEST_CARDS.find((card) => card.last4 === last4) ?? (TEST_CARDS[0] as TestCard);
}
