import { bookingBody } from '../helpers/booking-fixtures.ts';
import { mulberry32, type Random } from './prng.ts';
import type { Step, StepKind } from './payment-plan.ts';
import { HOUR, Violation, type Booking, type Sequence, type Unanswered } from './payment-sequence.ts';
import { adminCall, publicCall } from './payment-world.ts';

/** What each kind of step does (payment-plan.ts chooses them). */

const BROWSER_STATUSES = ['requires_payment_method', 'requires_confirmation', 'requires_action'];
const intentOf = (clientSecret: string) => clientSecret.split('_secret_')[0]!;
const iso = (date: Date) => date.toISOString().replace('.000Z', 'Z');
const outcomeOf = (status: number) =>
  status < 300 ? 'ok' : status === 409 ? 'refused' : status === 503 ? 'busy' : String(status);

/** Runs one step; returns what it did, for the sequence's log. */
export async function runStep(seq: Sequence, step: Step): Promise<string> {
  const random = mulberry32(step.roll);
  const run = STEPS[step.kind];
  const at = `${iso(seq.now).slice(5, 16)}`;
  const done = await seq.withFault(step.fault, () => run(seq, step, random));
  seq.count(step.kind, done.outcome);
  return `${at} ${step.kind}${step.fault ? ` [${step.fault.pattern} ${step.fault.kind}×${step.fault.times}]` : ''}: ${done.text}`;
}

interface Done {
  text: string;
  outcome: string;
}
type StepRun = (seq: Sequence, step: Step, random: Random) => Promise<Done>;
const skipped = (why: string): Done => ({ text: `skipped (${why})`, outcome: 'skipped' });

function pickBooking(seq: Sequence, step: Step, fits: (booking: Booking) => boolean = () => true) {
  const candidates = seq.bookings.filter(fits);
  return candidates.length === 0 ? null : candidates[step.target % candidates.length]!;
}

function intentStatus(seq: Sequence, booking: Booking): string | undefined {
  const { paymentIntents, setupIntents } = seq.world.stripe.state;
  if (booking.intent) return paymentIntents.find(booking.intent)?.object.status;
  return booking.setupIntent ? setupIntents.find(booking.setupIntent)?.object.status : undefined;
}

async function submitBooking(seq: Sequence, request: Unanswered, viaAdmin: boolean): Promise<Done> {
  const { tenant, service, body, key } = request;
  const options = { method: 'POST' as const, payload: body, headers: { 'idempotency-key': key } };
  const response = viaAdmin
    ? await adminCall(seq.world, tenant, { ...options, url: '/v1/tenant-admin/appointments' })
    : await publicCall(seq.world, tenant, { ...options, url: '/v1/public/appointments' });
  const label = `${viaAdmin ? 'admin ' : ''}${service.label} ${String(body.startTimeUtc)}`;
  const status = seq.expectStatus(`book ${label}`, response, viaAdmin ? [201, 409] : [201, 409, 503]);
  if (status === 503) seq.unanswered.push(request);
  if (status !== 201) return { text: `${label} → ${status}`, outcome: outcomeOf(status) };
  const { appointment, manageToken, payment } = response.json();
  if (!viaAdmin && !payment) throw new Violation(`book ${label}: a paid service answered no payment`);
  if (payment && (payment.kind === 'setup') !== (payment.amountCents === 0))
    throw new Violation(`book ${label}: a ${payment.kind} request of ${payment.amountCents}`);
  const existing = seq.bookings.find((booking) => booking.id === appointment.id);
  if (existing) return { text: `${label} → 201, the same booking ${existing.name}`, outcome: 'ok' };
  const booking: Booking = {
    name: `b${seq.bookings.length}`,
    tenant,
    service,
    id: appointment.id,
    token: manageToken,
    intent: payment?.kind === 'payment' ? intentOf(payment.clientSecret) : null,
    setupIntent: payment?.kind === 'setup' ? intentOf(payment.clientSecret) : null,
    start: new Date(appointment.startTimeUtc),
  };
  seq.bookings.push(booking);
  return { text: `${label} → 201 ${booking.name} ${appointment.status}`, outcome: 'ok' };
}

