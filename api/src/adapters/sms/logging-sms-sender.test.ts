import { describe, expect, it } from 'vitest';
import { LoggingSmsSender, maskPhone } from './logging-sms-sender.ts';

describe('the logging SMS sender', () => {
  it('logs the message with the number masked, never whole, and reports it SKIPPED', async () => {
    const lines: Array<{ data: object; message: string }> = [];
    const sender = new LoggingSmsSender({ info: (data, message) => lines.push({ data, message }) });
    const outcome = await sender.send({ outboxId: 'o-1', to: '+49 30 1234567', text: 'Reminder' });
    expect(outcome).toMatchObject({ status: 'SKIPPED' });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('1234567');
    expect(logged).not.toMatch(/49\s?30/);
    expect(lines[0]!.data).toMatchObject({ outboxId: 'o-1', to: '+•• •• •••••67', text: 'Reminder' });
  });

  it('keeps only the last two digits of any layout', () => {
    expect(maskPhone('+1 (555) 010-9999')).toBe('+• (•••) •••-••99');
    expect(maskPhone('12')).toBe('12');
  });
});
