import type { WebhookEndpoint } from '@mais/sdk';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { hrefFor } from '../../app/routes.ts';
import { errorCode, errorText } from '../../ui/api-error.ts';
import '../../ui/confirm-action.ts';
import { formatDateTime } from '../../ui/format.ts';
import { SettingsSection } from './settings-section.ts';
import './webhook-deliveries.ts';
import { endpointState, eventLabel, webhookErrorText } from './webhook-input.ts';
import './webhook-secret-dialog.ts';
import type { WebhookSecretDialog } from './webhook-secret-dialog.ts';

/**
 * <mais-webhook-endpoint>: one endpoint (`#/settings/webhooks/<id>?status=`): what it receives and
 * its state; turning it off and on (on again also restarts one we turned off for failing),
 * rotating its secret (the new one shown once), deleting it; and its deliveries.
 */
@customElement('mais-webhook-endpoint')
export class WebhookEndpointPage extends LitElement {
  static override styles = [
    SettingsSection.styles,
    css`
      dd {
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) endpointId = '';
  @property({ attribute: false }) query = new URLSearchParams();

  /** The endpoint as the last change answered it (ahead of what was loaded). */
  @state() private changed: WebhookEndpoint | undefined;
  @state() private secretNote = '';
  @state() private busy = false;
  @state() private actionError = '';
  @query('mais-webhook-secret-dialog') private dialog!: WebhookSecretDialog;

  private readonly endpoint = new Task(this, {
    task: async ([ctx, id], { signal }) => {
      const endpoint = await ctx.admin.webhookEndpoints.retrieve(id, { signal });
      this.changed = undefined;
      return endpoint;
    },
    args: () => [this.ctx, this.endpointId] as const,
  });

  private async act(work: () => Promise<void>) {
    this.busy = true;
    this.actionError = '';
    try {
      await work();
    } catch (error) {
      this.actionError = webhookErrorText(errorCode(error), errorText(error));
    } finally {
      this.busy = false;
    }
  }

  private toggle(endpoint: WebhookEndpoint) {
    return this.act(async () => {
      this.changed = await this.ctx.admin.webhookEndpoints.update(endpoint.id, {
        enabled: !endpoint.enabled,
      });
      this.ctx.announce(
        this.changed.enabled
          ? 'Endpoint enabled: new events are sent to it.'
          : 'Endpoint disabled: nothing is sent to it.',
      );
    });
  }

  private rotate(endpoint: WebhookEndpoint) {
    return this.act(async () => {
      const rotated = await this.ctx.admin.webhookEndpoints.rotateSecret(endpoint.id);
      const { secret, ...rest } = rotated;
      this.changed = rest;
      this.secretNote = rotated.previousSecretExpiresAt
        ? `The old secret keeps signing beside this one until ${formatDateTime(rotated.previousSecretExpiresAt, this.ctx.zone)}: switch your receiver to the new one before then.`
        : '';
      await this.updateComplete;
      await this.dialog.show(secret);
    });
  }

  private deleteEndpoint(endpoint: WebhookEndpoint) {
    return this.act(async () => {
      await this.ctx.admin.webhookEndpoints.delete(endpoint.id);
      this.ctx.announce(`Endpoint ${endpoint.url} deleted.`);
      location.hash = hrefFor('settings', ['webhooks']);
    });
  }

  /** The endpoint read again without the loading state (the deliveries below stay as they are). */
  private async reread() {
    try {
      this.changed = await this.ctx.admin.webhookEndpoints.retrieve(this.endpointId);
    } catch {
      // Kept as shown: the deliveries' own refresh reports what went wrong.
    }
  }

  override render() {
    return html`
      <p><a href=${hrefFor('settings', ['webhooks'])}>All webhook endpoints</a></p>
      ${this.endpoint.render({
        pending: () =>
          html`<h2>Webhook endpoint</h2>
            <p class="muted" role="status">Loading…</p>`,
        error: (error) =>
          html`<h2>Webhook endpoint</h2>
            <p class="error" role="alert">${errorText(error)}</p>`,
        complete: (loaded) => this.view(this.changed ?? loaded),
      })}
      <mais-webhook-secret-dialog
        heading="New signing secret"
        .note=${this.secretNote}
        @secret-copied=${(e: CustomEvent<boolean>) =>
          this.ctx.announce(
            e.detail
              ? 'Secret copied.'
              : 'Copying was refused by the browser: the secret is selected, copy it by hand.',
          )}
      ></mais-webhook-secret-dialog>
    `;
  }

  private view(endpoint: WebhookEndpoint) {
    const zone = this.ctx.zone;
    const state = endpointState(endpoint);
    const oldSecretUntil =
      endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > new Date()
        ? endpoint.previousSecretExpiresAt
        : null;
    return html`
      <h2>Webhook endpoint</h2>
      <dl class="facts">
        <dt>URL</dt>
        <dd><code>${endpoint.url}</code></dd>
        ${
          endpoint.description
            ? html`<dt>Description</dt>
                <dd>${endpoint.description}</dd>`
            : nothing
        }
        <dt>Events</dt>
        <dd>
          ${endpoint.events.map((event) => html`<div>${eventLabel(event)} (<code>${event}</code>)</div>`)}
        </dd>
        <dt>State</dt>
        <dd>
          <span class="badge" data-tone=${state.tone}>${state.label}</span>
          ${endpoint.disabledAt ? html`since ${formatDateTime(endpoint.disabledAt, zone)}` : nothing}
        </dd>
        <dt>Last delivered</dt>
        <dd>${endpoint.lastSuccessAt ? formatDateTime(endpoint.lastSuccessAt, zone) : 'Never'}</dd>
        <dt>Added</dt>
        <dd>${formatDateTime(endpoint.createdAt, zone)}</dd>
        ${
          oldSecretUntil
            ? html`<dt>Old secret</dt>
                <dd>Still signs beside the new one until ${formatDateTime(oldSecretUntil, zone)}</dd>`
            : nothing
        }
      </dl>
      ${
        endpoint.disabledReason === 'failing'
          ? html`<p class="notice" data-tone="danger">
              Every attempt to deliver an event here failed for days, so we stopped sending (the owners were
              emailed). Fix the receiver, then enable it again; redeliver what it missed below.
            </p>`
          : nothing
      }
      <div class="actions">
        <button class="btn" type="button" ?disabled=${this.busy} @click=${() => this.toggle(endpoint)}>
          ${endpoint.enabled ? 'Disable' : 'Enable'}<span class="sr-only"> ${endpoint.url}</span>
        </button>
        <mais-confirm-action
          label="Rotate secret"
          subject=${`of ${endpoint.url}`}
          question="Make a new signing secret? The old one keeps signing beside it for 24 hours, then stops."
          confirm-label="Rotate secret"
          ?disabled=${this.busy}
          @confirm=${() => this.rotate(endpoint)}
        ></mais-confirm-action>
        <mais-confirm-action
          label="Delete"
          subject=${endpoint.url}
          question="Delete this endpoint and its delivery log? Events not yet delivered are dropped."
          confirm-label="Delete endpoint"
          danger
          ?disabled=${this.busy}
          @confirm=${() => this.deleteEndpoint(endpoint)}
        ></mais-confirm-action>
      </div>
      ${this.actionError ? html`<p class="error" role="alert">${this.actionError}</p>` : nothing}
      <mais-webhook-deliveries
        .ctx=${this.ctx}
        .endpointId=${endpoint.id}
        .query=${this.query}
        .enabled=${endpoint.enabled}
        @deliveries-refreshed=${this.reread}
      ></mais-webhook-deliveries>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mais-webhook-endpoint': WebhookEndpointPage;
  }
}
