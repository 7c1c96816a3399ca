import { expect, test } from '@playwright/test';
import { BookingWidget } from './support/booking-widget.ts';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { tabTo } from './support/keyboard.ts';
import { storedAppointment } from './support/server-info.ts';
import { lastWidgetEvent, recordWidgetEvents } from './support/widget-events.ts';

const DAY_MS = 86_400_000;

/**
 * A booking made with the keyboard alone: Tab, the arrow keys (the calendar's ARIA grid), Enter and
 * Space, and typing into the form. No click anywhere. Each step must put the focus on its heading.
 */
test('a client books with the keyboard only', async ({ page }, testInfo) => {
  const widget = new BookingWidget(page);
  const check = new Checkpoints(page, testInfo);
  const day = bookingDay(2);
  await recordWidgetEvents(page);

  await page.goto('/examples/inline/');
  await widget.expectStep(widget.t.chooseService, { focused: false });
  await tabTo(page, widget.service('Haircut'));
  await check.step('service-focused');
  await page.keyboard.press('Enter');

  await widget.expectStep(widget.t.chooseDayAndTime);
  // "With" whom: a native select, Anyone first.
  await tabTo(page, widget.withProvider());
  await expect(widget.withProvider()).toHaveValue('');
  await check.step('with-focused');
  await expect(widget.root.locator('mais-calendar').getByRole('grid')).toHaveAttribute('aria-busy', 'false');
  // One day of the grid is in the tab order (roving tabindex); the arrows move from there.
  const tabStop = widget.root.locator('mais-calendar td[tabindex="0"]');
  await tabTo(page, tabStop);
  const from = (await tabStop.getAttribute('data-date'))!;
  let days = Math.round((Date.parse(day.iso) - Date.parse(from)) / DAY_MS);
  expect(days).toBeGreaterThanOrEqual(0);
  for (; days >= 7; days -= 7) await page.keyboard.press('ArrowDown');
  for (; days > 0; days -= 1) await page.keyboard.press('ArrowRight');
  await expect(widget.day(day.iso)).toBeFocused();
  await widget.expectDayOpen(day.iso);
  await check.step('day-focused');
  await page.keyboard.press('Enter');

  await widget.expectTimesOf(day.iso);
  await tabTo(page, widget.slots().first());
  await check.step('time-focused');
  await page.keyboard.press('Space');
  const { startTimeUtc } = await lastWidgetEvent(page, 'mais:slot-selected');

  await widget.expectStep(widget.t.yourDetails);
  await tabTo(page, widget.field(widget.t.name));
  await page.keyboard.type('Grace Hopper');
  await page.keyboard.press('Tab');
  await expect(widget.field(widget.t.email)).toBeFocused();
  await page.keyboard.type('grace@example.com');
  await tabTo(page, widget.confirmBooking());
  await check.step('details-filled');
  await page.keyboard.press('Enter');

  await widget.expectStep(widget.t.booked);
  const { appointmentId } = await lastWidgetEvent(page, 'mais:booked');
  // Confirmed: it can go into the client's calendar.
  await expect(widget.root.getByRole('link', { name: widget.t.googleCalendar })).toHaveAttribute(
    'href',
    /^https:\/\/calendar\.google\.com\//,
  );
  await expect(widget.root.getByRole('link', { name: widget.t.downloadIcs })).toHaveAttribute(
    'href',
    /^data:text\/calendar/,
  );
  await check.step('confirmation');
  // Onward from the confirmation: the links to the calendar and the manage link are reachable.
  await tabTo(page, widget.manageLink());

  const stored = await storedAppointment(String(appointmentId));
  expect(stored).toMatchObject({ status: 'CONFIRMED', serviceName: 'Haircut', clientName: 'Grace Hopper' });
  expect(stored!.startTimeUtc.toISOString()).toBe(new Date(String(startTimeUtc)).toISOString());
});
