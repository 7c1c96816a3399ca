import { expect, test, type APIRequestContext } from '@playwright/test';
import { BookingWidget, normaliseSpaces } from './support/booking-widget.ts';
import { bookingDay } from './support/booking-days.ts';
import { serverInfo, storedAppointment } from './support/server-info.ts';
import { lastWidgetEvent, recordWidgetEvents } from './support/widget-events.ts';

/**
 * The hosted booking page, /book/demo (served by the API, no site of the tenant's): a client opens
 * the Haircut page, books through the widget inside it and opens the manage link, which stays on
 * the hosted page. While the test runs the demo tenant allows only another origin: the page's own
 * key is let through from the API's origin all the same (a regular key would not be).
 */
const setAllowedOrigins = (request: APIRequestContext, allowedOrigins: string[]) =>
  request.patch('/v1/tenant-admin/tenant', {
    headers: { authorization: `Bearer ${serverInfo().secretKey}` },
    data: { allowedOrigins },
  });

test.afterEach(async ({ request }) => {
  expect((await setAllowedOrigins(request, [])).status()).toBe(200);
});

test('a client books through the hosted booking page and opens the manage link there', async ({
  page,
  request,
}) => {
  expect((await setAllowedOrigins(request, ['https://studio.example'])).status()).toBe(200);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  const widget = new BookingWidget(page);
  const day = bookingDay(14);
  await recordWidgetEvents(page);

  // The tenant's page: shell, meta tags and the widget listing the services.
  const response = await page.goto('/book/demo');
  expect(response!.status()).toBe(200);
  await expect(page).toHaveTitle('Demo Studio: book online');
  await expect(page.getByRole('heading', { level: 1, name: 'Demo Studio' })).toBeVisible();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute(
    'content',
    'Demo Studio: book online',
  );
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd['@type']).toBe('LocalBusiness');
  await expect(widget.service('Haircut')).toBeVisible();

  // The service's page opens its calendar directly.
  await page.goto('/book/demo/haircut');
  await expect(page).toHaveTitle('Haircut · Demo Studio: book online');
  await widget.expectStep(widget.t.chooseDayAndTime, { focused: false });
  await widget.showMonthOf(day.iso);
  await widget.expectDayOpen(day.iso);
  await widget.day(day.iso).click();
  await widget.expectTimesOf(day.iso);
  const slotText = normaliseSpaces(await widget.slots().first().innerText());
  await widget.slots().first().click();
  const startTimeUtc = String((await lastWidgetEvent(page, 'mais:slot-selected')).startTimeUtc);
  await widget.expectStep(widget.t.yourDetails);
  await widget.field(widget.t.name).fill('Grace Hopper');
  await widget.field(widget.t.email).fill('grace@example.com');
  await widget.confirmBooking().click();
  await widget.expectStep(widget.t.booked);
  const appointmentId = String((await lastWidgetEvent(page, 'mais:booked')).appointmentId);
  expect(slotText).toMatch(/^\d{1,2}:\d{2} (AM|PM)$/);

  const stored = await storedAppointment(appointmentId);
  expect(stored).toMatchObject({
    status: 'CONFIRMED',
    serviceName: 'Haircut',
    clientName: 'Grace Hopper',
    clientEmail: 'grace@example.com',
  });
  expect(stored!.startTimeUtc.toISOString()).toBe(new Date(startTimeUtc).toISOString());

  // The manage link is the hosted page with the booking's parameters, and opens the booking there.
  const manageUrl = await widget.manageLink().getAttribute('href');
  expect(manageUrl).toContain(`/book/demo/haircut?mais-appointment=${appointmentId}`);
  await page.goto(manageUrl!);
  await widget.expectStep(widget.t.yourBooking, { focused: false });
  await expect(widget.root.getByText(widget.t.status('CONFIRMED'), { exact: true })).toBeVisible();
  // The same link on the tenant's page (as emails carry it) opens it too.
  await page.goto(`/book/demo${new URL(manageUrl!).search}`);
  await widget.expectStep(widget.t.yourBooking, { focused: false });

  expect(violations).toEqual([]);
});

test('an unknown slug answers the 404 page', async ({ page }) => {
  const response = await page.goto('/book/no-such-studio');
  expect(response!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
});
