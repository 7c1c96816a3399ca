import { MaisIntakeForm } from './mais-intake-form.component.ts';

export { MaisIntakeForm };
MaisIntakeForm.define('mais-intake-form');

declare global {
  interface HTMLElementTagNameMap {
    'mais-intake-form': MaisIntakeForm;
  }
}
