import type { ErrorDetail } from '../errors.ts';

/**
 * Checks a client's answers against a service's intake form. Paths in the
 * details are `intake.<fieldId>`, so a form can show each message by its field.
 */
export type IntakeFieldType = 'TEXT' | 'TEXTAREA' | 'SELECT' | 'CHECKBOX' | 'DATE' | 'PHONE' | 'EMAIL';

export interface IntakeField {
  id: string;
  label: string;
  fieldType: IntakeFieldType;
  required: boolean;
  options: readonly string[];
}

export interface IntakeAnswer {
  fieldId: string;
  label: string;
  value: string | boolean;
}

const MAX_LENGTH: Partial<Record<IntakeFieldType, number>> = { TEXT: 1000, TEXTAREA: 5000 };
const PHONE = /^\+?[0-9 ()-]{5,25}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkIntake(
  fields: readonly IntakeField[],
  answers: Readonly<Record<string, unknown>>,
  options: { enforceRequired: boolean } = { enforceRequired: true },
): { answers: IntakeAnswer[]; problems: ErrorDetail[] } {
  const problems: ErrorDetail[] = [];
  const known = new Map(fields.map((field) => [field.id, field]));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) problems.push({ path: `intake.${id}`, message: 'is not a field of this service' });
  }

  const accepted: IntakeAnswer[] = [];
  for (const field of fields) {
    const path = `intake.${field.id}`;
    const value = answers[field.id];
    const empty =
      value === undefined ||
      value === null ||
      value === '' ||
      (field.fieldType === 'CHECKBOX' && value === false);
    if (empty) {
      if (field.required && options.enforceRequired)
        problems.push({ path, message: `"${field.label}" is required` });
      if (value === false) accepted.push({ fieldId: field.id, label: field.label, value: false });
      continue;
    }
    const problem = problemWith(field, value);
    if (problem) problems.push({ path, message: problem });
    else accepted.push({ fieldId: field.id, label: field.label, value: value as string | boolean });
  }
  return { answers: accepted, problems };
}

function problemWith(field: IntakeField, value: unknown): string | undefined {
  if (field.fieldType === 'CHECKBOX') return typeof value === 'boolean' ? undefined : 'must be true or false';
  if (typeof value !== 'string') return 'must be text';
  const max = MAX_LENGTH[field.fieldType] ?? 200;
  if (value.length > max) return `must be at most ${max} characters`;
  switch (field.fieldType) {
    case 'SELECT':
      return field.options.includes(value) ? undefined : `must be one of: ${field.options.join(', ')}`;
    case 'DATE':
      return DATE.test(value) &&
        !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
        new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
        ? undefined
        : 'must be a date "YYYY-MM-DD"';
    case 'PHONE':
      return PHONE.test(value) ? undefined : 'must be a phone number';
    case 'EMAIL':
      return EMAIL.test(value) ? undefined : 'must be an email address';
    default:
      return undefined;
  }
}
