import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { checkProperties, figures, findings } from './payment-invariants.ts';
import { DAY, HOUR, Sequence, Violation, type Stats } from './payment-sequence.ts';
import { settle } from './payment-settle.ts';
import { describeStep, generateSteps, type Step } from './payment-plan.ts';
import { runStep } from './payment-steps.ts';
import { buildWorld, START, type World } from './payment-world.ts';
import { mulberry32, sequenceSeed } from './prng.ts';

// The payments issue's property: random sequences of bookings, payments (and declines), webhooks
// (late, twice, shuffled), cancels by either side at any time, reschedules, no-shows, refunds and
// disputes in Stripe, venue collections and Stripe faults; once everything is delivered and
// retried, the ledger equals the fake Stripe's balance transactions to the cent per currency, no
// appointment is refunded more than it paid, a card hold is confirmed only when paid, and no
// provider is double-booked. One app, two tenants (EUR with a USD service; JPY); sequence i runs
// in its own five days from 2027-03-01 + 5i days.
//
// `npm test` runs one fixed seed, so CI is reproducible; PROPERTY_SEED=random explores a new one,
// PROPERTY_SEED=<n> replays a run; PROPERTY_SEQUENCE=<i> runs sequence i alone (same steps, same
// times); PROPERTY_SEQUENCES=<n> changes the count (200). Steps that race a webhook delivery
// against a cancel or confirmation ("race") depend on timing and may not replay exactly.

const DEFAULT_SEED = 1077088120; // the seed that found the late-refund bug fixed in settle-payment.ts
const SEED =
  process.env.PROPERTY_SEED === 'random'
    ? randomInt(2 ** 32 - 1)
    : process.env.PROPERTY_SEED
      ? Number(process.env.PROPERTY_SEED) >>> 0
      : DEFAULT_SEED;
const SEQUENCES = Number(process.env.PROPERTY_SEQUENCES ?? 200);
const ONLY = process.env.PROPERTY_SEQUENCE === undefined ? null : Number(process.env.PROPERTY_SEQUENCE);
/** Re-runs allowed to shrink one failing sequence. */
const SHRINK_BUDGET = 40;

let world: World;
beforeAll(async () => {
  world = await buildWorld();
});
afterAll(async () => {
  await world?.close();
});

const emptyStats = (): Stats => ({
  steps: {},
  webhooksDelivered: 0,
  duplicateAnswers: 0,
  redelivered: 0,
  faultsInjected: 0,
  settleRetries: 0,
});

interface Outcome {
  problems: string[];
  log: string[];
  refused: string[];
  findings: string[];
}

/** Runs `steps` in the five days of `epoch`, settles, and checks the properties on those days. */
async function runSequence(epoch: number, steps: Step[], seed: number, stats: Stats): Promise<Outcome> {
  const day0 = new Date(new Date(START).getTime() - 7 * HOUR + epoch * 5 * DAY);
  world.clock.now = new Date(day0.getTime() + 7 * HOUR);
  const seq = new Sequence(world, `s${epoch}`, day0, stats);
  let refused: string[] = [];
  let current = '';
  try {
    for (const step of steps) {
      current = describeStep(step);
      seq.log.push(await runStep(seq, step));
    }
    current = 'settling (deliveries, refund retries)';
    refused = await settle(seq, mulberry32(seed ^ 0x5e771e));
  } catch (error) {
    if (!(error instanceof Violation)) throw error;
    seq.log.push(`✗ while ${current}`);
    return { problems: [error.message], log: seq.log, refused, findings: [] };
  }
  const window = { from: day0, to: new Date(day0.getTime() + 5 * DAY) };
  const problems: string[] = [];
  const noted: string[] = [];
  for (const tenant of world.tenants) {
    problems.push(...(await checkProperties(world, { tenant, window })));
    noted.push(...(await findings(world, { tenant, window })));
  }
  return { problems, log: seq.log, refused, findings: noted };
}

/** A problem without its ids and amounts, to tell whether a smaller sequence fails the same way. */
const categoryOf = (problem: string) =>
  problem
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>')
    .replace(/\b(pi|ch|re|dp|txn|evt)_\w+/g, '<$1>')
    .replace(/-?\d+/g, '<n>')
    .slice(0, 120);

let nextEpoch = SEQUENCES;
/** Removes steps (then faults) while the sequence still fails the same way, on fresh days each time. */
async function shrink(
  steps: Step[],
  seed: number,
  problem: string,
): Promise<{ steps: Step[]; outcome: Outcome }> {
  const category = categoryOf(problem);
  let current = steps;
  let outcome: Outcome | null = null;
  let budget = SHRINK_BUDGET;
  const stillFails = async (candidate: Step[]) => {
    budget -= 1;
    const result = await runSequence(nextEpoch++, candidate, seed, emptyStats());
    if (!result.problems.some((p) => categoryOf(p) === category)) return false;
    current = candidate;
    outcome = result;
    return true;
  };
  for (let i = current.length - 1; i >= 0 && budget > 0; i--) {
    if (current.length > 1) await stillFails(current.filter((_, j) => j !== i));
  }
  for (let i = 0; i < current.length && budget > 0; i++) {
    if (current[i]!.fault) await stillFails(current.map((s, j) => (j === i ? { ...s, fault: null } : s)));
  }
  return {
    steps: current,
    outcome: outcome ?? (await runSequence(nextEpoch++, current, seed, emptyStats())),
  };
}