async function cancel(seq: Sequence, booking: Booking, actor: 'client' | 'admin'): Promise<Done> {
  const response =
    actor === 'client'
      ? await publicCall(seq.world, booking.tenant, {
          method: 'POST',
          url: `/v1/public/appointments/${booking.id}/cancel`,
          headers: { 'x-manage-token': booking.token },
          payload: {},
        })
      : await adminCall(seq.world, booking.tenant, {
          method: 'POST',
          url: `/v1/tenant-admin/appointments/${booking.id}/cancel`,
          payload: { reason: 'property test' },
        });
  const status = seq.expectStatus(`cancel ${booking.name} as ${actor}`, response, [200, 409]);
  const after = status === 200 ? ` ${response.json().status}/${response.json().paymentStatus}` : '';
  const before = `${((booking.start.getTime() - seq.now.getTime()) / HOUR).toFixed(1)} h before`;
  return { text: `${booking.name} as ${actor}, ${before} → ${status}${after}`, outcome: outcomeOf(status) };
}

async function confirm(seq: Sequence, booking: Booking): Promise<Done> {
  const response = await publicCall(seq.world, booking.tenant, {
    method: 'POST',
    url: `/v1/public/appointments/${booking.id}/confirm-payment`,
    headers: { 'x-manage-token': booking.token },
  });
  const status = seq.expectStatus(`confirm-payment ${booking.name}`, response, [200, 503]);
  const after = status === 200 ? ` ${response.json().status}/${response.json().paymentStatus}` : '';
  return { text: `${booking.name} → ${status}${after}`, outcome: outcomeOf(status) };
}

/** Delivers part of what is queued (or all of it), sometimes twice and shuffled. */
export async function deliverSome(seq: Sequence, random: Random, all = false): Promise<Done> {
  seq.collectEvents();
  const now = all ? seq.queue : seq.queue.filter(() => random.chance(0.75));
  seq.queue = seq.queue.filter((event) => !now.includes(event));
  const again = all || random.chance(0.5) ? seq.redeliver : [];
  seq.stats.redelivered += again.length;
  const events = [...now, ...again.filter((event) => !now.includes(event))];
  const duplicate = random.chance(0.5);
  const shuffle = random.chance(0.7) ? random.int(1, 1_000_000) : false;
  const { delivered, busy } = await seq.deliver(events, { duplicate, shuffle });
  const how = `${duplicate ? 'twice' : 'once'}${shuffle === false ? '' : `, shuffled ${shuffle}`}`;
  const types = events.map((event) => event.type.replace('payment_intent.', 'pi.')).join(' ');
  return {
    text: `${events.length} events (${types}) ${how}: ${delivered} deliveries, ${busy} × 503`,
    outcome: busy > 0 ? 'busy' : 'ok',
  };
}

