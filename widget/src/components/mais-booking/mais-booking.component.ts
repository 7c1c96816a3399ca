import {
  MaisClient,
  type Appointment,
  type AvailableSlot,
  type BookedAppointment,
  type BookingSchedule,
  type CancellationPreview,
  type PublicService,
  type PublicTenant,
} from '@mais/sdk';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ClockController } from '../../controllers/clock.controller.ts';
import { LocalizeController } from '../../controllers/localize.controller.ts';
import { RequestController } from '../../controllers/request.controller.ts';
import { StepFocusController } from '../../controllers/step-focus.controller.ts';
import { ThemeController } from '../../controllers/theme.controller.ts';
import { addMonths } from '../../dates/calendar-dates.ts';
import { dateInZone, detectTimeZone, isTimeZone } from '../../dates/zones.ts';
import { failureText, type Failure } from '../../errors/failure.ts';
import {
  MaisBookedEvent,
  MaisErrorEvent,
  MaisReadyEvent,
  MaisSlotSelectedEvent,
} from '../../events/events.ts';
import { MaisElement } from '../../internal/mais-element.ts';
import { readManageLink } from '../../manage-link.ts';
import type { PayState } from '../../payment/payment-state.ts';
import { scriptConfig } from '../../script-config.ts';
import { shared } from '../../styles/shared.styles.ts';
import { tokens } from '../../styles/tokens.styles.ts';
import type { FieldValue } from '../mais-intake-form/validation.ts';
import { loadManage } from './manage.actions.ts';
import { styles } from './mais-booking.styles.ts';
import { startPayment } from './payment.actions.ts';
import { ScheduleCache, type ScheduleKey } from './schedule-cache.ts';
import { renderStep } from './steps.ts';
import '../mais-calendar/mais-calendar.ts';
import '../mais-intake-form/mais-intake-form.ts';
import '../mais-slot-list/mais-slot-list.ts';
import '../mais-timezone-picker/mais-timezone-picker.ts';

export type Step =
  'services' | 'schedule' | 'details' | 'payment' | 'confirmation' | 'manage' | 'cancel' | 'move';

/**
 * @summary The booking widget, inline: service → day and time (with whom) → details → payment (when
 * the booking is to be paid by card) → confirmation, and the manage view (reschedule, cancel) when
 * the page is opened from a manage link.
 *
 * The first screen comes from one request (GET /v1/public/booking-page): the business, its services
 * and, with a preselected or only service, the first open month and day with its times. The next
 * month and a hovered service are fetched while the client reads.
 *
 * The tenant's publishable key comes from the widget.js script tag (`data-tenant-key`), the API from
 * the script's origin; `tenant-key` and `api-base` override both.
 *
 * @event mais:ready - Loaded and usable. `detail: { mode: 'booking' | 'manage' }`.
 * @event mais:slot-selected - A time was picked. `detail: { serviceId, providerId, startTimeUtc, endTimeUtc }`.
 * @event mais:booked - Booked. `detail: { appointmentId, serviceId, startTimeUtc, status }`.
 * @event mais:paid - A held booking was paid by card and is confirmed. `detail: { appointmentId, amountCents, currency }`.
 * @event mais:cancelled - Cancelled from the manage view. `detail: { appointmentId }`.
 * @event mais:rescheduled - Moved from the manage view. `detail: { appointmentId, previousStartTimeUtc, startTimeUtc }` (the same appointment moves).
 * @event mais:error - An error is shown. `detail: { code, message }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart service - Each service choice.
 * @csspart provider - The "With" choice of provider.
 * @csspart day - Each day of the calendar (also `day-available`, `day-selected`).
 * @csspart slot - Each time (also `slot-selected`).
 * @csspart button - The action buttons.
 * @csspart form - The details form.
 * @csspart confirmation - The confirmation panel.
 * @csspart payment - The amount a held booking still needs paid (on the payment step too).
 * @csspart error - An error message (with Retry when it can help).
 * @csspart zone - The line naming the time zone.
 * @csspart nav - The calendar's previous and next month buttons.
 *
 * @cssproperty --mais-primary - Buttons, selected day and time, focus ring. Default #2453c7.
 * @cssproperty --mais-font - Font family. Default the system UI font.
 * @cssproperty --mais-radius - Corner radius. Default 8px.
 * @cssproperty --mais-surface - Background. Default white (dark theme #15181e).
 * @cssproperty --mais-text - Text colour. Default #1b1f27 (dark theme #eceff4).
 */
