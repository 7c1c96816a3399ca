/**
 * The vocabulary of notifications. A message has a kind (what it is about), an audience (the
 * client or the provider) and a channel. Clients read them in the language they booked in; provider
 * notices are in English (providers have no language setting yet).
 */

export const LOCALES = ['en', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export type Channel = 'email' | 'sms';
export type Audience = 'client' | 'provider';

export const CLIENT_KINDS = [
  'confirmation',
  'payment-received',
  'reschedule',
  'cancellation',
  'reminder',
] as const;
export const PROVIDER_KINDS = ['provider-booked', 'provider-rescheduled', 'provider-cancelled'] as const;

export type ClientKind = (typeof CLIENT_KINDS)[number];
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export type MessageKind = ClientKind | ProviderKind;

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
