import type { Translation } from '../../i18n/translation.ts';

export type FieldKind = 'TEXT' | 'TEXTAREA' | 'SELECT' | 'CHECKBOX' | 'DATE' | 'PHONE' | 'EMAIL';
export type FieldValue = string | boolean;

/** One input of the details form: the client's own fields and the service's intake fields alike. */
export interface FieldSpec {
  /** Where the answer goes, as the API names it in error details: "client.email", "intake.<fieldId>". */
  key: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  options: readonly string[];
  placeholder: string | null;
  autocomplete?: string;
}

// The API's own rules (api/src/domain/appointments/intake.ts, appointment.schemas.ts), checked here
// first so the client sees the message beside the field without a round trip.
const PHONE = /^\+?[0-9 ()-]{5,25}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const MAX_LENGTH: Partial<Record<FieldKind, number>> = { TEXT: 1000, TEXTAREA: 5000, EMAIL: 254 };

/** The message for a field's value, or null when it is fine. */
export function fieldError(field: FieldSpec, value: FieldValue | undefined, t: Translation): string | null {
  if (field.kind === 'CHECKBOX') return field.required && value !== true ? t.boxRequired : null;
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return field.required ? t.fieldRequired : null;
  if (field.kind === 'EMAIL' && !EMAIL.test(text)) return t.invalidEmail;
  if (field.kind === 'PHONE' && !PHONE.test(text)) return t.invalidPhone;
  if (field.kind === 'DATE' && !DATE.test(text)) return t.invalidDate;
  return null;
}
