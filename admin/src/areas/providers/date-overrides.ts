import type { AvailabilityOverride, CreateAvailabilityOverrideBody } from '@mais/sdk';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { today } from '../../dates/zoned-time.ts';
import { errorText } from '../../ui/api-error.ts';
import '../../ui/confirm-action.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatLongDate } from '../../ui/format.ts';
import { loadOverrides } from './provider-data.ts';
import { monthWeeks, overrideLabel, overrideProblems, shiftMonth, type OverrideDraft } from './month-grid.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Date overrides of one provider on a month calendar: days off (closed all day) and special hours
 * that replace the weekly hours on a date, plus the business's own closed days (read-only here).
 * Choosing a day on the calendar puts it in the form; the list under it deletes.
 */
@customElement('mais-date-overrides')
export class DateOverrides extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      table.month {
        table-layout: fixed;
        max-width: 40rem;
      }
      table.month th,
      table.month td {
        padding: 0.15rem;
        text-align: center;
        border: 0;
      }
      table.month button.day {
        width: 100%;
        min-height: 3rem;
        border: 1px solid var(--_soft);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
        font: inherit;
        padding: 0.2rem;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: 0.1rem;
        cursor: pointer;
      }
      table.month button.day[data-outside] {
        color: var(--_muted);
      }
      table.month button.day[aria-pressed='true'] {
        border-color: var(--_primary);
        border-width: 2px;
      }
      table.month .mark {
        font-size: 0.7rem;
        line-height: 1.1;
        border-radius: 0.3rem;
        padding: 0 0.2rem;
        background: var(--_soft);
        overflow-wrap: anywhere;
      }
      table.month .mark[data-closed] {
        color: var(--_danger);
      }
      .month-nav {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        margin-bottom: 0.5rem;
      }
      .month-nav h3 {
        margin: 0;
        min-width: 10rem;
      }
      ul.overrides {
        padding: 0;
        list-style: none;
      }
      ul.overrides li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
        padding: 0.4rem 0;
        border-bottom: 1px solid var(--_soft);
      }
    `,
  ];

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property() providerId = '';
  /** YYYY-MM shown. */
  @property() month = '';
  @property({ attribute: false }) overrides: AvailabilityOverride[] = [];

  @state() private draft: OverrideDraft = { date: '', closed: true, startTime: '09:00', endTime: '13:00' };
  @state() private reason = '';
  @state() private loading = false;
  @state() private loadError = '';
  @state() private formError = '';
  @state() private listError = '';
  @state() private busy = false;

  private async showMonth(month: string) {
    this.month = month;
    await this.reload();
  }

  private async reload() {
    this.loading = true;
    this.loadError = '';
    try {
      this.overrides = await loadOverrides(this.ctx, this.providerId, this.month);
    } catch (error) {
      this.loadError = errorText(error);
    } finally {
      this.loading = false;
    }
  }

  private async add(event: SubmitEvent) {
    event.preventDefault();
    const problems = overrideProblems(this.draft);
    const first = Object.values(problems)[0];
    if (first) {
      this.formError = first;
      return;
    }
    const body: CreateAvailabilityOverrideBody = {
      providerId: this.providerId,
      date: this.draft.date,
      ...(this.draft.closed
        ? { closed: true }
        : { startTime: this.draft.startTime, endTime: this.draft.endTime }),
      ...(this.reason.trim() ? { reason: this.reason.trim() } : {}),
    };
    this.busy = true;
    this.formError = '';
    try {
      await this.ctx.admin.availabilityOverrides.create(body);
      this.ctx.announce(
        `${formatLongDate(body.date)}: ${this.draft.closed ? 'closed all day' : `${body.startTime}–${body.endTime}`}.`,
      );
      this.reason = '';
      this.month = body.date.slice(0, 7);
      await this.reload();
    } catch (error) {
      this.formError = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  private async deleteOverride(override: AvailabilityOverride) {
    this.listError = '';
    try {
      await this.ctx.admin.availabilityOverrides.delete(override.id);
      this.ctx.announce(`${formatLongDate(override.date)}: the weekly hours apply again.`);
    } catch (error) {
      this.listError = errorText(error);
    }
    await this.reload();
  }

  override render() {
    const [year, monthNumber] = this.month.split('-').map(Number);
    const title = new Intl.DateTimeFormat(undefined, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(year ?? 2000, (monthNumber ?? 1) - 1, 15)));
    return html`
      <div class="month-nav">
        <button class="btn btn--quiet" @click=${() => this.showMonth(shiftMonth(this.month, -1))}>
          <span aria-hidden="true">‹</span> Previous<span class="sr-only"> month</span>
        </button>
        <h3 id="month-title" aria-live="polite">${title}</h3>
        <button class="btn btn--quiet" @click=${() => this.showMonth(shiftMonth(this.month, 1))}>
          Next<span class="sr-only"> month</span> <span aria-hidden="true">›</span>
        </button>
      </div>
      ${this.loading ? html`<p class="muted" role="status">Loading…</p>` : nothing}
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
      <div class="table-wrap">${this.calendar()}</div>
      ${this.list()} ${this.form()}
    `;
  }

  private calendar() {
    const byDate = new Map<string, AvailabilityOverride[]>();
    for (const override of this.overrides)
      byDate.set(override.date, [...(byDate.get(override.date) ?? []), override]);
    const todayDate = today(this.ctx.zone);
    return html`<table class="month" aria-labelledby="month-title">
      <thead>
        <tr>
          ${WEEKDAYS.map((day, index) => html`<th scope="col"><abbr title=${WEEKDAY_NAMES[index]!}>${day}</abbr></th>`)}
        </tr>
      </thead>
      <tbody>
        ${monthWeeks(this.month).map(
          (week) =>
            html`<tr>
              ${week.map(({ date, inMonth }) => {
                const marks = byDate.get(date) ?? [];
                return html`<td>
                  <button
                    class="day"
                    data-date=${date}
                    ?data-outside=${!inMonth}
                    aria-pressed=${this.draft.date === date ? 'true' : 'false'}
                    aria-current=${date === todayDate ? 'date' : nothing}
                    @click=${() => (this.draft = { ...this.draft, date })}
                  >
                    <span class="sr-only">${formatLongDate(date)}</span>
                    <span aria-hidden="true">${Number(date.slice(8))}</span>
                    ${marks.map(
                      (o) =>
                        html`<span class="mark" ?data-closed=${o.closed}
                          >${overrideLabel(o)}${
                            o.providerId === null
                              ? html`<span class="sr-only"> (whole business)</span>`
                              : nothing
                          }</span
                        >`,
                    )}
                  </button>
                </td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private list() {
    if (this.overrides.length === 0)
      return html`<p class="muted">No days off or special hours this month.</p>`;
    return html`<ul class="overrides" aria-label="This month's overrides">
        ${this.overrides.map(
          (override) =>
            html`<li data-override=${override.id}>
              <span><strong>${formatLongDate(override.date)}</strong>: ${overrideLabel(override)}</span>
              ${override.reason ? html`<span class="muted">${override.reason}</span>` : nothing}
              ${
                override.providerId === null
                  ? html`<span class="badge">Whole business</span>`
                  : html`<mais-confirm-action
                      label="Delete"
                      subject=${formatLongDate(override.date)}
                      question="The weekly hours apply again on this day."
                      confirm-label="Delete"
                      danger
                      @confirm=${() => this.deleteOverride(override)}
                    ></mais-confirm-action>`
              }
            </li>`,
        )}
      </ul>
      ${this.listError ? html`<p class="error" role="alert">${this.listError}</p>` : nothing}`;
  }

  private form() {
    const set = (patch: Partial<OverrideDraft>) => (this.draft = { ...this.draft, ...patch });
    return html`<form class="card" @submit=${this.add} aria-labelledby="override-form-title">
      <h3 id="override-form-title">Add a day off or special hours</h3>
      <div class="field">
        <label for="override-date">Date</label>
        <input
          id="override-date"
          type="date"
          required
          .value=${this.draft.date}
          @input=${(e: Event) => set({ date: (e.target as HTMLInputElement).value })}
        />
        <p class="hint">Or choose a day on the calendar.</p>
      </div>
      <fieldset class="field">
        <legend class="label">That day</legend>
        <label class="check">
          <input
            type="radio"
            name="override-kind"
            .checked=${this.draft.closed}
            @change=${() => set({ closed: true })}
          />
          Closed all day
        </label>
        <label class="check">
          <input
            type="radio"
            name="override-kind"
            .checked=${!this.draft.closed}
            @change=${() => set({ closed: false })}
          />
          Special hours
        </label>
      </fieldset>
      ${
        this.draft.closed
          ? nothing
          : html`<div class="field-row">
              <div class="field">
                <label for="override-start">Opens</label>
                <input
                  id="override-start"
                  type="time"
                  step="900"
                  .value=${this.draft.startTime}
                  @input=${(e: Event) => set({ startTime: (e.target as HTMLInputElement).value })}
                />
              </div>
              <div class="field">
                <label for="override-end">Closes</label>
                <input
                  id="override-end"
                  type="time"
                  step="900"
                  .value=${this.draft.endTime}
                  @input=${(e: Event) => set({ endTime: (e.target as HTMLInputElement).value })}
                />
              </div>
            </div>`
      }
      <div class="field">
        <label for="override-reason">Reason (optional)</label>
        <input
          id="override-reason"
          maxlength="500"
          .value=${this.reason}
          @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)}
        />
      </div>
      ${this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : nothing}
      <div class="actions">
        <button class="btn" type="submit" ?disabled=${this.busy}>Add</button>
      </div>
    </form>`;
  }
}
