/**
 * `npm run bench:start`: how long `npm start` (the root script) takes from spawn until
 * `GET /health` answers 200, in two cases, RUNS times each:
 *  - first start after install: no widget build output (widget/dist, sdk/dist), no turbo cache, no
 *    database (.data/), and an empty TMPDIR, so tsx's transform cache and Node's compile cache are
 *    empty too (a fresh machine or container);
 *  - warm: all of those left by the previous start.
 *
 * It never runs in this checkout: `npm start` keeps its database in the repository's .data/ (no
 * variable moves it) and reuses a running `npm start`'s server (.data/running.json). Each start
 * runs in a throwaway clone of HEAD (support/temp-checkout.ts) on a free PORT.
 *
 * Also reported: what `npm start` prints before its banner, that nothing follows the banner before
 * the first request, and how it stops: SIGTERM to the server process (the node running
 * api/src/start.ts), then every process of the group must exit and PostgreSQL must leave no
 * postmaster.pid (a clean stop). Once, SIGTERM goes to the `npm` process alone first, as a process
 * supervisor would send it, to see whether that stops the server.
 *
 * Timings are reported, never judged: the process exits non-zero only when a start fails or does
 * not stop cleanly.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { freePort, groupMembers, sleep, waitForGroupExit } from './support/processes.ts';
import { printTable, seconds, spread } from './support/stats.ts';
import { makeTempCheckout } from './support/temp-checkout.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const BANNER_FIRST = 'MAIS Scheduling is running.';
const BANNER_LAST = /^ {2}Logs: /;

interface Line {
  at: number;
  text: string;
}

interface StartRun {
  ok: boolean;
  problem?: string;
  healthMs: number;
  /** When build-bundles.mjs reported (its line), and what it said. */
  widgetMs?: number;
  widgetLine?: string;
  bannerMs?: number;
  /** Lines printed before the banner (its leading blank line excluded). */
  beforeBanner: string[];
  /** Non-blank lines printed after the banner, until after the first request that followed it. */
  afterBanner: string[];
  stopMs?: number;
  cleanStop: boolean;
  /** Only on the probing run: the server still answered after SIGTERM to the npm process alone. */
  survivedNpmSigterm?: boolean;
}

async function main() {
  const checkout = makeTempCheckout(ROOT);
  console.error(`Timing npm start in a clone of ${checkout.commit} at ${checkout.repo}.`);
  const cold: StartRun[] = [];
  const warm: StartRun[] = [];
  try {
    let tempDir = '';
    for (let i = 0; i < RUNS; i++) {
      checkout.forgetBuildsAndData();
      tempDir = checkout.newTempDir(`tmp-${i}`);
      cold.push(await timeStart(checkout.repo, tempDir, false));
      console.error(`first start ${i + 1}/${RUNS}: ${describe(cold.at(-1)!)}`);
    }
    for (let i = 0; i < RUNS; i++) {
      warm.push(await timeStart(checkout.repo, tempDir, i === RUNS - 1));
      console.error(`warm start ${i + 1}/${RUNS}: ${describe(warm.at(-1)!)}`);
    }
  } finally {
    checkout.remove();
  }
  report(checkout.commit, cold, warm);
  return [...cold, ...warm].every((run) => run.ok && run.cleanStop);
}

async function timeStart(repo: string, tempDir: string, probeNpmSigterm: boolean): Promise<StartRun> {
  const port = await freePort();
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  const child = spawn('npm', ['start'], {
    cwd: repo,
    env: startEnv({ PORT: String(port), TMPDIR: tempDir }),
    detached: true, // its own process group, to find the server in and to wait for
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid!;
  let exited = false;
  child.once('exit', () => (exited = true));
  const output: Line[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (text) => output.push({ at: elapsed(), text }));
  }

  const run: StartRun = { ok: false, healthMs: NaN, beforeBanner: [], afterBanner: [], cleanStop: false };
  while (!exited && elapsed() < START_TIMEOUT_MS && !(await healthy(port))) await sleep(50);
  run.healthMs = elapsed();
  if (!(await healthy(port))) {
    run.problem = `no /health 200 (${exited ? 'npm start exited' : 'timeout'}); output:\n${output.map((line) => line.text).join('\n')}`;
  } else {
    await waitFor(() => output.some((line) => BANNER_LAST.test(line.text)), 10_000);
    // The first request after the banner, a second later; then anything printed since the banner shows.
    await sleep(1_000);
    await healthy(port);
    await sleep(300);
    readOutput(run, output, repo);
    if (probeNpmSigterm) {
      process.kill(pgid, 'SIGTERM');
      await sleep(3_000);
      run.survivedNpmSigterm = await healthy(port);
    }
  }
  await stop(run, pgid, repo);
  return run;
}

/** Fills in the phases and the lines around the banner; checks the database is the clone's. */
function readOutput(run: StartRun, output: Line[], repo: string) {
  const first = output.findIndex((line) => line.text === BANNER_FIRST);
  const last = output.findIndex((line) => BANNER_LAST.test(line.text));
  const widget = output.find((line) => line.text.startsWith('Widget '));
  if (widget) Object.assign(run, { widgetMs: widget.at, widgetLine: widget.text });
  if (first < 0 || last < 0) {
    run.problem = 'no banner';
    return;
  }
  run.bannerMs = output[first]!.at;
  const start = output[first - 1]?.text === '' ? first - 1 : first;
  run.beforeBanner = output.slice(0, start).map((line) => line.text);
  run.afterBanner = output
    .slice(last + 1)
    .map((line) => line.text)
    .filter((text) => text.trim() !== '');
  const database = output.slice(first, last).find((line) => line.text.includes('Database:'))?.text ?? '';
  if (!database.includes(path.join(repo, '.data'))) {
    run.problem = `the database is not the clone's: ${database.trim()}`;
    return;
  }
  run.ok = true;
}

/** SIGTERM to the server process, then waits for every process of the group; SIGKILL if they hang. */
async function stop(run: StartRun, pgid: number, repo: string) {
  const servers = groupMembers(pgid).filter((member) =>
    member.args.some((arg) => arg.endsWith('src/start.ts')),
  );
  // tsx's CLI runs the server in a child node process: the one whose parent is also a start.ts process.
  const server = servers.find((member) => servers.some((other) => other.pid === member.ppid)) ?? servers[0];
  const stopping = performance.now();
  if (server) process.kill(server.pid, 'SIGTERM');
  const gone = await waitForGroupExit(pgid, STOP_TIMEOUT_MS);
  run.stopMs = performance.now() - stopping;
  if (!gone) {
    process.kill(-pgid, 'SIGKILL');
    await waitForGroupExit(pgid, 5_000);
  }
  run.cleanStop = gone && !!server && !existsSync(path.join(repo, '.data', 'postgres', 'postmaster.pid'));
  if (!run.cleanStop)
    run.problem ??= gone ? 'PostgreSQL left its postmaster.pid' : 'did not exit after SIGTERM';
}

/** The developer's environment without what would change what `npm start` does or where. */
function startEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|INIT_CWD$|DATABASE_URL$|LOG_LEVEL$|PORT$|HOST$|TMPDIR$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

async function healthy(port: number): Promise<boolean> {
  try {
    const answer = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1_000) });
    await answer.arrayBuffer();
    return answer.status === 200;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await sleep(25);
}

