import { html, nothing } from 'lit';
import {
  INTAKE_FIELD_TYPES,
  type IntakeDraft,
  type IntakeErrors,
  type IntakeFieldType,
} from './intake-draft.ts';

/** What a question's card can ask of the builder. */
export interface QuestionActions {
  change: (index: number, change: Partial<IntakeDraft>) => void;
  changeType: (index: number, type: IntakeFieldType) => void;
  move: (index: number, to: number, focusAfter: 'up' | 'down') => void;
  remove: (index: number) => void;
  /** Pointer drag of the handle: pressed, moved (captured by the handle), released or cancelled. */
  dragStart: (index: number, event: PointerEvent) => void;
  dragMove: (event: PointerEvent) => void;
  dragEnd: (event: PointerEvent, dropped: boolean) => void;
}

/**
 * One question of the intake form: its text, kind, required, help text and (for a choice) its
 * options; moved by dragging its handle or with its Move up / Move down buttons.
 */
export function questionCard(
  draft: IntakeDraft,
  index: number,
  count: number,
  errors: IntakeErrors[number] | undefined,
  actions: QuestionActions,
) {
  const n = index + 1;
  const k = draft.key;
  const name = draft.label.trim() || `question ${n}`;
  return html`
    <fieldset class="group question" data-key=${k}>
      <legend>
        <span
          class="handle"
          title="Drag to move"
          aria-hidden="true"
          @pointerdown=${(event: PointerEvent) => actions.dragStart(index, event)}
          @pointermove=${actions.dragMove}
          @pointerup=${(event: PointerEvent) => actions.dragEnd(event, true)}
          @pointercancel=${(event: PointerEvent) => actions.dragEnd(event, false)}
          >⠿</span
        >
        Question ${n}
      </legend>
      <div class="field-row">
        <div class="field">
          <label for="q-label-${k}">Question ${n}</label>
          <input
            id="q-label-${k}"
            .value=${draft.label}
            aria-invalid=${errors?.label ? 'true' : 'false'}
            aria-describedby=${errors?.label ? `q-label-error-${k}` : nothing}
            @input=${(event: Event) => actions.change(index, { label: (event.target as HTMLInputElement).value })}
          />
          ${errors?.label ? html`<p class="error field-error" id="q-label-error-${k}">${errors.label}</p>` : nothing}
        </div>
        <div class="field">
          <label for="q-type-${k}">Type of question ${n}</label>
          <select
            id="q-type-${k}"
            @change=${(event: Event) =>
              actions.changeType(index, (event.target as HTMLSelectElement).value as IntakeFieldType)}
          >
            ${INTAKE_FIELD_TYPES.map(
              (entry) =>
                html`<option value=${entry.type} ?selected=${entry.type === draft.fieldType}>
                  ${entry.label}
                </option>`,
            )}
          </select>
        </div>
      </div>
      <div class="field">
        <label for="q-help-${k}">Help text for question ${n} (optional)</label>
        <input
          id="q-help-${k}"
          .value=${draft.placeholder}
          aria-invalid=${errors?.placeholder ? 'true' : 'false'}
          aria-describedby=${errors?.placeholder ? `q-help-error-${k}` : nothing}
          @input=${(event: Event) => actions.change(index, { placeholder: (event.target as HTMLInputElement).value })}
        />
        ${
          errors?.placeholder
            ? html`<p class="error field-error" id="q-help-error-${k}">${errors.placeholder}</p>`
            : nothing
        }
      </div>
      <label class="check">
        <input
          type="checkbox"
          .checked=${draft.required}
          @change=${(event: Event) => actions.change(index, { required: (event.target as HTMLInputElement).checked })}
        />
        Question ${n} is required
      </label>
      ${draft.fieldType === 'SELECT' ? optionList(draft, n, errors?.options, (options) => actions.change(index, { options })) : nothing}
      <div class="actions">
        <button
          type="button"
          class="btn btn--quiet"
          data-move="up"
          ?disabled=${index === 0}
          @click=${() => actions.move(index, index - 1, 'up')}
        >
          Move ${name} up
        </button>
        <button
          type="button"
          class="btn btn--quiet"
          data-move="down"
          ?disabled=${index === count - 1}
          @click=${() => actions.move(index, index + 1, 'down')}
        >
          Move ${name} down
        </button>
        <button type="button" class="btn btn--quiet" @click=${() => actions.remove(index)}>
          Remove question ${n}
        </button>
      </div>
    </fieldset>
  `;
}

function optionList(
  draft: IntakeDraft,
  n: number,
  error: string | undefined,
  set: (options: string[]) => void,
) {
  const options = draft.options;
  const swap = (from: number, to: number) => {
    const copy = [...options];
    [copy[from], copy[to]] = [copy[to]!, copy[from]!];
    set(copy);
  };
  return html`
    <fieldset class="options">
      <legend class="label">Options of question ${n}</legend>
      <ol>
        ${options.map(
          (option, at) =>
            html`<li class="option">
              <label class="sr-only" for="q-option-${draft.key}-${at}"
                >Option ${at + 1} of question ${n}</label
              >
              <input
                id="q-option-${draft.key}-${at}"
                .value=${option}
                aria-invalid=${error ? 'true' : 'false'}
                aria-describedby=${error ? `q-options-error-${draft.key}` : nothing}
                @input=${(event: Event) =>
                  set(
                    options.map((value, i) => (i === at ? (event.target as HTMLInputElement).value : value)),
                  )}
              />
              <button
                type="button"
                class="btn btn--quiet"
                ?disabled=${at === 0}
                @click=${() => swap(at, at - 1)}
              >
                <span aria-hidden="true">↑</span
                ><span class="sr-only">Move option ${at + 1} of question ${n} up</span>
              </button>
              <button
                type="button"
                class="btn btn--quiet"
                ?disabled=${at === options.length - 1}
                @click=${() => swap(at, at + 1)}
              >
                <span aria-hidden="true">↓</span
                ><span class="sr-only">Move option ${at + 1} of question ${n} down</span>
              </button>
              <button
                type="button"
                class="btn btn--quiet"
                @click=${() => set(options.filter((_, i) => i !== at))}
              >
                <span aria-hidden="true">✕</span
                ><span class="sr-only">Remove option ${at + 1} of question ${n}</span>
              </button>
            </li>`,
        )}
      </ol>
      <button type="button" class="btn btn--quiet" @click=${() => set([...options, ''])}>
        Add an option to question ${n}
      </button>
      ${error ? html`<p class="error field-error" id="q-options-error-${draft.key}">${error}</p>` : nothing}
    </fieldset>
  `;
}
