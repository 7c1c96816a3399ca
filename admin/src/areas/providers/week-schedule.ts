import type { AvailabilityRule, ReplaceAvailabilityBody } from '@mais/sdk';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import {
  cellsToRules,
  dayHours,
  DISPLAY_DAYS,
  MINUTES_PER_DAY,
  moveFocus,
  paintRectangle,
  rulesToCells,
  sameCells,
  stepFor,
  toggleCell,
  wallTimeOf,
  type CellPoint,
  type WeekCells,
} from './schedule-cells.ts';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const SHORT_DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Drag {
  pointerId: number;
  anchor: CellPoint;
  baseline: WeekCells;
  paint: boolean;
}

/**
 * The provider's weekly hours as a grid (7 days × 30- or 15-minute cells). Press and drag paints
 * open hours; a drag that starts on an open cell clears instead. Keyboard: the grid is one tab
 * stop; arrows (Page Up/Down: 2 hours, Home/End) move, Space or Enter flips a cell, and
 * Shift+arrow carries the current cell's state along. Nothing is sent until "Save weekly hours".
 */
@customElement('mais-week-schedule')
export class WeekSchedule extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .grid-wrap {
        overflow-x: auto;
      }
      table.week {
        table-layout: fixed;
        min-width: 20rem;
        user-select: none;
        touch-action: none;
      }
      table.week th,
      table.week td {
        padding: 0;
        border: 0;
      }
      table.week thead th {
        text-align: center;
        font-size: 0.85rem;
        padding-bottom: 0.25rem;
      }
      table.week th[scope='row'] {
        width: 3.2rem;
        font-size: 0.75rem;
        font-weight: 400;
        color: var(--_muted);
        vertical-align: top;
        line-height: 1;
      }
      table.week td {
        height: var(--cell-height, 0.85rem);
        border-left: 1px solid var(--_soft);
        cursor: pointer;
      }
      table.week tr.hour td {
        border-top: 1px solid var(--_line);
      }
      table.week td[aria-selected='true'] {
        background: var(--_primary);
      }
      table.week td:focus-visible {
        outline: 3px solid var(--_text);
        outline-offset: -3px;
      }
      ul.summary {
        list-style: none;
        padding: 0;
        margin: 0.75rem 0 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
        gap: 0.25rem 1rem;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property() providerId = '';
  /** The zone the rules are read in (the provider's, else the business's). */
  @property() zone = '';
  @property({ attribute: false }) rules: AvailabilityRule[] = [];

  @state() private step = 30;
  @state() private cells: WeekCells = [];
  @state() private saved: WeekCells = [];
  @state() private kept: AvailabilityRule[] = [];
  @state() private focusAt: CellPoint = { column: 0, row: 18 };
  @state() private error = '';
  @state() private busy = false;
  private drag: Drag | null = null;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('rules')) this.load(this.rules);
  }

  private load(rules: AvailabilityRule[]) {
    this.step = stepFor(rules);
    const { cells, kept } = rulesToCells(rules, this.step);
    this.cells = cells;
    this.saved = cells;
    this.kept = kept;
    this.focusAt = { column: 0, row: Math.min(this.rows - 1, (9 * 60) / this.step) };
  }

  private get rows() {
    return MINUTES_PER_DAY / this.step;
  }

  private get changed() {
    return !sameCells(this.cells, this.saved);
  }

  private async save() {
    const kept: ReplaceAvailabilityBody = this.kept.map((rule) => ({
      dayOfWeek: rule.dayOfWeek,
      startTime: rule.startTime,
      endTime: rule.endTime,
      ...(rule.serviceId ? { serviceId: rule.serviceId } : {}),
      ...(rule.effectiveFrom ? { effectiveFrom: rule.effectiveFrom } : {}),
      ...(rule.effectiveTo ? { effectiveTo: rule.effectiveTo } : {}),
    }));
    this.busy = true;
    this.error = '';
    try {
      const answer = await this.ctx.admin.availability.replaceForProvider(this.providerId, [
        ...cellsToRules(this.cells, this.step),
        ...kept,
      ]);
      this.load(answer.data);
      this.ctx.announce('Weekly hours saved.');
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  private cellAt(target: EventTarget | Element | null): CellPoint | null {
    const cell = (target as Element | null)?.closest?.('td[data-row]');
    if (!cell) return null;
    return { column: Number(cell.getAttribute('data-column')), row: Number(cell.getAttribute('data-row')) };
  }

  private pointerDown(event: PointerEvent) {
    if (event.button !== 0 || this.busy) return;
    const point = this.cellAt(event.target);
    if (!point) return;
    event.preventDefault();
    const painted = this.cells[DISPLAY_DAYS[point.column]!]![point.row]!;
    this.drag = { pointerId: event.pointerId, anchor: point, baseline: this.cells, paint: !painted };
    (event.currentTarget as HTMLElement).setPointerCapture?.(event.pointerId);
    this.focusAt = point;
    this.cells = paintRectangle(this.drag.baseline, point, point, this.drag.paint);
    this.focusCell();
  }

  private pointerMove(event: PointerEvent) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    // Under pointer capture the event's target is the table: find the cell under the pointer.
    const point = this.cellAt(this.shadowRoot?.elementFromPoint(event.clientX, event.clientY) ?? null);
    if (!point) return;
    this.focusAt = point;
    this.cells = paintRectangle(drag.baseline, drag.anchor, point, drag.paint);
  }

  private pointerUp(event: PointerEvent) {
    if (this.drag?.pointerId === event.pointerId) this.drag = null;
  }

  /** A cell focused by any means (Tab, a click, a screen reader) is where the keys act. */
  private focusIn(event: FocusEvent) {
    const point = this.cellAt(event.target);
    if (point && !this.drag) this.focusAt = point;
  }

  private keyDown(event: KeyboardEvent) {
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      this.cells = toggleCell(this.cells, this.focusAt);
      return;
    }
    const next = moveFocus(this.focusAt, event.key, this.rows, 120 / this.step);
    if (!next) return;
    event.preventDefault();
    if (event.shiftKey) {
      const value = this.cells[DISPLAY_DAYS[this.focusAt.column]!]![this.focusAt.row]!;
      this.cells = paintRectangle(this.cells, next, next, value);
    }
    this.focusAt = next;
    this.focusCell();
  }

  private async focusCell() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
  }

  override render() {
    const hoursPerRow = this.step;
    const rows = Array.from({ length: this.rows }, (_, row) => row);
    return html`
      <p class="hint" id="week-help">
        Times in ${this.zone}. Drag over the grid to open hours; start a drag on an open (coloured) cell to
        clear. With the keyboard: arrow keys move, Space opens or closes a cell, Shift + arrow carries it
        along.
      </p>
      <div class="grid-wrap">
        <table
          class="week"
          role="grid"
          aria-multiselectable="true"
          aria-label="Weekly hours, ${hoursPerRow}-minute cells"
          aria-describedby="week-help"
          style="--cell-height: ${this.step === 15 ? '0.5rem' : '0.85rem'}"
          @pointerdown=${this.pointerDown}
          @pointermove=${this.pointerMove}
          @pointerup=${this.pointerUp}
          @pointercancel=${this.pointerUp}
          @keydown=${this.keyDown}
          @focusin=${this.focusIn}
        >
          <thead>
            <tr>
              <th scope="col"><span class="sr-only">Time</span></th>
              ${DISPLAY_DAYS.map(
                (day) =>
                  html`<th scope="col"><abbr title=${DAY_NAMES[day]!}>${SHORT_DAY_NAMES[day]}</abbr></th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${rows.map((row) => this.row(row))}
          </tbody>
        </table>
      </div>
      <ul class="summary" aria-label="Open hours by day">
        ${DISPLAY_DAYS.map(
          (day) =>
            html`<li data-day=${day}>
              <strong>${DAY_NAMES[day]}:</strong> ${dayHours(this.cells[day] ?? [], this.step) || 'closed'}
            </li>`,
        )}
      </ul>
      ${this.kept.length > 0 ? this.keptRules() : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button class="btn" ?disabled=${this.busy || !this.changed} @click=${this.save}>
          Save weekly hours
        </button>
        <button
          class="btn btn--quiet"
          ?disabled=${this.busy || !this.changed}
          @click=${() => (this.cells = this.saved)}
        >
          Undo changes
        </button>
        ${this.changed ? html`<span class="muted" role="status">Unsaved changes</span>` : nothing}
      </div>
    `;
  }

  private row(row: number) {
    const minute = row * this.step;
    const onHour = minute % 60 === 0;
    const label = `${wallTimeOf(minute)}–${wallTimeOf(minute + this.step)}`;
    return html`<tr class=${onHour ? 'hour' : ''}>
      <th scope="row">
        ${onHour ? wallTimeOf(minute) : html`<span class="sr-only">${wallTimeOf(minute)}</span>`}
      </th>
      ${DISPLAY_DAYS.map((day, column) => {
        const focused = this.focusAt.column === column && this.focusAt.row === row;
        return html`<td
          role="gridcell"
          data-column=${column}
          data-row=${row}
          tabindex=${focused ? '0' : '-1'}
          aria-selected=${this.cells[day]?.[row] ? 'true' : 'false'}
          aria-label="${DAY_NAMES[day]} ${label}"
        ></td>`;
      })}
    </tr>`;
  }

  private keptRules() {
    return html`<div class="notice">
      <p>These hours were set through the API for particular services or dates; they are kept as they are:</p>
      <ul>
        ${this.kept.map(
          (rule) =>
            html`<li>
              ${DAY_NAMES[rule.dayOfWeek]} ${rule.startTime}–${rule.endTime}
              ${rule.serviceId ? ' (one service only)' : ''}
              ${
                rule.effectiveFrom || rule.effectiveTo
                  ? ` (${rule.effectiveFrom ?? '…'} to ${rule.effectiveTo ?? '…'})`
                  : ''
              }
            </li>`,
        )}
      </ul>
    </div>`;
  }
}
