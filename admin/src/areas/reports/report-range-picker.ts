import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { consoleStyles } from '../../ui/console.styles.ts';
import {
  defaultInterval,
  intervalsFor,
  presetOf,
  presetRange,
  PRESETS,
  rangeProblem,
  type PresetId,
  type ReportInterval,
  type ReportQuery,
} from './report-range.ts';

declare global {
  interface HTMLElementEventMap {
    'range-change': CustomEvent<ReportQuery>;
  }
}

const INTERVAL_LABELS: Record<ReportInterval, string> = { day: 'Day', week: 'Week', month: 'Month' };

/**
 * <mais-report-range-picker>: presets (one click applies) and start/end dates (applied with the
 * button, so a half-typed date does not reload the report). Fires `range-change` with the whole
 * query; the area writes it to the address. Interval and basis show for the revenue report only.
 */
@customElement('mais-report-range-picker')
export class ReportRangePicker extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .presets {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin-bottom: 0.75rem;
      }
      .presets .btn[aria-pressed='true'] {
        outline: 2px solid var(--_primary);
        font-weight: 700;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: end;
      }
      form .field {
        flex: 1 1 9rem;
        margin: 0;
      }
      form .btn {
        flex: 0 0 auto;
      }
    `,
  ];

  @property({ attribute: false }) query!: ReportQuery;
  /** Today in the business's zone. */
  @property() todayDate = '';
  @property({ type: Boolean }) revenueOptions = false;
  @state() private problem = '';

  private emit(query: ReportQuery) {
    this.problem = '';
    this.dispatchEvent(new CustomEvent('range-change', { detail: query, bubbles: true, composed: true }));
  }

  private choosePreset(id: PresetId) {
    const range = presetRange(id, this.todayDate);
    this.emit({ ...this.query, ...range, interval: defaultInterval(range) });
  }

  private apply(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const range = {
      startDate: String(data.get('startDate') ?? ''),
      endDate: String(data.get('endDate') ?? ''),
    };
    const problem = rangeProblem(range);
    if (problem) {
      this.problem = problem;
      return;
    }
    const wanted = (data.get('interval') as ReportInterval | null) ?? this.query.interval;
    const intervals = intervalsFor(range);
    this.emit({
      ...range,
      interval: intervals.includes(wanted) ? wanted : intervals[0]!,
      basis:
        data.get('basis') === 'service'
          ? 'service'
          : data.get('basis') === 'cash'
            ? 'cash'
            : this.query.basis,
    });
  }

  override render() {
    const current = presetOf(this.query, this.todayDate);
    return html`
      <div class="presets" role="group" aria-label="Period">
        ${PRESETS.map(
          (preset) =>
            html`<button
              type="button"
              class="btn btn--quiet"
              aria-pressed=${current === preset.id ? 'true' : 'false'}
              @click=${() => this.choosePreset(preset.id)}
            >
              ${preset.label}
            </button>`,
        )}
      </div>
      <form @submit=${this.apply} novalidate>
        <div class="field">
          <label for="start">From</label>
          <input id="start" name="startDate" type="date" .value=${this.query.startDate} required />
        </div>
        <div class="field">
          <label for="end">To</label>
          <input id="end" name="endDate" type="date" .value=${this.query.endDate} required />
        </div>
        ${
          this.revenueOptions
            ? html`<div class="field">
                  <label for="interval">Group by</label>
                  <select id="interval" name="interval">
                    ${(['day', 'week', 'month'] as const).map(
                      (interval) =>
                        html`<option value=${interval} ?selected=${this.query.interval === interval}>
                          ${INTERVAL_LABELS[interval]}
                        </option>`,
                    )}
                  </select>
                </div>
                <div class="field">
                  <label for="basis">Count money by</label>
                  <select id="basis" name="basis">
                    <option value="cash" ?selected=${this.query.basis === 'cash'}>When it was paid</option>
                    <option value="service" ?selected=${this.query.basis === 'service'}>
                      Appointment date
                    </option>
                  </select>
                </div>`
            : ''
        }
        <button class="btn" type="submit">Show</button>
      </form>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : ''}
    `;
  }
}
