import { randomBytes } from 'node:crypto';

/** Everything the fake QuickBooks Online holds: companies (realms), OAuth codes and tokens. */

export type QuickBooksRecord = Record<string, unknown> & { Id: string };

export interface Company {
  realmId: string;
  /** Entity name → records by Id: Account, Customer, Item, SalesReceipt, RefundReceipt. */
  entities: Map<string, Map<string, QuickBooksRecord>>;
  nextId: number;
  /** requestid → the answer the first request with it got (QuickBooks replays it). */
  answered: Map<string, { status: number; body: object }>;
}

export interface Grant {
  refreshToken: string;
  realmId: string;
  clientId: string;
  /** The company's admin disconnected the app (or a test revoked it). */
  revoked: boolean;
  /** Used for a refresh: replaced by the refresh token it answered. */
  retired: boolean;
}

export interface AccessToken {
  token: string;
  grant: Grant;
  expiresAt: number;
}

export interface Code {
  realmId: string;
  redirectUri: string;
  expiresAt: number;
  used: boolean;
}

export interface FakeQuickBooksState {
  now: () => Date;
  clientId: string;
  clientSecret: string;
  companies: Map<string, Company>;
  codes: Map<string, Code>;
  /** Every refresh token issued, current or replaced: a refresh answers a new one and retires the old. */
  grants: Map<string, Grant>;
  accessTokens: Map<string, AccessToken>;
}

export function createState(options: {
  now: () => Date;
  clientId: string;
  clientSecret: string;
}): FakeQuickBooksState {
  return { ...options, companies: new Map(), codes: new Map(), grants: new Map(), accessTokens: new Map() };
}

export function resetState(state: FakeQuickBooksState): void {
  state.companies.clear();
  state.codes.clear();
  state.grants.clear();
  state.accessTokens.clear();
}

export const nowMs = (state: FakeQuickBooksState) => state.now().getTime();

export function randomToken(prefix: string, bytes: number): string {
  return `${prefix}${randomBytes(bytes).toString('base64url')}`;
}

/** A company, made on first use with an income account and a bank account, as a new one has. */
export function companyOf(state: FakeQuickBooksState, realmId: string): Company {
  let company = state.companies.get(realmId);
  if (!company) {
    company = { realmId, entities: new Map(), nextId: 100, answered: new Map() };
    const accounts = new Map<string, QuickBooksRecord>([
      ['1', { Id: '1', Name: 'Services', AccountType: 'Income', Active: true }],
      ['35', { Id: '35', Name: 'Checking', AccountType: 'Bank', Active: true }],
    ]);
    company.entities.set('Account', accounts);
    state.companies.set(realmId, company);
  }
  return company;
}

export function recordsOf(company: Company, entity: string): Map<string, QuickBooksRecord> {
  let records = company.entities.get(entity);
  if (!records) {
    records = new Map();
    company.entities.set(entity, records);
  }
  return records;
}
