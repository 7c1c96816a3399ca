import type { Service } from '@mais/sdk';
import { describe, expect, it } from 'vitest';
import { moneyInputValue, parseMoney } from '../../ui/format.ts';
import {
  changedFields,
  createBodyOf,
  draftOfService,
  errorKeyOf,
  fieldErrorsOf,
  newServiceDraft,
  parseServiceDraft,
  reminderDraft,
  type Money,
} from './service-draft.ts';

const money: Money = { text: moneyInputValue, parse: parseMoney };

// A cast: fields other helpers add to Service (its location…) are not this form's.
const stored = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Massage',
  slug: 'massage',
  description: '',
  durationMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 15,
  slotIntervalMinutes: 30,
  minimumNoticeMinutes: 120,
  bookingWindowDays: 60,
  capacity: 1,
  priceBaseCents: 8000,
  currency: 'EUR',
  paymentMode: 'DEPOSIT',
  depositCents: null,
  depositPercent: 25,
  noShowFeeCents: 2000,
  noShowFeePercent: null,
  reminderOffsetsMinutes: [1440, 90],
  timezone: null,
  active: true,
  sortOrder: 0,
  resourceIds: ['r1', 'r2'],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
} as Service;

describe('service drafts', () => {
  it('round-trips a stored service with nothing changed', () => {
    const { values, errors } = parseServiceDraft(draftOfService(stored, money), money);
    expect(errors).toEqual({});
    expect(changedFields(stored, values)).toEqual({});
  });

  it('shows amounts in major units and reminders in hours or minutes', () => {
    const draft = draftOfService(stored, money);
    expect(draft.price).toBe('80.00');
    expect(draft.noShowKind).toBe('amount');
    expect(draft.noShowFee).toBe('20.00');
    expect(draft.depositKind).toBe('percent');
    expect(draft.deposit).toBe('25');
    expect(draft.reminders.map(({ amount, unit }) => `${amount} ${unit}`)).toEqual([
      '24 hours',
      '90 minutes',
    ]);
  });

  it('sends only the changed fields, resources compared as a set', () => {
    const draft = draftOfService(stored, money);
    draft.durationMinutes = '45';
    draft.resourceIds = ['r2', 'r1'];
    draft.noShowKind = 'percent';
    draft.noShowFee = '50';
    draft.reminders = [reminderDraft(null), ...draft.reminders];
    draft.reminders[0]!.amount = '2';
    const { values } = parseServiceDraft(draft, money);
    expect(changedFields(stored, values)).toEqual({
      durationMinutes: 45,
      noShowFeeCents: null,
      noShowFeePercent: 50,
      reminderOffsetsMinutes: [1440, 120, 90],
    });
  });

  it('drops the deposit when the payment mode is not DEPOSIT', () => {
    const draft = draftOfService(stored, money);
    draft.paymentMode = 'FULL';
    expect(changedFields(stored, parseServiceDraft(draft, money).values)).toEqual({
      paymentMode: 'FULL',
      depositPercent: null,
    });
  });

  it('reports inputs that are not numbers or amounts, by form key', () => {
    const draft = newServiceDraft('EUR');
    draft.name = 'Yoga';
    draft.durationMinutes = 'abc';
    draft.price = '12.345';
    draft.paymentMode = 'DEPOSIT';
    draft.depositKind = 'amount';
    draft.deposit = 'ten';
    draft.reminders[0]!.amount = '';
    const { errors } = parseServiceDraft(draft, money);
    expect(Object.keys(errors).sort()).toEqual(['deposit', 'durationMinutes', 'price', 'reminders']);
  });

  it('posts a new service with the interval defaulting to the duration and no slug', () => {
    const draft = newServiceDraft('EUR');
    draft.name = ' Yoga ';
    draft.durationMinutes = '75';
    draft.price = '20';
    const body = createBodyOf(parseServiceDraft(draft, money).values);
    expect(body).toMatchObject({
      name: 'Yoga',
      durationMinutes: 75,
      slotIntervalMinutes: 75,
      priceBaseCents: 2000,
    });
    expect(body).not.toHaveProperty('slug');
    expect(body.reminderOffsetsMinutes).toEqual([1440, 60]);
  });

  it('treats an unknown currency as an amount error, not a crash', () => {
    const draft = newServiceDraft('EUR');
    draft.currency = 'XX';
    draft.price = '10';
    expect(parseServiceDraft(draft, money).errors.price).toBeDefined();
  });

  it('places API details at the form keys', () => {
    expect(errorKeyOf('depositPercent')).toBe('deposit');
    expect(errorKeyOf('noShowFeeCents')).toBe('noShowFee');
    expect(errorKeyOf('reminderOffsetsMinutes.2')).toBe('reminders');
    expect(errorKeyOf('durationMinutes')).toBe('durationMinutes');
    expect(
      fieldErrorsOf([
        { path: 'durationMinutes', message: 'Too small' },
        { path: 'depositCents', message: 'needs one' },
        { path: 'depositPercent', message: 'or the other' },
      ]),
    ).toEqual({ durationMinutes: 'Too small', deposit: 'needs one or the other' });
  });
});
