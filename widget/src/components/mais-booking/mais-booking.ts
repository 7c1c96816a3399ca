import { MaisBooking } from './mais-booking.component.ts';

export { MaisBooking };
MaisBooking.define('mais-booking');

declare global {
  interface HTMLElementTagNameMap {
    'mais-booking': MaisBooking;
  }
}
