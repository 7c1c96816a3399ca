import type { CreateServiceBody, Service, UpdateServiceBody } from '@mais/sdk';

/**
 * The service form as typed (strings for every input) and its way to and from the API: the values
 * to POST, or only the fields that changed to PATCH. Amounts are typed in major units and sent in
 * minor units; reminders are typed in minutes or hours and sent in minutes.
 */

export type PaymentMode = Service['paymentMode'];
export type AmountKind = 'amount' | 'percent';

export interface ReminderDraft {
  key: number;
  amount: string;
  unit: 'minutes' | 'hours';
}

export interface ServiceDraft {
  name: string;
  slug: string;
  description: string;
  durationMinutes: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  /** '' = the duration. */
  slotIntervalMinutes: string;
  minimumNoticeMinutes: string;
  bookingWindowDays: string;
  capacity: string;
  price: string;
  currency: string;
  paymentMode: PaymentMode;
  depositKind: AmountKind;
  deposit: string;
  noShowKind: AmountKind | 'none';
  noShowFee: string;
  reminders: ReminderDraft[];
  /** '' = the business's zone. */
  timezone: string;
  active: boolean;
  sortOrder: string;
  resourceIds: string[];
}

/** The fields this form edits, as the API takes them (fields it does not show are never sent). */
export type ServiceValues = Pick<
  Service,
  | 'name'
  | 'slug'
  | 'description'
  | 'durationMinutes'
  | 'bufferBeforeMinutes'
  | 'bufferAfterMinutes'
  | 'slotIntervalMinutes'
  | 'minimumNoticeMinutes'
  | 'bookingWindowDays'
  | 'capacity'
  | 'priceBaseCents'
  | 'currency'
  | 'paymentMode'
  | 'depositCents'
  | 'depositPercent'
  | 'noShowFeeCents'
  | 'noShowFeePercent'
  | 'reminderOffsetsMinutes'
  | 'timezone'
  | 'active'
  | 'sortOrder'
  | 'resourceIds'
>;

/** Form keys an error is shown at: the API's detail paths map onto these (errorKeyOf). */
export type FieldErrors = Partial<Record<string, string>>;

export interface Money {
  /** Minor units → the input's text ('12.50'). */
  text: (cents: number, currency: string) => string;
  /** The input's text → minor units, null when it is not an amount. */
  parse: (text: string, currency: string) => number | null;
}

let nextReminderKey = 1;
export function reminderDraft(minutes: number | null): ReminderDraft {
  const key = nextReminderKey++;
  if (minutes === null) return { key, amount: '', unit: 'hours' };
  return minutes % 60 === 0
    ? { key, amount: String(minutes / 60), unit: 'hours' }
    : { key, amount: String(minutes), unit: 'minutes' };
}

export function newServiceDraft(currency: string): ServiceDraft {
  return {
    name: '',
    slug: '',
    description: '',
    durationMinutes: '60',
    bufferBeforeMinutes: '0',
    bufferAfterMinutes: '0',
    slotIntervalMinutes: '',
    minimumNoticeMinutes: '0',
    bookingWindowDays: '60',
    capacity: '1',
    price: '',
    currency,
    paymentMode: 'NONE',
    depositKind: 'percent',
    deposit: '',
    noShowKind: 'none',
    noShowFee: '',
    // The API's default: 24 hours and 1 hour before.
    reminders: [reminderDraft(1440), reminderDraft(60)],
    timezone: '',
    active: true,
    sortOrder: '0',
    resourceIds: [],
  };
}

export function draftOfService(service: Service, money: Money): ServiceDraft {
  const { currency } = service;
  return {
    name: service.name,
    slug: service.slug,
    description: service.description,
    durationMinutes: String(service.durationMinutes),
    bufferBeforeMinutes: String(service.bufferBeforeMinutes),
    bufferAfterMinutes: String(service.bufferAfterMinutes),
    slotIntervalMinutes: String(service.slotIntervalMinutes),
    minimumNoticeMinutes: String(service.minimumNoticeMinutes),
    bookingWindowDays: String(service.bookingWindowDays),
    capacity: String(service.capacity),
    price: money.text(service.priceBaseCents, currency),
    currency,
    paymentMode: service.paymentMode,
    depositKind: service.depositCents !== null ? 'amount' : 'percent',
    deposit:
      service.depositCents !== null
        ? money.text(service.depositCents, currency)
        : service.depositPercent !== null
          ? String(service.depositPercent)
          : '',
    noShowKind:
      service.noShowFeeCents !== null ? 'amount' : service.noShowFeePercent !== null ? 'percent' : 'none',
    noShowFee:
      service.noShowFeeCents !== null
        ? money.text(service.noShowFeeCents, currency)
        : service.noShowFeePercent !== null
          ? String(service.noShowFeePercent)
          : '',
    reminders: service.reminderOffsetsMinutes.map((minutes) => reminderDraft(minutes)),
    timezone: service.timezone ?? '',
    active: service.active,
    sortOrder: String(service.sortOrder),
    resourceIds: [...service.resourceIds],
  };
}

