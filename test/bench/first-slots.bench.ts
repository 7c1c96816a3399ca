/**
 * `npm run bench:first-slots`: how long a client waits, from navigation start, until the first
 * time buttons of the booking widget are visible, on a page with the widget and one service
 * preselected (`<mais-booking service="…">`, the demo's Haircut), and how many requests and bytes
 * that takes (split into the page, widget script, language files and API JSON).
 *
 * The real API with the demo tenant on a throwaway embedded PostgreSQL (support/demo-server.ts, a
 * child process), the widget as built in widget/dist (built first through turbo's cache, as
 * `npm start` does), Chromium driven by Playwright. Each condition (unthrottled; 4× slower CPU and
 * 150 ms latency per request, 1.6 Mbit/s down, 750 kbit/s up, by DevTools protocol emulation) gets
 * RUNS cold runs (a new browser context each: empty cache, no open connections) and, in the same
 * context after each, a warm run (a second navigation, with the cache). One discarded run first
 * warms the server.
 *
 * When the widget shows a step without times (a provider choice, a calendar), the bench clicks as
 * a client would, once the page is quiet: no request in flight and none for QUIET_MS (times the
 * CPU slowdown: a widget that loads the times by itself may take that long to render the answer
 * and send the next request), then an idle main thread, then still no request. "Any available"
 * first, then the first open day. The table says which clicks were needed; those runs' times
 * include the bench's wait before each click, and a row leaves it out.
 *
 * Timings are reported, never judged: the process exits non-zero only when the page fails to show
 * times (or the server fails to start).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPathForConfig, resolveChromium } from '../../scripts/chromium.mjs';
import { report, type Result, type Run } from './support/first-slots-report.ts';
import { NetworkLog } from './support/network-log.ts';
import { kilobytes, ms } from './support/stats.ts';
import type { DemoServerInfo } from './support/demo-server.ts';
import { WIDGET_BUNDLE } from '../../api/src/http/routes/widget-script.routes.ts';
import { CLIENT_CLICKS, watchWidget } from './support/widget-watch.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Quiet time before a click, at full CPU speed. */
const QUIET_MS = 100;
const MAX_CLICKS = 4;
/** Resolves once the page's main thread has nothing left to do (or after a second). */
const IDLE = 'new Promise((resolve) => requestIdleCallback(() => resolve(true), { timeout: 1000 }))';

interface Condition {
  name: string;
  /** The CPU slowdown (1: none). */
  cpuRate: number;
  timeoutMs: number;
  apply(cdp: CDPSession): Promise<void>;
}

const CONDITIONS: Condition[] = [
  { name: 'unthrottled', cpuRate: 1, timeoutMs: 30_000, apply: async () => undefined },
  {
    name: 'throttled',
    cpuRate: 4,
    timeoutMs: 120_000,
    apply: async (cdp) => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150, // ms, added to every request
        downloadThroughput: (1.6 * 1_000_000) / 8, // bytes per second
        uploadThroughput: (750 * 1_000) / 8,
      });
    },
  },
];

async function main() {
  if (process.env.BENCH_SKIP_BUILD !== '1') buildWidget();
  process.env.CHROMIUM_PATH ??= await resolveChromium();
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: chromiumPathForConfig(), args: CHROMIUM_FLAGS });
  const results: Result[] = [];
  try {
    await measureContext(browser, server.info.pageUrl, CONDITIONS[0]!); // warms the server; discarded
    for (const condition of CONDITIONS) {
      const cold: Run[] = [];
      const warm: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        const runs = await measureContext(browser, server.info.pageUrl, condition);
        cold.push(runs.cold);
        warm.push(runs.warm);
        process.stderr.write(
          `${condition.name} ${i + 1}/${RUNS}: cold ${describe(runs.cold)}; warm ${describe(runs.warm)}\n`,
        );
      }
      results.push({ condition: condition.name, cold, warm });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  report(server.info, results, RUNS);
  return results.every(({ cold, warm }) => [...cold, ...warm].every((run) => run.ok));
}

