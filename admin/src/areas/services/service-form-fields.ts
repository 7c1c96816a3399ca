import { html, nothing, type TemplateResult } from 'lit';
import type { FieldErrors, ServiceDraft } from './service-draft.ts';

/**
 * Building blocks of the service form: a labelled input with its hint and its error (tied to it by
 * aria-describedby, marked aria-invalid), and a group of radio buttons. Ids are `f-<key>` for the
 * input and `e-<key>` for its error, inside the form's shadow root.
 */

export interface FormKit {
  draft: ServiceDraft;
  errors: FieldErrors;
  set: <K extends keyof ServiceDraft>(key: K, value: ServiceDraft[K]) => void;
}

type TextKey = {
  [K in keyof ServiceDraft]: ServiceDraft[K] extends string ? K : never;
}[keyof ServiceDraft];

export interface InputOptions {
  type?: 'text' | 'number';
  hint?: string;
  /** The key its error is filed under, when not its own (the deposit's amount or percent). */
  errorKey?: string;
  multiline?: boolean;
  autocomplete?: string;
  inputmode?: 'numeric' | 'decimal';
  maxlength?: number;
}

export function describedBy(key: string, hint: boolean, error: boolean): string | typeof nothing {
  const ids = [hint ? `h-${key}` : '', error ? `e-${key}` : ''].filter(Boolean).join(' ');
  return ids === '' ? nothing : ids;
}

export function errorOf(kit: FormKit, key: string): TemplateResult | typeof nothing {
  const message = kit.errors[key];
  return message ? html`<p class="error field-error" id="e-${key}">${message}</p>` : nothing;
}

export function inputField(kit: FormKit, key: TextKey, label: string, options: InputOptions = {}) {
  const errorKey = options.errorKey ?? key;
  const invalid = kit.errors[errorKey] !== undefined;
  const described = describedBy(errorKey, options.hint !== undefined, invalid);
  const onInput = (event: Event) =>
    kit.set(key, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
  return html`
    <div class="field">
      <label for="f-${key}">${label}</label>
      ${
        options.multiline
          ? html`<textarea
              id="f-${key}"
              rows="3"
              .value=${kit.draft[key]}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${described}
              @input=${onInput}
            ></textarea>`
          : html`<input
              id="f-${key}"
              type=${options.type ?? 'text'}
              inputmode=${options.inputmode ?? nothing}
              autocomplete=${options.autocomplete ?? 'off'}
              maxlength=${options.maxlength ?? nothing}
              .value=${kit.draft[key]}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${described}
              @input=${onInput}
            />`
      }
      ${options.hint ? html`<p class="hint" id="h-${errorKey}">${options.hint}</p>` : nothing}
      ${errorOf(kit, errorKey)}
    </div>
  `;
}

export function radioGroup<Value extends string>(
  name: string,
  legend: string,
  choices: readonly { value: Value; label: string }[],
  current: Value,
  choose: (value: Value) => void,
) {
  return html`
    <fieldset class="choices">
      <legend class="label">${legend}</legend>
      ${choices.map(
        (choice) =>
          html`<label class="check">
            <input
              type="radio"
              name=${name}
              .value=${choice.value}
              .checked=${current === choice.value}
              @change=${() => choose(choice.value)}
            />
            ${choice.label}
          </label>`,
      )}
    </fieldset>
  `;
}
