import { expect, test } from '@playwright/test';
import { BookingWidget, localTime, normaliseSpaces } from './support/booking-widget.ts';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { storedAppointment, storedIntake } from './support/server-info.ts';
import { lastWidgetEvent, recordWidgetEvents } from './support/widget-events.ts';

/**
 * The whole life of a booking on the inline example page: a client books "Colour & style" (the
 * demo service with intake questions, offered by one provider only), then opens the manage link,
 * moves the booking to another day and cancels it. The database is checked after each change and
 * axe after each step.
 */
test('a client books a service with intake questions, then reschedules and cancels from the manage link', async ({
  page,
}, testInfo) => {
  const widget = new BookingWidget(page);
  const check = new Checkpoints(page, testInfo);
  // Days well over 48 hours ahead: a client may move a booking only while cancelling is free.
  const day = bookingDay(11);
  const newDay = bookingDay(12);
  await recordWidgetEvents(page);

  await page.goto('/examples/inline/');
  // On page load the widget must not take focus away from the page.
  await widget.expectStep(widget.t.chooseService, { focused: false });
  await expect(widget.service('Haircut')).toContainText('45 min');
  // The price that will be charged: Alex Rivera, the only one offering it, charges €140 (not the base €120).
  await expect(widget.service('Colour & style')).toContainText('€140.00');
  // The demo business takes no cards online (payment.spec.ts connects it): paid at the venue.
  await expect(widget.service('Colour & style')).toContainText(widget.t.payAtVenue);
  await check.step('services');

  // Only Alex Rivera offers it: there is no one to choose.
  await widget.service('Colour & style').click();
  await widget.expectStep(widget.t.chooseDayAndTime);
  await expect(widget.withProvider()).toHaveCount(0);
  await widget.showMonthOf(day.iso);
  await widget.expectDayOpen(day.iso);
  await check.step('calendar');

  await widget.day(day.iso).click();
  await widget.expectTimesOf(day.iso);
  // The widget is wide here: the calendar and the times side by side, tops aligned.
  const [calendarPane, timesPane] = await widget.paneBoxes();
  expect(timesPane!.x).toBeGreaterThanOrEqual(calendarPane!.x + calendarPane!.width);
  expect(Math.abs(timesPane!.y - calendarPane!.y)).toBeLessThan(2);
  await check.step('times');

  const slotText = normaliseSpaces(await widget.slots().first().innerText());
  expect(slotText).toMatch(/^\d{1,2}:\d{2} (AM|PM)$/); // en-US: a 12-hour clock
  await widget.slots().first().click();
  const selected = await lastWidgetEvent(page, 'mais:slot-selected');
  const startTimeUtc = String(selected.startTimeUtc);
  expect(localTime(startTimeUtc, 'Europe/Berlin', 'en-US')).toBe(slotText);
  await widget.expectStep(widget.t.yourDetails);
  await expect(widget.field('Hair length')).toBeVisible();
  await check.step('details-form');

  // Inline validation: the required intake question is refused empty, and focus goes to it.
  await widget.field(widget.t.name).fill('Ada Lovelace');
  await widget.field(widget.t.email).fill('ada@example.com');
  await widget.confirmBooking().click();
  await expect(widget.field('Hair length')).toHaveAttribute('aria-invalid', 'true');
  await expect(widget.field('Hair length')).toBeFocused();
  await expect(widget.root.getByText(widget.t.fieldRequired, { exact: true })).toBeVisible();
  await check.step('details-invalid');

  await widget.field('Hair length').selectOption('Medium');
  await widget.field('Anything we should know?').fill('Allergic to ammonia.');
  await check.step('details-filled');
  await widget.confirmBooking().click();

  // No cards online: booked at once, nothing held, the price due at the appointment.
  await widget.expectStep(widget.t.booked);
  const booked = await lastWidgetEvent(page, 'mais:booked');
  const appointmentId = String(booked.appointmentId);
  expect(booked).toMatchObject({ startTimeUtc, status: 'CONFIRMED' });
  await expect(widget.root.getByText(widget.t.payAtVenue, { exact: true })).toBeVisible();
  await expect(widget.root.getByRole('timer')).toHaveCount(0);
  await check.step('confirmation');

  const stored = await storedAppointment(appointmentId);
  expect(stored).toMatchObject({
    status: 'CONFIRMED',
    serviceName: 'Colour & style',
    clientName: 'Ada Lovelace',
    clientEmail: 'ada@example.com',
    clientTimezone: 'Europe/Berlin',
  });
  expect(stored!.startTimeUtc.toISOString()).toBe(new Date(startTimeUtc).toISOString());
  expect(stored!.providerId).not.toBeNull();
  expect(await storedIntake(appointmentId)).toEqual({
    'Hair length': 'Medium',
    'Anything we should know?': 'Allergic to ammonia.',
  });

  // The manage link: the same page with the booking's id and token.
  const manageUrl = await widget.manageLink().getAttribute('href');
  expect(manageUrl).toContain(`mais-appointment=${appointmentId}`);
  await page.goto(manageUrl!);
  await widget.expectStep(widget.t.yourBooking, { focused: false });
  await expect(widget.root.getByText(widget.t.status('CONFIRMED'), { exact: true })).toBeVisible();
  await check.step('manage');

  await widget.button(widget.t.reschedule).click();
  await widget.expectStep(widget.t.chooseDayAndTime);
  await widget.showMonthOf(newDay.iso);
  await widget.expectDayOpen(newDay.iso);
  await widget.day(newDay.iso).click();
  await widget.expectTimesOf(newDay.iso);
  await check.step('reschedule-times');

  await widget.slots().last().click();
  const moveTo = String((await lastWidgetEvent(page, 'mais:slot-selected')).startTimeUtc);
  await widget.expectStep(widget.t.confirmNewTime);
  await check.step('reschedule-confirm');

  await widget.button(widget.t.moveBooking).click();
  await widget.expectStep(widget.t.yourBooking);
  await expect(widget.root.getByText(widget.t.rescheduledNotice, { exact: true })).toBeVisible();
  await expect(widget.liveRegion()).toHaveText(`${widget.t.yourBooking}. ${widget.t.rescheduledNotice}`);
  const rescheduled = await lastWidgetEvent(page, 'mais:rescheduled');
  expect(rescheduled).toMatchObject({ appointmentId, startTimeUtc: moveTo });
  await check.step('rescheduled');

  // The same appointment moved: the manage link in the address bar (and in any email) still works.
  const moved = await storedAppointment(appointmentId);
  expect(moved).toMatchObject({
    status: 'CONFIRMED',
    rescheduledFromId: null,
    providerId: stored!.providerId,
  });
  expect(moved!.startTimeUtc.toISOString()).toBe(new Date(moveTo).toISOString());
  expect(page.url()).toContain(`mais-appointment=${appointmentId}`);

  await widget.button(widget.t.cancelBooking).click();
  await widget.expectStep(widget.t.cancelQuestion);
  // The demo policy charges 50% under 24 hours and 100% under 2: days ahead, cancelling is free, and
  // nothing was paid yet (the deposit is still due), so there is nothing to refund or owe.
  await expect(widget.root.locator('.terms')).toHaveText(widget.t.cancelFree);
  await expect(widget.button(widget.t.cancelYes)).toBeEnabled();
  await check.step('cancel-question');

  await widget.button(widget.t.cancelYes).click();
  await widget.expectStep(widget.t.yourBooking);
  await expect(widget.root.getByText(widget.t.cancelledNotice, { exact: true })).toBeVisible();
  await expect(widget.root.getByText(widget.t.status('CANCELLED'), { exact: true })).toBeVisible();
  await expect(widget.button(widget.t.reschedule)).toHaveCount(0);
  expect(await lastWidgetEvent(page, 'mais:cancelled')).toEqual({ appointmentId });
  await check.step('cancelled');

  expect(await storedAppointment(appointmentId)).toMatchObject({ status: 'CANCELLED' });
});
