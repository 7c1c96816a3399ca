import { expect, test, type Page } from '@playwright/test';
import { adminHeaders } from './support/admin-fixtures.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { flowViewports, openArea, signInToConsole } from './support/console.ts';
import { query } from './support/server-info.ts';

/**
 * Settings: the brand colour changes the widget preview as it is picked and is stored on save; an
 * API key is shown once, listed without its secret and refused once revoked; a staff member is
 * invited and given another role; the invitation is listed among the sent messages and readable.
 */

async function openSection(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { level: 2, name: label })).toBeVisible();
}

for (const [index, viewport] of flowViewports('phone').entries()) {
  test.describe(`console settings at ${viewport.width} px`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });
    test.setTimeout(240_000);

    let savedBranding: unknown;
    test.beforeEach(async ({ request }) => {
      const tenant = await request.get('/v1/tenant-admin/tenant', { headers: adminHeaders() });
      savedBranding = ((await tenant.json()) as { branding: unknown }).branding;
    });
    // Other specs draw the widget with the demo's branding: put it back.
    test.afterEach(async ({ request }) => {
      const reset = await request.patch('/v1/tenant-admin/tenant', {
        headers: adminHeaders(),
        data: { branding: savedBranding },
      });
      expect(reset.status()).toBe(200);
    });

    test('brands the widget, manages API keys and staff, and reads sent messages', async ({
      page,
      request,
    }, testInfo) => {
      const checkpoints = new Checkpoints(page, testInfo);
      const stamp = `${Date.now()}-${viewport.name}`;
      const colour = index === 0 ? '#7a1f5c' : '#1f5c3a';
      const rgb = index === 0 ? 'rgb(122, 31, 92)' : 'rgb(31, 92, 58)';

      await signInToConsole(page);
      await openArea(page, 'Settings');
      await expect(page.getByRole('heading', { level: 2, name: 'Business and branding' })).toBeVisible();

      // Branding: the preview follows the colour input at once; saving stores it.
      const chosenSlot = page.getByTestId('widget-preview').locator('.slot[data-selected]');
      await expect(chosenSlot).toBeVisible();
      expect(await chosenSlot.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(rgb);
      await page.getByLabel('Brand colour').fill(colour);
      await expect(chosenSlot).toHaveCSS('background-color', rgb);
      await checkpoints.step('branding preview');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Business profile saved.' })).toBeVisible();
      const [tenant] = await query<{ colour: string }>(
        `SELECT branding->>'primaryColor' AS colour FROM tenants WHERE slug = 'demo'`,
      );
      expect(tenant!.colour).toBe(colour);

      // API keys: shown once in a dialog, then listed by prefix only; revoking makes the API refuse it.
      // A live secret key: the e2e server's own key is live too, so this one is not the last of its mode.
      await openSection(page, 'API keys');
      const keyName = `Console key ${stamp}`;
      await page.getByLabel('Name').fill(keyName);
      await page.getByLabel('Kind').selectOption('SECRET');
      await page.getByLabel('Mode').selectOption('LIVE');
      await page.getByRole('button', { name: 'Create key' }).click();
      const dialog = page.getByRole('dialog', { name: `Your new key: ${keyName}` });
      await expect(dialog).toBeVisible();
      const key = await dialog.getByLabel('Key').inputValue();
      expect(key).toMatch(/^sk_live_demo_[A-Za-z0-9]{32}$/);
      await checkpoints.step('new key shown once');
      await dialog.getByRole('button', { name: 'Done' }).click();
      await expect(dialog).toBeHidden();
      const keyRow = page.getByRole('row', { name: new RegExp(`^${keyName}`) });
      await expect(keyRow).toBeVisible();
      await expect(page.getByText(key)).toHaveCount(0);
      const withKey = () =>
        request.get('/v1/tenant-admin/tenant', { headers: { authorization: `Bearer ${key}` } });
      expect((await withKey()).status()).toBe(200);
      await keyRow.getByRole('button', { name: `Revoke ${keyName}` }).click();
      await keyRow.getByRole('button', { name: `Revoke ${keyName}` }).click();
      await expect(keyRow.getByText('Revoked')).toBeVisible();
      expect((await withKey()).status()).toBe(401);
      await checkpoints.step('key revoked');

      // Staff: invited by email (no email provider here: the invitation waits in the outbox), then made a provider.
      await openSection(page, 'Staff and roles');
      const email = `staff-${stamp}@example.com`;
      const name = `Pat ${viewport.name} ${stamp}`;
      const invite = page.locator('mais-staff-form[mode=invite]');
      await invite.getByLabel('Name').fill(name);
      await invite.getByLabel('Email').fill(email);
      await invite.getByLabel('Role').selectOption('manager');
      await invite.getByRole('button', { name: 'Add' }).click();
      const staffRow = page.getByRole('row', { name: new RegExp(`^${name}`) });
      await expect(staffRow.getByText('Invited')).toBeVisible();
      await expect(staffRow.getByRole('cell', { name: 'Manager', exact: true })).toBeVisible();
      await staffRow.getByRole('button', { name: `Edit ${name}` }).click();
      await staffRow.getByLabel('Role').selectOption('provider');
      await staffRow.getByLabel('Provider').selectOption({ label: 'Sam Chen' });
      await checkpoints.step('changing a role');
      await staffRow.getByRole('button', { name: 'Save' }).click();
      await expect(staffRow.getByRole('cell', { name: 'Provider', exact: true })).toBeVisible();
      await expect(staffRow.getByRole('cell', { name: 'Sam Chen' })).toBeVisible();
      const [account] = await query<{ role: string; provider: string }>(
        `SELECT s.role::text AS role, p.name AS provider
           FROM staff_accounts s JOIN providers p ON p.id = s."providerId" WHERE s.email = $1`,
        [email],
      );
      expect(account).toEqual({ role: 'PROVIDER', provider: 'Sam Chen' });

      // Sent messages: the invitation, by status, and opened. (The e2e server runs no job worker, so
      // booking emails are never built here; staff emails are queued at once by the API.)
      await openSection(page, 'Sent messages');
      const invitation = page.getByRole('row', { name: new RegExp(email) });
      await expect(invitation).toBeVisible();
      await page.getByLabel('Status').selectOption('PENDING');
      await expect(page).toHaveURL(/#\/settings\/outbox\?status=PENDING$/);
      await expect(invitation).toBeVisible();
      await checkpoints.step('sent messages');
      await page.getByLabel('Status').selectOption('SENT');
      // No worker sends anything here: nothing is SENT.
      await expect(page.getByText('No messages.')).toBeVisible();
      await expect(invitation).toHaveCount(0);
      await page.getByLabel('Status').selectOption('');
      await invitation.getByRole('link').click();
      await expect(page.getByText(`${email} (email)`)).toBeVisible();
      await expect(page.locator('mais-outbox-settings pre')).toContainText(name.split(' ')[0]!);
      await checkpoints.step('a sent message');
    });
  });
}
