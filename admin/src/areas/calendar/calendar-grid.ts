import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatLongDate, formatShortDay, formatTime, humanize } from '../../ui/format.ts';
import { isMovable, type CalendarEntry } from './calendar-entry.ts';
import { calendarGridStyles } from './calendar-grid.styles.ts';
import type { DayLayout, Segment } from './calendar-layout.ts';
import { dropTarget, isDrag, minutesAt, timeOfMinutes, type DropTarget } from './drag-math.ts';

/** 60px an hour (the CSS --hour-height): one pixel a minute. */
const PX_PER_MINUTE = 1;

export interface MoveDetail {
  entry: Extract<CalendarEntry, { kind: 'appointment' }>;
  date: string;
  minutes: number;
}

interface Drag {
  segment: Segment<CalendarEntry>;
  element: HTMLElement;
  pointerId: number;
  x: number;
  y: number;
  columnWidth: number;
  moved: boolean;
  target: DropTarget | null;
}

/**
 * <mais-calendar-grid>: the days side by side with an hours axis. Appointments are links to their
 * page; a movable one can be dragged to another time or day (snapped to 15 minutes), or moved with
 * its "Move" button (the keyboard's way). An empty spot asks for a new booking there. Listeners are
 * delegated to the grid (one each, not one per item), and a drag moves the item with a transform
 * (no re-render, no layout reads while the pointer moves).
 *
 * Events: `calendar-move` (MoveDetail), `calendar-move-dialog` ({ entry }), `calendar-create`
 * ({ date, minutes }).
 */
@customElement('mais-calendar-grid')
export class CalendarGrid extends LitElement {
  static override styles = [consoleStyles, calendarGridStyles];

  @property({ attribute: false }) layouts: DayLayout<CalendarEntry>[] = [];
  @property({ attribute: false }) hours = { start: 7 * 60, end: 20 * 60 };
  @property({ attribute: false }) zone = 'UTC';
  @property({ attribute: false }) today = '';
  /** A label under each appointment (service, provider) by appointment. */
  @property({ attribute: false }) describe: (
    entry: Extract<CalendarEntry, { kind: 'appointment' }>,
  ) => string = () => '';
  @property({ type: Boolean }) canCreate = false;
  /** The appointment whose move is being saved: drawn where it was dropped until the answer. */
  @property({ attribute: false }) pendingId: string | null = null;

