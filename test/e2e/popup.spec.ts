import { expect, test } from '@playwright/test';
import { BookingWidget } from './support/booking-widget.ts';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { storedAppointment } from './support/server-info.ts';
import { lastWidgetEvent, recordWidgetEvents } from './support/widget-events.ts';

/** The popup example: a "Book now" button opens the booking in a modal dialog. */
test('the popup button opens a dialog in which the client books', async ({ page }, testInfo) => {
  const check = new Checkpoints(page, testInfo);
  const day = bookingDay(6);
  await recordWidgetEvents(page);

  await page.goto('/examples/popup/');
  const open = page.getByRole('button', { name: 'Book now' });
  const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
  await expect(open).toBeVisible();
  await expect(dialog).toBeHidden();
  // Nothing is loaded before the client asks for it.
  await expect(page.locator('mais-booking')).toHaveCount(0);
  await check.step('page');

  await open.click();
  await expect(dialog).toBeVisible();
  const widget = new BookingWidget(page, undefined, dialog.locator('mais-booking'));
  await widget.expectStep(widget.t.chooseService, { focused: false });
  // Focus is inside the modal dialog.
  expect(await dialog.evaluate((element) => element.matches(':focus-within'))).toBe(true);
  await check.step('dialog-services');

  await widget.service('Haircut').click();
  await widget.expectStep(widget.t.chooseDayAndTime);
  await widget.showMonthOf(day.iso);
  await widget.expectDayOpen(day.iso);
  await check.step('dialog-calendar');

  await widget.day(day.iso).click();
  await widget.expectTimesOf(day.iso);
  await widget.slots().first().click();
  await widget.expectStep(widget.t.yourDetails);
  await widget.field(widget.t.name).fill('Margaret Hamilton');
  await widget.field(widget.t.email).fill('margaret@example.com');
  await check.step('dialog-details');

  await widget.confirmBooking().click();
  await widget.expectStep(widget.t.booked);
  await check.step('dialog-confirmation');
  const { appointmentId } = await lastWidgetEvent(page, 'mais:booked');
  expect(await storedAppointment(String(appointmentId))).toMatchObject({
    status: 'CONFIRMED',
    serviceName: 'Haircut',
    clientName: 'Margaret Hamilton',
  });

  // Escape closes the dialog and gives the focus back to the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await check.step('closed');
});
