import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.controller.ts';
import { MaisElement } from '../../internal/mais-element.ts';
import { shared } from '../../styles/shared.styles.ts';
import { styles } from './mais-intake-form.styles.ts';
import { fieldError, MAX_LENGTH, type FieldSpec, type FieldValue } from './validation.ts';

const PRESS_EVENTS = ['mousedown', 'mouseup', 'keydown'];

/**
 * @summary The details form: the client's name, email and phone, then the service's intake fields
 * (TEXT, TEXTAREA, SELECT, CHECKBOX, DATE, PHONE, EMAIL), with required marks and inline validation.
 *
 * A field is checked when the client leaves it and again as they correct it; submitting checks all
 * of them and moves focus to the first one in error. A field left by pressing the mouse (or a tap)
 * is checked when the button is released, after its click: a message appearing at the press would
 * push the submit button from under the pointer and the click would be lost.
 *
 * @event intake-submit - Every field is valid; `detail.values` maps each field's key to its value. Internal.
 *
 * @csspart form - The form.
 * @csspart button - The submit button.
 */
export class MaisIntakeForm extends MaisElement {
  static override styles = [shared, styles];

  @property({ attribute: false }) fields: readonly FieldSpec[] = [];
  /** The answers, by field key. Edited in place, so they survive leaving and coming back to the form. */
  @property({ attribute: false }) values: Record<string, FieldValue> = {};
  /** Messages from the API's 400 details, by field key. */
  @property({ attribute: false }) serverErrors: Record<string, string> = {};
  @property({ attribute: 'submit-label' }) submitLabel = '';
  @property({ type: Boolean }) busy = false;
  @property() locale: string | undefined;

  @state() errors: Record<string, string> = {};
  @state() summary = '';

  private readonly l10n = new LocalizeController(this);
  /** The primary mouse button is down (a tap counts: browsers send it mousedown, mouseup and click). */
  private pressed = false;
  /** Fields left while it was down, to check once it is up. */
  private readonly leftWhilePressed = new Set<FieldSpec>();

  // On window, so that a press anywhere (on a button of the page below us too) defers the message.
  // A key also ends the wait, in case the release went elsewhere (a select's own popup).
  private readonly onPress = (event: Event): void => {
    this.pressed = event.type === 'mousedown' && (event as MouseEvent).button === 0;
    // After the click this release makes, which is dispatched in the same task.
    if (!this.pressed) setTimeout(() => this.leftWhilePressed.forEach((field) => this.leave(field)));
  };

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of PRESS_EVENTS) addEventListener(type, this.onPress, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of PRESS_EVENTS) removeEventListener(type, this.onPress, true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('serverErrors') && Object.keys(this.serverErrors).length > 0) {
      this.errors = { ...this.errors, ...this.serverErrors };
      void this.updateComplete.then(() => this.focusFirstError());
    }
  }

  private check(field: FieldSpec): void {
    const message = fieldError(field, this.values[field.key], this.l10n.t);
    const { [field.key]: _old, ...others } = this.errors;
    this.errors = message ? { ...others, [field.key]: message } : others;
  }

  /** Leaving a field checks it, at once or, while the mouse is down, on its release. */
  private leave(field: FieldSpec): void {
    if (this.pressed) return void this.leftWhilePressed.add(field);
    this.leftWhilePressed.delete(field);
    this.check(field);
  }

  private onInput(field: FieldSpec, event: Event): void {
    const input = event.target as HTMLInputElement;
    this.values[field.key] = field.kind === 'CHECKBOX' ? input.checked : input.value;
    if (this.errors[field.key]) this.check(field);
  }

  private focusFirstError(): void {
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private async onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const t = this.l10n.t;
    const errors: Record<string, string> = {};
    for (const field of this.fields) {
      const message = fieldError(field, this.values[field.key], t);
      if (message) errors[field.key] = message;
    }
    this.errors = errors;
    const count = Object.keys(errors).length;
    this.summary = count > 0 ? t.fixFields(count) : '';
    if (count > 0) {
      await this.updateComplete;
      this.focusFirstError();
      return;
    }
    this.dispatchEvent(new CustomEvent('intake-submit', { detail: { values: { ...this.values } } }));
  }

  protected override render() {
    const { t } = this.l10n;
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      <p class="note">${t.requiredNote}</p>
      ${this.fields.map((field, index) => this.renderField(field, `f${index}`))}
      <p class="summary" role="alert">${this.summary}</p>
      <button
        class="btn submit"
        part="button"
        ?disabled=${this.busy}
        aria-disabled=${this.busy ? 'true' : 'false'}
      >
        ${this.busy ? t.working : this.submitLabel}
      </button>
    </form>`;
  }

  private renderField(field: FieldSpec, id: string) {
    const error = this.errors[field.key];
    const value = this.values[field.key];
    const text = typeof value === 'string' ? value : '';
    const described = error ? `${id}-error` : nothing;
    const invalid = error ? 'true' : 'false';
    const onInput = (event: Event) => this.onInput(field, event);
    const onBlur = () => this.leave(field);
    const label = html`<label for=${id}>
      ${field.label}${field.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}
    </label>`;
    const message = error ? html`<p class="error" id="${id}-error">${error}</p>` : nothing;

    if (field.kind === 'CHECKBOX') {
      return html`<div class="field field--check">
        <input
          id=${id}
          type="checkbox"
          .checked=${value === true}
          ?required=${field.required}
          aria-invalid=${invalid}
          aria-describedby=${described}
          @change=${(event: Event) => {
            onInput(event);
            this.check(field);
          }}
        />
        ${label} ${message}
      </div>`;
    }
    let control;
    if (field.kind === 'TEXTAREA') {
      control = html`<textarea
        id=${id}
        rows="3"
        maxlength=${MAX_LENGTH.TEXTAREA!}
        placeholder=${field.placeholder ?? nothing}
        ?required=${field.required}
        aria-invalid=${invalid}
        aria-describedby=${described}
        .value=${text}
        @input=${onInput}
        @blur=${onBlur}
      ></textarea>`;
    } else if (field.kind === 'SELECT') {
      control = html`<select
        id=${id}
        ?required=${field.required}
        aria-invalid=${invalid}
        aria-describedby=${described}
        @change=${(event: Event) => {
          onInput(event);
          this.check(field);
        }}
      >
        <option value="">${this.l10n.t.choose}</option>
        ${field.options.map((option) => html`<option .selected=${option === text}>${option}</option>`)}
      </select>`;
    } else {
      const type = { DATE: 'date', PHONE: 'tel', EMAIL: 'email' }[field.kind as string] ?? 'text';
      control = html`<input
        id=${id}
        type=${type}
        maxlength=${MAX_LENGTH[field.kind] ?? 200}
        autocomplete=${field.autocomplete ?? nothing}
        placeholder=${field.placeholder ?? nothing}
        ?required=${field.required}
        aria-invalid=${invalid}
        aria-describedby=${described}
        .value=${text}
        @input=${onInput}
        @blur=${onBlur}
      />`;
    }
    return html`<div class="field">${label} ${control} ${message}</div>`;
  }
}
