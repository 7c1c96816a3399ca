import { describe, expect, it } from 'vitest';
import {
  deliveryResponse,
  deliveryStatusFilter,
  deliveryStatusLabel,
  endpointState,
  eventLabel,
  newEndpointBody,
  WEBHOOK_EVENTS,
  webhookErrorText,
} from './webhook-input.ts';

describe('the new endpoint form', () => {
  it('offers the eight events, in the API order, each with a label', () => {
    expect(WEBHOOK_EVENTS).toEqual([
      'appointment.created',
      'appointment.confirmed',
      'appointment.rescheduled',
      'appointment.cancelled',
      'appointment.completed',
      'appointment.no_show',
      'payment.succeeded',
      'payment.refunded',
    ]);
    for (const event of WEBHOOK_EVENTS) expect(eventLabel(event)).not.toBe('');
  });

  it('sends the ticked events once each, in the API order, and the trimmed URL', () => {
    expect(
      newEndpointBody({
        url: ' https://crm.example/hooks ',
        events: ['payment.succeeded', 'appointment.created', 'payment.succeeded', 'not.an.event'],
      }),
    ).toEqual({
      body: { url: 'https://crm.example/hooks', events: ['appointment.created', 'payment.succeeded'] },
    });
  });

  it('keeps a description only when one is given', () => {
    const body = newEndpointBody({
      url: 'http://127.0.0.1:9/x',
      events: ['payment.refunded'],
      description: ' CRM ',
    });
    expect(body).toEqual({
      body: { url: 'http://127.0.0.1:9/x', events: ['payment.refunded'], description: 'CRM' },
    });
  });

  it('says what is missing or wrong', () => {
    expect(newEndpointBody({ url: '', events: ['payment.refunded'] })).toHaveProperty('error');
    expect(newEndpointBody({ url: 'crm.example/hooks', events: ['payment.refunded'] })).toHaveProperty(
      'error',
    );
    expect(newEndpointBody({ url: 'ftp://crm.example', events: ['payment.refunded'] })).toHaveProperty(
      'error',
    );
    expect(newEndpointBody({ url: 'https://a:b@crm.example', events: ['payment.refunded'] })).toHaveProperty(
      'error',
    );
    expect(newEndpointBody({ url: 'https://crm.example', events: [] })).toEqual({
      error: 'Choose at least one event to send.',
    });
  });
});

describe('states and deliveries', () => {
  it('tells a failing endpoint from one turned off by hand', () => {
    expect(endpointState({ enabled: true, disabledReason: null })).toEqual({
      label: 'Enabled',
      tone: 'normal',
    });
    expect(endpointState({ enabled: false, disabledReason: 'manual' })).toEqual({
      label: 'Disabled',
      tone: 'normal',
    });
    expect(endpointState({ enabled: false, disabledReason: 'failing' })).toMatchObject({ tone: 'danger' });
  });

  it('names delivery statuses and the last answer', () => {
    expect(deliveryStatusLabel('SUCCEEDED')).toBe('Delivered');
    expect(deliveryStatusLabel('FAILED')).toBe('Failed');
    expect(deliveryStatusLabel('PENDING')).toBe('Pending');
    expect(deliveryResponse({ responseStatus: 503, lastError: 'x', attempts: 2 })).toBe('HTTP 503');
    expect(deliveryResponse({ responseStatus: null, lastError: 'connect ECONNREFUSED', attempts: 1 })).toBe(
      'connect ECONNREFUSED',
    );
    expect(deliveryResponse({ responseStatus: null, lastError: null, attempts: 0 })).toBe('Not sent yet');
  });

  it('reads the status filter from the address', () => {
    expect(deliveryStatusFilter('FAILED')).toBe('FAILED');
    expect(deliveryStatusFilter('failed')).toBeUndefined();
    expect(deliveryStatusFilter(null)).toBeUndefined();
  });
});

describe('refusals', () => {
  it('says that a server without ENCRYPTION_KEY is a setup matter, and passes other errors on', () => {
    const message = 'Outgoing webhooks need ENCRYPTION_KEY on this platform.';
    expect(webhookErrorText('webhooks_not_configured', message)).toBe(
      `Webhooks are not available on this server yet. ${message} Ask whoever runs the server to set it.`,
    );
    expect(webhookErrorText('validation_failed', 'url: must be https')).toBe('url: must be https');
    expect(webhookErrorText(undefined, 'The API could not be reached.')).toBe(
      'The API could not be reached.',
    );
  });
});
