import { expect, test } from '@playwright/test';
import { es } from '../../widget/src/i18n/es.ts';
import { BookingWidget, normaliseSpaces } from './support/booking-widget.ts';
import { bookingDay } from './support/booking-days.ts';
import { Checkpoints } from './support/checkpoints.ts';
import { storedAppointment } from './support/server-info.ts';
import { lastWidgetEvent, recordWidgetEvents } from './support/widget-events.ts';

// A browser set to Spanish: the widget follows navigator.language (the page sets no locale).
test.use({ locale: 'es-ES' });

test('a Spanish-speaking client sees Spanish texts, prices, dates and 24-hour times', async ({
  page,
}, testInfo) => {
  const widget = new BookingWidget(page, es);
  const check = new Checkpoints(page, testInfo);
  const day = bookingDay(4);
  await recordWidgetEvents(page);

  await page.goto('/examples/inline/');
  await widget.expectStep('Elige un servicio', { focused: false });
  await expect(widget.service('Haircut')).toContainText('45 min');
  await expect(widget.service('Haircut')).toContainText('35,00 €');
  await expect(widget.service('Colour & style')).toContainText('Pagas en el local.');
  await check.step('servicios');

  await widget.service('Haircut').click();
  await widget.expectStep('Elige día y hora');
  await expect(widget.withProvider()).toHaveValue('');
  await expect(widget.withProvider().locator('option').first()).toHaveText('Cualquiera');
  await widget.showMonthOf(day.iso);
  await widget.expectDayOpen(day.iso);
  const monthName = new Intl.DateTimeFormat('es-ES', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day.iso}T12:00:00Z`));
  await expect(widget.root.locator('mais-calendar').getByRole('heading', { level: 3 })).toHaveText(monthName);
  await expect(widget.day(day.iso)).toHaveAttribute('aria-label', /, con horarios$/);
  // Spain's week starts on Monday.
  await expect(widget.root.locator('mais-calendar').getByRole('columnheader').first()).toHaveText(/lunes/);
  await check.step('calendario');

  await widget.day(day.iso).click();
  await widget.expectTimesOf(day.iso);
  const times = (await widget.slots().allInnerTexts()).map(normaliseSpaces);
  for (const time of times) expect(time).toMatch(/^([01]?\d|2[0-3]):[0-5]\d$/);
  // The afternoon is written 13:00 to 17:xx, never with a.m./p.m.
  expect(times.some((time) => /^1[3-7]:/.test(time))).toBe(true);
  await check.step('horas');

  await widget.slots().last().click();
  const { startTimeUtc } = await lastWidgetEvent(page, 'mais:slot-selected');
  await widget.expectStep('Tus datos');
  await expect(widget.root.getByText('Los campos marcados con * son obligatorios.')).toBeVisible();
  await widget.field('Nombre').fill('Clara Campoamor');
  await widget.field('Correo electrónico').fill('correo-no-valido');
  // Straight from the invalid field to the button: leaving the field must not move the button from
  // under the pointer (its message appears on release), so the click lands and checks the form.
  await widget.confirmBooking().click();
  await expect(widget.root.getByText('Corrige 1 campo.')).toBeVisible();
  await expect(widget.root.getByText('Escribe un correo como nombre@ejemplo.com.')).toBeVisible();
  await expect(widget.field('Correo electrónico')).toBeFocused();
  await check.step('datos-error');

  await widget.field('Correo electrónico').fill('clara@example.com');
  await check.step('datos');
  await widget.root.getByRole('button', { name: 'Confirmar reserva' }).click();

  await widget.expectStep('Reserva confirmada');
  const when = new Intl.DateTimeFormat('es-ES', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'Europe/Berlin',
  }).format(new Date(String(startTimeUtc)));
  await expect(widget.root.locator('dl.summary')).toContainText(normaliseSpaces(when));
  await expect(widget.root.getByRole('link', { name: 'Descargar .ics (Apple, Outlook)' })).toBeVisible();
  await expect(widget.root.getByRole('button', { name: 'Reservar otra hora' })).toBeVisible();
  await check.step('confirmacion');

  const { appointmentId } = await lastWidgetEvent(page, 'mais:booked');
  expect(await storedAppointment(String(appointmentId))).toMatchObject({
    status: 'CONFIRMED',
    clientName: 'Clara Campoamor',
  });
});
