import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { startFakePostmark, type FakePostmark } from '../../../test/fakes/postmark/index.ts';
import { bookableService, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { invitationOf } from '../helpers/invitations.ts';
import { notificationJobs } from '../helpers/notification-jobs.ts';
import { buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// Card bookings: a hold is confirmed by its payment (HELD, then PAID), and a cancellation tells
// what comes back. No ENCRYPTION_KEY here: links carry no token and say so. Now: Monday 1 March
// 2027, 07:00Z; the default policy refunds everything until 48 h before.
const { clock, read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let stripe: FakeStripe;
let postmark: FakePostmark;
let tenant: CreatedTenant;
let serviceId: string;
let jobs: ReturnType<typeof notificationJobs>;

beforeAll(async () => {
  const fake = await fakeStripeEnvironment();
  stripe = fake.stripe;
  postmark = await startFakePostmark();
  t = await buildTestApp({ ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }, { clock: read });
  tenant = await createTestTenant(t.db, { name: 'Studio Ana' });
  await connectTenant(t, stripe, tenant);
  await t.db.tenant.update({
    where: { id: tenant.tenant.id },
    data: { bookingPageUrl: 'https://studio.example/book' },
  });
  ({ serviceId } = await bookableService(t.app, tenant, {
    service: { name: 'Cut', priceBaseCents: 8000, paymentMode: 'FULL' },
  }));
  jobs = notificationJobs(
    t.db,
    {
      POSTMARK_SERVER_TOKEN: postmark.token,
      POSTMARK_API_BASE: postmark.url,
      POSTMARK_FROM: 'bookings@mais.example',
    },
    read,
  );
});
afterAll(async () => {
  await t.close();
  await stripe.close();
  await postmark.close();
});
beforeEach(() => {
  postmark.clear();
  clock.now = new Date('2027-03-01T07:00:00Z');
});

const { held, paid, cancel } = cardBookings(() => ({ app: t.app, tenant, stripe }));
const dispatch = async () => expect((await jobs.dispatch(tenant.tenant.id)).errors).toEqual([]);
const kinds = () => postmark.messages.map((m) => m.Tag).sort();

describe('a booking paid by card', () => {
  it('a hold sends nothing; its payment confirms it: one confirmation, saying it is paid', async () => {
    const booking = await held(serviceId, '2027-03-10T09:00:00Z');
    await dispatch();
    expect(postmark.messages).toEqual([]);
    stripe.succeedPaymentIntent(booking.intent);
    const { confirm } = cardBookings(() => ({ app: t.app, tenant, stripe }));
    await confirm(booking.id, booking.token);
    await dispatch();
    expect(kinds()).toEqual(['confirmation', 'provider-booked']);
    const confirmation = postmark.messages.find((m) => m.Tag === 'confirmation')!;
    expect(confirmation.TextBody).toContain('Price: €80.00');
    expect(confirmation.TextBody).toContain('Paid: €80.00');
    expect(confirmation.TextBody).not.toContain('Due at the appointment');
    // No ENCRYPTION_KEY: the link opens the booking page, without a token, and the email says so.
    expect(confirmation.TextBody).toContain(`https://studio.example/book?mais-appointment=${booking.id}`);
    expect(confirmation.TextBody).not.toContain('mais-token');
    expect(confirmation.TextBody).toContain('open the link you were given when you booked');
  });

  it('a cancellation names what is refunded to the card', async () => {
    const booking = await paid(serviceId, '2027-03-11T09:00:00Z');
    await dispatch();
    postmark.clear();
    const response = await cancel(booking.id, booking.token);
    expect(response.json()).toMatchObject({ status: 'CANCELLED' });
    await dispatch();
    expect(kinds()).toEqual(['cancellation', 'provider-cancelled']);
    const cancellation = postmark.messages.find((m) => m.Tag === 'cancellation')!;
    expect(cancellation.TextBody).toContain('€80.00 will be refunded to your card');
    expect(invitationOf(cancellation)).toMatchObject({ method: 'CANCEL', sequence: 1 });
  });

  it('a hold that expires unpaid sends nothing', async () => {
    await held(serviceId, '2027-03-12T09:00:00Z');
    clock.now = new Date('2027-03-01T08:00:00Z');
    // The next booking of that time releases the expired hold (CANCELLED, hold_expired).
    const again = await held(serviceId, '2027-03-12T09:00:00Z');
    expect(again.id).toBeDefined();
    await dispatch();
    expect(postmark.messages).toEqual([]);
  });
});
