/**
 * Every string the widget shows. Parameterised strings are functions, so each language can order
 * words its own way; values passed in are already formatted by Intl in the widget's locale.
 */
export interface Translation {
  /** BCP 47 language of this table. */
  $code: string;
  loading: string;
  back: string;
  retry: string;
  close: string;
  bookNow: string;
  dialogLabel: string;

  chooseService: string;
  noServices: string;
  free: string;
  depositAtBooking: (amount: string) => string;
  paidAtBooking: string;
  /** A service's no-show protection, before booking: "No-show fee: €25.00" (or `priceShare`). */
  noShowFee: (fee: string) => string;
  /** A percentage fee while the price is not known yet: "50% of the price" (`percent` from Intl). */
  priceShare: (percent: string) => string;

  chooseProvider: string;
  anyProvider: string;

  previousMonth: string;
  nextMonth: string;
  timesAvailable: string;
  noTimes: string;
  noTimesThisMonth: string;
  nextAvailable: (date: string) => string;
  goTo: (month: string) => string;
  noTimesAhead: string;

  timesIn: string;
  changeZone: string;
  searchZones: string;
  useZone: string;
  unknownZone: string;

  noTimesThisDay: string;

  yourDetails: string;
  name: string;
  email: string;
  phone: string;
  requiredNote: string;
  choose: string;
  fieldRequired: string;
  boxRequired: string;
  invalidEmail: string;
  invalidPhone: string;
  invalidDate: string;
  fixFields: (count: number) => string;
  confirmBooking: string;
  working: string;

  booked: string;
  held: string;
  paymentDue: (amount: string) => string;
  depositDue: (deposit: string, total: string) => string;
  heldUntil: (time: string) => string;
  paymentLater: string;
  /** The payment step's heading. */
  payTitle: string;
  /** The Pay button: "Pay €20.00". */
  payButton: (amount: string) => string;
  paying: string;
  /** Stripe failed for a reason other than the card (a decline shows Stripe's own message). */
  paymentFailed: string;
  /** Stripe.js or the payment step's code could not be loaded. */
  paymentUnavailable: string;
  /** Paid, but the payment is still being processed (the booking is not confirmed yet). */
  paymentPending: string;
  /** The payment step when nothing is paid now and the card is kept for a no-show fee. */
  saveCardTitle: string;
  /** Its first sentence, before `noShowCharge`. */
  cardNotCharged: string;
  saveCard: string;
  saving: string;
  /** Stripe failed to save the card for a reason other than the card (a decline shows Stripe's). */
  cardFailed: string;
  /** Saved, but Stripe is still checking the card (the booking is not confirmed yet). */
  cardPending: string;
  /** The card is kept for a no-show fee (paying, confirmation, manage view), before `noShowCharge`. */
  cardOnFile: string;
  /** What a no-show costs: "If you don't come, €25.00 is charged to this card." */
  noShowCharge: (fee: string) => string;
  service: string;
  when: string;
  businessTime: string;
  with: string;
  addToCalendar: string;
  downloadIcs: string;
  googleCalendar: string;
  manageLink: string;
  manageLinkText: string;
  manageHint: string;
  copyLink: string;
  linkCopied: string;
  bookAnother: string;

  yourBooking: string;
  status: (status: string) => string;
  reschedule: string;
  cancelBooking: string;
  cancelQuestion: string;
  cancelExplain: string;
  cancelFree: string;
  /** `hours`: "24 hours", from Intl. */
  cancelFee: (fee: string, hours: string) => string;
  cancelRefund: (amount: string) => string;
  cancelNoRefund: string;
  cancelOwed: (amount: string) => string;
  cancelYes: string;
  cancelNo: string;
  cancelledNotice: string;
  confirmNewTime: string;
  moveFrom: string;
  moveTo: string;
  moveBooking: string;
  rescheduledNotice: string;

  chooseDayAndTime: string;
  pickDay: string;
  price: string;
  /** "€25.00–€30.00": what anyone of several providers may charge. */
  priceRange: (low: string, high: string) => string;
  seats: string;
  seatsLeft: (count: number) => string;
  payAtVenue: string;
  bookedFor: (name: string, email: string) => string;
  /** "9:41" minutes and seconds left. */
  holdRemaining: (left: string) => string;
  holdLapsed: string;
  holdLapsedText: string;
  /** The same, for a hold that waited for a card to be saved (a no-show fee, nothing to pay). */
  cardLapsedText: string;
  bookAgain: string;
  cancelReason: string;

  errorNetwork: string;
  errorBusy: string;
  errorSetup: string;
  errorTaken: string;
  errorServiceMissing: string;
  errorLinkInvalid: string;
  errorCannotChange: string;
  errorTooLateToMove: string;
  errorUnknown: string;
}
