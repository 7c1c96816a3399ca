import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { startFakePostmark, type FakePostmark } from '../../../test/fakes/postmark/index.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { cardBookings } from '../helpers/card-bookings.ts';
import { connectTenant, fakeStripeEnvironment, type FakeStripe } from '../helpers/fake-stripe.ts';
import { notificationJobs } from '../helpers/notification-jobs.ts';
import { pdfLines } from '../helpers/pdf-text.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// The email after a payment carries the booking's invoice as a PDF (a Postmark attachment): the
// confirmation of a booking paid by card, the payment notice of money taken at the venue.
const { read } = testClock('2027-03-01T07:00:00Z');
let t: TestApp;
let stripe: FakeStripe;
let postmark: FakePostmark;
let tenant: CreatedTenant;
let cardServiceId: string;
let venueServiceId: string;
let jobs: ReturnType<typeof notificationJobs>;

beforeAll(async () => {
  const fake = await fakeStripeEnvironment();
  stripe = fake.stripe;
  postmark = await startFakePostmark();
  t = await buildTestApp({ ...fake.env, PUBLIC_RATE_LIMIT_PER_MINUTE: '100000' }, { clock: read });
  tenant = await createTestTenant(t.db, { name: 'Studio Tres' });
  await connectTenant(t, stripe, tenant);
  ({ serviceId: cardServiceId } = await bookableService(t.app, tenant, {
    service: { name: 'Cut', priceBaseCents: 8000, paymentMode: 'FULL' },
  }));
  ({ serviceId: venueServiceId } = await bookableService(t.app, tenant, {
    service: { name: 'Trim', priceBaseCents: 3000 },
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
beforeEach(() => postmark.clear());

const dispatch = async () => expect((await jobs.dispatch(tenant.tenant.id)).errors).toEqual([]);
const pdfOf = (tag: string) => {
  const message = postmark.messages.find((m) => m.Tag === tag)!;
  return { message, pdf: message.Attachments.find((a) => a.ContentType === 'application/pdf') };
};

describe('the invoice attached to the email after a payment', () => {
  it('a card-paid booking: its confirmation carries the invoice PDF next to the invitation', async () => {
    const { paid } = cardBookings(() => ({ app: t.app, tenant, stripe }));
    const booking = await paid(cardServiceId, '2027-03-10T09:00:00Z');
    await dispatch();
    const invoice = await t.db.invoice.findFirstOrThrow({ where: { appointmentId: booking.id } });
    const { message, pdf } = pdfOf('confirmation');
    expect(message.Attachments.map((a) => a.Name).sort()).toEqual([
      'invite.ics',
      `invoice-${invoice.number}.pdf`,
    ]);
    const lines = await pdfLines(Buffer.from(pdf!.Content, 'base64'));
    expect(lines).toEqual(
      expect.arrayContaining([`Invoice ${invoice.number}`, 'Cut 1 €80.00', 'Total €80.00']),
    );
    // The provider's notice carries no invoice.
    expect(postmark.messages.find((m) => m.Tag === 'provider-booked')!.Attachments).toEqual([]);
  });

  it('money taken at the venue: the payment notice carries it; a booking not paid gets none', async () => {
    const response = await admin(t.app, tenant, {
      method: 'POST',
      url: '/v1/tenant-admin/appointments',
      payload: bookingBody(venueServiceId, '2027-03-11T09:00:00Z'),
    });
    const id = response.json().appointment.id as string;
    await dispatch();
    expect(pdfOf('confirmation').pdf).toBeUndefined();
    postmark.clear();
    await admin(t.app, tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${id}/collect-balance`,
      payload: { method: 'venue' },
    });
    await dispatch();
    const invoice = await t.db.invoice.findFirstOrThrow({ where: { appointmentId: id } });
    const { message, pdf } = pdfOf('payment-received');
    expect(message.Attachments.map((a) => a.Name)).toEqual([`invoice-${invoice.number}.pdf`]);
    const lines = await pdfLines(Buffer.from(pdf!.Content, 'base64'));
    expect(lines).toEqual(
      expect.arrayContaining([`Invoice ${invoice.number}`, 'Trim 1 €30.00', 'Total €30.00']),
    );
  });
});
