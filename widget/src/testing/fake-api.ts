/**
 * A fake of the public API for component tests: a `fetch` that answers the SDK's requests from
 * fixtures, records them, and lets a test replace any route's answer. The widget runs against the
 * real SDK (errors, retries off), only the network is fake.
 */
import {
  MaisClient,
  type Appointment,
  type AvailableSlot,
  type CancellationPreview,
  type PublicService,
  type PublicTenant,
} from '@mais/sdk';
import { addMonths } from '../dates/calendar-dates.ts';

export const IDS = {
  haircut: '11111111-1111-4111-8111-111111111111',
  consult: '22222222-2222-4222-8222-222222222222',
  ana: '33333333-3333-4333-8333-333333333333',
  ben: '44444444-4444-4444-8444-444444444444',
  appointment: '55555555-5555-4555-8555-555555555555',
  fields: {
    text: 'a0000000-0000-4000-8000-000000000001',
    textarea: 'a0000000-0000-4000-8000-000000000002',
    select: 'a0000000-0000-4000-8000-000000000003',
    checkbox: 'a0000000-0000-4000-8000-000000000004',
    date: 'a0000000-0000-4000-8000-000000000005',
    phone: 'a0000000-0000-4000-8000-000000000006',
    email: 'a0000000-0000-4000-8000-000000000007',
  },
} as const;

export const TOKEN = 'mtok_abcdefghijklmnopqrstuvwxyz';

/**
 * The booking answer's `payment` with FakeApi#cardPayments: the deposit of the consultation. Without
 * `kind`, as servers from before no-show fees answer (a payment); with a no-show fee it is added.
 */
export const PAYMENT = {
  clientSecret: 'pi_fake_secret_abcdefghijklmnop',
  publishableKey: 'pk_test_platform',
  stripeAccount: 'acct_1FakeSalon',
  amountCents: 2000,
  currency: 'EUR',
} as const;

/** The answer's `payment` for a service with nothing to pay now but a no-show fee: a SetupIntent's. */
export const SETUP = {
  ...PAYMENT,
  clientSecret: 'seti_fake_secret_abcdefghijklmnop',
  amountCents: 0,
  kind: 'setup',
} as const;

export const tenant: PublicTenant = {
  name: 'Studio Sol',
  timezone: 'Europe/Madrid',
  currency: 'EUR',
  branding: {},
};

const field = (
  id: string,
  label: string,
  fieldType: PublicService['intakeFields'][number]['fieldType'],
  required: boolean,
  sortOrder: number,
  options: string[] = [],
) => ({ id, label, fieldType, required, options, placeholder: null, sortOrder });

export const haircut: PublicService = {
  id: IDS.haircut,
  name: 'Haircut',
  description: 'Wash, cut and style.',
  durationMinutes: 30,
  capacity: 1,
  priceBaseCents: 2500,
  currency: 'EUR',
  paymentMode: 'NONE',
  depositCents: null,
  depositPercent: null,
  noShowFeeCents: null,
  noShowFeePercent: null,
  sortOrder: 0,
  dueAtBookingCents: 0,
  providers: [
    { id: IDS.ana, name: 'Ana', priceCents: 2500, dueAtBookingCents: 0 },
    { id: IDS.ben, name: 'Ben', priceCents: 3000, dueAtBookingCents: 0 },
  ],
  intakeFields: [
    field(IDS.fields.textarea, 'Anything we should know?', 'TEXTAREA', false, 1),
    field(IDS.fields.text, 'Hair type', 'TEXT', true, 0),
    field(IDS.fields.select, 'Length', 'SELECT', true, 2, ['Short', 'Long']),
    field(IDS.fields.checkbox, 'I accept the terms', 'CHECKBOX', true, 3),
    field(IDS.fields.date, 'Birthday', 'DATE', false, 4),
    field(IDS.fields.phone, 'Emergency phone', 'PHONE', false, 5),
    field(IDS.fields.email, 'Invoice email', 'EMAIL', false, 6),
  ],
  location: null,
};

