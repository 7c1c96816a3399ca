export interface MaisSlotSelectedDetail {
  serviceId: string;
  /** The chosen provider, or null for "any available". */
  providerId: string | null;
  startTimeUtc: string;
  endTimeUtc: string;
}

/** Fired when the client picks a time (before the details form, or before a reschedule). */
export class MaisSlotSelectedEvent extends CustomEvent<MaisSlotSelectedDetail> {
  constructor(detail: MaisSlotSelectedDetail) {
    super('mais:slot-selected', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mais:slot-selected': MaisSlotSelectedEvent;
  }
}
