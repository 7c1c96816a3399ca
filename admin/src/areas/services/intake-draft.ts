import type { IntakeField, ReplaceIntakeFieldsBody } from '@mais/sdk';

/** The intake form builder's list: questions as edited, in form order, and the PUT body they make. */

export type IntakeFieldType = IntakeField['fieldType'];

/** The seven kinds the API takes, with the words the builder shows for them. */
export const INTAKE_FIELD_TYPES: readonly { type: IntakeFieldType; label: string }[] = [
  { type: 'TEXT', label: 'Short text' },
  { type: 'TEXTAREA', label: 'Long text' },
  { type: 'SELECT', label: 'Choice from a list' },
  { type: 'CHECKBOX', label: 'Checkbox' },
  { type: 'DATE', label: 'Date' },
  { type: 'PHONE', label: 'Phone number' },
  { type: 'EMAIL', label: 'Email address' },
];

export function typeLabel(type: IntakeFieldType): string {
  return INTAKE_FIELD_TYPES.find((entry) => entry.type === type)?.label ?? type;
}

export interface IntakeDraft {
  /** Stable while editing (drag, focus after a move), unlike the index. */
  key: string;
  /** The stored field's id; absent for a question added since the last save. */
  id: string | undefined;
  label: string;
  fieldType: IntakeFieldType;
  required: boolean;
  /** Only SELECT questions have options. */
  options: string[];
  /** Help text shown in the empty input. */
  placeholder: string;
}

export type IntakeErrors = Record<number, { label?: string; options?: string; placeholder?: string }>;

let nextKey = 1;

export function newIntakeDraft(fieldType: IntakeFieldType = 'TEXT'): IntakeDraft {
  return {
    key: `new-${nextKey++}`,
    id: undefined,
    label: '',
    fieldType,
    required: false,
    options: fieldType === 'SELECT' ? [''] : [],
    placeholder: '',
  };
}

export function draftsOfFields(fields: readonly IntakeField[]): IntakeDraft[] {
  return [...fields]
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((field) => ({
      key: field.id,
      id: field.id,
      label: field.label,
      fieldType: field.fieldType,
      required: field.required,
      options: [...field.options],
      placeholder: field.placeholder ?? '',
    }));
}

/** The list with the item at `from` moved to `to` (indexes in the list before the move). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from < 0 || from >= items.length) return [...items];
  const target = Math.max(0, Math.min(items.length - 1, to));
  const copy = [...items];
  const [moved] = copy.splice(from, 1);
  copy.splice(target, 0, moved!);
  return copy;
}

/** A question changed to another kind: options kept only for a choice, one empty to fill in. */
export function withFieldType(draft: IntakeDraft, fieldType: IntakeFieldType): IntakeDraft {
  const options = fieldType === 'SELECT' ? (draft.options.length > 0 ? draft.options : ['']) : [];
  return { ...draft, fieldType, options };
}

/** What the browser can tell before saving: a label, options for a choice, distinct options. */
export function intakeProblems(drafts: readonly IntakeDraft[]): IntakeErrors {
  const errors: IntakeErrors = {};
  drafts.forEach((draft, index) => {
    const problems: IntakeErrors[number] = {};
    if (draft.label.trim() === '') problems.label = 'Enter the question.';
    if (draft.fieldType === 'SELECT') {
      const options = draft.options.map((option) => option.trim());
      if (options.length === 0) problems.options = 'Add at least one option.';
      else if (options.some((option) => option === ''))
        problems.options = 'Fill in or remove the empty option.';
      else if (new Set(options).size !== options.length) problems.options = 'Options must differ.';
    }
    if (Object.keys(problems).length > 0) errors[index] = problems;
  });
  return errors;
}

/** The whole form for PUT, in order; options only on choices, help text only when given. */
export function replaceBodyOf(drafts: readonly IntakeDraft[]): ReplaceIntakeFieldsBody {
  return drafts.map((draft) => ({
    ...(draft.id ? { id: draft.id } : {}),
    label: draft.label.trim(),
    fieldType: draft.fieldType,
    required: draft.required,
    ...(draft.fieldType === 'SELECT' ? { options: draft.options.map((option) => option.trim()) } : {}),
    ...(draft.placeholder.trim() !== '' ? { placeholder: draft.placeholder } : {}),
  }));
}

/** The API's details (`2.options`, `0.label`) placed on the questions. */
export function intakeErrorsOf(details: readonly { path: string; message: string }[]): IntakeErrors {
  const errors: IntakeErrors = {};
  for (const { path, message } of details) {
    const [index, field] = path.split('.');
    if (index === undefined || !/^\d+$/.test(index)) continue;
    const row = (errors[Number(index)] ??= {});
    if (field === 'options') row.options = message;
    else if (field === 'placeholder') row.placeholder = message;
    else row.label = message;
  }
  return errors;
}
