import type { IntakeField } from '@mais/sdk';
import { ApiError } from '@mais/sdk';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { errorText } from '../../ui/api-error.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import {
  draftsOfFields,
  INTAKE_FIELD_TYPES,
  intakeErrorsOf,
  intakeProblems,
  moveItem,
  newIntakeDraft,
  replaceBodyOf,
  withFieldType,
  type IntakeDraft,
  type IntakeErrors,
  type IntakeFieldType,
} from './intake-draft.ts';
import { intakePreview } from './intake-preview.ts';
import { questionCard, type QuestionActions } from './intake-question.ts';
import { formSectionStyles } from './services.styles.ts';

/**
 * The questions a client answers when booking this service. Questions are reordered by dragging
 * their handle or with Move up / Move down (focus stays on the moved question's button); Save form
 * PUTs the whole list in order. A preview beside it shows the form as a client sees it.
 */
@customElement('mais-intake-builder')
export class IntakeBuilder extends LitElement {
  static override styles = [
    consoleStyles,
    formSectionStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
        gap: 1.5rem;
        align-items: start;
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .handle {
        cursor: grab;
        padding: 0 0.35rem;
        font-size: 1.2rem;
        user-select: none;
        touch-action: none;
      }
      .question-slot[data-drop='true'] .question {
        outline: 3px dashed var(--_primary);
      }
      .option {
        display: flex;
        gap: 0.4rem;
        align-items: center;
        margin-bottom: 0.4rem;
      }
      .option input {
        flex: 1 1 auto;
      }
      ol {
        padding-left: 1.5rem;
        margin: 0 0 0.5rem;
      }
      .add {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
        align-items: end;
      }
      .add .field {
        margin-bottom: 0;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) serviceId = '';
  @property({ attribute: false }) fields: IntakeField[] = [];
  @state() private drafts: IntakeDraft[] = [];
  @state() private errors: IntakeErrors = {};
  @state() private message = '';
  @state() private saving = false;
  @state() private newType: IntakeFieldType = 'TEXT';
  @state() private dropKey: string | null = null;
  private dragFrom: number | null = null;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('fields')) {
      this.drafts = draftsOfFields(this.fields);
      this.errors = {};
    }
  }

  private readonly actions: QuestionActions = {
    change: (index, change) => {
      this.drafts = this.drafts.map((draft, at) => (at === index ? { ...draft, ...change } : draft));
    },
    changeType: (index, type) => {
      this.drafts = this.drafts.map((draft, at) => (at === index ? withFieldType(draft, type) : draft));
    },
    move: (index, to, direction) => void this.move(index, to, direction),
    remove: (index) => {
      const removed = this.drafts[index];
      this.drafts = this.drafts.filter((_, at) => at !== index);
      this.errors = {};
      this.ctx.announce(
        `Removed ${removed?.label || `question ${index + 1}`}. Save the form to keep the change.`,
      );
    },
    dragStart: (index, event) => {
      if (event.button !== 0) return;
      event.preventDefault();
      // Pointer events, not HTML drag and drop: they work with touch too, and the handle keeps the
      // pointer (capture) however far it goes.
      (event.currentTarget as Element).setPointerCapture(event.pointerId);
      this.dragFrom = index;
      this.dropKey = this.drafts[index]?.key ?? null;
    },
    dragMove: (event) => {
      if (this.dragFrom === null) return;
      const under = (this.renderRoot as ShadowRoot).elementFromPoint(event.clientX, event.clientY);
      const key = under?.closest<HTMLElement>('.question')?.dataset['key'];
      if (key !== undefined) this.dropKey = key;
    },
    dragEnd: (_event, dropped) => {
      const from = this.dragFrom;
      const to = this.drafts.findIndex((draft) => draft.key === this.dropKey);
      this.dragFrom = null;
      this.dropKey = null;
      if (dropped && from !== null && to !== -1) void this.move(from, to, null);
    },
  };

  private async move(index: number, to: number, direction: 'up' | 'down' | null) {
    if (to < 0 || to >= this.drafts.length || to === index) return;
    const moved = this.drafts[index]!;
    this.drafts = moveItem(this.drafts, index, to);
    this.errors = {};
    this.ctx.announce(`${moved.label || 'Question'} is now question ${to + 1} of ${this.drafts.length}.`);
    if (direction === null) return;
    // Keep the keyboard where it was: on the moved question's button (or its other one at an end).
    await this.updateComplete;
    const card = this.renderRoot.querySelector(`.question[data-key="${CSS.escape(moved.key)}"]`);
    const button =
      card?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]:not([disabled])`) ??
      card?.querySelector<HTMLButtonElement>('[data-move]:not([disabled])');
    button?.focus();
  }

  override render() {
    return html`
      <div class="layout">
        <form novalidate @submit=${this.save}>
          <div>
            ${this.drafts.length === 0 ? html`<p class="muted">No questions yet.</p>` : ''}
            ${repeat(
              this.drafts,
              (draft) => draft.key,
              (draft, index) =>
                html`<div class="question-slot" data-drop=${this.dropKey === draft.key ? 'true' : 'false'}>
                  ${questionCard(draft, index, this.drafts.length, this.errors[index], this.actions)}
                </div>`,
            )}
          </div>
          <div class="add">
            <div class="field">
              <label for="new-question-type">New question's type</label>
              <select
                id="new-question-type"
                @change=${(event: Event) => (this.newType = (event.target as HTMLSelectElement).value as IntakeFieldType)}
              >
                ${INTAKE_FIELD_TYPES.map(
                  (entry) =>
                    html`<option value=${entry.type} ?selected=${entry.type === this.newType}>
                      ${entry.label}
                    </option>`,
                )}
              </select>
            </div>
            <button
              type="button"
              class="btn btn--quiet"
              ?disabled=${this.drafts.length >= 50}
              @click=${this.add}
            >
              Add a question
            </button>
          </div>
          <div role="alert">${this.message ? html`<p class="error">${this.message}</p>` : ''}</div>
          <div class="actions">
            <button class="btn" type="submit" ?disabled=${this.saving}>Save form</button>
          </div>
        </form>
        <section class="card" aria-labelledby="intake-preview-heading">
          <h3 id="intake-preview-heading">Preview</h3>
          ${intakePreview(this.drafts)}
        </section>
      </div>
    `;
  }

  private readonly add = async () => {
    const draft = newIntakeDraft(this.newType);
    this.drafts = [...this.drafts, draft];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#q-label-${CSS.escape(draft.key)}`)?.focus();
  };

  private readonly save = async (event: Event) => {
    event.preventDefault();
    const problems = intakeProblems(this.drafts);
    this.errors = problems;
    if (Object.keys(problems).length > 0) {
      this.message = 'Some questions need a look: see the messages under them.';
      await this.focusFirstInvalid();
      return;
    }
    this.saving = true;
    this.message = '';
    try {
      const saved = await this.ctx.admin.intakeFields.replace(this.serviceId, replaceBodyOf(this.drafts));
      this.fields = saved.data;
      this.ctx.announce('Intake form saved.');
    } catch (error) {
      this.message = errorText(error);
      if (error instanceof ApiError && error.details) {
        this.errors = intakeErrorsOf(error.details);
        await this.focusFirstInvalid();
      }
    } finally {
      this.saving = false;
    }
  };

  private async focusFirstInvalid() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}
