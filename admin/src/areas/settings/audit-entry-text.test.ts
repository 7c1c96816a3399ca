import { describe, expect, it } from 'vitest';
import { auditAction, auditActor, auditActorId, nounOf, shortRoute } from './audit-entry-text.ts';

const action = (method: string, route: string) => auditAction({ method, route: `/v1/tenant-admin${route}` });

describe('audit log entries in words', () => {
  it('shortens the route to what follows /v1/tenant-admin', () => {
    expect(shortRoute('/v1/tenant-admin/services/:id')).toBe('services/:id');
    expect(shortRoute('/v1/tenant-admin/tenant')).toBe('tenant');
    expect(shortRoute('/elsewhere/')).toBe('elsewhere');
  });

  it('names resources in the singular', () => {
    expect(nounOf('webhook-endpoints')).toBe('webhook endpoint');
    expect(nounOf('cancellation-policies')).toBe('cancellation policy');
    expect(nounOf('api-keys')).toBe('API key');
    expect(nounOf('webhook-endpoints/deliveries')).toBe('webhook delivery');
    expect(nounOf('address')).toBe('address');
  });

  it('says what a creation, a change and a deletion did', () => {
    expect(action('POST', '/webhook-endpoints')).toBe('Created a webhook endpoint');
    expect(action('POST', '/api-keys')).toBe('Created an API key');
    expect(action('PATCH', '/webhook-endpoints/:id')).toBe('Changed a webhook endpoint');
    expect(action('DELETE', '/services/:id')).toBe('Deleted a service');
    expect(action('PATCH', '/tenant')).toBe('Changed the business profile');
    expect(action('PUT', '/cancellation-policy')).toBe('Set the cancellation policy');
  });

  it('names an action on one thing after the action, and a part of it after the part', () => {
    expect(action('POST', '/webhook-endpoints/:id/rotate-secret')).toBe('Rotate secret (webhook endpoint)');
    expect(action('POST', '/webhook-endpoints/deliveries/:id/redeliver')).toBe(
      'Redeliver (webhook delivery)',
    );
    expect(action('POST', '/appointments/:id/collect-balance')).toBe('Collect balance (appointment)');
    expect(action('PUT', '/providers/:id/services')).toBe('Set the services of a provider');
    expect(action('DELETE', '/services/:id/cancellation-policy')).toBe(
      'Deleted the cancellation policy of a service',
    );
  });

  it('words the routes the rules would not', () => {
    expect(action('POST', '/appointments')).toBe('Booked an appointment');
    expect(action('POST', '/clients/:email/notes')).toBe('Added a client note');
    expect(action('DELETE', '/settings/stripe')).toBe('Disconnected Stripe');
    expect(action('post', '/quickbooks/sync')).toBe('Synced with QuickBooks');
  });

  it('names the actor by email, or by the key prefix only', () => {
    expect(auditActor({ kind: 'staff', label: 'owner@demo.example' })).toBe('owner@demo.example');
    expect(auditActor({ kind: 'api_key', label: 'sk_live_demo_ab' })).toBe('Key sk_live_demo_ab…');
    const base = { sessionId: null, label: 'x' };
    expect(auditActorId({ ...base, kind: 'staff', staffAccountId: 's1', apiKeyId: null })).toBe('s1');
    expect(auditActorId({ ...base, kind: 'api_key', staffAccountId: null, apiKeyId: 'k1' })).toBe('k1');
  });
});
