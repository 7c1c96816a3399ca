/**
 * widget.js: defines <mais-booking> and <mais-booking-button> (and the elements they use). The
 * script-tag settings are read first, while document.currentScript still points at widget.js.
 */
import './script-config.ts';
import './components/mais-booking/mais-booking.ts';
import './components/mais-booking-button/mais-booking-button.ts';

export { MaisBooking } from './components/mais-booking/mais-booking.component.ts';
export { MaisBookingButton } from './components/mais-booking-button/mais-booking-button.component.ts';
export * from './events/events.ts';
