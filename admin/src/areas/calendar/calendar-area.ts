import type { AdminCreateAppointmentBody } from '@mais/sdk';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { today, wallTime, zonedToUtc } from '../../dates/zoned-time.ts';
import { errorText } from '../../ui/api-error.ts';
import { AreaElement } from '../../ui/area-element.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatDateTime, formatLongDate } from '../../ui/format.ts';
import './booking-dialog.ts';
import type { BookingDialog } from './booking-dialog.ts';
import { utcInstant } from './booking-form.ts';
import { loadCalendar, loadReference, type CalendarReference } from './calendar-data.ts';
import { calendarEntries, type CalendarEntry } from './calendar-entry.ts';
import './calendar-grid.ts';
import type { CalendarGrid, MoveDetail } from './calendar-grid.ts';
import { layoutDays, visibleMinutes } from './calendar-layout.ts';
import { bookingRefusal, moveRefusal } from './calendar-messages.ts';
import { parseDate, parseView, visibleDays, type CalendarView } from './calendar-range.ts';
import { calendarToolbar, toolbarStyles } from './calendar-toolbar.ts';
import './move-dialog.ts';
import type { MoveDialog, MoveRequest } from './move-dialog.ts';

type AppointmentEntry = Extract<CalendarEntry, { kind: 'appointment' }>;

const NO_REFERENCE: CalendarReference = { providers: [], services: [] };

/**
 * Calendar: a day or a week of appointments and busy blocks, everyone's or one provider's (a
 * provider account: its own), drawn at their times in the business's zone. Appointments open on
 * click, move by drag or by their Move button, and an empty spot (or "New booking") books there.
 * The view lives in the address (`#/calendar?view=week&date=…&provider=…`), kept with
 * replaceState so moving through weeks does not pull focus away from the buttons.
 */
@customElement('mais-calendar-area')
export class CalendarArea extends AreaElement {
  static override styles = [...consoleStyles, toolbarStyles];

  @state() private view: CalendarView = 'week';
  @state() private anchor = '';
  @state() private chosenProvider: string | undefined;
  @state() private moveError = '';
  @state() private pendingId: string | null = null;
  @query('mais-calendar-grid') private grid?: CalendarGrid;
  @query('mais-calendar-move-dialog') private moveDialog!: MoveDialog;
  @query('mais-calendar-booking-dialog') private bookingDialog!: BookingDialog;
  private moving: AppointmentEntry | null = null;
  private drawnMarked = false;
  /** The address's query last read: the shell hands a new route object on every render of its own. */
  private routeKey: string | undefined;

  private get isProvider() {
    return this.ctx.account.role === 'provider';
  }

  /** Whose calendar: a provider account always its own. */
  private get providerId(): string | undefined {
    return this.isProvider ? (this.ctx.account.providerId ?? undefined) : this.chosenProvider;
  }

  private get days() {
    return visibleDays(this.anchor, this.view);
  }

  private readonly reference = new Task(this, {
    task: async ([ctx], { signal }) =>
      ctx.account.role === 'provider' ? NO_REFERENCE : loadReference(ctx.admin, signal),
    args: () => [this.ctx] as const,
  });

  private readonly data = new Task(this, {
    task: async ([ctx, daysKey, providerId], { signal }) => {
      const days = daysKey.split(',');
      performance.mark('calendar:fetch-start');
      const { appointments, blocks } = await loadCalendar(ctx.admin, days, providerId, signal);
      performance.mark('calendar:data');
      performance.measure('calendar:fetch', 'calendar:fetch-start', 'calendar:data');
      this.drawnMarked = false;
      const layouts = layoutDays(calendarEntries(appointments, blocks), days, ctx.zone);
      return { layouts, hours: visibleMinutes(layouts), count: appointments.length + blocks.length };
    },
    args: () => [this.ctx, this.days.join(','), this.providerId] as const,
  });

  protected override willUpdate(changed: PropertyValues<this>) {
    const key = this.route.query.toString();
    if ((changed.has('route') && key !== this.routeKey) || changed.has('ctx')) {
      this.routeKey = key;
      const query = this.route.query;
      const narrow = typeof matchMedia === 'function' && matchMedia('(max-width: 600px)').matches;
      this.view = parseView(query.get('view')) ?? (narrow ? 'day' : 'week');
      this.anchor = parseDate(query.get('date')) ?? today(this.ctx.zone);
      this.chosenProvider = query.get('provider') || undefined;
    }
  }

  protected override async updated() {
    // test/bench/console-calendar.bench.ts: the render that drew the loaded data, grid included.
    if (this.data.status !== TaskStatus.COMPLETE || this.drawnMarked) return;
    this.drawnMarked = true;
    await this.grid?.updateComplete;
    performance.mark('calendar:rendered');
    performance.measure('calendar:render', 'calendar:data', 'calendar:rendered');
    // After the next frame: style, layout and paint of what was drawn.
    requestAnimationFrame(() => setTimeout(() => performance.mark('calendar:painted')));
  }

  private show(change: { view?: CalendarView; anchor?: string; providerId?: string | undefined }) {
    if (change.view) this.view = change.view;
    if (change.anchor) this.anchor = change.anchor;
    if ('providerId' in change) this.chosenProvider = change.providerId;
    this.moveError = '';
    const href = hrefFor('calendar', [], {
      view: this.view,
      date: this.anchor,
      provider: this.isProvider ? undefined : this.chosenProvider,
    });
    history.replaceState(history.state, '', href);
  }

