import { randomUUID } from 'node:crypto';

/** A message the fake accepted, as Postmark keeps it (its search answers from these). */
export interface StoredMessage {
  MessageID: string;
  ReceivedAt: string;
  From: string;
  To: string;
  Subject: string;
  TextBody: string | null;
  HtmlBody: string | null;
  Tag: string | null;
  MessageStream: string;
  Metadata: Record<string, string>;
  Attachments: Array<{ Name: string; Content: string; ContentType: string }>;
}

/** What POST /email sends (https://postmarkapp.com/developer/api/email-api), as far as we use it. */
export interface EmailRequest {
  From?: unknown;
  To?: unknown;
  Subject?: unknown;
  TextBody?: unknown;
  HtmlBody?: unknown;
  Tag?: unknown;
  MessageStream?: unknown;
  Metadata?: unknown;
  Attachments?: unknown;
}

/** Postmark's error answer: an HTTP status and `{ ErrorCode, Message }`. */
export class PostmarkApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

// Postmark's codes: https://postmarkapp.com/developer/api/overview#error-codes
const INVALID_EMAIL_REQUEST = 300;
const INACTIVE_RECIPIENT = 406;
const ADDRESS = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;

/** "Ana <ana@example.com>" or "ana@example.com" → the address, or null when it is not one. */
function addressOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const address = (/<([^>]*)>\s*$/.exec(value)?.[1] ?? value).trim();
  return ADDRESS.test(address) ? address : null;
}

/** Checks a POST /email body as Postmark does (422 with ErrorCode 300 or 406) and stores it. */
export function acceptEmail(
  body: EmailRequest,
  inactive: ReadonlySet<string>,
  receivedAt: Date,
): StoredMessage {
  const refuse = (message: string) => new PostmarkApiError(422, INVALID_EMAIL_REQUEST, message);
  if (!addressOf(body.From)) throw refuse(`Invalid 'From' address: '${String(body.From ?? '')}'.`);
  const to = addressOf(body.To);
  if (!to)
    throw refuse(
      `Error parsing 'To': Illegal email address '${String(body.To ?? '')}'. It must contain the '@' symbol.`,
    );
  if (inactive.has(to.toLowerCase())) {
    throw new PostmarkApiError(
      422,
      INACTIVE_RECIPIENT,
      `You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: ${to}. ` +
        'Inactive recipients are ones that have generated a hard bounce, a spam complaint, or a manual suppression.',
    );
  }
  if (typeof body.Subject !== 'string' || body.Subject === '') throw refuse('Provide a Subject.');
  const text = typeof body.TextBody === 'string' ? body.TextBody : null;
  const html = typeof body.HtmlBody === 'string' ? body.HtmlBody : null;
  if (!text && !html) throw refuse('Provide either email TextBody or HtmlBody or both.');
  const metadata = body.Metadata ?? {};
  if (typeof metadata !== 'object' || Array.isArray(metadata) || metadata === null) {
    throw refuse("The 'Metadata' field must be an object.");
  }
  return {
    MessageID: randomUUID(),
    ReceivedAt: receivedAt.toISOString(),
    From: String(body.From),
    To: String(body.To),
    Subject: body.Subject,
    TextBody: text,
    HtmlBody: html,
    Tag: typeof body.Tag === 'string' ? body.Tag : null,
    MessageStream: typeof body.MessageStream === 'string' ? body.MessageStream : 'outbound',
    Metadata: Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, String(value)])),
    Attachments: Array.isArray(body.Attachments)
      ? (body.Attachments as Array<Record<string, unknown>>).map((attachment) => ({
          Name: String(attachment.Name ?? ''),
          Content: String(attachment.Content ?? ''),
          ContentType: String(attachment.ContentType ?? ''),
        }))
      : [],
  };
}

/**
 * GET /messages/outbound: newest first, `count` (1–500) from `offset`, filtered by `recipient`,
 * `tag`, `subject` and `metadata_<key>=<value>` (https://postmarkapp.com/developer/api/messages-api).
 */
export function searchOutbound(messages: readonly StoredMessage[], query: URLSearchParams) {
  const count = Number(query.get('count'));
  const offset = Number(query.get('offset'));
  if (!Number.isInteger(count) || count < 1 || count > 500 || !Number.isInteger(offset) || offset < 0) {
    throw new PostmarkApiError(
      422,
      701,
      "The 'count' and 'offset' parameters are required: count 1–500, offset ≥ 0.",
    );
  }
  const filters: Array<(message: StoredMessage) => boolean> = [];
  for (const [name, value] of query) {
    if (name.startsWith('metadata_'))
      filters.push((m) => m.Metadata[name.slice('metadata_'.length)] === value);
    if (name === 'recipient') filters.push((m) => addressOf(m.To)?.toLowerCase() === value.toLowerCase());
    if (name === 'tag') filters.push((m) => m.Tag === value);
    if (name === 'subject') filters.push((m) => m.Subject.includes(value));
  }
  const found = messages.filter((message) => filters.every((matches) => matches(message))).reverse();
  return {
    TotalCount: found.length,
    Messages: found.slice(offset, offset + count).map((message) => ({
      MessageID: message.MessageID,
      Tag: message.Tag ?? '',
      To: [{ Email: addressOf(message.To), Name: null }],
      Cc: [],
      Bcc: [],
      Recipients: [addressOf(message.To)],
      ReceivedAt: message.ReceivedAt,
      From: message.From,
      Subject: message.Subject,
      Attachments: message.Attachments.map((attachment) => attachment.Name),
      Status: 'Sent',
      TrackOpens: false,
      TrackLinks: 'None',
      Metadata: message.Metadata,
      MessageStream: message.MessageStream,
      Sandboxed: false,
    })),
  };
}
