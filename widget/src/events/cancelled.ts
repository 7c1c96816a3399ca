export interface MaisCancelledDetail {
  appointmentId: string;
}

/** Fired when the client has cancelled a booking from the manage view. */
export class MaisCancelledEvent extends CustomEvent<MaisCancelledDetail> {
  constructor(detail: MaisCancelledDetail) {
    super('mais:cancelled', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mais:cancelled': MaisCancelledEvent;
  }
}
