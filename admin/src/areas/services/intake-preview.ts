import { html, nothing } from 'lit';
import type { IntakeDraft } from './intake-draft.ts';

/**
 * How the form looks to a client, drawn from the questions as they are being edited. The inputs are
 * disabled: it is a picture of the form, not a form.
 */
export function intakePreview(drafts: readonly IntakeDraft[]) {
  const shown = drafts.filter((draft) => draft.label.trim() !== '');
  if (shown.length === 0) return html`<p class="muted">No questions: clients book without a form.</p>`;
  return html`${shown.map((draft) => {
    const id = `preview-${draft.key}`;
    const label = html`${draft.label}${draft.required ? ' (required)' : ''}`;
    const placeholder = draft.placeholder || nothing;
    switch (draft.fieldType) {
      case 'CHECKBOX':
        return html`<div class="field">
          <label class="check"><input type="checkbox" disabled /> ${label}</label>
        </div>`;
      case 'TEXTAREA':
        return html`<div class="field">
          <label for=${id}>${label}</label>
          <textarea id=${id} rows="2" disabled placeholder=${placeholder}></textarea>
        </div>`;
      case 'SELECT':
        return html`<div class="field">
          <label for=${id}>${label}</label>
          <select id=${id} disabled>
            <option>${draft.placeholder || 'Choose…'}</option>
            ${draft.options.filter((option) => option.trim() !== '').map((option) => html`<option>${option}</option>`)}
          </select>
        </div>`;
      default:
        return html`<div class="field">
          <label for=${id}>${label}</label>
          <input id=${id} type=${inputType(draft.fieldType)} disabled placeholder=${placeholder} />
        </div>`;
    }
  })}`;
}

function inputType(type: IntakeDraft['fieldType']): string {
  switch (type) {
    case 'DATE':
      return 'date';
    case 'PHONE':
      return 'tel';
    case 'EMAIL':
      return 'email';
    default:
      return 'text';
  }
}