export class MaisBooking extends MaisElement {
  static override styles = [shared, tokens, styles];

  /** Starts with this service (its id) instead of the service list. */
  @property() service: string | undefined;
  /** Preselects this provider (its id) when they perform the chosen service. */
  @property() provider: string | undefined;
  /** BCP 47 locale of texts, dates, times and prices. Default the browser's language. */
  @property() locale: string | undefined;
  /** IANA zone the times are shown in. Default the browser's zone; the client can change it. */
  @property() timezone: string | undefined;
  /** light, dark or auto (the page's color-scheme, else the client's system). Default the tenant's branding, else light. */
  @property() theme: 'light' | 'dark' | 'auto' | undefined;
  @property({ attribute: 'prefill-name' }) prefillName: string | undefined;
  @property({ attribute: 'prefill-email' }) prefillEmail: string | undefined;
  /** The publishable key, when it is not on the script tag. */
  @property({ attribute: 'tenant-key' }) tenantKey: string | undefined;
  /** The API origin, when it is not where widget.js came from. */
  @property({ attribute: 'api-base' }) apiBase: string | undefined;
  /** A ready SDK client (tests, or pages that have one). */
  @property({ attribute: false }) client: MaisClient | undefined;
  /** The fetch the SDK client uses (tests). */
  @property({ attribute: false }) fetch: typeof fetch | undefined;

  @state() step: Step = 'services';
  @state() mode: 'booking' | 'manage' = 'booking';
  @state() tenant: PublicTenant | null = null;
  @state() services: PublicService[] = [];
  @state() chosen: PublicService | null = null;
  /** Whether the business takes cards when booking (else everything is paid at the appointment). */
  @state() cardPayments = true;
  /** null: anyone available. */
  @state() providerId: string | null = null;
  @state() zone = detectTimeZone();
  @state() month = '';
  @state() dates: string[] = [];
  /** The first open day from the shown month's start (perhaps months later); null when there is none. */
  @state() nextDay: string | null = null;
  /** The booking window's last day: the calendar goes no further. */
  @state() lastBookableDate: string | null = null;
  @state() day: string | null = null;
  @state() slots: AvailableSlot[] = [];
  @state() pickedSlot: AvailableSlot | null = null;
  /** Seats taken in a class (services with a capacity above 1). */
  @state() seats = 1;
  /** A message on the current step (a time just taken, a booking moved…). */
  @state() notice = '';
  @state() fieldErrors: Record<string, string> = {};
  @state() booked: BookedAppointment | null = null;
  @state() appointment: Appointment | null = null;
  /** What cancelling the manage view's booking now would cost or refund (loaded on the cancel step). */
  @state() cancellation: CancellationPreview | null = null;
  /** The payment step's state (payment.actions.ts, payment/payment-form.ts). */
  @state() pay: PayState = {};
  /** An error that stops the widget (refused key, missing service, invalid link). */
  @state() fatal: Failure | null = null;

  /** The details form's answers, kept across steps (and after a 409). */
  values: Record<string, FieldValue> = {};
  /** The client's reason for cancelling (optional). */
  cancelReason = '';
  token = '';

