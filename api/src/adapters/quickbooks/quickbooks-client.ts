import type { Config } from '../../config.ts';
import { QuickBooksOAuth } from './quickbooks-oauth.ts';

/** Intuit's production accounting API; sandbox companies are at https://sandbox-quickbooks.api.intuit.com. */
export const PRODUCTION_API_BASE = 'https://quickbooks.api.intuit.com';

/** Where Intuit sends the browser back after consent (registered as the app's redirect URI). */
export const QUICKBOOKS_CALLBACK_PATH = '/v1/oauth/quickbooks/callback';

export interface QuickBooksPlatform {
  oauth: QuickBooksOAuth;
  /** The accounting API's base URL (QUICKBOOKS_API_BASE). */
  apiBase: string;
}

/**
 * The platform's Intuit app, or null when QuickBooks is not set up: it needs QUICKBOOKS_CLIENT_ID
 * and _SECRET (the config requires ENCRYPTION_KEY with them, to seal tokens) and PUBLIC_URL, from
 * which the redirect URI is built.
 */
export function createQuickBooksPlatform(
  config: Pick<
    Config,
    | 'QUICKBOOKS_CLIENT_ID'
    | 'QUICKBOOKS_CLIENT_SECRET'
    | 'QUICKBOOKS_API_BASE'
    | 'QUICKBOOKS_OAUTH_BASE'
    | 'PUBLIC_URL'
  >,
  now: () => Date,
): QuickBooksPlatform | null {
  if (!config.QUICKBOOKS_CLIENT_ID || !config.QUICKBOOKS_CLIENT_SECRET || !config.PUBLIC_URL) return null;
  return {
    oauth: new QuickBooksOAuth(
      {
        clientId: config.QUICKBOOKS_CLIENT_ID,
        clientSecret: config.QUICKBOOKS_CLIENT_SECRET,
        redirectUri: `${config.PUBLIC_URL}${QUICKBOOKS_CALLBACK_PATH}`,
        oauthBase: config.QUICKBOOKS_OAUTH_BASE,
      },
      now,
    ),
    apiBase: config.QUICKBOOKS_API_BASE ?? PRODUCTION_API_BASE,
  };
}
