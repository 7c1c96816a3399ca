import type { LightMyRequestResponse } from 'fastify';
import type Stripe from 'stripe';
import type { FaultKind } from '../../../test/fakes/stripe/index.ts';
import type { ServiceWorld, TenantWorld, World } from './payment-world.ts';

/**
 * The state of one random sequence and the plumbing its steps share: bookings made so far,
 * webhook events not yet delivered, statuses our API may answer, Stripe faults.
 */

export const HOUR = 60 * 60_000;
export const DAY = 24 * HOUR;

export interface Booking {
  name: string;
  tenant: TenantWorld;
  service: ServiceWorld;
  id: string;
  token: string;
  /** The PaymentIntent (null for an admin's booking, which is confirmed without a card). */
  intent: string | null;
  /** The SetupIntent of a booking with nothing to pay now that keeps a card for its no-show fee. */
  setupIntent: string | null;
  start: Date;
}

/** A booking answered 503: the client retries it with the same Idempotency-Key. */
export interface Unanswered {
  tenant: TenantWorld;
  service: ServiceWorld;
  body: Record<string, unknown>;
  key: string;
}

export interface Fault {
  pattern: string;
  kind: FaultKind;
  times: number;
}

export interface Stats {
  steps: Record<string, Record<string, number>>;
  webhooksDelivered: number;
  duplicateAnswers: number;
  redelivered: number;
  faultsInjected: number;
  settleRetries: number;
}

/** A broken property: the sequence stops and is reported (and shrunk). */
export class Violation extends Error {
  override name = 'Violation';
}

export class Sequence {
  readonly bookings: Booking[] = [];
  readonly unanswered: Unanswered[] = [];
  readonly log: string[] = [];
  /** Events generated but not delivered yet, and events our endpoint answered 503. */
  queue: Stripe.Event[] = [];
  redeliver: Stripe.Event[] = [];
  private eventCursor: number;
  private keys = 0;

  constructor(
    readonly world: World,
    readonly name: string,
    /** 00:00Z of the sequence's first day; its bookings start within the next five days. */
    readonly day0: Date,
    readonly stats: Stats,
  ) {
    this.eventCursor = world.stripe.events.length;
  }

  get now(): Date {
    return this.world.clock.now;
  }

  /** The clock never passes this: the next sequence's times are its own. */
  get windowEnd(): Date {
    return new Date(this.day0.getTime() + 4 * DAY + 12 * HOUR);
  }

  /** Moves the clock forward by `minutes`, at most to the window's end; the minutes moved. */
  tick(minutes: number): number {
    const target = Math.min(this.now.getTime() + minutes * 60_000, this.windowEnd.getTime());
    const moved = Math.max(0, target - this.now.getTime());
    this.world.clock.now = new Date(this.now.getTime() + moved);
    return moved / 60_000;
  }

  /** Start times of `tenant` in this sequence's window still at least 5 minutes ahead. */
  freeStarts(tenant: TenantWorld): Date[] {
    return tenant.dayOffsets.flatMap((day) =>
      tenant.startHoursUtc
        .map((hour) => new Date(this.day0.getTime() + day * DAY + hour * HOUR))
        .filter((start) => start.getTime() > this.now.getTime() + 5 * 60_000),
    );
  }

  nextKey(): string {
    this.keys += 1;
    return `${this.name}-${this.keys}`;
  }

  /** Fails the sequence unless our API answered one of `allowed` (a 500 is never allowed). */
  expectStatus(label: string, response: LightMyRequestResponse, allowed: number[]): number {
    if (!allowed.includes(response.statusCode)) {
      throw new Violation(`${label}: HTTP ${response.statusCode} ${response.body.slice(0, 300)}`);
    }
    return response.statusCode;
  }

  count(kind: string, outcome: string): void {
    const byOutcome = (this.stats.steps[kind] ??= {});
    byOutcome[outcome] = (byOutcome[outcome] ?? 0) + 1;
  }

  /** Takes the events the fake generated since the last look into the queue. */
  collectEvents(): void {
    const events = this.world.stripe.events;
    this.queue.push(...events.slice(this.eventCursor));
    this.eventCursor = events.length;
  }

  /**
   * Delivers `events` as Stripe would (signed, over HTTP, optionally twice and shuffled). 200 is
   * done; 503 means "later", so the event goes back for redelivery; anything else is a violation.
   */
  async deliver(events: Stripe.Event[], options: { duplicate: boolean; shuffle: number | false }) {
    if (events.length === 0) return { delivered: 0, busy: 0 };
    const deliveries = await this.world.stripe.deliverWebhooks(this.world.webhookUrl, {
      events,
      duplicate: options.duplicate,
      ...(options.shuffle === false ? {} : { shuffle: options.shuffle }),
    });
    let busy = 0;
    const handled = new Set<string>();
    for (const { event, status, body } of deliveries) {
      this.stats.webhooksDelivered += 1;
      if (status === 200) {
        handled.add(event.id);
        if (body.includes('"duplicate":true')) this.stats.duplicateAnswers += 1;
      } else if (status === 503) {
        busy += 1;
      } else {
        throw new Violation(`webhook ${event.type} ${event.id}: HTTP ${status} ${body.slice(0, 300)}`);
      }
    }
    const again = events.filter((event) => !handled.has(event.id));
    this.redeliver.push(...again.filter((event) => !this.redeliver.some((e) => e.id === event.id)));
    this.redeliver = this.redeliver.filter((event) => !handled.has(event.id));
    return { delivered: deliveries.length, busy };
  }

  /** Runs `action` with `fault` armed on the fake, then disarms what `action` did not use. */
  async withFault<T>(fault: Fault | null, action: () => Promise<T>): Promise<T> {
    if (!fault) return action();
    this.stats.faultsInjected += 1;
    this.world.stripe.failNext(fault.pattern, fault.kind, fault.times);
    try {
      return await action();
    } finally {
      // A fault left armed would hit a later, unrelated request: spend it on a harmless one
      // (the fake answers 4xx/404 to these when nothing is armed any more).
      const [method, path] = fault.pattern.split(' ') as [string, string];
      for (let i = 0; i < fault.times; i++) {
        await fetch(`${this.world.stripe.url}${path.replaceAll('*', 'x_disarm')}`, {
          method,
          headers: { authorization: 'Bearer sk_test_disarm' },
        })
          .then((response) => response.arrayBuffer())
          .catch(() => undefined); // a 'timeout' fault drops the connection
      }
    }
  }

  charge(booking: Booking): Stripe.Charge | undefined {
    return this.world.stripe.state.charges
      .list(booking.tenant.account)
      .find((charge) => charge.payment_intent === booking.intent && charge.status === 'succeeded');
  }
}
