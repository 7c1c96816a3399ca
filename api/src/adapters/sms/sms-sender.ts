/**
 * Text messages, in our terms: reminders to clients who gave a phone number, when their tenant
 * turned SMS reminders on. The only implementation so far logs instead of sending
 * (logging-sms-sender.ts); a provider (Twilio, MessageBird…) goes behind this port.
 */
export interface OutgoingSms {
  outboxId: string;
  to: string;
  text: string;
}

export type SmsOutcome =
  { status: 'SENT'; providerMessageId: string } | { status: 'SKIPPED'; reason: string };

export interface SmsSender {
  send(sms: OutgoingSms): Promise<SmsOutcome>;
}
