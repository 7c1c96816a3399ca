import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeQuickBooks, type FakeQuickBooks } from '../../../test/fakes/quickbooks/index.ts';
import { QuickBooksApi } from '../../src/adapters/quickbooks/quickbooks-api.ts';
import {
  QuickBooksGrantRevokedError,
  QuickBooksRefusedError,
  QuickBooksUnauthorizedError,
  QuickBooksUnavailableError,
} from '../../src/adapters/quickbooks/quickbooks-errors.ts';
import { QuickBooksOAuth, type QuickBooksTokens } from '../../src/adapters/quickbooks/quickbooks-oauth.ts';

/**
 * The fake QuickBooks Online (Intuit OAuth and the accounting API), driven by our own HTTP client
 * (adapters/quickbooks) as the sync drives it. The fake's clock moves only when a test moves it.
 */

const REDIRECT = 'https://book.example/v1/oauth/quickbooks/callback';
const REALM = '4620816365000000001';
let nowMs = Date.parse('2027-03-01T08:00:00Z');
const now = () => new Date(nowMs);
let fake: FakeQuickBooks;

beforeAll(async () => {
  fake = await startFakeQuickBooks({ now });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.clear();
  nowMs = Date.parse('2027-03-01T08:00:00Z');
});

const oauth = () =>
  new QuickBooksOAuth(
    { clientId: fake.clientId, clientSecret: fake.clientSecret, redirectUri: REDIRECT, oauthBase: fake.url },
    now,
  );

async function connect(): Promise<QuickBooksTokens> {
  const back = new URL(fake.consent(oauth().authorizationUrl('the-state'), { realmId: REALM }));
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe('the-state');
  expect(back.searchParams.get('realmId')).toBe(REALM);
  return oauth().exchangeCode(back.searchParams.get('code')!);
}

function api(tokens: { accessToken: string }) {
  return new QuickBooksApi(fake.url, REALM, {
    current: async () => tokens.accessToken,
    renew: async () => {
      throw new QuickBooksUnauthorizedError('no renewal in this test', 401);
    },
  });
}

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.fail('the call should have failed'),
    (error: unknown) => error,
  );
}

describe('the fake QuickBooks Online', () => {
  it('exchanges a code once, for an hour-long access token and a refresh token', async () => {
    const tokens = await connect();
    expect(tokens.accessExpiresAt.getTime()).toBe(nowMs + 3600_000);
    const code = new URL(fake.consent(oauth().authorizationUrl('s'), { realmId: REALM })).searchParams.get(
      'code',
    )!;
    await oauth().exchangeCode(code);
    const again = await failure(oauth().exchangeCode(code));
    expect(again).toBeInstanceOf(QuickBooksGrantRevokedError);
  });

  it('rotates the refresh token: the old one then answers invalid_grant', async () => {
    const first = await connect();
    const second = await oauth().refresh(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await failure(oauth().refresh(first.refreshToken))).toBeInstanceOf(QuickBooksGrantRevokedError);
    await oauth().refresh(second.refreshToken);
  });

  it('refuses an expired or revoked access token with 401', async () => {
    const tokens = await connect();
    await api(tokens).query('Customer', 'select * from Customer');
    nowMs += 3600_000;
    expect(await failure(api(tokens).query('Customer', 'select * from Customer'))).toBeInstanceOf(
      QuickBooksUnauthorizedError,
    );
    const fresh = await oauth().refresh(tokens.refreshToken);
    await oauth().revoke(fresh.refreshToken);
    expect(await failure(api(fresh).query('Customer', 'select * from Customer'))).toBeInstanceOf(
      QuickBooksUnauthorizedError,
    );
    expect(await failure(oauth().refresh(fresh.refreshToken))).toBeInstanceOf(QuickBooksGrantRevokedError);
  });

  it('queries by name with quotes escaped, and refuses a duplicate name (6240)', async () => {
    const client = api(await connect());
    const made = await client.create('Customer', { DisplayName: "O'Brien (ob@example.com)" }, 'r1');
    const found = await client.query(
      'Customer',
      "select * from Customer where DisplayName = 'O\\'Brien (ob@example.com)'",
    );
    expect(found.map((c) => c.Id)).toEqual([made.Id]);
    expect(await client.query('Customer', "select * from Customer where DisplayName = 'Nobody'")).toEqual([]);
    const duplicate = await failure(
      client.create('Customer', { DisplayName: "o'brien (ob@example.com)" }, 'r2'),
    );
    expect(duplicate).toBeInstanceOf(QuickBooksRefusedError);
    expect((duplicate as QuickBooksRefusedError).reason).toBe('6240');
    const accounts = await client.query(
      'Account',
      "select * from Account where AccountType = 'Income' maxresults 1",
    );
    expect(accounts).toEqual([expect.objectContaining({ Id: '1', AccountType: 'Income' })]);
  });

  it('answers a repeated requestid with the first answer, making nothing new', async () => {
    const client = api(await connect());
    const customer = await client.create('Customer', { DisplayName: 'Ada' }, 'c-1');
    const item = await client.create(
      'Item',
      { Name: 'Cut', Type: 'Service', IncomeAccountRef: { value: '1' } },
      'i-1',
    );
    const body = {
      CustomerRef: { value: customer.Id },
      TxnDate: '2027-03-01',
      Line: [
        {
          Amount: 80,
          DetailType: 'SalesItemLineDetail',
          SalesItemLineDetail: { ItemRef: { value: item.Id } },
        },
      ],
    };
    const first = await client.create('SalesReceipt', body, 'sr-1');
    const again = await client.create('SalesReceipt', body, 'sr-1');
    expect(again.Id).toBe(first.Id);
    expect(fake.records(REALM, 'SalesReceipt')).toHaveLength(1);
    expect(fake.requests.at(-1)!.query).toEqual({ requestid: 'sr-1', minorversion: '75' });
    // A refund receipt needs the account it is paid from.
    const refund = await failure(client.create('RefundReceipt', body, 'rr-1'));
    expect(refund).toBeInstanceOf(QuickBooksRefusedError);
  });

  it('injects failures: a status doing nothing, or an answer lost after the work', async () => {
    const client = api(await connect());
    fake.failNext('POST /v3/company/*/customer', 503);
    expect(await failure(client.create('Customer', { DisplayName: 'Bo' }, 'b-1'))).toBeInstanceOf(
      QuickBooksUnavailableError,
    );
    expect(fake.records(REALM, 'Customer')).toEqual([]);
    fake.failNext('POST /v3/company/*/customer', 'lose-answer');
    expect(await failure(client.create('Customer', { DisplayName: 'Bo' }, 'b-2'))).toBeInstanceOf(
      QuickBooksUnavailableError,
    );
    expect(fake.records(REALM, 'Customer')).toHaveLength(1);
    const replayed = await client.create('Customer', { DisplayName: 'Bo' }, 'b-2');
    expect(replayed.Id).toBe(fake.records(REALM, 'Customer')[0]!.Id);
  });
});
