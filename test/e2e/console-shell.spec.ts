import { expect, test } from '@playwright/test';
import { Checkpoints } from './support/checkpoints.ts';
import { CONSOLE_VIEWPORTS, openArea, signInToConsole } from './support/console.ts';
import { serverInfo } from './support/server-info.ts';

/** The console's shell: sign-in, the navigation, Today, staying signed in across a reload, sign-out. */
for (const viewport of CONSOLE_VIEWPORTS) {
  test.describe(`console shell at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('signs in, shows Today, keeps the session on reload and signs out', async ({ page }, testInfo) => {
      const checkpoints = new Checkpoints(page, testInfo);
      await page.goto('/admin/');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MAIS' })).toBeVisible();
      await checkpoints.step('sign-in page');

      await page.getByLabel('Email').fill(serverInfo().owner.email);
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toContainText('email or password');
      await checkpoints.step('wrong password');

      await signInToConsole(page);
      await expect(page.getByRole('heading', { name: 'Revenue this week' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Balances due' })).toBeVisible();
      await checkpoints.step('today');

      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

      await openArea(page, 'Settings');
      expect(new URL(page.url()).hash).toBe('#/settings');
      await page.goto('/admin/#/nowhere');
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();

      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MAIS' })).toBeVisible();
      await page.reload();
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in to MAIS' })).toBeVisible();
    });
  });
}

test('the console page carries a strict CSP and loads only its own scripts', async ({ request }) => {
  const page = await request.get('/admin/');
  expect(page.status()).toBe(200);
  const csp = page.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  const entry = /src="(\/admin\/assets\/console\.[0-9a-f]+\.js)"/.exec(await page.text())?.[1];
  expect(entry).toBeDefined();
  const script = await request.get(entry!);
  expect(script.headers()['cache-control']).toContain('immutable');
  expect((await request.get('/admin/assets/..%2F..%2Fpackage.json')).status()).toBe(404);
});
