export interface MaisRescheduledDetail {
  /** The new booking's id (a reschedule creates a new appointment and cancels the old one). */
  appointmentId: string;
  previousAppointmentId: string;
  startTimeUtc: string;
}

/** Fired when the client has moved a booking to another time from the manage view. */
export class MaisRescheduledEvent extends CustomEvent<MaisRescheduledDetail> {
  constructor(detail: MaisRescheduledDetail) {
    super('mais:rescheduled', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mais:rescheduled': MaisRescheduledEvent;
  }
}
