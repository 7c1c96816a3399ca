import type { QuickBooksFault, RequestPattern } from './faults.ts';
import { consent, revokeRealm, type ConsentOptions } from './oauth.ts';
import { FakeQuickBooksServer, type RequestRecord } from './server.ts';
import {
  companyOf,
  createState,
  recordsOf,
  resetState,
  type FakeQuickBooksState,
  type QuickBooksRecord,
} from './state.ts';

export type { ConsentOptions, QuickBooksFault, QuickBooksRecord, RequestPattern, RequestRecord };

export interface FakeQuickBooksOptions {
  clientId?: string;
  clientSecret?: string;
  /** The clock for codes and tokens (default: the real one). */
  now?: () => Date;
  port?: number;
}

export interface FakeQuickBooks {
  /** `http://127.0.0.1:PORT`: both QUICKBOOKS_OAUTH_BASE and QUICKBOOKS_API_BASE. */
  url: string;
  port: number;
  clientId: string;
  clientSecret: string;
  state: FakeQuickBooksState;
  /** Every request received, oldest first. */
  readonly requests: RequestRecord[];
  /** An admin at Intuit's authorize page picks a company: where the browser is sent back. */
  consent(authorizationUrl: string, options?: ConsentOptions): string;
  /** A company's records of one entity (SalesReceipt, RefundReceipt, Customer, Item, Account). */
  records(realmId: string, entity: string): QuickBooksRecord[];
  /** Every refresh token issued, current or rotated (to look for them where they must not be). */
  refreshTokens(): string[];
  /** Every access token issued. */
  accessTokens(): string[];
  /** Access tokens expire now (the next call answers 401 until refreshed). */
  expireAccessTokens(): void;
  /** The company's admin disconnects the app: refreshes answer invalid_grant, calls 401. */
  revokeAccess(realmId: string): void;
  /** The next `times` requests matching `pattern` fail as `fault` (a status, or 'lose-answer'). */
  failNext(pattern: RequestPattern, fault?: QuickBooksFault, times?: number): void;
  clear(): void;
  close(): Promise<void>;
}

export async function startFakeQuickBooks(options: FakeQuickBooksOptions = {}): Promise<FakeQuickBooks> {
  const state = createState({
    now: options.now ?? (() => new Date()),
    clientId: options.clientId ?? 'ABfakeQuickBooksClientId',
    clientSecret: options.clientSecret ?? 'fake-quickbooks-secret',
  });
  const server = new FakeQuickBooksServer(state);
  const port = await server.listen(options.port);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    state,
    get requests() {
      return server.requests;
    },
    consent: (authorizationUrl, consentOptions = {}) =>
      consent(state, `${url}/authorize`, authorizationUrl, consentOptions),
    records: (realmId, entity) => [...recordsOf(companyOf(state, realmId), entity).values()],
    refreshTokens: () => [...state.grants.keys()],
    accessTokens: () => [...state.accessTokens.keys()],
    expireAccessTokens() {
      const past = state.now().getTime() - 1;
      for (const access of state.accessTokens.values()) access.expiresAt = past;
    },
    revokeAccess: (realmId) => revokeRealm(state, realmId),
    failNext: (pattern, fault = 500, times = 1) => server.faults.add(pattern, fault, times),
    clear() {
      resetState(state);
      server.requests.length = 0;
      server.faults.clear();
    },
    close: () => server.close(),
  };
}
