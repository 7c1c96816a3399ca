// The Chromium the browser tests launch (widget component tests, end-to-end tests), in this order:
//  1. CHROMIUM_PATH, if set;
//  2. Debian's /usr/bin/chromium, if installed (apt-get install chromium);
//  3. the headless Chromium that @sparticuz/chromium brings from the npm registry, extracted once
//     to /tmp/chromium, so `npm test` passes on a machine with only Node and npm.
// `npx playwright install` cannot work where only the npm registry is reachable, so Playwright
// never downloads a browser of its own here.
import { existsSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags for every headless run: no sandbox (root in CI), nothing that reaches the network. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The path to launch, finding (and the first time extracting) one if needed. The options exist
 * for the test of this order (api/test/tooling/chromium.test.ts).
 */
export async function resolveChromium({ env = process.env, debianPath = DEBIAN_CHROMIUM } = {}) {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  if (existsSync(debianPath)) return debianPath;
  const { default: chromium } = await import('@sparticuz/chromium');
  return chromium.executablePath();
}

/**
 * For the test configs, which load synchronously: CHROMIUM_PATH (scripts/test-all.mjs sets it
 * from resolveChromium() before any suite starts), else Debian's.
 */
export function chromiumPathForConfig() {
  const path = process.env.CHROMIUM_PATH ?? DEBIAN_CHROMIUM;
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. Run the tests with "npm test" (it finds or extracts one), ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  return path;
}
