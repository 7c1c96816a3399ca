import { expect, type Page } from '@playwright/test';
import { serverInfo } from './server-info.ts';

/** The widths the console is tested at: a laptop and a phone. */
export const CONSOLE_VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/**
 * The widths an area's flow runs at. Each flow runs once, at the width its spec names (half of
 * them on the phone), and console-tour.spec.ts opens every page at both widths with axe and a
 * screenshot: the whole set at both widths would double the end-to-end time CI has. With
 * E2E_ALL_VIEWPORTS=1 every flow runs at both.
 */
export function flowViewports(width: (typeof CONSOLE_VIEWPORTS)[number]['name']) {
  return process.env.E2E_ALL_VIEWPORTS
    ? CONSOLE_VIEWPORTS
    : CONSOLE_VIEWPORTS.filter((v) => v.name === width);
}

/** Opens /admin/ and signs in (the demo owner unless told), ending on Today. */
export async function signInToConsole(
  page: Page,
  account: { email: string; password: string } = serverInfo().owner,
): Promise<void> {
  await page.goto('/admin/');
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

/** Goes to an area through the navigation, as a user would (opening the menu on a phone first). */
export async function openArea(page: Page, label: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Menu' });
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('navigation', { name: 'Console' })
    .getByRole('link', { name: label, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: label })).toBeVisible();
}
