import type { WebhookEndpoint, WebhookEndpointWithSecret } from '@mais/sdk';
import { Task } from '@lit/task';
import { css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { errorCode, errorText } from '../../ui/api-error.ts';
import { formatDateTime } from '../../ui/format.ts';
import { SettingsSection } from './settings-section.ts';
import './webhook-endpoint-page.ts';
import {
  endpointState,
  eventLabel,
  newEndpointBody,
  WEBHOOK_EVENTS,
  webhookErrorText,
} from './webhook-input.ts';
import './webhook-secret-dialog.ts';
import type { WebhookSecretDialog } from './webhook-secret-dialog.ts';

/**
 * Webhooks (owner; `#/settings/webhooks`, one endpoint at `#/settings/webhooks/<id>`): the
 * addresses that receive signed events, added with the events they want. The signing secret is
 * shown once, when the endpoint is made (as a new API key is). An endpoint's page turns it off and
 * on, rotates its secret, deletes it and lists its deliveries.
 */
@customElement('mais-webhooks-settings')
export class WebhooksSettings extends SettingsSection {
  static override styles = [
    SettingsSection.styles,
    css`
      .url {
        overflow-wrap: anywhere;
      }
      .events {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
        gap: 0.25rem 1rem;
        border: 0;
        padding: 0;
        margin: 0 0 0.9rem;
      }
      .events legend {
        padding: 0;
        margin-bottom: 0.4rem;
      }
      .events .check {
        align-items: flex-start;
      }
      .events code {
        display: block;
        font-size: 0.8rem;
        color: var(--_muted);
      }
    `,
  ];

  @state() private created: WebhookEndpointWithSecret | undefined;
  @state() private createError = '';
  @state() private busy = false;
  @query('mais-webhook-secret-dialog') private dialog!: WebhookSecretDialog;

  private readonly endpoints = new Task(this, {
    task: async ([ctx, id], { signal }) =>
      id ? null : ctx.admin.webhookEndpoints.list({ limit: 100 }, { signal }).toArray(),
    args: () => [this.ctx, this.path[0]] as const,
  });

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const request = newEndpointBody({
      url: String(data.get('url') ?? ''),
      events: data.getAll('events').map(String),
      description: String(data.get('description') ?? ''),
    });
    if ('error' in request) {
      this.createError = request.error;
      return;
    }
    this.busy = true;
    this.createError = '';
    try {
      this.created = await this.ctx.admin.webhookEndpoints.create(request.body);
      form.reset();
      await this.updateComplete;
      await this.dialog.show(this.created.secret);
      void this.endpoints.run();
    } catch (error) {
      this.createError = webhookErrorText(errorCode(error), errorText(error));
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const id = this.path[0];
    if (id) {
      return html`<mais-webhook-endpoint
        .ctx=${this.ctx}
        .endpointId=${id}
        .query=${this.query}
      ></mais-webhook-endpoint>`;
    }
    return html`
      <h2>Webhooks</h2>
      <p class="hint">
        Your systems learn of bookings and payments as they happen: each event is POSTed as JSON to the
        addresses below, signed with the endpoint's secret (the MAIS-Signature header).
      </p>
      ${this.endpoints.render({
        pending: () => html`<p class="muted" role="status">Loading endpoints…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (endpoints) => (endpoints ? this.table(endpoints) : ''),
      })}
      ${this.form()}
      <mais-webhook-secret-dialog
        heading=${this.created ? `Signing secret for ${this.created.url}` : 'Signing secret'}
        @secret-closed=${() => (this.created = undefined)}
        @secret-copied=${(e: CustomEvent<boolean>) =>
          this.ctx.announce(
            e.detail
              ? 'Secret copied.'
              : 'Copying was refused by the browser: the secret is selected, copy it by hand.',
          )}
      ></mais-webhook-secret-dialog>
    `;
  }

  private form() {
    return html`<h3>New endpoint</h3>
      <form @submit=${this.create} novalidate>
        <div class="field">
          <label for="webhook-url">URL</label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            required
            maxlength="2048"
            placeholder="https://crm.example/hooks"
            aria-describedby="webhook-url-hint"
          />
          <p class="hint" id="webhook-url-hint">Where events are POSTed. In production it must be https.</p>
        </div>
        <div class="field">
          <label for="webhook-description">Description (optional)</label>
          <input id="webhook-description" name="description" maxlength="500" placeholder="Our CRM" />
        </div>
        <fieldset class="events">
          <legend class="label">Events to send</legend>
          ${WEBHOOK_EVENTS.map(
            (event) =>
              html`<label class="check">
                <input type="checkbox" name="events" value=${event} />
                <span>${eventLabel(event)} <code>${event}</code></span>
              </label>`,
          )}
        </fieldset>
        ${this.createError ? html`<p class="error" role="alert">${this.createError}</p>` : ''}
        <button class="btn" type="submit" ?disabled=${this.busy}>Add endpoint</button>
      </form>`;
  }

  private table(endpoints: WebhookEndpoint[]) {
    if (endpoints.length === 0) return html`<p class="muted">No endpoints yet.</p>`;
    const zone = this.ctx.zone;
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Webhook endpoints table">
      <table>
        <thead>
          <tr>
            <th scope="col">URL</th>
            <th scope="col">Events</th>
            <th scope="col">State</th>
            <th scope="col">Last delivered</th>
          </tr>
        </thead>
        <tbody>
          ${endpoints.map((endpoint) => {
            const state = endpointState(endpoint);
            return html`<tr>
              <th scope="row" class="url">
                <a href=${hrefFor('settings', ['webhooks', endpoint.id])}>${endpoint.url}</a>
                ${endpoint.description ? html`<div class="muted">${endpoint.description}</div>` : ''}
              </th>
              <td>${endpoint.events.map((event) => html`<div><code>${event}</code></div>`)}</td>
              <td><span class="badge" data-tone=${state.tone}>${state.label}</span></td>
              <td>${endpoint.lastSuccessAt ? formatDateTime(endpoint.lastSuccessAt, zone) : 'Never'}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }
}
