import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addDays, daysInMonth, monthWeeks, shiftMonths, weekday } from '../../dates/calendar-dates.ts';
import { LocalizeController } from '../../controllers/localize.controller.ts';
import { MaisElement } from '../../internal/mais-element.ts';
import { shared } from '../../styles/shared.styles.ts';
import { styles } from './mais-calendar.styles.ts';

const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** Keys of the ARIA grid pattern and how many days each moves (months for Page keys). */
const DAY_KEYS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * @summary A month of days following the ARIA grid pattern, marking the days that have free times.
 *
 * Keyboard: arrows move by day and week, Home/End to the start/end of the week, PageUp/PageDown by
 * month (with Shift by year), Enter or Space picks a day with times. One day is in the tab order
 * (roving tabindex). Neither the keys nor the month buttons leave the booking window, from `min`
 * (or `today`, when later) to `max`; days outside it never have times.
 *
 * @event month-change - The shown month changed; `detail.month` is "YYYY-MM". Internal to the widget.
 * @event day-select - A day with times was picked; `detail.date` is "YYYY-MM-DD". Internal to the widget.
 *
 * @csspart day - Each day of the month; days with times also have `day-available`, the picked one `day-selected`.
 * @csspart nav - The previous and next month buttons.
 */
export class MaisCalendar extends MaisElement {
  static override styles = [shared, styles];

  /** The month shown, "YYYY-MM". */
  @property() month = '';
  /** Days with at least one free time, "YYYY-MM-DD". */
  @property({ attribute: false }) available: readonly string[] = [];
  /** The picked day. */
  @property() selected: string | null = null;
  /** The client's today: earlier months cannot be shown. */
  @property() today = '';
  /** The first bookable day, "YYYY-MM-DD" (today, when later, still applies). */
  @property() min = '';
  /** The last bookable day, "YYYY-MM-DD": later months cannot be shown, later days have no times. */
  @property() max = '';
  /** While the month's days load: every day is shown without availability. */
  @property({ type: Boolean }) loading = false;
  @property() locale: string | undefined;

  /** The day in the tab order (and focused while the client moves with keys). */
  @state() focusDate = '';

  private readonly l10n = new LocalizeController(this);
  private moveFocus = false;
  private autoFocus = true;

  /** The window's first day ('' when open): the later of `min` and `today`. */
  private get first(): string {
    return maxDate(this.min, this.today);
  }

  /** `date` moved into the window. */
  private clamp(date: string): string {
    const first = this.first;
    if (first && date < first) return first;
    return this.max && date > this.max ? this.max : date;
  }

  /** A day that can be picked: it has times, they are loaded, and it lies in the window. */
  private isOpen(date: string): boolean {
    return !this.loading && this.available.includes(date) && this.clamp(date) === date;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const refresh = this.autoFocus && (changed.has('available') || changed.has('selected'));
    if (this.focusDate.startsWith(this.month) && !refresh) return;
    // Not chosen by the client: the picked day, else the first with times, else the month's first day
    // in the window (today in this month), else the 1st.
    const inMonth = (date: string | null) => (date?.startsWith(this.month) ? date : undefined);
    this.focusDate =
      inMonth(this.selected) ??
      this.available.find((date) => date.startsWith(this.month) && this.clamp(date) === date) ??
      inMonth(this.clamp(`${this.month}-01`)) ??
      `${this.month}-01`;
    this.autoFocus = true;
  }

  protected override updated(): void {
    if (!this.moveFocus) return;
    this.moveFocus = false;
    this.renderRoot.querySelector<HTMLElement>(`[data-date="${this.focusDate}"]`)?.focus();
  }

  /** Moves the tab stop and focus to `date` (after the widget jumped to its month). */
  focusOn(date: string): void {
    this.focusDate = date;
    this.autoFocus = false;
    this.moveFocus = true;
    this.requestUpdate();
  }

  /** Whether `month` ("YYYY-MM") has days in the window. */
  private canShow(month: string): boolean {
    return month >= this.first.slice(0, 7) && (!this.max || month <= this.max.slice(0, 7));
  }

