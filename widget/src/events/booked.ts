export interface MaisBookedDetail {
  appointmentId: string;
  serviceId: string;
  startTimeUtc: string;
  /** CONFIRMED, or PENDING when the service needs a payment (the slot is held until paid). */
  status: 'CONFIRMED' | 'PENDING';
}

/** Fired when a booking has been made. */
export class MaisBookedEvent extends CustomEvent<MaisBookedDetail> {
  constructor(detail: MaisBookedDetail) {
    super('mais:booked', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mais:booked': MaisBookedEvent;
  }
}
