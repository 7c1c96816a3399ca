import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_FLAGS, resolveChromium } from '../../../scripts/chromium.mjs';

/**
 * The browser the widget and end-to-end tests launch (scripts/chromium.mjs): CHROMIUM_PATH, else
 * Debian's, else the headless Chromium from the npm registry. The last one is what a machine with
 * only Node and npm gets: it is extracted and really launched here.
 */
describe('the browser for the browser tests', () => {
  it('takes CHROMIUM_PATH first, then an installed Debian Chromium', async () => {
    expect(await resolveChromium({ env: { CHROMIUM_PATH: '/opt/my/chrome' } })).toBe('/opt/my/chrome');
    expect(await resolveChromium({ env: {}, debianPath: process.execPath })).toBe(process.execPath);
  });

  it('without either, extracts the npm registry Chromium, which Playwright launches headless', async () => {
    const path = await resolveChromium({ env: {}, debianPath: '/nonexistent/chromium' });
    expect(existsSync(path)).toBe(true);
    const browser = await chromium.launch({ executablePath: path, headless: true, args: CHROMIUM_FLAGS });
    try {
      const page = await browser.newPage();
      await page.setContent('<p id="x">ready</p>');
      expect(await page.textContent('#x')).toBe('ready');
      expect(browser.version()).toMatch(/^\d+\./);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
