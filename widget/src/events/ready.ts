export interface MaisReadyDetail {
  /** `booking` for a new booking, `manage` when the page was opened from a manage link. */
  mode: 'booking' | 'manage';
}

/** Fired once the widget has loaded what it needs and can be used. */
export class MaisReadyEvent extends CustomEvent<MaisReadyDetail> {
  constructor(detail: MaisReadyDetail) {
    super('mais:ready', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mais:ready': MaisReadyEvent;
  }
}
