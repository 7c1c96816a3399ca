import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../ui/format.ts';
import {
  draftOfPolicy,
  parsePolicyDraft,
  policyErrorsOf,
  type PolicyDraft,
} from './cancellation-policy-draft.ts';

const euros = (text: string) => parseMoney(text, 'EUR');

describe('cancellation policy drafts', () => {
  it('turns stored tiers into rows and back into the PUT body', () => {
    const draft = draftOfPolicy(
      [
        { hoursBeforeStart: 48, feePercentage: 50, feeFixedCents: null },
        { hoursBeforeStart: 24, feePercentage: null, feeFixedCents: 1500 },
      ],
      null,
      (cents) => (cents / 100).toFixed(2),
    );
    expect(draft.tiers.map(({ hours, feeKind, fee }) => [hours, feeKind, fee])).toEqual([
      ['48', 'percent', '50'],
      ['24', 'fixed', '15.00'],
    ]);
    const parsed = parsePolicyDraft(draft, euros);
    expect(parsed.body).toEqual({
      tiers: [
        { hoursBeforeStart: 48, feePercentage: 50 },
        { hoursBeforeStart: 24, feeFixedCents: 1500 },
      ],
      rescheduleAllowedUntilHours: null,
    });
    expect(parsed.tierErrors).toEqual({});
  });

  it('flags half-typed rows, leaves them out of the preview, and checks the reschedule hours', () => {
    const draft: PolicyDraft = {
      tiers: [
        { key: 1, hours: '48', feeKind: 'percent', fee: '50' },
        { key: 2, hours: '', feeKind: 'percent', fee: '100' },
        { key: 3, hours: '48', feeKind: 'percent', fee: '101' },
        { key: 4, hours: '12', feeKind: 'fixed', fee: 'x' },
      ],
      rescheduleHours: '1.5',
    };
    const parsed = parsePolicyDraft(draft, euros);
    expect(parsed.tiers).toEqual([{ hoursBeforeStart: 48, feePercentage: 50, feeFixedCents: null }]);
    expect(parsed.tierErrors).toEqual({
      1: { hours: 'Enter whole hours (0 or more).' },
      2: { hours: 'Another tier has these hours.', fee: 'Enter a percentage from 0 to 100.' },
      3: { fee: 'Enter an amount such as 10.00.' },
    });
    expect(parsed.rescheduleError).toBe('Enter whole hours, or leave it empty.');
    expect(
      parsePolicyDraft({ tiers: [], rescheduleHours: '6' }, euros).body.rescheduleAllowedUntilHours,
    ).toBe(6);
  });

  it('places the API details on the rows', () => {
    expect(
      policyErrorsOf([
        { path: 'tiers.1.hoursBeforeStart', message: 'must be distinct across tiers' },
        { path: 'tiers.0.feeFixedCents', message: 'a tier needs exactly one' },
        { path: 'rescheduleAllowedUntilHours', message: 'Too big' },
      ]),
    ).toEqual({
      tierErrors: { 1: { hours: 'must be distinct across tiers' }, 0: { fee: 'a tier needs exactly one' } },
      rescheduleError: 'Too big',
    });
  });
});
