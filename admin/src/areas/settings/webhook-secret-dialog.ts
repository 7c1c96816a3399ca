import { css, html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consoleStyles } from '../../ui/console.styles.ts';

/**
 * <mais-webhook-secret-dialog>: an endpoint's signing secret (whsec_…) shown once, in a modal
 * with a copy button, after creating the endpoint or rotating its secret. The API keeps it sealed
 * and never answers it again, so the dialog forgets it when closed. Like the API keys' dialog.
 *
 * @fires secret-copied - the secret went to the clipboard (detail: true) or was refused (false).
 * @fires secret-closed - the dialog was closed: the secret is gone from the page.
 */
@customElement('mais-webhook-secret-dialog')
export class WebhookSecretDialog extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      dialog {
        max-width: min(36rem, calc(100vw - 2rem));
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
        background: var(--_surface);
        color: var(--_text);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.4);
      }
      .secret {
        font-family: ui-monospace, monospace;
      }
    `,
  ];

  /** The dialog's title, e.g. 'Signing secret for https://crm.example/hooks'. */
  @property() heading = '';
  /** What happened, e.g. 'The old secret keeps signing beside it for 24 hours.' */
  @property() note = '';

  @state() private secret = '';
  @query('dialog') private dialog!: HTMLDialogElement;

  /** Shows `secret` until the dialog is closed. */
  async show(secret: string): Promise<void> {
    this.secret = secret;
    await this.updateComplete;
    this.dialog.showModal();
  }

  private async copy() {
    let copied = true;
    try {
      await navigator.clipboard.writeText(this.secret);
    } catch {
      // Clipboard refused (permissions): the secret is selected in its field to copy by hand.
      this.renderRoot.querySelector<HTMLInputElement>('#webhook-secret')?.select();
      copied = false;
    }
    this.dispatchEvent(new CustomEvent('secret-copied', { detail: copied, bubbles: true, composed: true }));
  }

  private close() {
    this.dialog.close();
  }

  /** On every close (Done, Escape): the secret can never be shown again. */
  private forget() {
    this.secret = '';
    this.dispatchEvent(new CustomEvent('secret-closed', { bubbles: true, composed: true }));
  }

  override render() {
    return html`<dialog aria-labelledby="secret-title" @close=${this.forget}>
      <h3 id="secret-title">${this.heading || 'Signing secret'}</h3>
      ${
        this.secret
          ? html`<p>
                <strong>Copy it now: you will not see this secret again.</strong> Your receiver needs it to
                check the MAIS-Signature header of each event; we keep it sealed and never show it twice.
              </p>
              ${this.note ? html`<p class="hint">${this.note}</p>` : ''}
              <div class="field">
                <label for="webhook-secret">Secret</label>
                <input
                  id="webhook-secret"
                  class="secret"
                  readonly
                  .value=${this.secret}
                  @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()}
                />
              </div>
              <div class="actions">
                <button class="btn" type="button" @click=${this.copy}>Copy secret</button>
                <button class="btn btn--quiet" type="button" @click=${this.close}>Done</button>
              </div>`
          : ''
      }
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mais-webhook-secret-dialog': WebhookSecretDialog;
  }
}
