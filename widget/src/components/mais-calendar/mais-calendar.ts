import { MaisCalendar } from './mais-calendar.component.ts';

export { MaisCalendar };
MaisCalendar.define('mais-calendar');

declare global {
  interface HTMLElementTagNameMap {
    'mais-calendar': MaisCalendar;
  }
}
