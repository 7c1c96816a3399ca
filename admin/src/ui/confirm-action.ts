import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { consoleStyles } from './console.styles.ts';

/**
 * <mais-confirm-action>: a button that asks before a step that cannot be undone (disconnect,
 * rotate a link, delete). The first press shows the question with the real button and Cancel in
 * place (no window.confirm: it blocks the page and cannot be styled or tested like the rest);
 * the second fires `confirm`. Focus moves to the question's button and back on Cancel.
 *
 * @fires confirm - the user confirmed.
 */
@customElement('mais-confirm-action')
export class ConfirmAction extends LitElement {
  static override styles = consoleStyles;

  /** The first button's text ("Delete"). */
  @property() label = '';
  /** What it acts on, read by screen readers after the label ("Delete Room 2"); not shown. */
  @property() subject = '';
  /** What happens if they go on ("The old link stops working at once."). */
  @property() question = '';
  /** The confirming button's text; default: the label. */
  @property({ attribute: 'confirm-label' }) confirmLabel = '';
  @property({ type: Boolean }) danger = false;
  @property({ type: Boolean }) disabled = false;

  @state() private asking = false;
  @query('[data-confirm]') private confirmButton?: HTMLButtonElement;
  @query('[data-ask]') private askButton?: HTMLButtonElement;

  private async ask() {
    this.asking = true;
    await this.updateComplete;
    this.confirmButton?.focus();
  }

  private async cancel() {
    this.asking = false;
    await this.updateComplete;
    this.askButton?.focus();
  }

  private confirm() {
    this.asking = false;
    this.dispatchEvent(new CustomEvent('confirm', { bubbles: true, composed: true }));
  }

  override render() {
    const tone = this.danger ? 'btn btn--danger' : 'btn';
    if (!this.asking) {
      return html`<button class="btn btn--quiet" data-ask ?disabled=${this.disabled} @click=${this.ask}>
        ${this.label}${this.subject ? html`<span class="sr-only"> ${this.subject}</span>` : nothing}
      </button>`;
    }
    return html`<div role="group" aria-label=${this.subject ? `${this.label} ${this.subject}` : this.label}>
      ${this.question ? html`<p>${this.question}</p>` : nothing}
      <div class="actions">
        <button class=${tone} data-confirm @click=${this.confirm}>${this.confirmLabel || this.label}</button>
        <button class="btn btn--quiet" @click=${this.cancel}>Cancel</button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mais-confirm-action': ConfirmAction;
  }
}