/** One new context (empty cache): a cold navigation, then a warm one in the same page. */
async function measureContext(browser: Browser, url: string, condition: Condition) {
  // The demo business is in Berlin; so is the client (as in the end-to-end tests).
  const context = await browser.newContext({ timezoneId: 'Europe/Berlin', locale: 'en-US' });
  try {
    const watch = await watchWidget(context);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await condition.apply(cdp);
    const network = new NetworkLog(cdp);
    const cold = await measure(page, network, watch, url, condition);
    const warm = await measure(page, network, watch, url, condition);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

async function measure(
  page: Page,
  network: NetworkLog,
  watch: Awaited<ReturnType<typeof watchWidget>>,
  url: string,
  { cpuRate, timeoutMs }: Condition,
): Promise<Run> {
  watch.reset();
  network.reset();
  const clicks: string[] = [];
  const deadline = performance.now() + timeoutMs;
  await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
  let note: string | undefined;
  while (watch.times().seen.slots === undefined && performance.now() < deadline) {
    await watch.changed(25);
    const quiet = () => watch.times().seen.slots === undefined && network.isQuiet(QUIET_MS * cpuRate);
    if (clicks.length >= MAX_CLICKS || !quiet()) continue;
    await page.evaluate(IDLE);
    if (!quiet()) continue;
    // Quiet, idle, and no times: do what a client would do next.
    for (const { name, selector } of CLIENT_CLICKS) {
      const target = page.locator(selector).first();
      if (!(await target.isVisible())) continue;
      try {
        await target.click({ timeout: 5_000 });
        clicks.push(name);
      } catch (error) {
        note = `clicking ${name} failed: ${String(error).split('\n')[0]}`;
      }
      break;
    }
  }
  const times = watch.times();
  const firstSlots = times.seen.slots;
  if (firstSlots === undefined) {
    const saw = Object.keys(times.seen).join(', ') || 'nothing';
    note ??= `no times within ${timeoutMs / 1000} s (saw: ${saw}; clicked: ${clicks.join(', ') || 'nothing'})`;
  }
  await network.settle(300, 10_000);
  const requests = network.list(times.timeOrigin ?? NaN);
  const cut = firstSlots ?? Infinity;
  return {
    ok: firstSlots !== undefined,
    firstSlots: firstSlots ?? NaN,
    seen: { ...times.seen },
    clicks,
    clickTimes: times.clicks,
    before: requests.filter((request) => request.start <= cut),
    after: requests.filter((request) => request.start > cut),
    ...(note === undefined ? {} : { note }),
  };
}

function describe(run: Run): string {
  if (!run.ok) return `FAILED: ${run.note}`;
  const bytes = run.before.reduce((sum, request) => sum + request.bytes, 0);
  const clicks = run.clicks.length ? `, clicked ${run.clicks.join(' + ')}` : '';
  return `${ms(run.firstSlots)} ms, ${run.before.length} requests, ${kilobytes(bytes)} KB${clicks}`;
}

/** As `npm start` does (from turbo's cache when nothing changed); a failed build leaves widget/dist as it was. */
function buildWidget() {
  const run = spawnSync(process.execPath, ['scripts/build-bundles.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (run.status === 0) return;
  if (!existsSync(WIDGET_BUNDLE))
    throw new Error('Building the widget failed, and widget/dist has no bundle.');
  const built = statSync(WIDGET_BUNDLE).mtime.toISOString();
  console.error(
    `\nWARNING: building the widget failed; measuring widget/dist/widget.js as it is (built ${built}).\n`,
  );
}

/** support/demo-server.ts in a process of its own, so the server does not share this one's event loop. */
async function startServer(): Promise<{ info: DemoServerInfo; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./support/demo-server.ts', import.meta.url))],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    new Promise<string>((resolve) => lines.once('line', resolve)),
    exited.then((code) => {
      throw new Error(`The bench server exited (${code}) before listening.`);
    }),
  ]);
  lines.on('line', (line) => console.error(`[server] ${line}`));
  return {
    info: JSON.parse(first) as DemoServerInfo,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

main().then(
  (ok) => {
    if (!ok) console.error('\nSome runs showed no times: see the lines above.');
    process.exit(ok ? 0 : 1);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