function describe(run: StartRun): string {
  if (!run.ok || !run.cleanStop) return `FAILED: ${run.problem}`;
  return `/health 200 after ${seconds(run.healthMs)} s (${run.widgetLine ?? 'no widget line'}), stopped in ${seconds(run.stopMs!)} s`;
}

function report(commit: string, cold: StartRun[], warm: StartRun[]) {
  const cases = [cold, warm].map((runs) => runs.filter((run) => run.ok));
  const row = (label: string, cell: (runs: StartRun[]) => string) => [label, ...cases.map(cell)];
  const time = (label: string, pick: (run: StartRun) => number | undefined) =>
    row(label, (runs) => {
      const values = runs.map(pick).filter((value): value is number => value !== undefined && !isNaN(value));
      return values.length ? spread(values, seconds) : '–';
    });
  const count = (label: string, pick: (run: StartRun) => string[]) =>
    row(label, (runs) => spread(runs.map((run) => pick(run).length)));
  const probe = warm.find((run) => run.survivedNpmSigterm !== undefined);

  console.log(
    `\nnpm start in a clone of ${commit}, median (min–max) of ${RUNS} starts each; seconds from spawn.`,
  );
  printTable(
    ['', 'first start after install', 'warm'],
    [
      time('GET /health answers 200 (s)', (run) => run.healthMs),
      time('  widget step done (build-bundles.mjs line)', (run) => run.widgetMs),
      time('  then the API, until its banner', (run) => run.bannerMs! - run.widgetMs!),
      time('  banner printed', (run) => run.bannerMs),
      row('  widget', widgetOutcomes),
      count('lines printed before the banner', (run) => run.beforeBanner),
      count('  of which not blank', (run) => run.beforeBanner.filter((text) => text.trim())),
      count('lines after the banner, to the first request', (run) => run.afterBanner),
      time('SIGTERM to the server → all exited (s)', (run) => run.stopMs),
      ['stopped cleanly (no postmaster.pid left)', ...[cold, warm].map(cleanCount)],
    ],
  );
  for (const [name, runs] of [
    ['first start', cold],
    ['warm start', warm],
  ] as const) {
    const sample = runs.find((run) => run.ok);
    if (!sample) continue;
    console.log(`\nPrinted before the banner (${name}):`);
    for (const text of sample.beforeBanner) console.log(`  | ${text}`);
    const after = runs.flatMap((run) => run.afterBanner);
    console.log(
      after.length
        ? `After the banner:\n${after.map((t) => `  | ${t}`).join('\n')}`
        : 'After the banner: nothing.',
    );
  }
  if (probe) {
    console.log(
      `\nSIGTERM to the npm process alone (pid of \`npm start\`): the server ${probe.survivedNpmSigterm ? 'still answered /health 3 s later (npm passes the signal to `sh -c`, which exits without passing it on)' : 'stopped'}.`,
    );
  }
  console.log(
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? '?'}, node ${process.version}.`,
  );
}

/** "built 3/3", "from the build cache 3/3": what build-bundles.mjs said, without its timing. */
function widgetOutcomes(runs: StartRun[]): string {
  const outcomes = new Map<string, number>();
  for (const run of runs) {
    const line = run.widgetLine ?? '';
    const outcome = line.includes('unchanged')
      ? 'from the build cache'
      : line.includes('built')
        ? 'built'
        : '?';
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  }
  return [...outcomes].map(([outcome, n]) => `${outcome} ${n}/${runs.length}`).join(', ');
}

function cleanCount(runs: StartRun[]): string {
  return `${runs.filter((run) => run.cleanStop).length}/${runs.length}`;
}

main().then(
  (ok) => {
    if (!ok) console.error('\nSome starts failed or did not stop cleanly: see above.');
    process.exit(ok ? 0 : 1);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
