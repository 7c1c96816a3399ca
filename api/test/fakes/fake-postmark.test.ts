import { Errors, ServerClient } from 'postmark';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakePostmark, type FakePostmark } from '../../../test/fakes/postmark/index.ts';

/** The fake Postmark, driven by the real `postmark` client as the PostmarkMailer drives it. */

let fake: FakePostmark;

function client(token = fake.token, timeoutSeconds = 5): ServerClient {
  return new ServerClient(token, {
    useHttps: false,
    requestHost: `127.0.0.1:${fake.port}`,
    timeout: timeoutSeconds,
  });
}

const EMAIL = {
  From: '"Studio Ana" <bookings@mais.example>',
  To: 'ada@example.com',
  Subject: 'Booking confirmed',
  TextBody: 'See you soon.',
  HtmlBody: '<p>See you soon.</p>',
  Tag: 'confirmation',
  MessageStream: 'outbound',
  Metadata: { outboxId: 'row-1', tenantId: 't-1' },
};

async function failure(call: Promise<unknown>): Promise<Errors.PostmarkError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Errors.PostmarkError);
  return error as Errors.PostmarkError;
}

beforeAll(async () => {
  fake = await startFakePostmark({ token: 'pm-test', hangMs: 300 });
});
beforeEach(() => fake.clear());
afterAll(() => fake.close());

describe('POST /email', () => {
  it('accepts a message and answers with its MessageID', async () => {
    const answer = await client().sendEmail(EMAIL);
    expect(answer).toMatchObject({ ErrorCode: 0, Message: 'OK', To: 'ada@example.com' });
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]).toMatchObject({
      MessageID: answer.MessageID,
      Subject: 'Booking confirmed',
      Metadata: { outboxId: 'row-1', tenantId: 't-1' },
    });
    expect(fake.requests[0]).toMatchObject({ method: 'POST', path: '/email', token: 'pm-test', status: 200 });
  });

  it('keeps attachments, base64 as sent', async () => {
    const ics = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR';
    await client().sendEmail({
      ...EMAIL,
      Attachments: [
        {
          Name: 'invite.ics',
          Content: Buffer.from(ics).toString('base64'),
          ContentType: 'text/calendar; method=REQUEST',
          ContentID: null,
        },
      ],
    });
    const [attachment] = fake.messages[0]!.Attachments;
    expect(Buffer.from(attachment!.Content, 'base64').toString()).toBe(ics);
  });

  it('answers 401 to a wrong token (InvalidAPIKeyError) and sends nothing', async () => {
    const error = await failure(client('wrong').sendEmail(EMAIL));
    expect(error).toBeInstanceOf(Errors.InvalidAPIKeyError);
    expect(error.statusCode).toBe(401);
    expect(fake.messages).toHaveLength(0);
  });

  it('answers 422 to a bad address (InvalidEmailRequestError, ErrorCode 300)', async () => {
    const error = await failure(client().sendEmail({ ...EMAIL, To: 'not-an-address' }));
    expect(error).toBeInstanceOf(Errors.InvalidEmailRequestError);
    expect(error).toMatchObject({ statusCode: 422, code: 300 });
    expect(fake.messages).toHaveLength(0);
  });

  it('answers 422 with ErrorCode 406 for an inactive recipient', async () => {
    fake.deactivate('ada@example.com');
    const error = await failure(client().sendEmail(EMAIL));
    expect(error).toBeInstanceOf(Errors.InactiveRecipientsError);
    expect(error.code).toBe(406);
  });

  it('fails the next call with 500 when asked, sending nothing, then works again', async () => {
    fake.failNext('POST /email', 500);
    const error = await failure(client().sendEmail(EMAIL));
    expect(error).toBeInstanceOf(Errors.InternalServerError);
    expect(fake.messages).toHaveLength(0);
    await client().sendEmail(EMAIL);
    expect(fake.messages).toHaveLength(1);
  });

  it('hangs without sending, or after sending: the client gives up either way', async () => {
    fake.failNext('POST /email', 'hang');
    await failure(client(fake.token, 0.2).sendEmail(EMAIL));
    expect(fake.messages).toHaveLength(0);

    fake.failNext('POST /email', 'hang_after_send');
    await failure(client(fake.token, 0.2).sendEmail(EMAIL));
    expect(fake.messages).toHaveLength(1);
    expect(fake.requests.map((r) => r.status)).toEqual(['hang', 'hang']);
  });
});

describe('GET /messages/outbound', () => {
  it('finds a message by its metadata, newest first', async () => {
    const first = await client().sendEmail(EMAIL);
    await client().sendEmail({ ...EMAIL, Metadata: { outboxId: 'row-2' } });
    const again = await client().sendEmail(EMAIL);
    const found = await client().getOutboundMessages({ count: 10, offset: 0, metadata_outboxId: 'row-1' });
    expect(found.TotalCount).toBe(2);
    expect(found.Messages.map((m) => m.MessageID)).toEqual([again.MessageID, first.MessageID]);
    expect(found.Messages[0]).toMatchObject({ Metadata: { outboxId: 'row-1' }, Status: 'Sent' });
    const none = await client().getOutboundMessages({ count: 1, offset: 0, metadata_outboxId: 'row-9' });
    expect(none).toEqual({ TotalCount: 0, Messages: [] });
  });

  it('filters by recipient and pages with count and offset', async () => {
    await client().sendEmail(EMAIL);
    await client().sendEmail({ ...EMAIL, To: 'bo@example.com' });
    await client().sendEmail({ ...EMAIL, To: 'Bo <bo@example.com>' });
    const page = await client().getOutboundMessages({ count: 1, offset: 1, recipient: 'bo@example.com' });
    expect(page.TotalCount).toBe(2);
    expect(page.Messages).toHaveLength(1);
  });

  it('needs the token too', async () => {
    const error = await failure(client('wrong').getOutboundMessages({ count: 1, offset: 0 }));
    expect(error.statusCode).toBe(401);
  });
});
