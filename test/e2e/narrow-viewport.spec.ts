import { expect, test, type Page } from '@playwright/test';
import { BookingWidget } from './support/booking-widget.ts';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { storedAppointment } from './support/server-info.ts';
import { lastWidgetEvent, recordWidgetEvents } from './support/widget-events.ts';

const WIDTH = 320;

test.use({ viewport: { width: WIDTH, height: 640 }, isMobile: true, hasTouch: true });

/** Nothing may stick out sideways: no horizontal scrolling, the widget within the screen. */
async function expectFits(page: Page, widget: BookingWidget): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
  const box = await widget.root.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
}

/** The whole booking on a 320 px wide phone, choosing a named provider, with taps. */
test('a client books on a 320 px wide screen', async ({ page }, testInfo) => {
  const widget = new BookingWidget(page);
  const check = new Checkpoints(page, testInfo);
  const day = bookingDay(3);
  await recordWidgetEvents(page);

  await page.goto('/examples/inline/');
  await widget.expectStep(widget.t.chooseService, { focused: false });
  await expectFits(page, widget);
  await check.step('services');

  await widget.service('Haircut').tap();
  await widget.expectStep(widget.t.chooseDayAndTime);
  await widget.chooseProvider('Sam Chen');
  await widget.showMonthOf(day.iso);
  await widget.expectDayOpen(day.iso);
  await expectFits(page, widget);
  // Every day of the week is on screen, none cut off.
  for (const cell of await widget.root.locator('mais-calendar td[data-date]').all()) {
    const box = await cell.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
  }
  await check.step('calendar');

  await widget.day(day.iso).tap();
  await widget.expectTimesOf(day.iso);
  // Too narrow for two panes: the times below the calendar.
  const [calendarPane, timesPane] = await widget.paneBoxes();
  expect(timesPane!.y).toBeGreaterThanOrEqual(calendarPane!.y + calendarPane!.height);
  await expectFits(page, widget);
  await check.step('times');

  await widget.slots().first().tap();
  await widget.expectStep(widget.t.yourDetails);
  await widget.field(widget.t.name).fill('Katherine Johnson');
  await widget.field(widget.t.email).fill('katherine@example.com');
  await widget.field(widget.t.phone).fill('+49 30 1234567');
  await expectFits(page, widget);
  await check.step('details-filled');

  await widget.confirmBooking().tap();
  await widget.expectStep(widget.t.booked);
  await expectFits(page, widget);
  await check.step('confirmation');

  const { appointmentId } = await lastWidgetEvent(page, 'mais:booked');
  const stored = await storedAppointment(String(appointmentId));
  expect(stored).toMatchObject({
    status: 'CONFIRMED',
    serviceName: 'Haircut',
    clientName: 'Katherine Johnson',
  });
  const providerId = (await lastWidgetEvent(page, 'mais:slot-selected')).providerId;
  expect(stored!.providerId).toBe(providerId);
});
