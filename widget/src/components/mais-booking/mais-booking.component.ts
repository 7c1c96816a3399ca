import {
  MaisClient,
  type Appointment,
  type AvailableSlot,
  type BookedAppointment,
  type CancellationPreview,
  type PublicService,
  type PublicTenant,
} from '@mais/sdk';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.controller.ts';
import { RequestController } from '../../controllers/request.controller.ts';
import { StepFocusController } from '../../controllers/step-focus.controller.ts';
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
import { scriptConfig } from '../../script-config.ts';
import { shared } from '../../styles/shared.styles.ts';
import { tokens } from '../../styles/tokens.styles.ts';
import type { FieldValue } from '../mais-intake-form/validation.ts';
import { loadManage } from './manage.actions.ts';
import { styles } from './mais-booking.styles.ts';
import { renderStep } from './steps.ts';
import '../mais-calendar/mais-calendar.ts';
import '../mais-intake-form/mais-intake-form.ts';
import '../mais-slot-list/mais-slot-list.ts';
import '../mais-timezone-picker/mais-timezone-picker.ts';

export type Step =
  'services' | 'providers' | 'date' | 'time' | 'details' | 'confirmation' | 'manage' | 'cancel' | 'move';

/**
 * @summary The booking widget, inline: service → provider → day → time → details → confirmation, and
 * the manage view (reschedule, cancel) when the page is opened from a manage link.
 *
 * The tenant's publishable key comes from the widget.js script tag (`data-tenant-key`), the API from
 * the script's origin; `tenant-key` and `api-base` override both.
 *
 * @event mais:ready - Loaded and usable. `detail: { mode: 'booking' | 'manage' }`.
 * @event mais:slot-selected - A time was picked. `detail: { serviceId, providerId, startTimeUtc, endTimeUtc }`.
 * @event mais:booked - Booked. `detail: { appointmentId, serviceId, startTimeUtc, status }`.
 * @event mais:cancelled - Cancelled from the manage view. `detail: { appointmentId }`.
 * @event mais:rescheduled - Moved from the manage view. `detail: { appointmentId, previousStartTimeUtc, startTimeUtc }` (the same appointment moves).
 * @event mais:error - An error is shown. `detail: { code, message }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart service - Each service (and provider) choice.
 * @csspart day - Each day of the calendar (also `day-available`, `day-selected`).
 * @csspart slot - Each time (also `slot-selected`).
 * @csspart button - The action buttons.
 * @csspart form - The details form.
 * @csspart confirmation - The confirmation panel.
 * @csspart payment - The amount a held booking still needs paid.
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
  @property() accessor service: string | undefined;
  /** Books this provider (its id) without asking. */
  @property() accessor provider: string | undefined;
  /** BCP 47 locale of texts, dates, times and prices. Default the browser's language. */
  @property() accessor locale: string | undefined;
  /** IANA zone the times are shown in. Default the browser's zone; the client can change it. */
  @property() accessor timezone: string | undefined;
  /** light, dark or auto (the client's system setting). Default the tenant's branding, else light. */
  @property() accessor theme: 'light' | 'dark' | 'auto' | undefined;
  @property({ attribute: 'prefill-name' }) accessor prefillName: string | undefined;
  @property({ attribute: 'prefill-email' }) accessor prefillEmail: string | undefined;
  /** The publishable key, when it is not on the script tag. */
  @property({ attribute: 'tenant-key' }) accessor tenantKey: string | undefined;
  /** The API origin, when it is not where widget.js came from. */
  @property({ attribute: 'api-base' }) accessor apiBase: string | undefined;
  /** A ready SDK client (tests, or pages that have one). */
  @property({ attribute: false }) accessor client: MaisClient | undefined;
  /** The fetch the SDK client uses (tests). */
  @property({ attribute: false }) accessor fetch: typeof fetch | undefined;

  @state() accessor step: Step = 'services';
  @state() accessor mode: 'booking' | 'manage' = 'booking';
  @state() accessor tenant: PublicTenant | null = null;
  @state() accessor services: PublicService[] = [];
  @state() accessor chosen: PublicService | null = null;
  /** null: any available. */
  @state() accessor providerId: string | null = null;
  @state() accessor zone = detectTimeZone();
  @state() accessor month = '';
  @state() accessor dates: string[] = [];
  /** The first day with times after an empty month: undefined before a search, null when none. */
  @state() accessor nextDay: string | null | undefined;
  @state() accessor day: string | null = null;
  @state() accessor slots: AvailableSlot[] = [];
  @state() accessor pickedSlot: AvailableSlot | null = null;
  /** A message on the current step (a time just taken, a booking moved…). */
  @state() accessor notice = '';
  @state() accessor fieldErrors: Record<string, string> = {};
  @state() accessor booked: BookedAppointment | null = null;
  @state() accessor appointment: Appointment | null = null;
  /** What cancelling the manage view's booking now would cost or refund (loaded on the cancel step). */
  @state() accessor cancellation: CancellationPreview | null = null;
  /** An error that stops the widget (refused key, missing service, invalid link). */
  @state() accessor fatal: Failure | null = null;

  /** The details form's answers, kept across steps (and after a 409). */
  values: Record<string, FieldValue> = {};
  token = '';

  readonly l10n = new LocalizeController(this);
  readonly stepFocus = new StepFocusController(this);
  readonly catalog = new RequestController(this, (failure) => this.report(failure, true));
  readonly datesRequest = new RequestController(this, (failure) => this.report(failure));
  readonly aheadRequest = new RequestController(this, (failure) => this.report(failure));
  readonly slotsRequest = new RequestController(this, (failure) => this.report(failure));
  readonly submit = new RequestController(this, (failure) => this.report(failure));
  readonly cancellationRequest = new RequestController(this, (failure) => this.report(failure));

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

  private providerQuery(): { providerId?: string } {
    return this.providerId ? { providerId: this.providerId } : {};
  }

  /** Shows `step`; when the client caused it, focus moves to its heading (with `notice` announced). */
  go(step: Step, byClient = true, notice = ''): void {
    this.step = step;
    this.notice = notice;
    if (byClient) this.stepFocus.stepChanged(notice);
  }

  async loadCatalog(): Promise<void> {
    const loaded = await this.catalog.run(() =>
      Promise.all([this.sdk.tenant.retrieve(), this.sdk.services.list()]),
    );
    if (!loaded) return;
    [this.tenant, { data: this.services }] = loaded;
    if (this.service) {
      const service = this.services.find((candidate) => candidate.id === this.service);
      if (!service) {
        this.stop({
          kind: 'missing',
          code: 'not_found',
          message: `Service ${this.service} is not an active service of this tenant.`,
          details: [],
        });
        return;
      }
      this.chooseService(service, false);
    } else this.go('services', false);
    this.dispatchEvent(new MaisReadyEvent({ mode: 'booking' }));
  }

  chooseService(service: PublicService, byClient = true): void {
    this.chosen = service;
    const fixed = service.providers.some((provider) => provider.id === this.provider);
    this.providerId = fixed ? this.provider! : null;
    if (!fixed && service.providers.length > 1) this.go('providers', byClient);
    else this.openCalendar(byClient);
  }

  chooseProvider(providerId: string | null): void {
    this.providerId = providerId;
    this.openCalendar(true);
  }

  /** The calendar at the picked day's month, else `from`'s, else this month. */
  openCalendar(byClient = true, from = this.today): void {
    this.go('date', byClient);
    void this.loadMonth((this.day ?? from).slice(0, 7));
  }

  async loadMonth(month: string): Promise<void> {
    this.month = month;
    this.dates = [];
    this.nextDay = undefined;
    this.aheadRequest.reset();
    const serviceId = this.chosen!.id;
    const found = await this.datesRequest.run((signal) =>
      this.sdk.availability.dates(
        serviceId,
        { month, timezone: this.zone, ...this.providerQuery() },
        { signal },
      ),
    );
    if (!found) return;
    this.dates = found.dates;
    if (found.dates.length === 0) void this.lookAhead(month);
  }

  /** After an empty month: the first day with times in the next 6 months (null when there is none). */
  async lookAhead(month: string): Promise<void> {
    const serviceId = this.chosen!.id;
    const next = await this.aheadRequest.run(async (signal) => {
      for (let i = 1; i <= 6; i++) {
        const query = { month: addMonths(month, i), timezone: this.zone, ...this.providerQuery() };
        const { dates } = await this.sdk.availability.dates(serviceId, query, { signal });
        if (dates[0]) return dates[0];
      }
      return null;
    });
    if (next !== undefined) this.nextDay = next;
  }

  async jumpTo(date: string): Promise<void> {
    await this.loadMonth(date.slice(0, 7));
    await this.updateComplete;
    this.renderRoot.querySelector('mais-calendar')?.focusOn(date);
  }

  changeZone(zone: string): void {
    this.zone = zone;
    if (this.step === 'date') void this.loadMonth(this.month);
    if (this.step === 'time') void this.loadSlots();
  }

  selectDay(date: string): void {
    this.day = date;
    this.go('time');
    void this.loadSlots();
  }

  async loadSlots(): Promise<void> {
    const day = this.day!;
    this.slots = [];
    const found = await this.slotsRequest.run((signal) =>
      this.sdk.availability.list(
        this.chosen!.id,
        { startDate: day, endDate: day, timezone: this.zone, ...this.providerQuery() },
        { signal },
      ),
    );
    if (found) this.slots = found.slots;
  }

  selectSlot(slot: AvailableSlot): void {
    this.pickedSlot = slot;
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

  /** After a 409: back to the day's times, refreshed, with the reason. */
  private slotTaken(): void {
    this.pickedSlot = null;
    this.go('time', true, this.l10n.t.errorTaken);
    void this.loadSlots();
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
        seats: 1,
        client: {
          name: text('client.name'),
          email: text('client.email'),
          ...(text('client.phone') ? { phone: text('client.phone') } : {}),
        },
        clientTimezone: this.zone,
        intake,
      }),
    );
    if (!booked) return this.afterFailedChange();
    this.booked = booked;
    this.go('confirmation');
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

  /** From the confirmation: another booking, keeping the client's name and email. */
  bookAgain(): void {
    this.booked = null;
    this.pickedSlot = null;
    this.day = null;
    if (this.service && this.chosen?.id === this.service) this.chooseService(this.chosen);
    else this.go('services');
  }

  protected override render() {
    const branding = this.tenant?.branding ?? {};
    const theme = this.theme ?? branding.theme ?? 'light';
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
