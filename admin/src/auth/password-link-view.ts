import type { MaisAuth } from '@mais/sdk';
import { html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { errorText } from '../ui/api-error.ts';
import { consoleStyles } from '../ui/console.styles.ts';
import { authStyles } from './auth.styles.ts';

/**
 * The pages an emailed link opens: accepting an invitation (`accept`), setting a new password
 * (`reset`), and asking for a reset link (`forgot`). After accept and reset the account signs in
 * with its new password as usual.
 */
@customElement('mais-password-link')
export class PasswordLinkView extends LitElement {
  static override styles = [consoleStyles, authStyles];

  @property({ attribute: false }) auth!: MaisAuth;
  @property() mode: 'accept' | 'reset' | 'forgot' = 'forgot';
  @property() token = '';
  @state() private message = '';
  @state() private error = '';
  @state() private done = false;

  override render() {
    const title = {
      accept: 'Join your team on MAIS',
      reset: 'Choose a new password',
      forgot: 'Reset your password',
    }[this.mode];
    return html`
      <main class="auth" data-theme="light">
        <h1>${title}</h1>
        ${
          this.done
            ? html`<p role="status">${this.message}</p>
                <p><a href="#/">Go to sign-in</a></p>`
            : html`<form @submit=${this.submit} novalidate>
                ${this.fields()}
                <p class="error" role="alert">${this.error}</p>
                <div class="actions">
                  <button class="btn" type="submit">
                    ${this.mode === 'forgot' ? 'Send the link' : 'Save the password'}
                  </button>
                  <a href="#/">Back to sign-in</a>
                </div>
              </form>`
        }
      </main>
    `;
  }

  private fields() {
    if (this.mode === 'forgot') {
      return html`<div class="field">
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required />
      </div>`;
    }
    return html`
      ${
        this.mode === 'accept'
          ? html`<div class="field">
              <label for="name">Your name</label>
              <input id="name" name="name" autocomplete="name" />
            </div>`
          : ''
      }
      <div class="field">
        <label for="password">New password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="new-password"
          minlength="10"
          required
          aria-describedby="password-hint"
        />
        <p class="hint" id="password-hint">At least 10 characters.</p>
      </div>
    `;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.error = '';
    try {
      if (this.mode === 'forgot') {
        await this.auth.requestPasswordReset({ email: String(data.get('email') ?? '').trim() });
        this.message = 'If the address has an account, a link to reset its password is on its way.';
      } else {
        const password = String(data.get('password') ?? '');
        if (this.mode === 'accept') {
          const name = String(data.get('name') ?? '').trim();
          await this.auth.acceptInvitation(this.token, { password, ...(name ? { name } : {}) });
          this.message = 'Your account is ready: sign in with your email and the new password.';
        } else {
          await this.auth.resetPassword(this.token, password);
          this.message = 'Your password is changed: sign in with it.';
        }
      }
      this.done = true;
    } catch (error) {
      this.error = errorText(error);
    }
  }
}
