import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWebhookSender,
  RESPONSE_BODY_LIMIT,
  WebhookSendError,
} from '../../src/adapters/webhooks/webhook-sender.ts';
import { startWebhookReceiver } from '../helpers/webhook-receiver.ts';

// The webhook HTTP client against real sockets. 127.0.0.1 and 127.0.0.2 both reach the receiver
// (Linux routes all of 127/8 to loopback): tests that need one allowed and one refused address
// allow the first only, so the guard's checks after DNS and on each redirect are exercised for real.

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
const relaxed = { strict: false };
const onlyFirstLoopback = (address: string) => address === '127.0.0.1';

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(() => receiver.close());

describe('createWebhookSender', () => {
  it('POSTs the body with the headers and answers status and body', async () => {
    receiver.reply = (request) => ({ status: 201, body: `got ${request.body.length} bytes` });
    const answer = await createWebhookSender({ policy: relaxed }).post(receiver.url('/a'), '{"x":1}', {
      'content-type': 'application/json',
      'mais-signature': 't=1,v1=ab',
    });
    expect(answer).toEqual({ status: 201, body: 'got 7 bytes' });
    const last = receiver.received.at(-1)!;
    expect(last).toMatchObject({ path: '/a', body: '{"x":1}' });
    expect(last.headers['mais-signature']).toBe('t=1,v1=ab');
  });

  it('keeps at most 1 KB of the answer, whatever its size, and drops NUL', async () => {
    receiver.reply = () => ({ status: 500, body: `\u0000${'x'.repeat(2_000_000)}` });
    const answer = await createWebhookSender({ policy: relaxed }).post(receiver.url(), '{}', {});
    expect(answer.status).toBe(500);
    expect(answer.body).toBe('x'.repeat(RESPONSE_BODY_LIMIT - 1));
  });

  it('gives up on an endpoint that does not answer within the timeout', async () => {
    receiver.reply = () => 'hang';
    const started = Date.now();
    const sending = createWebhookSender({ policy: relaxed, timeoutMs: 300 }).post(receiver.url(), '{}', {});
    await expect(sending).rejects.toThrow(/no answer within 0.3 s/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('answers a refused connection as a WebhookSendError', async () => {
    const closed = await startWebhookReceiver();
    const url = closed.url();
    await closed.close();
    await expect(createWebhookSender({ policy: relaxed }).post(url, '{}', {})).rejects.toBeInstanceOf(
      WebhookSendError,
    );
  });

  it('follows a 307 with the same POST and body, checking the new target', async () => {
    receiver.reply = (request) =>
      request.path === '/old'
        ? { status: 307, headers: { location: '/new' } }
        : { status: 200, body: `moved: ${request.body}` };
    const answer = await createWebhookSender({ policy: relaxed, isAllowedAddress: onlyFirstLoopback }).post(
      receiver.url('/old'),
      '{"y":2}',
      {},
    );
    expect(answer).toEqual({ status: 200, body: 'moved: {"y":2}' });
  });

  it('refuses a redirect to an address it may not call, without calling it', async () => {
    receiver.reply = (request) =>
      request.path === '/bounce'
        ? { status: 308, headers: { location: `http://127.0.0.2:${receiver.port}/inside` } }
        : { status: 200 };
    const before = receiver.received.length;
    const sending = createWebhookSender({ policy: relaxed, isAllowedAddress: onlyFirstLoopback }).post(
      receiver.url('/bounce'),
      '{}',
      {},
    );
    await expect(sending).rejects.toThrow(/refused: 127.0.0.2 is 127.0.0.2/);
    expect(receiver.received.slice(before).map((r) => r.path)).toEqual(['/bounce']);
  });

  it('checks every address a name resolves to, and connects to the one it checked', async () => {
    const resolvesInside = createWebhookSender({
      policy: relaxed,
      isAllowedAddress: onlyFirstLoopback,
      resolve: async () => [{ address: '127.0.0.2', family: 4 }],
    });
    await expect(
      resolvesInside.post(`http://hooks.example.test:${receiver.port}/`, '{}', {}),
    ).rejects.toThrow(/hooks.example.test is 127.0.0.2/);
    const mixed = createWebhookSender({
      policy: relaxed,
      isAllowedAddress: onlyFirstLoopback,
      resolve: async () => [
        { address: '127.0.0.1', family: 4 },
        { address: '127.0.0.2', family: 4 },
      ],
    });
    await expect(mixed.post(`http://hooks.example.test:${receiver.port}/`, '{}', {})).rejects.toThrow(
      /127.0.0.2/,
    );

    receiver.reply = () => ({ status: 204 });
    const pinned = createWebhookSender({
      policy: relaxed,
      isAllowedAddress: onlyFirstLoopback,
      resolve: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    await expect(pinned.post(`http://hooks.example.test:${receiver.port}/pinned`, '{}', {})).resolves.toEqual(
      {
        status: 204,
        body: '',
      },
    );
    expect(receiver.received.at(-1)!.headers.host).toBe(`hooks.example.test:${receiver.port}`);
  });

  it('in production refuses http, loopback names after resolution, and 3xx other than 307/308 are answers', async () => {
    const strict = createWebhookSender({ policy: { strict: true } });
    await expect(strict.post(receiver.url(), '{}', {})).rejects.toThrow(/must be https/);
    await expect(
      createWebhookSender({
        policy: { strict: true },
        resolve: async () => [{ address: '10.0.0.7', family: 4 }],
      }).post('https://hooks.example.test/', '{}', {}),
    ).rejects.toThrow(/10.0.0.7, not a public address/);
    receiver.reply = () => ({ status: 302, headers: { location: '/elsewhere' } });
    const answer = await createWebhookSender({ policy: relaxed }).post(receiver.url(), '{}', {});
    expect(answer.status).toBe(302);
  });
});
