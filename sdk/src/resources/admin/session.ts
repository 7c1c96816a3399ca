import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';

/** The staff session MaisAdmin runs on (console): signing out. */
export class Session extends ApiResource {
  /** Ends this session; the API clears the cookie. */
  async signOut(options?: RequestOptions): Promise<void> {
    await this.client.request({ method: 'DELETE', path: '/v1/auth/sessions/current', options });
  }

  /** Ends every session of the account, this one included; answers how many ended. */
  async signOutEverywhere(options?: RequestOptions): Promise<{ revoked: number }> {
    return this.client.request({ method: 'DELETE', path: '/v1/auth/sessions', options });
  }
}
