export interface MaisPaidDetail {
  appointmentId: string;
  /** What was charged now (the deposit or the full price), in minor units. */
  amountCents: number;
  currency: string;
}

/** Fired when a held booking's card payment went through and the booking is confirmed. */
export class MaisPaidEvent extends CustomEvent<MaisPaidDetail> {
  constructor(detail: MaisPaidDetail) {
    super('mais:paid', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mais:paid': MaisPaidEvent;
  }
}