export const consultation: PublicService = {
  ...haircut,
  id: IDS.consult,
  name: 'Consultation',
  description: '',
  durationMinutes: 60,
  priceBaseCents: 8000,
  paymentMode: 'DEPOSIT',
  depositCents: 2000,
  sortOrder: 1,
  dueAtBookingCents: 2000,
  providers: [{ id: IDS.ana, name: 'Ana', priceCents: 8000, dueAtBookingCents: 2000 }],
  intakeFields: [],
};

/** Slots of a day, in UTC: 09:00, 09:30 and 14:00 (the tests show times in UTC). */
export function slotsOf(day: string): AvailableSlot[] {
  return ['09:00', '09:30', '14:00'].map((time) => {
    const start = `${day}T${time}:00Z`;
    return {
      startTimeUtc: start,
      endTimeUtc: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
      localStart: start,
      providerIds: [IDS.ana],
      seatsLeft: 1,
    };
  });
}

export function appointmentAt(startTimeUtc: string, overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: IDS.appointment,
    serviceId: IDS.haircut,
    providerId: IDS.ana,
    resourceId: null,
    status: 'CONFIRMED',
    startTimeUtc,
    endTimeUtc: new Date(Date.parse(startTimeUtc) + 30 * 60_000).toISOString(),
    clientTimezone: 'UTC',
    locale: 'en',
    seats: 1,
    client: { name: 'Lucía', email: 'lucia@example.com', phone: null },
    holdExpiresAt: null,
    paymentStatus: 'NOT_REQUIRED',
    currency: 'EUR',
    totalAmountCents: 2500,
    depositAmountCents: 0,
    noShowFeeCents: 0,
    amountDueCents: 2500,
    cardOnFile: false,
    rescheduledFromId: null,
    intake: [],
    createdAt: '2026-01-01T00:00:00Z',
    confirmedAt: '2026-01-01T00:00:00Z',
    cancelledAt: null,
    completedAt: null,
    ...overrides,
  };
}

/** What cancelling costs under a policy: by default nothing (no tier applies). */
export function cancellationOf(overrides: Partial<CancellationPreview> = {}): CancellationPreview {
  return {
    appointmentId: IDS.appointment,
    currency: 'EUR',
    hoursBeforeStart: 72,
    tier: null,
    feeCents: 0,
    paidCents: 0,
    refundCents: 0,
    amountDueCents: 0,
    // Rescheduling is allowed until the start (the API's rescheduleAllowedUntil, null).
    rescheduleAllowedUntil: null,
    ...overrides,
  };
}

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}

export type Answer = { status: number; body: unknown } | 'network-error';
type Handler = (call: Call) => Answer | Promise<Answer>;

export const json = (body: unknown, status = 200): Answer => ({ status, body });
export const apiError = (status: number, code: string, message = code): Answer => ({
  status,
  body: { error: { code, message } },
});

/** A month "YYYY-MM" → its days with times; by default the 10th, 11th and 20th of every month. */
export type DatesOf = (month: string) => string[];

