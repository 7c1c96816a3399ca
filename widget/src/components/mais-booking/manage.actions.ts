import { dateInZone } from '../../dates/zones.ts';
import { MaisCancelledEvent, MaisReadyEvent, MaisRescheduledEvent } from '../../events/events.ts';
import { withoutManageLink } from '../../manage-link.ts';
import type { MaisBooking } from './mais-booking.component.ts';
import { confirmReturn } from './payment.actions.ts';

/** What the manage view does: the booking of a manage link, rescheduling and cancelling it. */

export async function loadManage(host: MaisBooking, appointmentId: string): Promise<void> {
  const loaded = await host.catalog.run(() =>
    Promise.all([
      host.sdk.tenant.retrieve(),
      host.sdk.services.list(),
      host.sdk.appointments.retrieve(appointmentId, host.token),
    ]),
  );
  if (!loaded) return;
  const [tenant, { data: services }, appointment] = loaded;
  Object.assign(host, { tenant, services, appointment, providerId: appointment.providerId });
  host.chosen = services.find((service) => service.id === appointment.serviceId) ?? null;
  host.go('manage', false);
  host.dispatchEvent(new MaisReadyEvent({ mode: 'manage' }));
  // Back from a payment method that left the page: Stripe added the intent's client secret.
  if (/[?&](payment|setup)_intent_client_secret=/.test(location.search)) void confirmReturn(host);
}

/** The slot picker, opened at the booking's month: a new time is usually near the old one. */
export function startReschedule(host: MaisBooking): void {
  host.day = null;
  host.pickedSlot = null;
  const booked = dateInZone(new Date(host.appointment!.startTimeUtc), host.zone);
  host.openCalendar(true, (booked > host.today ? booked : host.today).slice(0, 7));
}

export async function reschedule(host: MaisBooking): Promise<void> {
  const previous = host.appointment!;
  const moved = await host.submit.run(() =>
    host.sdk.appointments.reschedule(previous.id, {
      token: host.token,
      startTimeUtc: host.pickedSlot!.startTimeUtc,
    }),
  );
  if (!moved) return host.afterFailedChange();
  host.appointment = moved;
  host.go('manage', true, host.l10n.t.rescheduledNotice);
  host.dispatchEvent(
    new MaisRescheduledEvent({
      appointmentId: moved.id,
      previousStartTimeUtc: previous.startTimeUtc,
      startTimeUtc: moved.startTimeUtc,
    }),
  );
}

/** The cancel step, with what the cancellation policy would charge or refund. */
export function startCancel(host: MaisBooking): void {
  host.submit.reset();
  host.go('cancel');
  void loadCancellation(host);
}

export async function loadCancellation(host: MaisBooking): Promise<void> {
  host.cancellation = null;
  const id = host.appointment!.id;
  const preview = await host.cancellationRequest.run((signal) =>
    host.sdk.appointments.cancellationPreview(id, host.token, { signal }),
  );
  if (preview) host.cancellation = preview;
}

export async function cancel(host: MaisBooking): Promise<void> {
  const cancelled = await host.submit.run(() =>
    host.sdk.appointments.cancel(host.appointment!.id, host.token, { reason: host.cancelReason.trim() }),
  );
  if (!cancelled) return;
  host.appointment = cancelled;
  host.go('manage', true, host.l10n.t.cancelledNotice);
  host.dispatchEvent(new MaisCancelledEvent({ appointmentId: cancelled.id }));
}

/** From a cancelled or past booking: a new booking, and the manage link leaves the address bar. */
export function startOver(host: MaisBooking): void {
  history.replaceState(history.state, '', withoutManageLink(location.href));
  host.mode = 'booking';
  host.appointment = null;
  host.token = '';
  host.bookAgain();
}
