/**
 * `npm run bench:console-calendar`: the console's calendar week with 500 appointments in it. The
 * demo tenant gets 3 more providers and a 30-minute service, and 500 appointments in one week
 * (about 70 a day, everyone's at once, side by side) booked through the admin API with the secret
 * key and overrideRules. A signed-in owner then opens the week view ("Everyone") again and again;
 * the calendar's own marks (admin/src/areas/calendar/calendar-area.ts) split the time:
 *
 * - fetch: the appointments (one request per day, in parallel) and the busy blocks;
 * - render: the layout (columns for overlaps) and the DOM of the 500 items, until Lit is done;
 * - painted: the next frame after that (style, layout, paint);
 * - navigation → rendered: what the user waits for, from the navigation's start.
 *
 * The server is test/e2e/serve.ts on a throwaway embedded PostgreSQL. BENCH_ADMIN_DIST uses a
 * console already built there instead of building one. Timings are reported, never judged; it
 * exits non-zero if the week does not show exactly the 500 appointments.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { zonedToUtc, weekStart, addDays, today } from '../../admin/src/dates/zoned-time.ts';
import { CHROMIUM_FLAGS, chromiumPathForConfig, resolveChromium } from '../../scripts/chromium.mjs';
import { printTable } from './support/stats.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 4391);
const APPOINTMENTS = 500;
const ZONE = 'Europe/Berlin';

interface ServerInfo {
  baseUrl: string;
  secretKey: string;
  owner: { email: string; password: string };
}

async function startServer(
  distDir: string,
  outputDir: string,
): Promise<{ child: ChildProcess; info: ServerInfo }> {
  const child = spawn('npx', ['tsx', 'test/e2e/serve.ts'], {
    cwd: ROOT,
    env: { ...process.env, E2E_PORT: String(PORT), E2E_OUTPUT: outputDir, ADMIN_DIST: distDir },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group: npx → tsx → node, all stopped together at the end.
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('e2e server on')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  return { child, info: JSON.parse(readFileSync(path.join(outputDir, 'server.json'), 'utf8')) as ServerInfo };
}

function adminApi(info: ServerInfo) {
  return async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${info.baseUrl}/v1/tenant-admin${route}`, {
      method,
      headers: { authorization: `Bearer ${info.secretKey}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** 500 appointments in the week of `monday`: 5 providers, 7 days, 30-minute bookings from 07:00. */
