import { authenticationFailed, OAuthError } from './errors.ts';
import { companyOf, nowMs, randomToken, type FakeQuickBooksState, type Grant } from './state.ts';

/**
 * Intuit's OAuth 2.0: the authorize page (driven by `consent()`, an admin choosing a company), the
 * token endpoint (authorization_code, refresh_token; client in Basic), the revoke endpoint. Codes
 * live ten minutes and work once, access tokens an hour; each refresh answers a NEW refresh token
 * and retires the one used (a stale one answers invalid_grant), the strictest reading of Intuit's
 * rotation, so a client that keeps an old refresh token is caught.
 */

const CODE_TTL_MS = 10 * 60_000;
export const ACCESS_TTL_SECONDS = 3600;

export interface ConsentOptions {
  /** The company chosen (made if new); default 9130350000000001. */
  realmId?: string;
  /** The admin clicks "Cancel": the redirect carries error=access_denied. */
  deny?: boolean;
}

export function consent(
  state: FakeQuickBooksState,
  authorizePage: string,
  authorizationUrl: string,
  options: ConsentOptions,
): string {
  const url = new URL(authorizationUrl);
  if (`${url.origin}${url.pathname}` !== authorizePage)
    throw new Error(`fake QuickBooks: not our authorize page: ${url.origin}${url.pathname}`);
  const q = url.searchParams;
  const redirectUri = q.get('redirect_uri');
  if (q.get('client_id') !== state.clientId) throw new Error('fake QuickBooks: invalid_client');
  if (!redirectUri) throw new Error('fake QuickBooks: redirect_uri missing');
  if (q.get('response_type') !== 'code') throw new Error('fake QuickBooks: unsupported_response_type');
  if (q.get('scope') !== 'com.intuit.quickbooks.accounting')
    throw new Error('fake QuickBooks: invalid scope');
  const back = new URL(redirectUri);
  const stateParam = q.get('state');
  if (stateParam !== null) back.searchParams.set('state', stateParam);
  if (options.deny) {
    back.searchParams.set('error', 'access_denied');
    return back.toString();
  }
  const realmId = options.realmId ?? '9130350000000001';
  companyOf(state, realmId);
  const code = randomToken('AB11', 24);
  state.codes.set(code, { realmId, redirectUri, expiresAt: nowMs(state) + CODE_TTL_MS, used: false });
  back.searchParams.set('code', code);
  back.searchParams.set('realmId', realmId);
  return back.toString();
}

/** POST /token, form-encoded, the client in Basic. */
export function token(
  state: FakeQuickBooksState,
  form: URLSearchParams,
  authorization: string | undefined,
): object {
  checkClient(state, authorization);
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') {
    const code = state.codes.get(form.get('code') ?? '');
    if (!code || code.used || code.expiresAt <= nowMs(state)) throw new OAuthError(400, 'invalid_grant');
    if (form.get('redirect_uri') !== code.redirectUri) throw new OAuthError(400, 'invalid_grant');
    code.used = true;
    return issue(state, code.realmId);
  }
  if (grantType === 'refresh_token') {
    const grant = state.grants.get(form.get('refresh_token') ?? '');
    if (!grant || grant.revoked || grant.retired) throw new OAuthError(400, 'invalid_grant');
    grant.retired = true; // rotated: the old refresh token is spent
    return issue(state, grant.realmId);
  }
  throw new OAuthError(400, 'unsupported_grant_type');
}

function issue(state: FakeQuickBooksState, realmId: string): object {
  const grant: Grant = {
    refreshToken: randomToken('RT1-', 30),
    realmId,
    clientId: state.clientId,
    revoked: false,
    retired: false,
  };
  state.grants.set(grant.refreshToken, grant);
  const access = randomToken('eyJlbmMi.', 40);
  state.accessTokens.set(access, {
    token: access,
    grant,
    expiresAt: nowMs(state) + ACCESS_TTL_SECONDS * 1000,
  });
  return {
    token_type: 'bearer',
    access_token: access,
    expires_in: ACCESS_TTL_SECONDS,
    refresh_token: grant.refreshToken,
    x_refresh_token_expires_in: 8_726_400,
  };
}

/** POST /revoke, JSON { token }: a refresh token (its company's grant ends) or an access token. */
export function revoke(
  state: FakeQuickBooksState,
  body: { token?: unknown },
  authorization: string | undefined,
): void {
  checkClient(state, authorization);
  const value = typeof body.token === 'string' ? body.token : '';
  const grant = state.grants.get(value) ?? state.accessTokens.get(value)?.grant;
  if (!grant) throw new OAuthError(400, 'invalid_request');
  revokeRealm(state, grant.realmId);
}

/** Every grant to the company ends (the admin disconnects the app in QuickBooks). */
export function revokeRealm(state: FakeQuickBooksState, realmId: string): void {
  for (const grant of state.grants.values()) if (grant.realmId === realmId) grant.revoked = true;
}

/** The company a request acts for: its Bearer token must be current, unrevoked and the realm's. */
export function authenticate(
  state: FakeQuickBooksState,
  authorization: string | undefined,
  realmId: string,
): void {
  const bearer = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  const access = bearer ? state.accessTokens.get(bearer) : undefined;
  // A rotated grant's access tokens work until they expire; a revoked one's do not.
  if (!access || access.expiresAt <= nowMs(state) || access.grant.realmId !== realmId || access.grant.revoked)
    throw authenticationFailed();
}

function checkClient(state: FakeQuickBooksState, authorization: string | undefined): void {
  const basic = /^Basic (.+)$/.exec(authorization ?? '')?.[1];
  const [id, secret] = basic ? Buffer.from(basic, 'base64').toString().split(':') : [];
  if (id !== state.clientId || secret !== state.clientSecret) throw new OAuthError(401, 'invalid_client');
}