/**
 * The values the draft stands for, or the inputs the browser cannot turn into them (not a number,
 * not an amount). Ranges and the rules across fields (a deposit only with DEPOSIT…) are the API's:
 * its messages come back as field errors too, so there is one set of rules.
 */
export function parseServiceDraft(
  draft: ServiceDraft,
  money: Money,
): { values: ServiceValues; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const currency = draft.currency.trim().toUpperCase();
  const integer = (key: keyof ServiceDraft, text: string): number => {
    const trimmed = text.trim();
    if (!/^-?\d{1,9}$/.test(trimmed)) {
      errors[key] = 'Enter a whole number.';
      return 0;
    }
    return Number(trimmed);
  };
  const amount = (key: string, text: string): number => {
    const cents = safeParse(money, text, currency);
    if (cents === null) errors[key] = 'Enter an amount such as 12.50.';
    return cents ?? 0;
  };
  const durationMinutes = integer('durationMinutes', draft.durationMinutes);
  const values: ServiceValues = {
    name: draft.name.trim(),
    slug: draft.slug.trim(),
    description: draft.description,
    durationMinutes,
    bufferBeforeMinutes: integer('bufferBeforeMinutes', draft.bufferBeforeMinutes),
    bufferAfterMinutes: integer('bufferAfterMinutes', draft.bufferAfterMinutes),
    slotIntervalMinutes:
      draft.slotIntervalMinutes.trim() === ''
        ? durationMinutes
        : integer('slotIntervalMinutes', draft.slotIntervalMinutes),
    minimumNoticeMinutes: integer('minimumNoticeMinutes', draft.minimumNoticeMinutes),
    bookingWindowDays: integer('bookingWindowDays', draft.bookingWindowDays),
    capacity: integer('capacity', draft.capacity),
    priceBaseCents: amount('price', draft.price),
    currency,
    paymentMode: draft.paymentMode,
    depositCents: null,
    depositPercent: null,
    noShowFeeCents: null,
    noShowFeePercent: null,
    reminderOffsetsMinutes: [],
    timezone: draft.timezone === '' ? null : draft.timezone,
    active: draft.active,
    sortOrder: integer('sortOrder', draft.sortOrder),
    resourceIds: [...draft.resourceIds],
  };
  if (draft.paymentMode === 'DEPOSIT') {
    if (draft.depositKind === 'amount') values.depositCents = amount('deposit', draft.deposit);
    else values.depositPercent = integer('deposit', draft.deposit);
  }
  if (draft.noShowKind === 'amount') values.noShowFeeCents = amount('noShowFee', draft.noShowFee);
  if (draft.noShowKind === 'percent') values.noShowFeePercent = integer('noShowFee', draft.noShowFee);
  values.reminderOffsetsMinutes = draft.reminders
    .map((reminder) => {
      const count = integer('reminders', reminder.amount);
      return reminder.unit === 'hours' ? count * 60 : count;
    })
    // Longest notice first, the order the reminders go out in reverse.
    .sort((a, b) => b - a);
  return { values, errors };
}

/** The POST body for a new service (no slug: the API makes one from the name). */
export function createBodyOf(values: ServiceValues): CreateServiceBody {
  const { slug, ...rest } = values;
  return slug === '' ? rest : { ...rest, slug };
}

/** Only the fields whose value differs from the stored service, for PATCH. */
export function changedFields(service: Service, values: ServiceValues): UpdateServiceBody {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(values) as (keyof ServiceValues)[]) {
    const before = service[key];
    const after = values[key];
    const same =
      key === 'resourceIds'
        ? sameSet(before as string[], after as string[])
        : JSON.stringify(before) === JSON.stringify(after);
    if (!same) changes[key] = after;
  }
  return changes as UpdateServiceBody;
}

/** Where an API detail's path is shown: `depositPercent` at the deposit, `reminderOffsetsMinutes.1` at the reminders. */
export function errorKeyOf(path: string): string {
  const head = path.split('.')[0] ?? '';
  switch (head) {
    case 'depositCents':
    case 'depositPercent':
      return 'deposit';
    case 'noShowFeeCents':
    case 'noShowFeePercent':
      return 'noShowFee';
    case 'priceBaseCents':
      return 'price';
    case 'reminderOffsetsMinutes':
      return 'reminders';
    default:
      return head;
  }
}

export function fieldErrorsOf(details: readonly { path: string; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of details) {
    const key = errorKeyOf(path);
    errors[key] = errors[key] ? `${errors[key]} ${message}` : message;
  }
  return errors;
}

function safeParse(money: Money, text: string, currency: string): number | null {
  try {
    return money.parse(text, currency);
  } catch {
    // Not a currency Intl knows: the currency field's own error says so.
    return null;
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