async function seedWeek(info: ServerInfo, monday: string): Promise<void> {
  const call = adminApi(info);
  const service = await call<{ id: string }>('POST', '/services', {
    name: 'Bench consultation',
    durationMinutes: 30,
    slotIntervalMinutes: 30,
    priceBaseCents: 1000,
  });
  const existing = (await call<{ data: { id: string }[] }>('GET', '/providers')).data.map((p) => p.id);
  const added = [];
  for (const name of ['Bench Ana', 'Bench Bo', 'Bench Cy']) {
    added.push(
      (
        await call<{ id: string }>('POST', '/providers', {
          name,
          email: `${name.replace(' ', '.')}@bench.example`,
        })
      ).id,
    );
  }
  const providers = [...existing, ...added].slice(0, 5);
  for (const providerId of providers) {
    const current = await call<{ services: { serviceId: string }[] }>('GET', `/providers/${providerId}`);
    await call('PUT', `/providers/${providerId}/services`, [
      ...current.services.map((s) => ({ serviceId: s.serviceId })),
      { serviceId: service.id },
    ]);
  }
  const bookings: Array<{ providerId: string; start: string }> = [];
  for (let slot = 0; bookings.length < APPOINTMENTS; slot++) {
    for (let day = 0; day < 7 && bookings.length < APPOINTMENTS; day++) {
      for (const providerId of providers) {
        if (bookings.length === APPOINTMENTS) break;
        // Providers start a quarter hour apart, so the day's items overlap in chains.
        const minutes = 7 * 60 + slot * 30 + (providers.indexOf(providerId) % 2) * 15;
        const start = zonedToUtc(addDays(monday, day), minutes, ZONE).toISOString().replace('.000Z', 'Z');
        bookings.push({ providerId, start });
      }
    }
  }
  // One worker per provider: bookings of one provider take its lock in turn.
  await Promise.all(
    providers.map(async (providerId) => {
      for (const booking of bookings.filter((b) => b.providerId === providerId)) {
        await call('POST', '/appointments', {
          serviceId: service.id,
          providerId,
          startTimeUtc: booking.start,
          client: { name: `Client ${booking.start.slice(5, 16)}`, email: 'bench@example.com' },
          clientTimezone: ZONE,
          overrideRules: true,
        });
      }
    }),
  );
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'mais-bench-calendar-'));
  let distDir = process.env.BENCH_ADMIN_DIST;
  if (!distDir) {
    distDir = path.join(work, 'admin-dist');
    const build = spawnSync('npx', ['rollup', '-c', 'admin/rollup.config.js'], {
      cwd: ROOT,
      env: { ...process.env, ADMIN_DIST: distDir },
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`building the console failed:\n${build.stderr}`);
  }
  process.env.CHROMIUM_PATH ??= await resolveChromium();
  const { child, info } = await startServer(distDir, path.join(work, 'e2e'));
  const browser = await chromium.launch({ executablePath: chromiumPathForConfig(), args: CHROMIUM_FLAGS });
  try {
    const monday = weekStart(addDays(today(ZONE), 70));
    const seeding = performance.now();
    await seedWeek(info, monday);
    console.log(
      `booked ${APPOINTMENTS} appointments in the week of ${monday} in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );

    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      timezoneId: ZONE,
      locale: 'en-US',
    });
    const signIn = await context.request.post(`${info.baseUrl}/v1/auth/sessions`, { data: info.owner });
    if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
    const page = await context.newPage();
    const samples: Record<'total' | 'fetch' | 'render' | 'painted', number[]> = {
      total: [],
      fetch: [],
      render: [],
      painted: [],
    };
    for (let run = 0; run <= RUNS; run++) {
      await page.goto('about:blank');
      await page.goto(`${info.baseUrl}/admin/#/calendar?view=week&date=${monday}`);
      await page.waitForFunction(() => performance.getEntriesByName('calendar:painted').length > 0, null, {
        timeout: 120_000,
      });
      // No helper functions inside: tsx would wrap them in a __name() the page does not have.
      const marks = await page.evaluate(() => ({
        total: performance.getEntriesByName('calendar:rendered')[0]!.startTime,
        fetch: performance.getEntriesByName('calendar:fetch')[0]!.duration,
        render: performance.getEntriesByName('calendar:render')[0]!.duration,
        painted:
          performance.getEntriesByName('calendar:painted')[0]!.startTime -
          performance.getEntriesByName('calendar:rendered')[0]!.startTime,
      }));
      // Playwright's CSS goes through the shadow roots (console → area → grid).
      const items = await page.locator('mais-calendar-grid .appt').count();
      if (items !== APPOINTMENTS)
        throw new Error(`the week shows ${items} appointments, not ${APPOINTMENTS}`);
      if (run === 0) continue; // warms the server and the browser's cache
      samples.total.push(marks.total);
      samples.fetch.push(marks.fetch);
      samples.render.push(marks.render);
      samples.painted.push(marks.painted);
    }
    await context.close();
    console.log(`\nThe calendar's week view with ${APPOINTMENTS} appointments (Everyone), ${RUNS} runs, ms:`);
    printTable(
      ['measure', 'p50', 'p95', 'min', 'max'],
      (
        [
          ['navigation → rendered', samples.total],
          ['fetch (7 days + busy blocks)', samples.fetch],
          ['render (layout + DOM)', samples.render],
          ['rendered → next frame', samples.painted],
        ] as const
      ).map(([name, values]) => [
        name,
        percentile(values, 50).toFixed(0),
        percentile(values, 95).toFixed(0),
        Math.min(...values).toFixed(0),
        Math.max(...values).toFixed(0),
      ]),
    );
    console.log(`Node ${process.version}, ${os.cpus().length} CPUs`);
  } finally {
    await browser.close();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
