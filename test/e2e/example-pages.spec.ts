import { expect, test } from '@playwright/test';

/**
 * The example pages load without a single failed request or console error (no /favicon.ico 404),
 * and take the widget from its versioned, immutable, compressed URL.
 */
for (const path of ['/examples/inline/', '/examples/popup/']) {
  test(`${path} loads cleanly`, async ({ page }) => {
    const problems: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => problems.push(`failed ${request.url()}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    const widgetScript = page.waitForResponse((response) =>
      /\/widget\.[0-9a-f]{12}\.js$/.test(response.url()),
    );
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
    // The page loads the versioned widget URL, cached as immutable and sent compressed.
    const script = await widgetScript;
    expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
  });
}
