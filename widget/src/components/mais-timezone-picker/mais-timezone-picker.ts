import { MaisTimezonePicker } from './mais-timezone-picker.component.ts';

export { MaisTimezonePicker };
MaisTimezonePicker.define('mais-timezone-picker');

declare global {
  interface HTMLElementTagNameMap {
    'mais-timezone-picker': MaisTimezonePicker;
  }
}
