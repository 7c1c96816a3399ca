import { describe, expect, it } from 'vitest';
import { checkIntake, type IntakeField } from './intake.ts';

const field = (
  id: string,
  fieldType: IntakeField['fieldType'],
  required = false,
  options: string[] = [],
): IntakeField => ({
  id,
  label: id.toUpperCase(),
  fieldType,
  required,
  options,
});

const form = [
  field('text', 'TEXT'),
  field('area', 'TEXTAREA'),
  field('pick', 'SELECT', true, ['A', 'B']),
  field('box', 'CHECKBOX'),
  field('day', 'DATE'),
  field('tel', 'PHONE'),
  field('mail', 'EMAIL'),
];

describe('checkIntake', () => {
  it('accepts valid answers of every type, in form order, with labels', () => {
    const result = checkIntake(form, {
      mail: 'a@b.example',
      tel: '+49 30 1234567',
      day: '2027-02-28',
      box: true,
      pick: 'B',
      area: 'x'.repeat(5000),
      text: 'hello',
    });
    expect(result.problems).toEqual([]);
    expect(result.answers.map((answer) => [answer.fieldId, answer.label])).toEqual([
      ['text', 'TEXT'],
      ['area', 'AREA'],
      ['pick', 'PICK'],
      ['box', 'BOX'],
      ['day', 'DAY'],
      ['tel', 'TEL'],
      ['mail', 'MAIL'],
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a missing required answer', {}, 'intake.pick'],
    ['an empty required answer', { pick: '' }, 'intake.pick'],
    ['a choice not offered', { pick: 'C' }, 'intake.pick'],
    ['text too long', { pick: 'A', text: 'x'.repeat(1001) }, 'intake.text'],
    ['a number for text', { pick: 'A', text: 5 }, 'intake.text'],
    ['a string for a checkbox', { pick: 'A', box: 'true' }, 'intake.box'],
    ['an impossible date', { pick: 'A', day: '2027-02-29' }, 'intake.day'],
    ['a date in another format', { pick: 'A', day: '28/02/2027' }, 'intake.day'],
    ['a phone with letters', { pick: 'A', tel: 'call me' }, 'intake.tel'],
    ['an email without domain', { pick: 'A', mail: 'a@b' }, 'intake.mail'],
    ['an unknown field', { pick: 'A', extra: 'x' }, 'intake.extra'],
  ])('refuses %s', (_, answers, path) => {
    expect(checkIntake(form, answers).problems.map((problem) => problem.path)).toContain(path);
  });

  it('treats an unticked required checkbox as missing, and lets an admin skip required answers', () => {
    const consent = [field('consent', 'CHECKBOX', true)];
    expect(checkIntake(consent, { consent: false }).problems).toHaveLength(1);
    expect(checkIntake(consent, {}, { enforceRequired: false }).problems).toEqual([]);
  });
});
