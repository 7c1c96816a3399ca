import { BaseClient, type ClientOptions, type RequestOptions } from './client.ts';
import { path } from './internal/path.ts';
import type {
  AcceptInvitationBody,
  PasswordResetRequestBody,
  SignedInAccount,
  SignInBody,
  StaffSession,
} from './types.ts';

/**
 * Staff sign-in for the console (/v1/auth): the API sets an httpOnly session cookie, which the
 * browser keeps and sends; the answer's `csrfToken` goes to `new MaisAdmin({ baseUrl, session })`.
 * Sign-out needs that token too, so it is on MaisAdmin's `session` resource.
 */
export class MaisAuth extends BaseClient {
  constructor(options: ClientOptions) {
    super(options);
  }

  protected authHeaders(): Record<string, string> {
    return {};
  }

  protected override credentials(): RequestCredentials {
    return 'include';
  }

  /** Signs in; 401 for a wrong email or password, 429 with Retry-After after repeated failures. */
  async signIn(body: SignInBody, options?: RequestOptions): Promise<StaffSession> {
    return this.request({
      method: 'POST',
      path: '/v1/auth/sessions',
      body,
      options: { maxRetries: 0, ...options },
    });
  }

  /** The session this browser holds (after a reload), or null when there is none or it ended. */
  async current(options?: RequestOptions): Promise<StaffSession | null> {
    try {
      return await this.request<StaffSession>({ method: 'GET', path: '/v1/auth/sessions/current', options });
    } catch (error) {
      if ((error as { status?: number }).status === 401) return null;
      throw error;
    }
  }

  /** Emails a reset link to the address's accounts; answers the same whether or not it has any. */
  async requestPasswordReset(body: PasswordResetRequestBody, options?: RequestOptions): Promise<void> {
    await this.request({ method: 'POST', path: '/v1/auth/password-resets', body, options });
  }

  /** Sets a new password with a reset link's token (every session of the account ends). */
  async resetPassword(token: string, password: string, options?: RequestOptions): Promise<SignedInAccount> {
    const answer = await this.request<{ account: SignedInAccount }>({
      method: 'POST',
      path: path`/v1/auth/password-resets/${token}`,
      body: { password },
      options,
    });
    return answer.account;
  }

  /** Accepts an invitation with its link's token, setting the account's password. */
  async acceptInvitation(
    token: string,
    body: AcceptInvitationBody,
    options?: RequestOptions,
  ): Promise<SignedInAccount> {
    const answer = await this.request<{ account: SignedInAccount }>({
      method: 'POST',
      path: path`/v1/auth/invitations/${token}/accept`,
      body,
      options,
    });
    return answer.account;
  }
}
