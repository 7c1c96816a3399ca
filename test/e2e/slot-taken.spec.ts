import { expect, test } from '@playwright/test';
import { BookingWidget, localTime, normaliseSpaces } from './support/booking-widget.ts';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { query, serverInfo, storedAppointment } from './support/server-info.ts';
import { lastWidgetEvent, recordWidgetEvents } from './support/widget-events.ts';

/**
 * The 409 path: someone else books the client's time between their choosing it and confirming.
 * The widget says the time was just taken, shows the day's times again without it, keeps what the
 * client typed, and the client books another time.
 */
test('a time taken by another request while the client fills the form', async ({ page }, testInfo) => {
  const widget = new BookingWidget(page);
  const check = new Checkpoints(page, testInfo);
  const day = bookingDay(5);
  await recordWidgetEvents(page);

  await page.goto('/examples/inline/');
  await widget.service('Haircut').click();
  // One provider, so that the other request leaves no one free at that time.
  await widget.expectStep(widget.t.chooseDayAndTime);
  await widget.chooseProvider('Sam Chen');
  await widget.showMonthOf(day.iso);
  await widget.day(day.iso).click();
  await widget.expectTimesOf(day.iso);
  const taken = widget.slots().first();
  const takenText = normaliseSpaces(await taken.innerText());
  await taken.click();
  const selected = await lastWidgetEvent(page, 'mais:slot-selected');
  expect(localTime(String(selected.startTimeUtc), 'Europe/Berlin', 'en-US')).toBe(takenText);
  await widget.expectStep(widget.t.yourDetails);
  await widget.field(widget.t.name).fill('Hedy Lamarr');
  await widget.field(widget.t.email).fill('hedy@example.com');
  await check.step('details-filled');

  // Meanwhile, another client books that very time through the API.
  const { baseUrl, publishableKey } = serverInfo();
  const other = await fetch(`${baseUrl}/v1/public/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tenant-key': publishableKey },
    body: JSON.stringify({
      serviceId: selected.serviceId,
      providerId: selected.providerId,
      startTimeUtc: selected.startTimeUtc,
      client: { name: 'Someone Faster', email: 'faster@example.com' },
      clientTimezone: 'Europe/Berlin',
    }),
  });
  expect(other.status).toBe(201);

  await widget.confirmBooking().click();
  await widget.expectStep(widget.t.chooseDayAndTime);
  await expect(widget.root.getByText(widget.t.errorTaken, { exact: true })).toBeVisible();
  await expect(widget.liveRegion()).toHaveText(`${widget.t.chooseDayAndTime}. ${widget.t.errorTaken}`);
  // The refreshed times no longer offer the taken one.
  await expect(widget.slots().first()).toBeVisible();
  const times = (await widget.slots().allInnerTexts()).map(normaliseSpaces);
  expect(times).not.toContain(takenText);
  const errors = await page.evaluate(() =>
    (window as unknown as { maisEvents: { type: string; detail: { code: string } }[] }).maisEvents
      .filter((event) => event.type === 'mais:error')
      .map((event) => event.detail.code),
  );
  expect(errors).toEqual(['slot_unavailable']);
  await check.step('slot-taken');

  // Only the other client's booking holds that time.
  const atThatTime = await query<{ clientName: string }>(
    'SELECT "clientName" FROM appointments WHERE "startTimeUtc" = $1 AND status <> \'CANCELLED\'',
    [new Date(String(selected.startTimeUtc))],
  );
  expect(atThatTime).toEqual([{ clientName: 'Someone Faster' }]);

  await widget.slots().first().click();
  await widget.expectStep(widget.t.yourDetails);
  // What the client typed is still there.
  await expect(widget.field(widget.t.name)).toHaveValue('Hedy Lamarr');
  await expect(widget.field(widget.t.email)).toHaveValue('hedy@example.com');
  await widget.confirmBooking().click();
  await widget.expectStep(widget.t.booked);
  await check.step('booked-another-time');

  const { appointmentId } = await lastWidgetEvent(page, 'mais:booked');
  expect(await storedAppointment(String(appointmentId))).toMatchObject({
    status: 'CONFIRMED',
    clientName: 'Hedy Lamarr',
  });
});