  override render() {
    const reference = this.reference.value;
    // Booking for a client is a manager's (POST /appointments): a provider account is not offered it.
    const canCreate = !this.isProvider;
    const days = this.days;
    const title =
      this.view === 'day'
        ? formatLongDate(this.anchor)
        : `${formatLongDate(days[0]!)} – ${formatLongDate(days[days.length - 1]!)}`;
    return html`
      <h1>Calendar</h1>
      ${calendarToolbar(
        {
          view: this.view,
          anchor: this.anchor,
          zone: this.ctx.zone,
          providerId: this.providerId,
          providers: this.isProvider ? null : (reference?.providers ?? []),
          canCreate,
        },
        { show: (change) => this.show(change), newBooking: () => this.openBooking(this.anchor, 9 * 60) },
      )}
      <h2>
        ${this.isProvider ? 'Your appointments' : (this.providerName(this.providerId) ?? 'Everyone')}:
        ${title}
      </h2>
      ${
        this.reference.status === TaskStatus.ERROR
          ? html`<p class="error" role="alert">${errorText(this.reference.error)}</p>`
          : nothing
      }
      <div role="alert">
        ${this.moveError ? html`<p class="notice" data-tone="danger">${this.moveError}</p>` : nothing}
      </div>
      ${this.body(canCreate)}
      <p class="hint">
        Drag an appointment to move it (15-minute steps), or use its Move
        button.${canCreate ? ' Click an empty time, or use New booking, to book for a client.' : ''}
      </p>
      <mais-calendar-move-dialog
        .save=${(request: MoveRequest) => this.moveFromDialog(request)}
      ></mais-calendar-move-dialog>
      ${
        canCreate
          ? html`<mais-calendar-booking-dialog
              .services=${(reference?.services ?? []).filter((s) => s.active)}
              .providers=${reference?.providers ?? []}
              .zone=${this.ctx.zone}
              .save=${(body: AdminCreateAppointmentBody) => this.book(body)}
            ></mais-calendar-booking-dialog>`
          : nothing
      }
    `;
  }

  private body(canCreate: boolean) {
    if (this.data.status === TaskStatus.ERROR) {
      return html`<p class="error" role="alert">${errorText(this.data.error)}</p>`;
    }
    const value = this.data.value;
    if (!value) return html`<p class="muted" role="status">Loading…</p>`;
    const loading = this.data.status === TaskStatus.PENDING;
    return html`<p class="sr-only" role="status">${loading ? 'Loading…' : `${value.count} items shown.`}</p>
      <mais-calendar-grid
        aria-busy=${loading ? 'true' : 'false'}
        .layouts=${value.layouts}
        .hours=${value.hours}
        .zone=${this.ctx.zone}
        .today=${today(this.ctx.zone)}
        .canCreate=${canCreate}
        .pendingId=${this.pendingId}
        .describe=${(entry: AppointmentEntry) => this.describe(entry)}
        @calendar-move=${(event: CustomEvent<MoveDetail>) => this.moveByDrag(event.detail)}
        @calendar-move-dialog=${(event: CustomEvent<{ entry: AppointmentEntry }>) => this.openMove(event.detail.entry)}
        @calendar-create=${(event: CustomEvent<{ date: string; minutes: number }>) =>
          this.openBooking(event.detail.date, event.detail.minutes)}
      ></mais-calendar-grid>`;
  }

  private describe({ appointment }: AppointmentEntry): string {
    const reference = this.reference.value ?? NO_REFERENCE;
    const service = reference.services.find((s) => s.id === appointment.serviceId)?.name;
    const provider =
      this.providerId === undefined ? this.providerName(appointment.providerId ?? undefined) : undefined;
    return [service, provider].filter(Boolean).join(' · ');
  }

  private providerName(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.reference.value?.providers.find((p) => p.id === id)?.name;
  }

  /** Moves an appointment; null when moved, else what to tell the user. Reloads either way. */
  private async reschedule(entry: AppointmentEntry, date: string, minutes: number): Promise<string | null> {
    const start = zonedToUtc(date, minutes, this.ctx.zone);
    const when = formatDateTime(start, this.ctx.zone);
    try {
      await this.ctx.admin.appointments.reschedule(entry.id, { startTimeUtc: utcInstant(start) });
      this.ctx.announce(`Moved ${entry.appointment.client.name} to ${when}.`);
      return null;
    } catch (error) {
      return moveRefusal(error, when);
    } finally {
      await this.reload();
    }
  }

  private async moveByDrag({ entry, date, minutes }: MoveDetail) {
    this.moveError = '';
    this.pendingId = entry.id;
    const problem = await this.reschedule(entry, date, minutes);
    this.pendingId = null;
    this.moveError = problem ?? '';
    this.grid?.settle();
  }

  private openMove(entry: AppointmentEntry) {
    this.moving = entry;
    const wall = wallTime(entry.start, this.ctx.zone);
    const heading = `${entry.appointment.client.name}, ${formatDateTime(entry.start, this.ctx.zone)}`;
    void this.moveDialog.open(heading, wall.date, wall.hour * 60 + wall.minute);
  }

  private async moveFromDialog({ date, minutes }: MoveRequest): Promise<string | null> {
    if (!this.moving) return null;
    this.moveError = '';
    return this.reschedule(this.moving, date, minutes);
  }

  private openBooking(date: string, minutes: number) {
    void this.bookingDialog?.open(date, minutes, this.providerId ?? '');
  }

  private async book(body: AdminCreateAppointmentBody): Promise<string | null> {
    const when = formatDateTime(body.startTimeUtc, this.ctx.zone);
    try {
      const booked = await this.ctx.admin.appointments.create(body);
      this.ctx.announce(`Booked ${booked.appointment.client.name} on ${when}.`);
      return null;
    } catch (error) {
      return bookingRefusal(error, when);
    } finally {
      await this.reload();
    }
  }

  private async reload() {
    await this.data.run();
  }
}
