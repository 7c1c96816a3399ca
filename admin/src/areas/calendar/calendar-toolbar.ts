import type { Provider } from '@mais/sdk';
import { css, html, nothing } from 'lit';
import { today } from '../../dates/zoned-time.ts';
import { CALENDAR_VIEWS, stepAnchor, type CalendarView } from './calendar-range.ts';

export interface ToolbarState {
  view: CalendarView;
  anchor: string;
  zone: string;
  /** Everyone: undefined. */
  providerId: string | undefined;
  /** null: the account is a provider, fixed to itself (no choice shown). */
  providers: Provider[] | null;
  canCreate: boolean;
}

export interface ToolbarActions {
  show(change: { view?: CalendarView; anchor?: string; providerId?: string | undefined }): void;
  newBooking(): void;
}

/** Day/week, previous/today/next, whose calendar, and "New booking" (for those who may book). */
export function calendarToolbar(state: ToolbarState, actions: ToolbarActions) {
  const unit = state.view === 'day' ? 'day' : 'week';
  return html`<div class="toolbar calendar-toolbar">
    <div class="segmented" role="group" aria-label="View">
      ${CALENDAR_VIEWS.map(
        (view) =>
          html`<button
            type="button"
            class="btn ${view === state.view ? '' : 'btn--quiet'}"
            aria-pressed=${view === state.view ? 'true' : 'false'}
            @click=${() => actions.show({ view })}
          >
            ${view === 'day' ? 'Day' : 'Week'}
          </button>`,
      )}
    </div>
    <div class="segmented" role="group" aria-label="Dates">
      <button
        type="button"
        class="btn btn--quiet"
        @click=${() => actions.show({ anchor: stepAnchor(state.anchor, state.view, -1) })}
      >
        Previous ${unit}
      </button>
      <button
        type="button"
        class="btn btn--quiet"
        @click=${() => actions.show({ anchor: today(state.zone) })}
      >
        Today
      </button>
      <button
        type="button"
        class="btn btn--quiet"
        @click=${() => actions.show({ anchor: stepAnchor(state.anchor, state.view, 1) })}
      >
        Next ${unit}
      </button>
    </div>
    <div class="go-to">
      <label for="calendar-date">Go to date</label>
      <input
        id="calendar-date"
        type="date"
        .value=${state.anchor}
        @change=${(event: Event) => {
          const value = (event.target as HTMLInputElement).value;
          if (value) actions.show({ anchor: value });
        }}
      />
    </div>
    ${
      state.providers
        ? html`<div class="provider-pick">
            <label for="calendar-provider">Provider</label>
            <select
              id="calendar-provider"
              @change=${(event: Event) => actions.show({ providerId: (event.target as HTMLSelectElement).value || undefined })}
            >
              <option value="" ?selected=${state.providerId === undefined}>Everyone</option>
              ${state.providers.map(
                (provider) =>
                  html`<option value=${provider.id} ?selected=${provider.id === state.providerId}>
                    ${provider.name}
                  </option>`,
              )}
            </select>
          </div>`
        : nothing
    }
    ${
      state.canCreate
        ? html`<button type="button" class="btn" @click=${() => actions.newBooking()}>New booking</button>`
        : nothing
    }
  </div>`;
}

export const toolbarStyles = css`
  .calendar-toolbar .segmented {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  .calendar-toolbar label {
    font-size: 0.9rem;
  }
  .calendar-toolbar .provider-pick,
  .calendar-toolbar .go-to {
    min-width: 10rem;
  }
  @media (max-width: 600px) {
    .calendar-toolbar {
      gap: 0.5rem;
    }
    .calendar-toolbar .provider-pick,
    .calendar-toolbar .go-to {
      flex: 1 1 100%;
    }
  }
`;
