import type { Provider } from '@mais/sdk';
import { describe, expect, it } from 'vitest';
import { bookingBody, providersFor, utcInstant, type BookingDraft } from './booking-form.ts';

const draft: BookingDraft = {
  serviceId: 's1',
  providerId: 'p1',
  date: '2027-03-28',
  time: '09:30',
  name: ' Ada King ',
  email: 'ada@example.com',
  phone: '',
  overrideRules: true,
};

describe('bookingBody', () => {
  it("reads the wall time in the business's zone, also on a day clocks change", () => {
    expect(bookingBody(draft, 'Europe/Berlin')).toEqual({
      body: {
        serviceId: 's1',
        providerId: 'p1',
        startTimeUtc: '2027-03-28T07:30:00Z',
        client: { name: 'Ada King', email: 'ada@example.com' },
        clientTimezone: 'Europe/Berlin',
        overrideRules: true,
      },
    });
  });

  it('names every missing or malformed field', () => {
    const result = bookingBody(
      { ...draft, serviceId: '', providerId: '', time: '', name: ' ', email: 'nope', phone: 'call me' },
      'Europe/Berlin',
    );
    expect(Object.keys('problems' in result ? result.problems : {}).sort()).toEqual(
      ['email', 'name', 'phone', 'providerId', 'serviceId', 'time'].sort(),
    );
  });

  it('keeps a phone number when given', () => {
    const result = bookingBody({ ...draft, phone: '+49 30 123456' }, 'Europe/Berlin');
    expect('body' in result && result.body.client.phone).toBe('+49 30 123456');
  });
});

describe('providersFor', () => {
  const provider = (id: string, services: string[], active = true) =>
    ({
      id,
      active,
      services: services.map((serviceId) => ({ serviceId, priceOverrideCents: null })),
    }) as unknown as Provider;

  it('offers the active providers of the service', () => {
    const all = [provider('a', ['s1']), provider('b', ['s2']), provider('c', ['s1'], false)];
    expect(providersFor(all, 's1').map((p) => p.id)).toEqual(['a']);
    expect(providersFor(all, '').map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('utcInstant', () => {
  it('drops the milliseconds', () => {
    expect(utcInstant(new Date('2027-01-05T08:00:00.000Z'))).toBe('2027-01-05T08:00:00Z');
  });
});