it(
  `${SEQUENCES} random payment sequences: the ledger equals Stripe, refunds ≤ payments, holds confirmed only when paid, no overlaps`,
  async () => {
    console.log(`payments property: seed ${SEED} (replay with PROPERTY_SEED=${SEED})`);
    const stats = emptyStats();
    const started = performance.now();
    const failures: string[] = [];
    const categories = new Set<string>();
    const refusals: string[] = [];
    const noted: string[] = [];
    let firstFinding: string | null = null;
    let firstRefusal: string | null = null;
    const toShrink: Array<{ report: string[]; generated: Step[]; seed: number; problem: string }> = [];
    let ran = 0;
    let steps = 0;
    for (let index = 0; index < SEQUENCES; index++) {
      if (ONLY !== null && index !== ONLY) continue;
      const seed = sequenceSeed(SEED, index);
      const generated = generateSteps(mulberry32(seed));
      const outcome = await runSequence(index, generated, seed, stats);
      ran += 1;
      steps += generated.length;
      refusals.push(...outcome.refused.map((r) => `s${index} ${r}`));
      noted.push(...outcome.findings.map((finding) => `s${index} ${finding}`));
      const logged = [`sequence ${index}:`, ...outcome.log.map((line, i) => `  ${i + 1}. ${line}`)].join(
        '\n',
      );
      if (outcome.findings.length > 0) firstFinding ??= logged;
      if (outcome.refused.length > 0) firstRefusal ??= logged;
      if (outcome.problems.length === 0) continue;
      const report = [
        `sequence ${index} (PROPERTY_SEED=${SEED} PROPERTY_SEQUENCE=${index}):`,
        ...outcome.problems.map((p) => `  ✗ ${p}`),
        ...outcome.log.map((line, i) => `  ${i + 1}. ${line}`),
      ];
      const category = categoryOf(outcome.problems[0]!);
      if (!categories.has(category)) {
        categories.add(category);
        toShrink.push({ report, generated, seed, problem: outcome.problems[0]! });
      } else failures.push(report.join('\n'));
    }
    const seconds = (performance.now() - started) / 1000;
    // Shrunk after the run, on later days: the clock only moves forward.
    const shrunk: string[] = [];
    for (const { report, generated, seed, problem } of toShrink) {
      const minimal = await shrink(generated, seed, problem);
      report.push(
        `  minimal (${minimal.steps.length} of ${generated.length} steps): ${minimal.steps.map(describeStep).join('; ')}`,
        ...minimal.outcome.problems.map((p) => `    ✗ ${p}`),
        ...minimal.outcome.log.map((line, i) => `    ${i + 1}. ${line}`),
      );
      shrunk.push(report.join('\n'));
    }
    failures.unshift(...shrunk);

    const overall: string[] = [];
    const totals: Record<string, unknown> = {};
    for (const tenant of world.tenants) {
      if (ONLY === null) overall.push(...(await checkProperties(world, { tenant })));
      totals[tenant.label] = await figures(world, { tenant });
    }
    console.log(
      [
        `payments property: seed ${SEED}, ${ran} sequences, ${steps} steps in ${seconds.toFixed(1)} s`,
        `steps by kind (outcome: count): ${JSON.stringify(stats.steps)}`,
        `webhooks: ${stats.webhooksDelivered} deliveries, ${stats.duplicateAnswers} answered as duplicates, ` +
          `${stats.redelivered} redelivered after a 503; Stripe faults armed: ${stats.faultsInjected}; ` +
          `refunds retried by a second cancel: ${stats.settleRetries}`,
        `refunds Stripe refused for good (${refusals.length}): ${refusals.join(' | ') || 'none'}`,
        ...(firstRefusal ? [`the first such sequence: ${firstRefusal}`] : []),
        `appointments that kept more than their price (${noted.length}): ${noted.join(' | ') || 'none'}`,
        ...(firstFinding ? [`the first such sequence: ${firstFinding}`] : []),
        ...Object.entries(totals).map(([label, figure]) => `${label}: ${JSON.stringify(figure)}`),
      ].join('\n'),
    );
    if (failures.length > 0) expect.fail(`${failures.length} sequences failed:\n\n${failures.join('\n\n')}`);
    expect(overall).toEqual([]);
  },
  30 * 60_000,
);
