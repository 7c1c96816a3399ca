import type { Random } from './prng.ts';
import type { Fault } from './payment-sequence.ts';

/**
 * The steps of a random sequence, as data: a kind, which booking it acts on (an index taken
 * modulo the bookings that fit), a number that seeds its own choices, and an optional Stripe
 * fault armed while it runs. Data, so that a failing sequence can be replayed with steps removed.
 */

export const STEP_WEIGHTS = {
  book: 12,
  pay: 16,
  decline: 3,
  confirm: 10,
  deliver: 14,
  tick: 9,
  cancelClient: 9,
  cancelAdmin: 6,
  reschedule: 6,
  noShow: 5,
  dashboardRefund: 6,
  collectVenue: 4,
  collectCard: 4,
  refundAdmin: 4,
  dispute: 3,
  race: 5,
} as const;
export type StepKind = keyof typeof STEP_WEIGHTS;

export interface Step {
  kind: StepKind;
  target: number;
  roll: number;
  fault: Fault | null;
}

/** The Stripe calls each step makes through our API, where a fault can be armed. */
const FAULT_PATTERNS: Partial<Record<StepKind, string[]>> = {
  book: ['POST /v1/payment_intents'],
  confirm: ['GET /v1/payment_intents/*', 'POST /v1/refunds'],
  deliver: ['GET /v1/payment_intents/*', 'GET /v1/refunds', 'GET /v1/disputes/*', 'POST /v1/refunds'],
  cancelClient: ['POST /v1/refunds'],
  cancelAdmin: ['POST /v1/refunds'],
  noShow: ['POST /v1/payment_intents'],
  collectCard: ['POST /v1/payment_intents'],
  refundAdmin: ['POST /v1/refunds'],
};

export function generateSteps(random: Random): Step[] {
  return Array.from({ length: random.int(4, 14) }, (_, index) => {
    const kind: StepKind = index === 0 ? 'book' : random.weighted(STEP_WEIGHTS);
    const patterns = FAULT_PATTERNS[kind];
    const fault = patterns && random.chance(0.25) ? randomFault(random, random.pick(patterns)) : null;
    return { kind, target: random.int(0, 1000), roll: random.uint32(), fault };
  });
}

function randomFault(random: Random, pattern: string): Fault {
  const roll = random.next();
  if (roll < 0.75) return { pattern, kind: 500, times: 1 };
  // Done in Stripe, the answer lost (once: stripe-node's re-send gets it; twice: our call fails).
  if (roll < 0.9 && pattern.startsWith('POST'))
    return { pattern, kind: 'timeout_after_processing', times: random.int(1, 2) };
  return { pattern, kind: 'timeout', times: 2 };
}

export function describeStep(step: Step): string {
  const fault = step.fault ? ` [fault ${step.fault.pattern} ${step.fault.kind}×${step.fault.times}]` : '';
  return `${step.kind}(target ${step.target}, roll ${step.roll})${fault}`;
}
