import { describe, expect, it } from 'vitest';
import {
  dateRangeViolations,
  overrideViolations,
  ruleViolations,
  type RuleOwner,
  type RuleShape,
} from './rule-validation.ts';

const PROVIDER = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const owner: RuleOwner = { field: 'providerId', id: PROVIDER };
const base: RuleShape = { startTime: '09:00', endTime: '17:00' };

describe('ruleViolations', () => {
  it.each<[string, Partial<RuleShape>]>([
    ['plain hours', {}],
    ['hours to midnight', { startTime: '18:00', endTime: '24:00' }],
    ['one minute', { startTime: '00:00', endTime: '00:01' }],
    ['the owner repeated', { providerId: PROVIDER }],
    ['another kind of id', { serviceId: OTHER }],
    ['a one-day range', { effectiveFrom: '2026-03-01', effectiveTo: '2026-03-01' }],
    ['an open-ended range', { effectiveFrom: '2026-03-01' }],
  ])('accepts %s', (_, change) => {
    expect(ruleViolations([{ ...base, ...change }], owner)).toEqual([]);
  });

  it.each<[string, Partial<RuleShape>, string]>([
    ['an end before the start', { startTime: '17:00', endTime: '09:00' }, '0.endTime'],
    ['an empty interval', { startTime: '09:00', endTime: '09:00' }, '0.endTime'],
    [
      'a range that ends before it starts',
      { effectiveFrom: '2026-03-02', effectiveTo: '2026-03-01' },
      '0.effectiveTo',
    ],
    ['another owner', { providerId: OTHER }, '0.providerId'],
  ])('refuses %s', (_, change, path) => {
    expect(ruleViolations([{ ...base, ...change }], owner)).toEqual([{ path, message: expect.any(String) }]);
  });

  it('names the index of each bad rule', () => {
    const rules = [
      base,
      { ...base, endTime: '08:00' },
      base,
      { ...base, serviceId: PROVIDER, providerId: OTHER },
    ];
    expect(ruleViolations(rules, { field: 'serviceId', id: OTHER }).map((problem) => problem.path)).toEqual([
      '1.endTime',
      '3.serviceId',
    ]);
  });
});

describe('overrideViolations', () => {
  it.each([
    ['a closed day', { closed: true }],
    ['special hours', { startTime: '10:00', endTime: '14:00' }],
    ['special hours with closed false', { closed: false, startTime: '10:00', endTime: '24:00' }],
  ])('accepts %s', (_, override) => {
    expect(overrideViolations(override)).toEqual([]);
  });

  it.each([
    ['a closed day with times', { closed: true, startTime: '10:00', endTime: '14:00' }, ['startTime']],
    ['a closed day with an end time', { closed: true, endTime: '14:00' }, ['endTime']],
    ['neither closed nor times', {}, ['startTime', 'endTime']],
    ['closed false without times', { closed: false }, ['startTime', 'endTime']],
    ['only a start time', { startTime: '10:00' }, ['endTime']],
    ['an end before the start', { startTime: '14:00', endTime: '10:00' }, ['endTime']],
  ])('refuses %s', (_, override, paths) => {
    expect(overrideViolations(override).map((problem) => problem.path)).toEqual(paths);
  });
});

describe('dateRangeViolations', () => {
  it('accepts open and ordered ranges, refuses a reversed one', () => {
    expect(dateRangeViolations({})).toEqual([]);
    expect(dateRangeViolations({ from: '2026-01-01' })).toEqual([]);
    expect(dateRangeViolations({ from: '2026-01-01', to: '2026-01-01' })).toEqual([]);
    expect(dateRangeViolations({ from: '2026-01-02', to: '2026-01-01' })).toEqual([
      { path: 'to', message: 'cannot be before from' },
    ]);
  });
});
