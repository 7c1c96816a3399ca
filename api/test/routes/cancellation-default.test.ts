import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, bookingRequests, testClock } from '../helpers/booking-fixtures.ts';
import { buildTestApp, createTestTenant, publicRequest, type TestApp } from '../helpers/test-app.ts';

// A tenant that set no cancellation policy gets the platform's default tiers:
// more than 48 h before, free; from 48 h to 24 h, half the price; under 24 h, all of it.
// Now: Monday 1 March 2027, 07:00Z. Bookings at 10:00Z on later days.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let tenant: CreatedTenant;
let serviceId: string;

beforeAll(async () => {
  t = await buildTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }, { clock: read });
  tenant = await createTestTenant(t.db);
  ({ serviceId } = await bookableService(t.app, tenant, { service: { priceBaseCents: 3333 } }));
});
afterAll(() => t.close());

const { book } = bookingRequests(() => ({ app: t.app, tenant }));

async function termsAt(start: string, now: string) {
  clock.now = new Date('2027-03-01T07:00:00Z');
  const { appointment, manageToken } = (await book(bookingBody(serviceId, start))).json();
  clock.now = new Date(now);
  const response = await publicRequest(t.app, tenant, {
    method: 'GET',
    url: `/v1/public/appointments/${appointment.id}/cancellation`,
    headers: { 'x-manage-token': manageToken },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('the default cancellation policy (the tenant set none)', () => {
  it.each([
    ['more than 48 h before: free', '2027-03-05T10:00:00Z', '2027-03-03T09:59:00Z', 0, null],
    ['exactly 48 h before: still free', '2027-03-06T10:00:00Z', '2027-03-04T10:00:00Z', 0, null],
    ['one minute under 48 h: half', '2027-03-07T10:00:00Z', '2027-03-05T10:01:00Z', 1667, 48],
    ['exactly 24 h before: half', '2027-03-08T10:00:00Z', '2027-03-07T10:00:00Z', 1667, 48],
    ['one minute under 24 h: all of it', '2027-03-09T10:00:00Z', '2027-03-08T10:01:00Z', 3333, 24],
  ])('%s', async (_name, start, now, feeCents, tierHours) => {
    const terms = await termsAt(start, now);
    expect(terms.feeCents).toBe(feeCents);
    expect(terms.tier?.hoursBeforeStart ?? null).toBe(tierHours);
    // Nothing was paid (no payments yet): a fee is owed, nothing refunded.
    expect(terms).toMatchObject({ paidCents: 0, refundCents: 0, amountDueCents: feeCents });
  });
});
