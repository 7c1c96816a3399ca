import type { ClientKind, Locale, ProviderKind } from '../message-kinds.ts';

/**
 * The words of the messages, one table per language (en.ts, es.ts), like the widget's
 * translations. Templates get their values already formatted for the reader (dates and times in
 * the reader's zone, money in its currency); render.ts escapes them for HTML.
 */

/** A message's values, formatted for its reader. */
export interface Values {
  tenant: string;
  client: string;
  service: string;
  provider: string | null;
  date: string;
  time: string;
  previousDate: string | null;
  previousTime: string | null;
  /** A payment received, or what a cancellation refunds (null: nothing). */
  amount: string | null;
  /** Whether the client has paid anything that stays paid (a cancellation without a refund says why). */
  paidSomething: boolean;
  /** A reminder's "in 24 hours". */
  offset: string | null;
}

export interface MessageText {
  subject: string;
  heading: string;
  paragraphs: string[];
}

export type Template = (values: Values) => MessageText;

export interface Texts {
  locale: Locale;
  greeting(name: string): string;
  labels: {
    when: string;
    service: string;
    provider: string;
    client: string;
    total: string;
    paid: string;
    due: string;
  };
  /** The manage link's button (and its line in the text version). */
  manage: string;
  /** Said with a link that carries no token (no ENCRYPTION_KEY): how to manage the booking anyway. */
  manageWithoutToken: string;
  /** Said when the tenant has no booking page to link to. */
  noManageLink(tenant: string): string;
  footer(tenant: string): string;
  /** "in 24 hours", "in 90 minutes" */
  inDuration(minutes: number): string;
  client: Record<ClientKind, Template>;
  smsReminder(values: Values): string;
}

/** Provider notices (English only: providers have no language setting yet). */
export type ProviderTemplates = Record<ProviderKind, Template>;