  private drag: Drag | null = null;
  private suppressClick = false;
  private segmentsByKey = new Map<string, Segment<CalendarEntry>>();

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('layouts')) {
      this.segmentsByKey = new Map();
      for (const layout of this.layouts)
        for (const segment of layout.timed) this.segmentsByKey.set(keyOf(segment), segment);
    }
  }

  /**
   * Puts every dragged item back where the data says (after a move is saved or refused). The drag's
   * marks are a data attribute and an inline transform, which Lit's own bindings leave alone.
   */
  settle() {
    for (const element of this.renderRoot.querySelectorAll<HTMLElement>('.appt[data-dragging]')) {
      delete element.dataset.dragging;
      element.style.transform = '';
      element.querySelector('.drop-label')?.remove();
    }
  }

  override render() {
    const { start, end } = this.hours;
    const hourCount = (end - start) / 60;
    const anyAllDay = this.layouts.some((layout) => layout.allDay.length > 0);
    const days = this.layouts.length;
    return html`<div class="scroller">
      <div
        class="grid"
        style="--days:${days};--hours:${hourCount};--day-min:${days > 1 ? '7.5rem' : '12rem'};${
          this.canCreate ? '--create-cursor:copy' : ''
        }"
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerCancel}
        @click=${this.onClick}
      >
        <div class="head" aria-hidden="true"></div>
        ${this.layouts.map(
          (layout, index) =>
            html`<div class="head" id="day-${index}" ?data-today=${layout.date === this.today}>
              <h3>
                <span class="sr-only">${formatLongDate(layout.date)}</span
                ><span aria-hidden="true">${formatShortDay(layout.date)}</span>
              </h3>
            </div>`,
        )}
        ${
          anyAllDay
            ? html`<div class="axis-label">All day</div>
                ${this.layouts.map(
                  (layout) =>
                    html`<div class="all-day">
                      ${layout.allDay.map(() => html`<div class="item busy">Busy all day</div>`)}
                    </div>`,
                )}`
            : nothing
        }
        <div class="axis" aria-hidden="true">
          ${Array.from({ length: hourCount }, (_, index) => {
            const minutes = start + index * 60;
            return html`<span style="top:${(index / hourCount) * 100}%">${hourLabel(minutes)}</span>`;
          })}
        </div>
        ${this.layouts.map(
          (layout, index) =>
            html`<div class="day" role="group" aria-labelledby="day-${index}" data-day=${index}>
              ${layout.timed.map((segment) => this.item(segment))}
            </div>`,
        )}
      </div>
    </div>`;
  }

  private item(segment: Segment<CalendarEntry>) {
    const { start, end } = this.hours;
    const span = end - start;
    const style = `top:${((segment.top - start) / span) * 100}%;height:${((segment.bottom - segment.top) / span) * 100}%;left:${(segment.column / segment.columns) * 100}%;width:${100 / segment.columns}%`;
    const entry = segment.item;
    const when = `${formatTime(entry.start, this.zone)}–${formatTime(entry.end, this.zone)}`;
    if (entry.kind === 'busy') {
      return html`<div class="item busy" style=${style}><span class="time">${when}</span> Busy</div>`;
    }
    const { appointment } = entry;
    const movable = isMovable(appointment);
    const key = keyOf(segment);
    const status = appointment.status === 'CONFIRMED' ? '' : ` (${humanize(appointment.status)})`;
    return html`<div
      class="item appt ${entry.id === this.pendingId ? 'pending' : ''}"
      style=${style}
      data-key=${key}
      data-status=${appointment.status}
      ?data-movable=${movable}
    >
      <a href=${hrefFor('appointments', [appointment.id])} draggable="false"
        ><span class="time">${when}</span> <span class="who">${appointment.client.name}</span>${status}
        <span class="what">${this.describe(entry)}</span></a
      >${
        movable
          ? html`<button
              type="button"
              class="move"
              data-move=${key}
              aria-label="Move ${appointment.client.name}, ${when}"
            >
              Move
            </button>`
          : nothing
      }
    </div>`;
  }

  private onPointerDown(event: PointerEvent) {
    if (!event.isPrimary || event.button !== 0) return;
    const target = event.target as HTMLElement;
    if (target.closest('.move')) return;
    const element = target.closest<HTMLElement>('.appt[data-movable]');
    const segment = element ? this.segmentsByKey.get(element.dataset.key ?? '') : undefined;
    if (!element || !segment) return;
    // Measured once per drag, before anything moves.
    const column = element.closest('.day')!.getBoundingClientRect();
    this.drag = {
      segment,
      element,
      pointerId: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      columnWidth: column.width,
      moved: false,
      target: null,
    };
  }

  private onPointerMove(event: PointerEvent) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!drag.moved) {
      if (!isDrag(dx, dy)) return;
      drag.moved = true;
      drag.element.setPointerCapture(event.pointerId);
      drag.element.dataset.dragging = '';
    }
    event.preventDefault();
    const { segment } = drag;
    const entry = segment.item;
    const target = dropTarget(
      {
        dayIndex: segment.dayIndex,
        startMinutes: segment.top,
        durationMinutes: Math.round((entry.end.getTime() - entry.start.getTime()) / 60_000),
      },
      dx,
      dy,
      { columnWidth: drag.columnWidth, pxPerMinute: PX_PER_MINUTE, dayCount: this.layouts.length },
    );
    drag.target = target;
    const offsetX = (target.dayIndex - segment.dayIndex) * drag.columnWidth;
    const offsetY = (target.minutes - segment.top) * PX_PER_MINUTE;
    drag.element.style.transform = `translate(${offsetX}px, ${offsetY}px)`;
    let label = drag.element.querySelector<HTMLElement>('.drop-label');
    if (!label) {
      label = document.createElement('span');
      label.className = 'drop-label';
      label.setAttribute('aria-hidden', 'true');
      drag.element.append(label);
    }
    label.textContent = `${formatShortDay(this.layouts[target.dayIndex]!.date)} ${timeOfMinutes(target.minutes)}`;
  }

  private onPointerUp(event: PointerEvent) {
    const drag = this.drag;
    if (!drag || event.pointerId !== drag.pointerId) return;
    this.drag = null;
    if (!drag.moved) return;
    // The click that follows a drag must not open the appointment.
    this.suppressClick = true;
    setTimeout(() => (this.suppressClick = false), 0);
    const { target, segment } = drag;
    const unchanged = !target || (target.dayIndex === segment.dayIndex && target.minutes === segment.top);
    if (unchanged || segment.item.kind !== 'appointment') {
      this.settle();
      return;
    }
    this.dispatchEvent(
      new CustomEvent<MoveDetail>('calendar-move', {
        detail: { entry: segment.item, date: this.layouts[target.dayIndex]!.date, minutes: target.minutes },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private onPointerCancel() {
    this.drag = null;
    this.settle();
  }

  private onClick(event: MouseEvent) {
    const target = event.target as HTMLElement;
    if (this.suppressClick) {
      event.preventDefault();
      event.stopPropagation();
      this.suppressClick = false;
      return;
    }
    const moveKey = target.closest<HTMLElement>('[data-move]')?.dataset.move;
    if (moveKey) {
      const segment = this.segmentsByKey.get(moveKey);
      if (segment?.item.kind === 'appointment') {
        this.dispatchEvent(
          new CustomEvent('calendar-move-dialog', {
            detail: { entry: segment.item },
            bubbles: true,
            composed: true,
          }),
        );
      }
      return;
    }
    // An empty spot of a day (not an item): a booking there, for those who may book.
    if (!this.canCreate || !target.classList.contains('day')) return;
    const dayIndex = Number(target.dataset.day);
    const offsetY = event.clientY - target.getBoundingClientRect().top;
    this.dispatchEvent(
      new CustomEvent('calendar-create', {
        detail: {
          date: this.layouts[dayIndex]!.date,
          minutes: minutesAt(offsetY, PX_PER_MINUTE, this.hours.start),
        },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

const hourFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', timeZone: 'UTC' });

/** "9 AM" or "09", as the browser's locale writes hours (the items' times use the same locale). */
function hourLabel(minutes: number): string {
  return hourFormat.format(Date.UTC(2000, 0, 1, Math.floor(minutes / 60)));
}

function keyOf(segment: Segment<CalendarEntry>): string {
  return `${segment.item.id}:${segment.dayIndex}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'mais-calendar-grid': CalendarGrid;
  }
}
