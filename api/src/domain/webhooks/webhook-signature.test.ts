import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { retrySpanSeconds, shouldDisableEndpoint } from './webhook-retries.ts';
import { newWebhookSecret, signatureHeader } from './webhook-signature.ts';
import { webhookEventId, webhookEventTypeOf } from './webhook-events.ts';

describe('signatureHeader', () => {
  it("is t=<seconds>,v1=<HMAC-SHA256 of 't.body'> per secret, Stripe's scheme", () => {
    const header = signatureHeader(['whsec_a', 'whsec_b'], 1_900_000_000, '{"x":1}');
    const hmac = (key: string) => createHmac('sha256', key).update('1900000000.{"x":1}').digest('hex');
    expect(header).toBe(`t=1900000000,v1=${hmac('whsec_a')},v1=${hmac('whsec_b')}`);
  });

  it('makes whsec_ secrets of 32 random bytes', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(secret);
  });
});

describe('webhook events', () => {
  it('come from the history entries that change a booking or move money', () => {
    expect(webhookEventTypeOf('CREATED')).toBe('appointment.created');
    expect(webhookEventTypeOf('NO_SHOW')).toBe('appointment.no_show');
    expect(webhookEventTypeOf('PAID')).toBe('payment.succeeded');
    expect(webhookEventTypeOf('REFUNDED')).toBe('payment.refunded');
    expect(webhookEventTypeOf('HELD')).toBeNull();
    expect(webhookEventTypeOf('CONFIRMATION_RESENT')).toBeNull();
  });

  it('have an id stable per (tenant, seq) and distinct across tenants', () => {
    expect(webhookEventId('t1', '5')).toBe(webhookEventId('t1', '5'));
    expect(webhookEventId('t1', '5')).not.toBe(webhookEventId('t2', '5'));
    expect(webhookEventId('t1', '5')).toMatch(/^evt_[0-9a-f]{24}$/);
  });
});

describe('retries', () => {
  it('spread 13 attempts 60 s apart, doubling, over about three days', () => {
    const { min, max } = retrySpanSeconds(13, 60);
    expect(min / 86_400).toBeGreaterThan(2.3);
    expect(max / 86_400).toBeLessThan(3.9);
  });

  it('turn an endpoint off only when nothing reached it since the failed delivery was queued', () => {
    const queued = new Date('2030-01-01T00:00:00Z');
    expect(shouldDisableEndpoint({ deliveryCreatedAt: queued, lastSuccessAt: null })).toBe(true);
    expect(
      shouldDisableEndpoint({ deliveryCreatedAt: queued, lastSuccessAt: new Date('2029-12-31T00:00:00Z') }),
    ).toBe(true);
    expect(
      shouldDisableEndpoint({ deliveryCreatedAt: queued, lastSuccessAt: new Date('2030-01-02T00:00:00Z') }),
    ).toBe(false);
  });
});
