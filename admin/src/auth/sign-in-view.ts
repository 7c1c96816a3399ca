import { ApiError, type MaisAuth, type StaffSession } from '@mais/sdk';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorText } from '../ui/api-error.ts';
import { consoleStyles } from '../ui/console.styles.ts';
import { authStyles } from './auth.styles.ts';

/** The sign-in form; fires `signed-in` with the session. */
@customElement('mais-sign-in')
export class SignInView extends LitElement {
  static override styles = [consoleStyles, authStyles];

  @property({ attribute: false }) auth!: MaisAuth;
  @state() private error = '';
  @state() private busy = false;
  /** Set when the email belongs to several businesses: the API's 400 names them. */
  @state() private askTenant = false;

  override render() {
    return html`
      <main class="auth" data-theme="light">
        <h1>Sign in to MAIS</h1>
        <form @submit=${this.submit} novalidate>
          <div class="field">
            <label for="email">Email</label>
            <input id="email" name="email" type="email" autocomplete="username" required />
          </div>
          <div class="field">
            <label for="password">Password</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          ${
            this.askTenant
              ? html`<div class="field">
                  <label for="tenant">Business (its short name)</label>
                  <input id="tenant" name="tenantSlug" autocomplete="organization" required />
                </div>`
              : ''
          }
          <p class="error" role="alert">${this.error}</p>
          <div class="actions">
            <button class="btn" type="submit" ?disabled=${this.busy}>
              ${this.busy ? 'Signing in…' : 'Sign in'}
            </button>
            <a href="#/forgot">Forgot your password?</a>
          </div>
        </form>
      </main>
    `;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const tenantSlug = String(data.get('tenantSlug') ?? '').trim();
    if (!email || !password) {
      this.error = 'Enter your email and password.';
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      const session: StaffSession = await this.auth.signIn({
        email,
        password,
        ...(tenantSlug ? { tenantSlug } : {}),
      });
      this.dispatchEvent(new CustomEvent('signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      if (
        error instanceof ApiError &&
        error.status === 400 &&
        error.details?.some((d) => d.path === 'tenantSlug')
      ) {
        this.askTenant = true;
      }
      if (error instanceof ApiError && error.status === 429) {
        const wait = Number(error.headers.get('retry-after') ?? 60);
        this.error = `Too many failed attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`;
      } else {
        this.error = errorText(error);
      }
    } finally {
      this.busy = false;
    }
  }
}
