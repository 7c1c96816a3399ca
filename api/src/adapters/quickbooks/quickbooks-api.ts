import { QuickBooksUnauthorizedError } from './quickbooks-errors.ts';
import { send } from './quickbooks-http.ts';

/** The accounting API version we speak (https://developer.intuit.com/app/developer/qbo/docs/learn/explore-the-quickbooks-online-api/minor-versions). */
export const MINOR_VERSION = '75';

/** The entities we create, as the API names them in paths and answers. */
export type QuickBooksEntity = 'Customer' | 'Item' | 'SalesReceipt' | 'RefundReceipt';

export interface QuickBooksRecord {
  Id: string;
  [field: string]: unknown;
}

/**
 * Gives the call an access token, and a fresh one when the token it gave was refused (401): the
 * connection refreshes it (use-cases/quickbooks/with-quickbooks-connection.ts).
 */
export interface AccessTokens {
  current(): Promise<string>;
  renew(refused: string): Promise<string>;
}

/**
 * One company's (realm's) accounting API: queries and creates, JSON, Bearer, minorversion=75. A
 * create carries `requestid`: QuickBooks answers a repeated requestid with what the first request
 * made, so a create whose answer was lost can be asked again without making a second record.
 */
export class QuickBooksApi {
  constructor(
    private readonly apiBase: string,
    private readonly realmId: string,
    private readonly tokens: AccessTokens,
  ) {}

  /** `select * from Customer where DisplayName = '…'`: the records found (none: []). */
  async query(entity: QuickBooksEntity | 'Account', statement: string): Promise<QuickBooksRecord[]> {
    const answer = await this.call<{ QueryResponse?: Record<string, unknown> }>(
      `query ${entity}`,
      'GET',
      'query',
      { query: statement },
    );
    const found = answer.QueryResponse?.[entity];
    return Array.isArray(found) ? (found as QuickBooksRecord[]) : [];
  }

  async create(entity: QuickBooksEntity, body: object, requestId: string): Promise<QuickBooksRecord> {
    const answer = await this.call<Record<string, QuickBooksRecord>>(
      `create ${entity}`,
      'POST',
      entity.toLowerCase(),
      { requestid: requestId },
      body,
    );
    const record = answer[entity];
    if (!record?.Id) throw new Error(`QuickBooks create ${entity}: no ${entity} in the answer`);
    return record;
  }

  private async call<T>(
    what: string,
    method: 'GET' | 'POST',
    resource: string,
    query: Record<string, string>,
    body?: object,
  ): Promise<T> {
    const url = new URL(`${this.apiBase}/v3/company/${encodeURIComponent(this.realmId)}/${resource}`);
    url.search = new URLSearchParams({ ...query, minorversion: MINOR_VERSION }).toString();
    const request = (token: string) =>
      send<T>(what, {
        method,
        url: url.toString(),
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const token = await this.tokens.current();
    try {
      return await request(token);
    } catch (error) {
      // Revoked or expired early: one more try with a fresh token. A create is safe to repeat
      // (requestid), a query always.
      if (!(error instanceof QuickBooksUnauthorizedError)) throw error;
      return request(await this.tokens.renew(token));
    }
  }
}
