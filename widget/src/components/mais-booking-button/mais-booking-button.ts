import { MaisBookingButton } from './mais-booking-button.component.ts';

export { MaisBookingButton };
MaisBookingButton.define('mais-booking-button');

declare global {
  interface HTMLElementTagNameMap {
    'mais-booking-button': MaisBookingButton;
  }
}
