import { z } from 'zod';
import { OutboxStatus } from '../generated/prisma/enums.ts';
import { Timestamp, Uuid } from './common.ts';
import { SafeText } from './text.ts';

export const OutboxStatusSchema = z.enum(OutboxStatus);

export const OutboxMessageSchema = z
  .object({
    id: Uuid,
    appointmentId: Uuid.nullable(),
    kind: z.string().meta({
      description:
        'confirmation, payment-received, reschedule, cancellation, reminder; provider-booked, ' +
        'provider-rescheduled, provider-cancelled (the provider notices).',
    }),
    channel: z.enum(['email', 'sms']),
    recipient: z.string(),
    status: OutboxStatusSchema.meta({
      description:
        'PENDING: not sent yet. SENDING: handed to the provider, its arrival not confirmed yet. SENT. ' +
        'FAILED: refused for good (see lastError). SKIPPED: built but not sent: no POSTMARK_SERVER_TOKEN, ' +
        'no SMS provider, or a reminder past its window (see lastError).',
    }),
    subject: z.string(),
    text: z.string().meta({
      description: 'The plain-text version as sent; a manage link shows its token as "REDACTED".',
    }),
    attempts: z.number().int(),
    providerMessageId: z.string().nullable(),
    lastError: z.string().nullable().meta({ description: 'Why it failed or was skipped.' }),
    scheduledFor: Timestamp,
    createdAt: Timestamp,
    sentAt: Timestamp.nullable(),
  })
  .meta({ id: 'OutboxMessage' });
export type OutboxMessageDto = z.infer<typeof OutboxMessageSchema>;

export const OutboxMessageDetailSchema = OutboxMessageSchema.extend({
  html: z.string().nullable().meta({ description: 'The HTML version (email), token redacted.' }),
  ics: z.string().nullable().meta({ description: 'The .ics invitation attached to the email, if any.' }),
}).meta({ id: 'OutboxMessageDetail' });
export type OutboxMessageDetailDto = z.infer<typeof OutboxMessageDetailSchema>;

export const OutboxListQuery = z
  .object({
    cursor: SafeText.max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    status: OutboxStatusSchema.optional(),
    appointmentId: Uuid.optional(),
  })
  .strict();
export type OutboxListQueryInput = z.infer<typeof OutboxListQuery>;
