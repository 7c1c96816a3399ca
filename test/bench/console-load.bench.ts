/**
 * `npm run bench:console-load`: the console's first load, as a member of staff gets it. A signed-in
 * owner opens /admin/ with an empty cache: how many requests and bytes on the wire (the page, the
 * console's scripts, the API's JSON) and how long from navigation start until Today is drawn with
 * its data (the page's own `console:today` mark, admin/src/areas/today/today-area.ts), which is
 * when the console can be used. Then the same with the cache warm (a second navigation), and the
 * sign-in page for someone signed out. Each unthrottled and throttled (4× slower CPU; 150 ms
 * latency per request, 1.6 Mbit/s down, 750 kbit/s up).
 *
 * The server is test/e2e/serve.ts (the API, the demo tenant and its owner on a throwaway embedded
 * PostgreSQL), started with the console built to a temporary folder. Timings are reported, never
 * judged.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession } from '@playwright/test';
import { CHROMIUM_FLAGS, chromiumPathForConfig, resolveChromium } from '../../scripts/chromium.mjs';
import { NetworkLog, type LoggedRequest } from './support/network-log.ts';
import { kilobytes, ms, printTable, spread } from './support/stats.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 4390);

const CONDITIONS = [
  { name: 'unthrottled', apply: async (_cdp: CDPSession) => undefined },
  {
    name: 'throttled',
    apply: async (cdp: CDPSession) => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1_000_000) / 8,
        uploadThroughput: (750 * 1_000) / 8,
      });
    },
  },
];

interface Run {
  ms: number;
  requests: number;
  bytes: Record<'page' | 'scripts' | 'api', number>;
}

function split(requests: LoggedRequest[]): Run['bytes'] & { count: number } {
  const bytes = { page: 0, scripts: 0, api: 0 };
  for (const request of requests) {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/admin/assets/')) bytes.scripts += request.bytes;
    else if (pathname.startsWith('/v1/')) bytes.api += request.bytes;
    else bytes.page += request.bytes;
  }
  return { ...bytes, count: requests.filter((request) => !request.fromCache).length };
}

async function startServer(
  distDir: string,
  outputDir: string,
): Promise<{ child: ChildProcess; info: ServerInfo }> {
  const child = spawn('npx', ['tsx', 'test/e2e/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, E2E_PORT: String(PORT), E2E_OUTPUT: outputDir, ADMIN_DIST: distDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('e2e server on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  return { child, info: JSON.parse(readFileSync(path.join(outputDir, 'server.json'), 'utf8')) as ServerInfo };
}

interface ServerInfo {
  baseUrl: string;
  owner: { email: string; password: string };
}

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'mais-bench-console-'));
  const distDir = path.join(work, 'admin-dist');
  const build = spawnSync('npx', ['rollup', '-c', 'admin/rollup.config.js'], {
    cwd: ROOT,
    env: { ...process.env, ADMIN_DIST: distDir },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`building the console failed:\n${build.stderr}`);
  process.env.CHROMIUM_PATH ??= await resolveChromium();
  const { child, info } = await startServer(distDir, path.join(work, 'e2e'));
  const browser = await chromium.launch({ executablePath: chromiumPathForConfig(), args: CHROMIUM_FLAGS });
  try {
    const rows: string[][] = [];
    for (const condition of CONDITIONS) {
      const results: Record<'signedOut' | 'cold' | 'warm', Run[]> = { signedOut: [], cold: [], warm: [] };
      for (let run = 0; run <= RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await condition.apply(cdp);
        const network = new NetworkLog(cdp);

        // Signed out: the sign-in form ready to type in.
        await page.goto(`${info.baseUrl}/admin/`);
        await page.getByLabel('Email').waitFor();
        const signInMs = await page.evaluate(() => performance.now());
        const signedOut = split(network.list(await page.evaluate(() => performance.timeOrigin)));

        // Sign in (not measured), then a fresh navigation with the session: the cold and warm loads.
        const signIn = await context.request.post(`${info.baseUrl}/v1/auth/sessions`, { data: info.owner });
        if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
        await cdp.send('Network.clearBrowserCache');
        const loads: Run[] = [];
        for (let visit = 0; visit < 2; visit++) {
          network.reset();
          await page.goto('about:blank');
          await page.goto(`${info.baseUrl}/admin/#/today`);
          await page.waitForFunction(() => performance.getEntriesByName('console:today').length > 0, null, {
            timeout: 120_000,
          });
          const mark = await page.evaluate(() => performance.getEntriesByName('console:today')[0]!.startTime);
          await network.settle(100, 5_000);
          const counts = split(network.list(await page.evaluate(() => performance.timeOrigin)));
          loads.push({ ms: mark, requests: counts.count, bytes: counts });
        }
        await context.close();
        if (run === 0) continue; // the first run warms the server
        results.signedOut.push({ ms: signInMs, requests: signedOut.count, bytes: signedOut });
        results.cold.push(loads[0]!);
        results.warm.push(loads[1]!);
      }
      for (const [name, runs] of Object.entries(results)) {
        rows.push([
          `${condition.name}, ${name === 'signedOut' ? 'sign-in page' : `Today, ${name} cache`}`,
          spread(
            runs.map((r) => r.ms),
            ms,
          ),
          spread(runs.map((r) => r.requests)),
          spread(
            runs.map((r) => r.bytes.page),
            kilobytes,
          ),
          spread(
            runs.map((r) => r.bytes.scripts),
            kilobytes,
          ),
          spread(
            runs.map((r) => r.bytes.api),
            kilobytes,
          ),
          spread(
            runs.map((r) => r.bytes.page + r.bytes.scripts + r.bytes.api),
            kilobytes,
          ),
        ]);
      }
    }
    console.log(`\nThe console's first load, ${RUNS} runs each (median (min–max)); bytes on the wire, KB:`);
    printTable(['load', 'ms to usable', 'requests', 'page', 'scripts', 'API', 'total'], rows);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