const STEPS: Record<StepKind, StepRun> = {
  async book(seq, _step, random) {
    if (seq.unanswered.length > 0 && random.chance(0.6)) {
      return submitBooking(seq, seq.unanswered.shift()!, false);
    }
    const tenant = random.pick(seq.world.tenants);
    const service = random.pick(tenant.services);
    const starts = seq.freeStarts(tenant);
    if (starts.length === 0) return skipped('no time left in the window');
    const body = bookingBody(service.id, iso(random.pick(starts)));
    return submitBooking(seq, { tenant, service, body, key: seq.nextKey() }, random.chance(0.15));
  },

  async pay(seq, step, random) {
    const booking = pickBooking(seq, step, (b) => BROWSER_STATUSES.includes(intentStatus(seq, b) ?? ''));
    if (!booking) return skipped('nothing to pay');
    // Some cards are saved fine and declined when charged later (a no-show fee, a balance).
    const paymentMethod = random.pick(['pm_card_visa', 'pm_card_mastercard', 'pm_card_chargeCustomerFail']);
    if (booking.setupIntent) {
      seq.world.stripe.succeedSetupIntent(booking.setupIntent, { paymentMethod });
      return { text: `${booking.name} saved ${paymentMethod} in the browser`, outcome: 'ok' };
    }
    seq.world.stripe.succeedPaymentIntent(booking.intent!, {
      paymentMethod: paymentMethod === 'pm_card_chargeCustomerFail' ? 'pm_card_visa' : paymentMethod,
    });
    return { text: `${booking.name} paid in the browser`, outcome: 'ok' };
  },

  async decline(seq, step) {
    const booking = pickBooking(seq, step, (b) => BROWSER_STATUSES.includes(intentStatus(seq, b) ?? ''));
    if (!booking) return skipped('nothing to pay');
    const declined = await seq.world.dashboard.paymentIntents
      .confirm(
        booking.intent!,
        { payment_method: 'pm_card_chargeDeclined' },
        { stripeAccount: booking.tenant.account },
      )
      .then(
        () => false,
        () => true,
      );
    if (!declined) throw new Violation(`decline ${booking.name}: the fake accepted a declining card`);
    return { text: `${booking.name} declined in the browser`, outcome: 'ok' };
  },

  async confirm(seq, step) {
    const booking = pickBooking(seq, step, (b) => b.intent !== null || b.setupIntent !== null);
    return booking ? confirm(seq, booking) : skipped('no card booking');
  },

  deliver: (seq, _step, random) => deliverSome(seq, random),

  async tick(seq, _step, random) {
    const minutes = seq.tick(random.pick([3, 11, 50, 240, 720, 1500, 2900]));
    return { text: `clock +${minutes} min`, outcome: 'ok' };
  },

  async cancelClient(seq, step) {
    const booking = pickBooking(seq, step);
    return booking ? cancel(seq, booking, 'client') : skipped('no booking');
  },

  async cancelAdmin(seq, step) {
    const booking = pickBooking(seq, step);
    return booking ? cancel(seq, booking, 'admin') : skipped('no booking');
  },

  async reschedule(seq, step, random) {
    const booking = pickBooking(seq, step);
    if (!booking) return skipped('no booking');
    const starts = seq
      .freeStarts(booking.tenant)
      .filter((start) => start.getTime() !== booking.start.getTime());
    if (starts.length === 0) return skipped('no time left in the window');
    const to = random.pick(starts);
    const asClient = random.chance(0.6);
    const options = { method: 'POST' as const, payload: { startTimeUtc: iso(to) } };
    const response = asClient
      ? await publicCall(seq.world, booking.tenant, {
          ...options,
          url: `/v1/public/appointments/${booking.id}/reschedule`,
          headers: { 'x-manage-token': booking.token },
        })
      : await adminCall(seq.world, booking.tenant, {
          ...options,
          url: `/v1/tenant-admin/appointments/${booking.id}/reschedule`,
        });
    const status = seq.expectStatus(`reschedule ${booking.name}`, response, [200, 409]);
    if (status === 200) booking.start = to;
    const who = asClient ? 'client' : 'admin';
    return { text: `${booking.name} by ${who} to ${iso(to)} → ${status}`, outcome: outcomeOf(status) };
  },

  async noShow(seq, step, random) {
    const booking = pickBooking(seq, step);
    if (!booking) return skipped('no booking');
    const wait = Math.ceil((booking.start.getTime() - seq.now.getTime()) / 60_000) + random.int(1, 90);
    const moved = wait > 0 ? seq.tick(wait) : 0;
    const response = await adminCall(seq.world, booking.tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${booking.id}/no-show`,
    });
    const status = seq.expectStatus(`no-show ${booking.name}`, response, [200, 409]);
    return { text: `${booking.name} (clock +${moved} min) → ${status}`, outcome: outcomeOf(status) };
  },

  async dashboardRefund(seq, step, random) {
    const refundable = (b: Booking) => {
      const charge = seq.charge(b);
      return !!charge && !charge.disputed && charge.amount > charge.amount_refunded;
    };
    const booking = pickBooking(seq, step, refundable);
    if (!booking) return skipped('no refundable charge');
    const charge = seq.charge(booking)!;
    const left = charge.amount - charge.amount_refunded;
    const amount = random.chance(0.5) ? left : random.int(1, left);
    const refused = await seq.world.dashboard.refunds
      .create({ payment_intent: booking.intent!, amount }, { stripeAccount: booking.tenant.account })
      .then(
        () => null,
        (error: Error) => error.message,
      );
    return {
      text: `${booking.name} ${amount} of ${left} ${charge.currency}${refused ? ` refused: ${refused}` : ''}`,
      outcome: refused ? 'refused' : 'ok',
    };
  },

  async collectCard(seq, step) {
    const booking = pickBooking(seq, step);
    if (!booking) return skipped('no booking');
    const response = await adminCall(seq.world, booking.tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${booking.id}/collect-balance`,
      payload: { method: 'card' },
    });
    const status = seq.expectStatus(
      `collect-balance by card ${booking.name}`,
      response,
      [200, 402, 409, 503],
    );
    const after = status === 200 ? ` ${response.json().status}/${response.json().paymentStatus}` : '';
    return { text: `${booking.name} → ${status}${after}`, outcome: outcomeOf(status) };
  },

  async refundAdmin(seq, step, random) {
    // Bookings whose card payment we recorded (a charge Stripe made and we have not heard of yet
    // cannot be refunded from here: 400, nothing left by card).
    const paid = await seq.world.t.db.payment.findMany({
      where: {
        appointmentId: { in: seq.bookings.map((b) => b.id) },
        status: 'SUCCEEDED',
        stripePaymentIntentId: { not: null },
      },
      select: { appointmentId: true, amountCents: true },
    });
    const booking = pickBooking(seq, step, (b) => paid.some((p) => p.appointmentId === b.id));
    if (!booking) return skipped('no recorded card payment');
    const total = paid
      .filter((p) => p.appointmentId === booking.id)
      .reduce((sum, p) => sum + p.amountCents, 0);
    const amountCents = random.pick([1, Math.ceil(total / 3), total, total + 1]);
    const response = await adminCall(seq.world, booking.tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${booking.id}/refund`,
      payload: { amountCents, reason: 'property test goodwill' },
    });
    const status = seq.expectStatus(`refund ${booking.name}`, response, [200, 400, 409, 503]);
    const after = status === 200 ? ` ${response.json().paymentStatus}` : '';
    return {
      text: `${booking.name} ${amountCents} of ${total} → ${status}${after}`,
      outcome: outcomeOf(status),
    };
  },

  async collectVenue(seq, step) {
    const booking = pickBooking(seq, step);
    if (!booking) return skipped('no booking');
    const response = await adminCall(seq.world, booking.tenant, {
      method: 'POST',
      url: `/v1/tenant-admin/appointments/${booking.id}/collect-balance`,
      payload: { method: 'venue' },
    });
    const status = seq.expectStatus(`collect-balance ${booking.name}`, response, [200, 409]);
    const after = status === 200 ? ` ${response.json().status}/${response.json().paymentStatus}` : '';
    return { text: `${booking.name} → ${status}${after}`, outcome: outcomeOf(status) };
  },

  async dispute(seq, step) {
    const booking = pickBooking(seq, step, (b) => {
      const charge = seq.charge(b);
      return !!charge && !charge.disputed && charge.amount > charge.amount_refunded;
    });
    if (!booking) return skipped('no charge to dispute');
    const dispute = seq.world.stripe.createDispute(seq.charge(booking)!.id);
    return { text: `${booking.name} disputed ${dispute.amount} ${dispute.currency}`, outcome: 'ok' };
  },

  async race(seq, step, random) {
    const booking = pickBooking(seq, step);
    if (!booking) return skipped('no booking');
    const withCancel = booking.intent === null || random.chance(0.5);
    const [delivered, other] = await Promise.all([
      deliverSome(seq, random, true),
      withCancel ? cancel(seq, booking, 'client') : confirm(seq, booking),
    ]);
    return {
      text: `webhooks ‖ ${withCancel ? 'cancel' : 'confirm'}: ${delivered.text}; ${other.text}`,
      outcome: other.outcome,
    };
  },
};
