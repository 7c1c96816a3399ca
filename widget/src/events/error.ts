export interface MaisErrorDetail {
  /**
   * The API's snake_case code (`invalid_api_key`, `wrong_key_kind`, `origin_not_allowed`,
   * `slot_unavailable`, `not_found`, `rate_limited`, …) or `network_error` when the API was unreachable.
   */
  code: string;
  message: string;
}

/** Fired whenever the widget shows an error to the client. */
export class MaisErrorEvent extends CustomEvent<MaisErrorDetail> {
  constructor(detail: MaisErrorDetail) {
    super('mais:error', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mais:error': MaisErrorEvent;
  }
}
