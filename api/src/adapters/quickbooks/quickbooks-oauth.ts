import { send } from './quickbooks-http.ts';

/**
 * Intuit's OAuth 2.0 for a QuickBooks Online app
 * (https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0):
 * the authorize page, the token endpoint (authorization_code and refresh_token grants, the client
 * authenticating with Basic) and the revoke endpoint. Access tokens live an hour; each refresh may
 * answer a new refresh token, which replaces the old one.
 */

export const SCOPE = 'com.intuit.quickbooks.accounting';

const INTUIT = {
  authorize: 'https://appcenter.intuit.com/connect/oauth2',
  token: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
  revoke: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
};

export interface QuickBooksTokens {
  accessToken: string;
  accessExpiresAt: Date;
  refreshToken: string;
}

export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** One base for /authorize, /token and /revoke (a local server); Intuit's own endpoints when unset. */
  oauthBase?: string | undefined;
}

interface TokenAnswer {
  access_token: string;
  expires_in: number;
  refresh_token: string;
}

export class QuickBooksOAuth {
  private readonly endpoints: typeof INTUIT;

  constructor(
    private readonly settings: OAuthSettings,
    private readonly now: () => Date,
  ) {
    const base = settings.oauthBase;
    this.endpoints = base
      ? { authorize: `${base}/authorize`, token: `${base}/token`, revoke: `${base}/revoke` }
      : INTUIT;
  }

  authorizationUrl(state: string): string {
    const url = new URL(this.endpoints.authorize);
    url.search = new URLSearchParams({
      client_id: this.settings.clientId,
      response_type: 'code',
      scope: SCOPE,
      redirect_uri: this.settings.redirectUri,
      state,
    }).toString();
    return url.toString();
  }

  exchangeCode(code: string): Promise<QuickBooksTokens> {
    return this.token('token exchange', {
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.settings.redirectUri,
    });
  }

  refresh(refreshToken: string): Promise<QuickBooksTokens> {
    return this.token('token refresh', { grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  /** Revokes the grant (a refresh token takes its access tokens with it). */
  async revoke(token: string): Promise<void> {
    await send('revoke', {
      method: 'POST',
      url: this.endpoints.revoke,
      headers: { authorization: this.basic(), 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
  }

  private async token(what: string, form: Record<string, string>): Promise<QuickBooksTokens> {
    const answer = await send<TokenAnswer>(what, {
      method: 'POST',
      url: this.endpoints.token,
      headers: { authorization: this.basic(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    });
    return {
      accessToken: answer.access_token,
      accessExpiresAt: new Date(this.now().getTime() + answer.expires_in * 1000),
      refreshToken: answer.refresh_token,
    };
  }

  private basic(): string {
    const pair = `${this.settings.clientId}:${this.settings.clientSecret}`;
    return `Basic ${Buffer.from(pair).toString('base64')}`;
  }
}