  readonly l10n = new LocalizeController(this);
  readonly stepFocus = new StepFocusController(this);
  readonly themes = new ThemeController(this);
  readonly clock = new ClockController(this);
  readonly catalog = new RequestController(this, (failure) => this.report(failure, true));
  readonly datesRequest = new RequestController(this, (failure) => this.report(failure));
  readonly slotsRequest = new RequestController(this, (failure) => this.report(failure));
  readonly submit = new RequestController(this, (failure) => this.report(failure));
  readonly cancellationRequest = new RequestController(this, (failure) => this.report(failure));
  readonly schedules = new ScheduleCache(() => this.sdk);

  private started = false;
  private api: MaisClient | null = null;
  /** Loads what the widget starts with (the catalog, or the booking of a manage link); Retry calls it again. */
  loadStart: () => Promise<void> = async () => {};

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.started) return;
    this.started = true;
    // After the element's properties are set (a framework or a test sets them right after creating it).
    queueMicrotask(() => this.start());
  }

  private start(): void {
    if (this.timezone && isTimeZone(this.timezone)) this.zone = this.timezone;
    this.values = { 'client.name': this.prefillName ?? '', 'client.email': this.prefillEmail ?? '' };
    const key = this.tenantKey || scriptConfig.tenantKey;
    if (!this.client && !key) {
      this.stop({
        kind: 'setup',
        code: 'invalid_api_key',
        message: 'No publishable key: add data-tenant-key="pk_live_…" to the widget.js script tag.',
        details: [],
      });
      return;
    }
    try {
      this.api =
        this.client ??
        new MaisClient({
          publishableKey: key,
          baseUrl: this.apiBase || scriptConfig.apiBase,
          ...(this.fetch ? { fetch: this.fetch } : {}),
        });
    } catch (error) {
      // The SDK refuses a secret key (before it leaves the page) or an API base that is not http(s).
      const code = key.startsWith('sk_') ? 'wrong_key_kind' : 'invalid_api_key';
      this.stop({ kind: 'setup', code, message: (error as Error).message, details: [] });
      return;
    }
    const link = readManageLink(location.href);
    if (link) {
      this.mode = 'manage';
      this.token = link.token;
      this.loadStart = () => loadManage(this, link.appointmentId);
    } else this.loadStart = () => this.loadCatalog();
    void this.loadStart();
  }

  private stop(failure: Failure): void {
    this.fatal = failure;
    this.report(failure, true);
  }

  /** Tells the host page (mais:error), the console for setup errors, and screen readers. */
  report(failure: Failure, fatal = false): void {
    if (fatal && failure.kind !== 'network') this.fatal = failure;
    this.dispatchEvent(new MaisErrorEvent({ code: failure.code, message: failure.message }));
    if (failure.kind === 'setup') console.error(`[mais-booking] ${failure.code}: ${failure.message}`);
    this.stepFocus.announce(this.failureMessage(failure));
  }

  failureMessage(failure: Failure): string {
    const t = this.l10n.t;
    if (failure.kind === 'missing')
      return this.mode === 'manage' ? t.errorLinkInvalid : t.errorServiceMissing;
    return failureText(failure, t);
  }

  /** The SDK client (set when the widget starts). */
  get sdk(): MaisClient {
    return this.api!;
  }

  /** Today in the client's zone, "YYYY-MM-DD". */
  get today(): string {
    return dateInZone(new Date(), this.zone);
  }

  /** Shows `step`; when the client caused it, focus moves to its heading (with `notice` announced). */
  go(step: Step, byClient = true, notice = ''): void {
    this.step = step;
    this.notice = notice;
    if (byClient) this.stepFocus.stepChanged(notice);
  }

  /** The first screen, in one request: the business, the services and, when one is chosen, its calendar. */
  async loadCatalog(): Promise<void> {
    const page = await this.catalog.run(() =>
      this.sdk.bookingPage.retrieve({
        timezone: this.zone,
        ...(this.service ? { serviceId: this.service } : {}),
        ...(this.provider ? { providerId: this.provider } : {}),
      }),
    );
    if (!page) return;
    this.tenant = page.tenant;
    this.services = page.services ?? [];
    this.cardPayments = page.cardPayments;
    const schedule = page.schedule;
    const service = schedule && this.services.find((candidate) => candidate.id === schedule.serviceId);
    if (schedule && service) {
      this.chosen = service;
      this.providerId = schedule.providerId;
      this.schedules.keep(this.scheduleKey(), schedule);
      this.showSchedule(schedule);
      this.go('schedule', false);
    } else this.go('services', false);
    this.dispatchEvent(new MaisReadyEvent({ mode: 'booking' }));
  }

  chooseService(service: PublicService, byClient = true): void {
    this.chosen = service;
    this.providerId = this.presetProvider(service);
    this.day = null;
    this.openCalendar(byClient);
  }

  /** While the client hovers or focuses a service: its calendar, so choosing it shows at once. */
  prefetchService(service: PublicService): void {
    const key = { serviceId: service.id, providerId: this.presetProvider(service), timezone: this.zone };
    this.schedules.schedule(key).catch(() => undefined);
  }

  /** The `provider` attribute's provider when they perform `service`, else anyone. */
  private presetProvider(service: PublicService): string | null {
    return service.providers.some((provider) => provider.id === this.provider) ? this.provider! : null;
  }

  /** "With": a provider, or anyone (null); the shown month and day stay when they still have times. */
  chooseProvider(providerId: string | null): void {
    this.providerId = providerId;
    this.pickedSlot = null;
    void this.loadSchedule(this.month);
  }

  /** The day-and-time step, at `month` ("YYYY-MM"), else at the first open day's month. */
  openCalendar(byClient = true, month?: string): void {
    this.pickedSlot = null;
    this.seats = 1;
    this.go('schedule', byClient);
    void this.loadSchedule(month);
  }

  scheduleKey(): ScheduleKey {
    return { serviceId: this.chosen!.id, providerId: this.providerId, timezone: this.zone };
  }

  async loadSchedule(month?: string): Promise<void> {
    if (month) this.month = month;
    this.dates = [];
    this.slots = [];
    this.slotsRequest.reset();
    const schedule = await this.datesRequest.run(() => this.schedules.schedule(this.scheduleKey(), month));
    if (schedule) this.showSchedule(schedule);
  }

  /** A month's open days, with the picked day kept when it is open, else the month's first open day. */
  private showSchedule(schedule: BookingSchedule): void {
    this.month = schedule.month;
    this.dates = schedule.dates;
    this.nextDay = schedule.firstOpenDate;
    this.lastBookableDate = schedule.lastBookableDate;
    if (this.day && schedule.dates.includes(this.day)) void this.loadSlots();
    else {
      const first = schedule.firstOpenDate;
      this.day = first?.startsWith(schedule.month) ? first : null;
      this.slots = this.day ? schedule.slots : [];
    }
    this.prefetchNextMonth();
  }

  /** The month after the shown one, while the client reads this one (not past the booking window). */
  private prefetchNextMonth(): void {
    const next = addMonths(this.month, 1);
    // Nothing open from this month on (within the look-ahead): the next month has nothing either.
    if (!this.nextDay || !this.lastBookableDate || next > this.lastBookableDate.slice(0, 7)) return;
    this.schedules.schedule(this.scheduleKey(), next).catch(() => undefined);
  }

  async jumpTo(date: string): Promise<void> {
    await this.loadSchedule(date.slice(0, 7));
    await this.updateComplete;
    this.renderRoot.querySelector('mais-calendar')?.focusOn(date);
  }

  changeZone(zone: string): void {
    this.zone = zone;
    if (this.step === 'schedule') void this.loadSchedule(this.month);
  }

  selectDay(date: string): void {
    this.day = date;
    this.pickedSlot = null;
    void this.loadSlots();
  }

  async loadSlots(): Promise<void> {
    const day = this.day!;
    this.slots = [];
    const found = await this.slotsRequest.run(() => this.schedules.daySlots(this.scheduleKey(), day));
    if (found) this.slots = found;
  }

  selectSlot(slot: AvailableSlot): void {
    this.pickedSlot = slot;
    this.seats = 1;
    this.submit.reset();
    this.fieldErrors = {};
    this.dispatchEvent(
      new MaisSlotSelectedEvent({
        serviceId: this.chosen!.id,
        providerId: this.providerId,
        startTimeUtc: slot.startTimeUtc,
        endTimeUtc: slot.endTimeUtc,
      }),
    );
    this.go(this.mode === 'manage' ? 'move' : 'details');
  }

  /** After a 409: back to the day's times, fetched again, with the reason. */
  private slotTaken(): void {
    this.pickedSlot = null;
    this.schedules.clear();
    this.go('schedule', true, this.l10n.t.errorTaken);
    void this.loadSchedule(this.month);
  }

  async book(values: Record<string, FieldValue>): Promise<void> {
    const service = this.chosen!;
    const text = (key: string) => String(values[key] ?? '').trim();
    const intake: Record<string, string | boolean> = {};
    for (const field of service.intakeFields) {
      const value = values[`intake.${field.id}`];
      if (value === undefined || value === '') continue;
      intake[field.id] = typeof value === 'string' ? value.trim() : value;
    }
    const booked = await this.submit.run(() =>
      this.sdk.appointments.create({
        serviceId: service.id,
        ...(this.providerId ? { providerId: this.providerId } : {}),
        startTimeUtc: this.pickedSlot!.startTimeUtc,
        seats: this.seats,
        client: {
          name: text('client.name'),
          email: text('client.email'),
          ...(text('client.phone') ? { phone: text('client.phone') } : {}),
        },
        clientTimezone: this.zone,
        intake,
        // The emails about the booking speak the widget's language (the API knows en and es).
        locale: this.l10n.language === 'es' ? 'es' : 'en',
      }),
    );
    if (!booked) return this.afterFailedChange();
    this.booked = booked;
    // The booked time is no longer free: later calendars must not offer it.
    this.schedules.clear();
    // To be paid by card now (the business takes cards): the payment step, else the confirmation.
    this.go(booked.payment ? 'payment' : 'confirmation');
    if (booked.payment) void startPayment(this);
    const { id, serviceId, startTimeUtc, status } = booked.appointment;
    this.dispatchEvent(
      new MaisBookedEvent({
        appointmentId: id,
        serviceId,
        startTimeUtc,
        status: status === 'PENDING' ? 'PENDING' : 'CONFIRMED',
      }),
    );
  }

  /** After a booking or a reschedule failed: a taken time goes back to the times; 400 details go beside the fields. */
  afterFailedChange(): void {
    const failure = this.submit.failure;
    if (failure?.kind === 'taken') this.slotTaken();
    else if (failure?.kind === 'invalid' && failure.details.length > 0) {
      this.fieldErrors = Object.fromEntries(failure.details.map((detail) => [detail.path, detail.message]));
    }
  }

  /** From the confirmation (or a lapsed hold): another booking, keeping the client's name and email. */
  bookAgain(): void {
    this.pay.stop?.();
    this.pay = {};
    this.booked = null;
    this.pickedSlot = null;
    this.day = null;
    if (this.chosen && (this.services.length === 1 || this.chosen.id === this.service))
      this.chooseService(this.chosen);
    else this.go('services');
  }

  protected override render() {
    const branding = this.tenant?.branding ?? {};
    const theme = this.themes.resolve(this.theme ?? branding.theme ?? 'light');
    // The tenant's branding sits between the page's --mais-* values and our defaults (tokens.styles.ts).
    const brand =
      (branding.primaryColor ? `--_brand-primary:${branding.primaryColor};` : '') +
      (branding.fontFamily ? `--_brand-font:${branding.fontFamily.replace(/[;{}]/g, '')}` : '');
    return html`<div part="base" class="base" data-theme=${theme} lang=${this.l10n.lang} style=${brand}>
      <div class="sr-only" role="status" aria-live="polite">${this.stepFocus.message}</div>
      ${renderStep(this)}
    </div>`;
  }
}
