import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature, WebhookSignatureError } from '../src/index.ts';

// The receiver's side of MAIS-Signature. The signatures here are made with node:crypto, as the
// API makes them (api/src/domain/webhooks/webhook-signature.ts), independently of the helper.

const secret = 'whsec_test_secret';
const body = JSON.stringify({
  id: 'evt_1',
  type: 'appointment.created',
  created: '2030-01-07T10:00:00.000Z',
  tenant: 't',
  data: { appointment: null, change: {} },
});
const t = 1_900_000_000;
const now = new Date(t * 1000 + 30_000);
const sign = (key: string, timestamp = t, payload = body) =>
  `v1=${createHmac('sha256', key).update(`${timestamp}.${payload}`).digest('hex')}`;

describe('verifyWebhookSignature', () => {
  it('answers the event when a v1 signature matches the secret', async () => {
    const event = await verifyWebhookSignature({
      payload: body,
      header: `t=${t},${sign(secret)}`,
      secret,
      now,
    });
    expect(event).toMatchObject({ id: 'evt_1', type: 'appointment.created' });
  });

  it('takes the raw body as bytes too', async () => {
    const event = await verifyWebhookSignature({
      payload: new TextEncoder().encode(body),
      header: `t=${t},${sign(secret)}`,
      secret,
      now,
    });
    expect(event.id).toBe('evt_1');
  });

  it('accepts either secret during a rotation (two v1 values, two secrets)', async () => {
    const header = `t=${t},${sign('whsec_new')},${sign('whsec_old')}`;
    await expect(
      verifyWebhookSignature({ payload: body, header, secret: 'whsec_old', now }),
    ).resolves.toBeTruthy();
    await expect(
      verifyWebhookSignature({ payload: body, header, secret: 'whsec_new', now }),
    ).resolves.toBeTruthy();
    await expect(
      verifyWebhookSignature({
        payload: body,
        header: `t=${t},${sign('whsec_new')}`,
        secret: ['whsec_old', 'whsec_new'],
        now,
      }),
    ).resolves.toBeTruthy();
  });

  it.each([
    ['a wrong secret', `t=${t},${sign('whsec_other')}`, body],
    ['a changed body', `t=${t},${sign(secret)}`, body.replace('evt_1', 'evt_2')],
    ['a changed timestamp', `t=${t + 1},${sign(secret)}`, body],
    ['no v1', `t=${t}`, body],
    ['no t', sign(secret), body],
    ['an empty header', '', body],
  ])('refuses %s', async (_label, header, payload) => {
    await expect(verifyWebhookSignature({ payload, header, secret, now })).rejects.toBeInstanceOf(
      WebhookSignatureError,
    );
  });

  it('refuses a signature older than the tolerance (a replay)', async () => {
    const late = new Date(t * 1000 + 301_000);
    await expect(
      verifyWebhookSignature({ payload: body, header: `t=${t},${sign(secret)}`, secret, now: late }),
    ).rejects.toThrow(/300 s/);
    await expect(
      verifyWebhookSignature({
        payload: body,
        header: `t=${t},${sign(secret)}`,
        secret,
        now: late,
        toleranceSeconds: 600,
      }),
    ).resolves.toBeTruthy();
  });
});
