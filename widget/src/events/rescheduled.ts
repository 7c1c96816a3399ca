export interface MaisRescheduledDetail {
  /** The booking's id: a reschedule moves the same appointment, so the manage link stays valid. */
  appointmentId: string;
  /** Where the booking was before the move. */
  previousStartTimeUtc: string;
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
