import type { IntakeField } from '@mais/sdk';
import { describe, expect, it } from 'vitest';
import {
  draftsOfFields,
  INTAKE_FIELD_TYPES,
  intakeErrorsOf,
  intakeProblems,
  moveItem,
  newIntakeDraft,
  replaceBodyOf,
  withFieldType,
} from './intake-draft.ts';

const field = (id: string, sortOrder: number, extra: Partial<IntakeField> = {}): IntakeField => ({
  id,
  serviceId: 's',
  label: id,
  fieldType: 'TEXT',
  required: false,
  options: [],
  placeholder: null,
  sortOrder,
  ...extra,
});

describe('moveItem', () => {
  it('moves an item down, up, and clamps at the ends', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 9)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });
});

describe('intake drafts', () => {
  it('offers the seven types of the API', () => {
    expect(INTAKE_FIELD_TYPES.map((entry) => entry.type)).toEqual([
      'TEXT',
      'TEXTAREA',
      'SELECT',
      'CHECKBOX',
      'DATE',
      'PHONE',
      'EMAIL',
    ]);
  });

  it('reads stored fields in form order and writes them back with ids', () => {
    const drafts = draftsOfFields([
      field('b', 2, { fieldType: 'SELECT', options: ['x', 'y'], required: true }),
      field('a', 1, { placeholder: 'e.g. none' }),
    ]);
    expect(drafts.map((draft) => draft.id)).toEqual(['a', 'b']);
    expect(replaceBodyOf(drafts)).toEqual([
      { id: 'a', label: 'a', fieldType: 'TEXT', required: false, placeholder: 'e.g. none' },
      { id: 'b', label: 'b', fieldType: 'SELECT', required: true, options: ['x', 'y'] },
    ]);
  });

  it('sends new questions without an id and options only for a choice', () => {
    const added = { ...withFieldType(newIntakeDraft('SELECT'), 'CHECKBOX'), label: ' Agree? ' };
    expect(added.options).toEqual([]);
    expect(replaceBodyOf([added])).toEqual([{ label: 'Agree?', fieldType: 'CHECKBOX', required: false }]);
    expect(withFieldType(newIntakeDraft('TEXT'), 'SELECT').options).toEqual(['']);
  });

  it('finds missing labels and bad options before saving', () => {
    const choice = { ...newIntakeDraft('SELECT'), label: 'Pick' };
    expect(intakeProblems([newIntakeDraft(), choice])).toEqual({
      0: { label: 'Enter the question.' },
      1: { options: 'Fill in or remove the empty option.' },
    });
    expect(intakeProblems([{ ...choice, options: ['a', ' a'] }])).toEqual({
      0: { options: 'Options must differ.' },
    });
    expect(intakeProblems([{ ...choice, options: [] }])).toEqual({
      0: { options: 'Add at least one option.' },
    });
    expect(intakeProblems([{ ...choice, options: ['a', 'b'] }])).toEqual({});
  });

  it('places the API details on the questions', () => {
    expect(
      intakeErrorsOf([
        { path: '2.options', message: 'a SELECT field needs at least one option' },
        { path: '0.label', message: 'Too short' },
        { path: '', message: 'Too many' },
      ]),
    ).toEqual({ 2: { options: 'a SELECT field needs at least one option' }, 0: { label: 'Too short' } });
  });
});
