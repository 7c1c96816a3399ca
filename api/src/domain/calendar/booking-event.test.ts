import { describe, expect, it } from 'vitest';
import { bookingEventFor, sameBookingEvent, type BookingForCalendar } from './booking-event.ts';

const booking: BookingForCalendar = {
  id: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  status: 'CONFIRMED',
  providerId: '11111111-1111-4111-8111-111111111111',
  startTimeUtc: new Date('2027-03-03T09:00:00Z'),
  endTimeUtc: new Date('2027-03-03T10:00:00Z'),
  serviceName: 'Haircut',
  clientName: 'Ada Client',
  clientEmail: 'ada@example.com',
  clientPhone: '+49 30 1234567',
};
const options = { timeZone: 'Europe/Berlin', inviteClient: false };

describe('bookingEventFor', () => {
  it('gives a confirmed booking its event: derived id, summary, booking id and phone', () => {
    expect(bookingEventFor(booking, options)).toEqual({
      id: 'mais6f1c2a8e3b4d4e5f8a9b0c1d2e3f4a5b',
      appointmentId: booking.id,
      summary: '[MAIS] Haircut - Ada Client',
      description: `Booking ${booking.id}\nClient phone: +49 30 1234567`,
      start: booking.startTimeUtc,
      end: booking.endTimeUtc,
      timeZone: 'Europe/Berlin',
      attendee: null,
    });
  });

  it('leaves the phone line out when the client gave none', () => {
    expect(bookingEventFor({ ...booking, clientPhone: null }, options)?.description).toBe(
      `Booking ${booking.id}`,
    );
  });

  it('invites the client only when the tenant asks for it', () => {
    expect(bookingEventFor(booking, { ...options, inviteClient: true })?.attendee).toEqual({
      email: 'ada@example.com',
      name: 'Ada Client',
    });
  });

  it('keeps the event of a completed booking and of a no-show', () => {
    expect(bookingEventFor({ ...booking, status: 'COMPLETED' }, options)).not.toBeNull();
    expect(bookingEventFor({ ...booking, status: 'NO_SHOW' }, options)).not.toBeNull();
  });

  it('gives a hold, a cancelled booking and a booking without a provider no event', () => {
    expect(bookingEventFor({ ...booking, status: 'PENDING' }, options)).toBeNull();
    expect(bookingEventFor({ ...booking, status: 'CANCELLED' }, options)).toBeNull();
    expect(bookingEventFor({ ...booking, providerId: null }, options)).toBeNull();
  });
});

describe('sameBookingEvent', () => {
  it('tells a moved or renamed event from the same one', () => {
    const event = bookingEventFor(booking, options);
    const moved = bookingEventFor({ ...booking, startTimeUtc: new Date('2027-03-03T11:00:00Z') }, options);
    expect(sameBookingEvent(event, bookingEventFor({ ...booking }, options))).toBe(true);
    expect(sameBookingEvent(event, moved)).toBe(false);
    expect(sameBookingEvent(event, null)).toBe(false);
    expect(sameBookingEvent(null, null)).toBe(true);
  });
});
