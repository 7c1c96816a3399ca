import { expect, test } from '@playwright/test';

/** The example pages load without a single failed request or console error (no /favicon.ico 404). */
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
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
}
