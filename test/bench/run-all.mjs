// `npm run bench`: every benchmark, one after another (never two at once: they would measure each
// other on a small machine), each printing its own table. Exits non-zero if any of them did (a
// correctness failure, never a timing).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.dirname(path.dirname(path.dirname(new URL(import.meta.url).pathname)));
const benches = [
  ['availability and booking (API)', ['run', 'bench:api']],
  ['paid bookings with the fake Stripe (API)', ['run', 'bench:payments']],
  ['first slots (widget in Chromium)', ['run', 'bench:first-slots']],
  ['npm start', ['run', 'bench:start']],
  ['Google Calendar push and sync (jobs)', ['run', 'bench:calendar']],
  ['emails and reminders (worker)', ['run', 'bench:notifications']],
  ['CSV export of 100,000 ledger rows', ['run', 'bench:exports']],
  ['reports over 100,000 appointments', ['run', 'bench:reports']],
  ["the console's first load (Chromium)", ['run', 'bench:console-load']],
  ['1 and 3 API processes under load (autocannon)', ['run', 'bench:scale-out']],
  ['row-level security overhead', ['run', 'bench:rls']],
];

const failed = [];
for (const [name, args] of benches) {
  console.log(`\n=== Benchmark: ${name} (npm ${args.join(' ')})\n`);
  const run = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed.push(name);
}
console.log(
  failed.length
    ? `\n${failed.length} of ${benches.length} benchmarks failed: ${failed.join(', ')}.`
    : `\nAll ${benches.length} benchmarks ran.`,
);
process.exit(failed.length ? 1 : 0);