  /** Shows `month` with `focusDate` in the tab order ('' for the default day); false outside the window. */
  private showMonth(month: string, focusDate: string): boolean {
    if (!this.canShow(month)) return false;
    this.focusDate = focusDate;
    this.autoFocus = focusDate === '';
    if (month !== this.month) {
      this.month = month;
      this.dispatchEvent(new CustomEvent('month-change', { detail: { month } }));
    }
    return true;
  }

  private pick(date: string): void {
    this.focusDate = date;
    this.autoFocus = false;
    if (!this.isOpen(date)) return;
    this.dispatchEvent(new CustomEvent('day-select', { detail: { date } }));
  }

  /** A click or a screen reader can focus any day: the tab stop follows. */
  private onFocusin(event: FocusEvent): void {
    const date = (event.target as HTMLElement).dataset.date;
    if (date && date !== this.focusDate) {
      this.focusDate = date;
      this.autoFocus = false;
    }
  }

  private onKeydown(event: KeyboardEvent): void {
    const from = this.focusDate;
    const start = (weekday(from) - this.l10n.firstDayOfWeek + 7) % 7;
    let to: string;
    if (event.key in DAY_KEYS) to = addDays(from, DAY_KEYS[event.key]!);
    // Home and End stay in the month: the row's cells outside it are empty.
    else if (event.key === 'Home') to = maxDate(addDays(from, -start), `${this.month}-01`);
    else if (event.key === 'End')
      to = minDate(addDays(from, 6 - start), `${this.month}-${daysInMonth(this.month)}`);
    else if (event.key === 'PageUp' || event.key === 'PageDown') {
      to = shiftMonths(from, (event.key === 'PageUp' ? -1 : 1) * (event.shiftKey ? 12 : 1));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.pick(from);
      return;
    } else return;
    event.preventDefault();
    to = this.clamp(to);
    this.moveFocus = this.showMonth(to.slice(0, 7), to);
  }

  protected override render() {
    const { t } = this.l10n;
    const firstDay = this.l10n.firstDayOfWeek;
    const previous = shiftMonths(`${this.month}-01`, -1).slice(0, 7);
    const next = shiftMonths(`${this.month}-01`, 1).slice(0, 7);
    return html`
      <div class="header">
        <button
          class="nav"
          part="nav"
          aria-label=${t.previousMonth}
          aria-disabled=${this.canShow(previous) ? nothing : 'true'}
          @click=${() => this.showMonth(previous, '')}
        >
          ‹
        </button>
        <h3 id="month" aria-live="polite">${this.l10n.month(this.month)}</h3>
        <button
          class="nav"
          part="nav"
          aria-label=${t.nextMonth}
          aria-disabled=${this.canShow(next) ? nothing : 'true'}
          @click=${() => this.showMonth(next, '')}
        >
          ›
        </button>
      </div>
      <table
        role="grid"
        aria-labelledby="month"
        aria-busy=${this.loading ? 'true' : 'false'}
        @keydown=${this.onKeydown}
        @focusin=${this.onFocusin}
      >
        <thead>
          <tr>
            ${this.l10n
              .weekdays(firstDay)
              .map(
                (day) =>
                  html`<th scope="col">
                    <span aria-hidden="true">${day.short}</span><span class="sr-only">${day.long}</span>
                  </th>`,
              )}
          </tr>
        </thead>
        <tbody>
          ${monthWeeks(this.month, firstDay).map(
            (week) =>
              html`<tr>
                ${week.map((date) => (date ? this.renderDay(date) : html`<td></td>`))}
              </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  private renderDay(date: string) {
    const open = this.isOpen(date);
    const selected = date === this.selected;
    const parts = `day${open ? ' day-available' : ''}${selected ? ' day-selected' : ''}`;
    return html`<td
      part=${parts}
      class="day ${open ? 'day--open' : ''} ${date === this.today ? 'day--today' : ''}"
      data-date=${date}
      tabindex=${date === this.focusDate ? 0 : -1}
      aria-selected=${selected ? 'true' : 'false'}
      aria-disabled=${open ? nothing : 'true'}
      aria-label="${this.l10n.date(date, 'full')}${this.loading ? '' : `, ${open ? this.l10n.t.timesAvailable : this.l10n.t.noTimes}`}"
      @click=${() => this.pick(date)}
    >
      ${Number(date.slice(8))}
    </td>`;
  }
}
