import type { OutgoingSms, SmsOutcome, SmsSender } from './sms-sender.ts';

interface InfoLog {
  info(data: object, message: string): void;
}

/**
 * Writes each SMS to the log instead of sending it, and says so: the outbox keeps it SKIPPED, as
 * for email without Postmark. A phone number is personal data: the log gets it masked (maskPhone),
 * never whole.
 */
export class LoggingSmsSender implements SmsSender {
  constructor(private readonly log: InfoLog) {}

  async send(sms: OutgoingSms): Promise<SmsOutcome> {
    this.log.info(
      { outboxId: sms.outboxId, to: maskPhone(sms.to), text: sms.text },
      'SMS (logged, not sent)',
    );
    return { status: 'SKIPPED', reason: 'no SMS provider: logged, not sent' };
  }
}

/** "+49 30 1234567" → "+•• •• •••••67": the last two digits only, the layout kept. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').length;
  let seen = 0;
  return phone.replace(/\d/g, (digit) => (++seen > digits - 2 ? digit : '•'));
}