export class FakeApi {
  readonly calls: Call[] = [];
  datesOf: DatesOf = (month) => [`${month}-10`, `${month}-11`, `${month}-20`];
  slotsOf: (day: string) => AvailableSlot[] = slotsOf;
  services: PublicService[] = [haircut, consultation];
  tenant: PublicTenant = tenant;
  appointment: Appointment = appointmentAt('2099-03-10T09:00:00Z');
  cancellation: CancellationPreview = cancellationOf();
  /**
   * The business takes cards: a paid service's booking answers with `payment` (for Stripe.js) and
   * is held for `holdMs` from now, and POST …/confirm-payment confirms it (as the API does once
   * Stripe says the payment succeeded). So is a service with a no-show fee: a paid one's `payment`
   * has `kind: 'payment'`, one with nothing to pay now is SETUP (the card only saved); confirmed,
   * the card is on file.
   */
  cardPayments = false;
  /** booking-page's `cardPayments`: false for a business whose clients pay at the appointment. */
  takesCards = true;
  holdMs = 10 * 60_000;
  /** The last booking held for a card payment (cardPayments). */
  held: Appointment | null = null;
  /** Route overrides, by "METHOD /path" with ids as they are. */
  readonly overrides = new Map<string, Handler>();

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const call: Call = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init.headers),
    };
    this.calls.push(call);
    const override = this.overrides.get(`${call.method} ${call.path}`);
    const answer = await (override ?? ((c: Call) => this.answer(c)))(call);
    if (answer === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  };

  client(): MaisClient {
    return new MaisClient({
      publishableKey: 'pk_test_widget',
      baseUrl: 'https://api.test',
      fetch: this.fetch,
      maxRetries: 0,
    });
  }

  on(route: string, handler: Handler): this {
    this.overrides.set(route, handler);
    return this;
  }

  callsTo(method: string, pathEnd: string): Call[] {
    return this.calls.filter((call) => call.method === method && call.path.endsWith(pathEnd));
  }

  /** The last day of the booking window, "YYYY-MM-DD" (default: far ahead). */
  lastBookableDate = '2099-12-31';

  /** GET /v1/public/booking-page, as the API builds it from the same fixtures as the other routes. */
  private bookingPage(query: URLSearchParams): Answer {
    const timezone = query.get('timezone')!;
    const serviceId = query.get('serviceId');
    const service = serviceId
      ? this.services.find((candidate) => candidate.id === serviceId)
      : this.services.length === 1
        ? this.services[0]
        : undefined;
    if (serviceId && !service) return apiError(404, 'not_found', `Service ${serviceId} not found.`);
    const only = query.get('only') === 'schedule';
    let schedule = null;
    if (service) {
      const providerId = service.providers.some((p) => p.id === query.get('providerId'))
        ? query.get('providerId')
        : null;
      // Every day of datesOf counts, past ones too: tests pick days of this month whatever today is.
      const asked = query.get('month') ?? new Date().toISOString().slice(0, 7);
      const open = (month: string) => this.datesOf(month).filter((date) => date <= this.lastBookableDate);
      let month = asked;
      let firstOpenDate: string | null = null;
      for (let i = 0; i <= 6 && month <= this.lastBookableDate.slice(0, 7); i++) {
        firstOpenDate = open(month)[0] ?? null;
        if (firstOpenDate) break;
        month = addMonths(month, 1);
      }
      const shown = query.get('month') || !firstOpenDate ? asked : firstOpenDate.slice(0, 7);
      const inMonth = firstOpenDate?.startsWith(shown) ? firstOpenDate : null;
      schedule = {
        serviceId: service.id,
        providerId,
        timezone,
        month: shown,
        dates: open(shown),
        firstOpenDate,
        slots: inMonth ? this.slotsOf(inMonth) : [],
        lastBookableDate: this.lastBookableDate,
      };
    }
    return json({
      tenant: only ? null : this.tenant,
      services: only ? null : this.services,
      cardPayments: this.takesCards,
      schedule,
    });
  }

  /** The fake's own answer (overrides can fall back to it). */
  answer(call: Call): Answer {
    const { method, path, query } = call;
    if (method === 'GET' && path === '/v1/public/booking-page') return this.bookingPage(query);
    if (method === 'GET' && path === '/v1/public/tenant') return json(this.tenant);
    if (method === 'GET' && path === '/v1/public/services')
      return json({ data: this.services, nextCursor: null });
    const availability = path.match(/^\/v1\/public\/services\/([^/]+)\/availability(\/dates)?$/);
    if (method === 'GET' && availability) {
      const timezone = query.get('timezone')!;
      if (availability[2]) {
        const month = query.get('month')!;
        return json({ timezone, month, dates: this.datesOf(month) });
      }
      return json({ timezone, slots: this.slotsOf(query.get('startDate')!) });
    }
    if (method === 'POST' && path === '/v1/public/appointments') {
      const body = call.body as {
        serviceId: string;
        startTimeUtc: string;
        seats?: number;
        client: { name: string; email: string; phone?: string };
      };
      const service = this.services.find((candidate) => candidate.id === body.serviceId);
      const paid = service?.paymentMode !== 'NONE';
      const total = paid ? 8000 : 2500;
      // As api/src/domain/appointments/pricing.ts: a fixed fee per seat, or a share rounded half up.
      const fixed = service?.noShowFeeCents ?? null;
      const percent = service?.noShowFeePercent ?? null;
      const noShowFeeCents =
        fixed !== null
          ? fixed * (body.seats ?? 1)
          : percent !== null
            ? Math.floor((total * percent + 50) / 100)
            : 0;
      const appointment = appointmentAt(body.startTimeUtc, {
        serviceId: body.serviceId,
        client: { ...body.client, phone: body.client.phone ?? null },
        noShowFeeCents,
        ...(paid
          ? {
              status: 'PENDING',
              paymentStatus: 'AWAITING_PAYMENT',
              totalAmountCents: 8000,
              depositAmountCents: 2000,
              amountDueCents: 8000,
              holdExpiresAt: new Date(Date.parse(body.startTimeUtc) - 3600_000).toISOString(),
            }
          : {}),
      });
      if ((paid || noShowFeeCents > 0) && this.cardPayments) {
        const heldAppointment: Appointment = {
          ...appointment,
          status: 'PENDING',
          holdExpiresAt: new Date(Date.now() + this.holdMs).toISOString(),
        };
        this.held = heldAppointment;
        const payment = !paid ? SETUP : noShowFeeCents > 0 ? { ...PAYMENT, kind: 'payment' } : PAYMENT;
        return json({ appointment: heldAppointment, manageToken: TOKEN, payment }, 201);
      }
      return json({ appointment, manageToken: TOKEN }, 201);
    }
    const confirmPayment = path.match(/^\/v1\/public\/appointments\/([^/]+)\/confirm-payment$/);
    if (method === 'POST' && confirmPayment) {
      const held = this.held;
      if (!held || held.id !== confirmPayment[1] || call.headers.get('x-manage-token') !== TOKEN)
        return apiError(404, 'not_found', 'No such appointment.');
      const deposit = held.depositAmountCents < held.totalAmountCents;
      const paid = held.depositAmountCents > 0;
      return json({
        ...held,
        status: 'CONFIRMED',
        paymentStatus: !paid ? held.paymentStatus : deposit ? 'DEPOSIT_PAID' : 'PAID',
        amountDueCents: held.totalAmountCents - held.depositAmountCents,
        cardOnFile: held.noShowFeeCents > 0,
        holdExpiresAt: null,
        confirmedAt: new Date().toISOString(),
      });
    }
    const manage = path.match(/^\/v1\/public\/appointments\/([^/]+)(\/cancel|\/cancellation|\/reschedule)?$/);
    if (manage && manage[1] === this.appointment.id) {
      if (method === 'GET') return json(manage[2] ? this.cancellation : this.appointment);
      if (manage[2] === '/cancel') {
        this.appointment = { ...this.appointment, status: 'CANCELLED', cancelledAt: '2026-01-02T00:00:00Z' };
        return json(this.appointment);
      }
      const { startTimeUtc } = call.body as { startTimeUtc: string };
      // The same appointment moves (the API keeps its id).
      this.appointment = appointmentAt(startTimeUtc, { id: this.appointment.id });
      return json(this.appointment);
    }
    return apiError(404, 'not_found', `No fake for ${method} ${path}`);
  }
}
