import { ApiError, OAuthError } from './errors.ts';
import { calendarOf, nowMs, randomToken, type FakeGoogleState, type Grant } from './state.ts';

/**
 * Google's OAuth 2.0 for web server apps (https://developers.google.com/identity/protocols/oauth2/web-server):
 * the consent page (driven by `consent()`, the person clicking "Allow"), the token endpoint's
 * authorization_code and refresh_token grants, and the revoke endpoint. Codes live ten minutes and
 * work once; access tokens an hour; a refresh token until revoked. A revoked refresh token takes
 * its access tokens with it.
 */

const CODE_TTL_MS = 10 * 60_000;
const ACCESS_TTL_SECONDS = 3599;

export interface ConsentOptions {
  /** The Google account that signs in and consents (made if new). */
  email: string;
  /** The person clicks "Cancel": the redirect carries error=access_denied. */
  deny?: boolean;
}

/** What Google's consent page does: checks the request, then redirects to redirect_uri with a code. */
export function consent(
  state: FakeGoogleState,
  authBase: string,
  authorizationUrl: string,
  options: ConsentOptions,
): string {
  const url = new URL(authorizationUrl);
  if (`${url.origin}${url.pathname}` !== authBase)
    throw new Error(`fake Google: not our consent page: ${url.origin}${url.pathname}`);
  const q = url.searchParams;
  const redirectUri = q.get('redirect_uri');
  if (q.get('client_id') !== state.clientId) throw new Error('fake Google: Error 401: invalid_client');
  if (!redirectUri) throw new Error('fake Google: Error 400: redirect_uri_mismatch');
  if (q.get('response_type') !== 'code') throw new Error('fake Google: Error 400: unsupported_response_type');
  const scope = q.get('scope') ?? '';
  if (!scope) throw new Error('fake Google: Error 400: invalid_request (missing scope)');
  const back = new URL(redirectUri);
  const stateParam = q.get('state');
  if (stateParam !== null) back.searchParams.set('state', stateParam);
  if (options.deny) {
    back.searchParams.set('error', 'access_denied');
    return back.toString();
  }
  calendarOf(state, options.email);
  const code = randomToken('4/0A', 30);
  state.codes.set(code, {
    code,
    email: options.email,
    clientId: state.clientId,
    redirectUri,
    scope,
    offline: q.get('access_type') === 'offline',
    expiresAt: nowMs(state) + CODE_TTL_MS,
    used: false,
  });
  back.searchParams.set('code', code);
  back.searchParams.set('scope', scope);
  return back.toString();
}

/** POST /token, form-encoded; the client authenticates in the body or with Basic. */
export function token(
  state: FakeGoogleState,
  form: URLSearchParams,
  authorization: string | undefined,
): object {
  const basic = /^Basic (.+)$/i.exec(authorization ?? '')?.[1];
  const [basicId, basicSecret] = basic ? Buffer.from(basic, 'base64').toString().split(':') : [];
  const clientId = form.get('client_id') ?? basicId;
  const secret = form.get('client_secret') ?? basicSecret;
  if (clientId !== state.clientId || secret !== state.clientSecret) {
    throw new OAuthError(401, 'invalid_client', 'The OAuth client was not found.');
  }
  const grantType = form.get('grant_type');
  if (grantType === 'authorization_code') return exchangeCode(state, form);
  if (grantType === 'refresh_token') return refresh(state, form);
  throw new OAuthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`);
}

function exchangeCode(state: FakeGoogleState, form: URLSearchParams): object {
  const code = state.codes.get(form.get('code') ?? '');
  if (!code || code.used || code.expiresAt <= nowMs(state)) {
    throw new OAuthError(400, 'invalid_grant', 'Malformed auth code.');
  }
  if (form.get('redirect_uri') !== code.redirectUri) {
    throw new OAuthError(400, 'redirect_uri_mismatch', 'Bad Request');
  }
  code.used = true;
  const grant: Grant = {
    refreshToken: randomToken('1//0g', 40),
    email: code.email,
    clientId: code.clientId,
    scope: code.scope,
    revoked: false,
  };
  const access = issueAccess(state, grant);
  if (!code.offline) return access;
  state.grants.set(grant.refreshToken, grant);
  return { ...access, refresh_token: grant.refreshToken };
}

function refresh(state: FakeGoogleState, form: URLSearchParams): object {
  const grant = state.grants.get(form.get('refresh_token') ?? '');
  if (!grant || grant.revoked || grant.clientId !== state.clientId) {
    throw new OAuthError(400, 'invalid_grant', 'Token has been expired or revoked.');
  }
  return issueAccess(state, grant);
}

function issueAccess(state: FakeGoogleState, grant: Grant) {
  const token = randomToken('ya29.', 40);
  state.accessTokens.set(token, {
    token,
    grant,
    expiresAt: nowMs(state) + ACCESS_TTL_SECONDS * 1000,
    revoked: false,
  });
  return { access_token: token, expires_in: ACCESS_TTL_SECONDS, scope: grant.scope, token_type: 'Bearer' };
}

/** POST /revoke?token=… (or in the form): a refresh token (with its access tokens) or an access token. */
export function revoke(state: FakeGoogleState, token: string | null): object {
  const grant = token ? state.grants.get(token) : undefined;
  const access = token ? state.accessTokens.get(token) : undefined;
  if (grant && !grant.revoked) {
    revokeGrant(state, grant);
    return {};
  }
  if (access && !access.revoked) {
    access.revoked = true;
    return {};
  }
  throw new OAuthError(400, 'invalid_token', 'Token expired or revoked');
}

export function revokeGrant(state: FakeGoogleState, grant: Grant): void {
  grant.revoked = true;
  for (const access of state.accessTokens.values()) if (access.grant === grant) access.revoked = true;
}

/** The account a Calendar API request acts for, from its Bearer access token. */
export function authenticate(state: FakeGoogleState, authorization: string | undefined): string {
  const bearer = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  const access = bearer ? state.accessTokens.get(bearer) : undefined;
  if (!access || access.revoked || access.grant.revoked || access.expiresAt <= nowMs(state)) {
    throw new ApiError(
      401,
      'authError',
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
    );
  }
  return access.grant.email;
}
