import type { WebhookDelivery } from '@mais/sdk';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { formatDateTime } from '../../ui/format.ts';
import { SettingsSection } from './settings-section.ts';
import { deliveryResponse, deliveryStatusFilter, deliveryStatusLabel } from './webhook-input.ts';

const PAGE_SIZE = 50;
const STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;

/**
 * <mais-webhook-deliveries>: an endpoint's delivery log, newest first, filtered by status from the
 * address (`?status=FAILED`), a page at a time ("Load more"). Each event is sent by the job worker
 * shortly after the change (and retried for about three days): "Refresh" shows what happened
 * since. "Redeliver" sends an event again as a new delivery, at the top of the list.
 *
 * @fires deliveries-refreshed - the list was loaded again on request: the endpoint's own state
 * (last delivered, failing) may have changed too.
 */
@customElement('mais-webhook-deliveries')
export class WebhookDeliveries extends LitElement {
  static override styles = [
    SettingsSection.styles,
    css`
      th .muted {
        font-weight: 400;
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }
      td.when {
        white-space: nowrap;
      }
    `,
  ];

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property({ attribute: false }) endpointId = '';
  @property({ attribute: false }) query = new URLSearchParams();
  /** A disabled endpoint cannot redeliver (the API answers 409). */
  @property({ type: Boolean }) enabled = true;

  @state() private more: WebhookDelivery[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loadingMore = false;
  @state() private listError = '';
  @state() private rowError: { id: string; message: string } | undefined;
  @state() private busy = false;

  private get status() {
    return deliveryStatusFilter(this.query.get('status'));
  }

  private readonly deliveries = new Task(this, {
    task: async ([ctx, id, status], { signal }) => {
      const page = await ctx.admin.webhookEndpoints
        .deliveries(id, { status, limit: PAGE_SIZE }, { signal })
        .firstPage();
      this.more = [];
      this.nextCursor = page.nextCursor;
      this.listError = '';
      return page.data;
    },
    args: () => [this.ctx, this.endpointId, this.status] as const,
  });

  private refresh() {
    void this.deliveries.run();
    this.dispatchEvent(new CustomEvent('deliveries-refreshed', { bubbles: true, composed: true }));
  }

  private filter(event: Event) {
    const status = (event.target as HTMLSelectElement).value;
    location.hash = hrefFor('settings', ['webhooks', this.endpointId], { status });
  }

  private async loadMore() {
    if (!this.nextCursor) return;
    this.loadingMore = true;
    this.listError = '';
    try {
      const page = await this.ctx.admin.webhookEndpoints
        .deliveries(this.endpointId, { status: this.status, limit: PAGE_SIZE, cursor: this.nextCursor })
        .firstPage();
      this.more = [...this.more, ...page.data];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.listError = errorText(error);
    } finally {
      this.loadingMore = false;
    }
  }

  private async redeliver(delivery: WebhookDelivery) {
    this.busy = true;
    this.rowError = undefined;
    try {
      await this.ctx.admin.webhookEndpoints.redeliver(delivery.id);
      this.ctx.announce(`${delivery.eventType} is sent again: the new delivery is at the top of the list.`);
      this.refresh();
    } catch (error) {
      this.rowError = { id: delivery.id, message: errorText(error) };
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <h3>Deliveries</h3>
      <div class="toolbar">
        <div class="field" style="max-width: 16rem; margin: 0">
          <label for="delivery-status">Status</label>
          <select id="delivery-status" @change=${this.filter}>
            <option value="" ?selected=${!this.status}>Any</option>
            ${STATUSES.map(
              (status) =>
                html`<option value=${status} ?selected=${status === this.status}>
                  ${deliveryStatusLabel(status)}
                </option>`,
            )}
          </select>
        </div>
        <button class="btn btn--quiet" type="button" @click=${this.refresh}>Refresh</button>
      </div>
      ${this.deliveries.render({
        pending: () => html`<p class="muted" role="status">Loading deliveries…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (first) => this.table([...first, ...this.more]),
      })}
    `;
  }

  private table(deliveries: WebhookDelivery[]) {
    if (deliveries.length === 0)
      return html`<p class="muted">
        No deliveries${this.status ? ' with this status' : ''} yet. Events are sent within seconds of a
        change.
      </p>`;
    const zone = this.ctx.zone;
    return html`
      <div class="table-wrap" tabindex="0" role="region" aria-label="Deliveries table">
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col" class="num">Attempts</th>
              <th scope="col">Last answer</th>
              <th scope="col">Time</th>
              <th scope="col"><span class="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            ${deliveries.map((delivery) => {
              const when = delivery.deliveredAt ?? delivery.lastAttemptAt ?? delivery.createdAt;
              const error =
                this.rowError?.id === delivery.id
                  ? html`<p class="error" role="alert">${this.rowError.message}</p>`
                  : nothing;
              return html`<tr>
                <th scope="row">
                  <code>${delivery.eventType}</code>
                  <div class="muted">${delivery.eventId}${delivery.redeliveryOf ? ' (sent again)' : ''}</div>
                </th>
                <td>
                  <span class="badge" data-tone=${delivery.status === 'FAILED' ? 'danger' : 'normal'}
                    >${deliveryStatusLabel(delivery.status)}</span
                  >
                </td>
                <td class="num">${delivery.attempts}</td>
                <td>${deliveryResponse(delivery)}</td>
                <td class="when"><time datetime=${when}>${formatDateTime(when, zone)}</time></td>
                <td>
                  ${
                    delivery.status === 'PENDING'
                      ? nothing
                      : html`<button
                          class="btn btn--quiet"
                          type="button"
                          ?disabled=${this.busy || !this.enabled}
                          title=${this.enabled ? '' : 'Enable the endpoint to redeliver'}
                          @click=${() => this.redeliver(delivery)}
                        >
                          Redeliver<span class="sr-only">
                            ${delivery.eventType} of ${formatDateTime(delivery.createdAt, zone)}</span
                          >
                        </button>`
                  }
                  ${error}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${
        this.nextCursor
          ? html`<div class="actions">
              <button class="btn" ?disabled=${this.loadingMore} @click=${this.loadMore}>
                ${this.loadingMore ? 'Loading…' : 'Load more'}
              </button>
            </div>`
          : nothing
      }
      ${this.listError ? html`<p class="error" role="alert">${this.listError}</p>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mais-webhook-deliveries': WebhookDeliveries;
  }
}
