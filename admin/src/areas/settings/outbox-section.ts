import type { OutboxMessage, OutboxMessageDetail } from '@mais/sdk';
import { Task } from '@lit/task';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { formatDateTime, humanize } from '../../ui/format.ts';
import { SettingsSection } from './settings-section.ts';

const STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED'] as const;
type Status = (typeof STATUSES)[number];
const PAGE_SIZE = 50;

/**
 * Sent messages (`#/settings/outbox?status=&appointmentId=`, one at `#/settings/outbox/<id>`):
 * every email and SMS built for bookings and staff, what it said and to whom, sent or not. Manage
 * links in them are already redacted by the API.
 */
@customElement('mais-outbox-settings')
export class OutboxSettings extends SettingsSection {
  static override styles = [
    SettingsSection.styles,
    css`
      pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        background: var(--_soft);
        padding: 0.75rem;
        border-radius: var(--_radius);
      }
    `,
  ];

  @state() private earlier: Array<string | undefined> = [];
  @state() private cursor: string | undefined;

  private get status(): Status | undefined {
    const wanted = this.query.get('status');
    return STATUSES.find((status) => status === wanted);
  }

  private readonly list = new Task(this, {
    task: ([ctx, status, appointmentId, cursor, id], { signal }) =>
      id
        ? Promise.resolve(null)
        : ctx.admin.outbox.list({ status, appointmentId, cursor, limit: PAGE_SIZE }, { signal }).firstPage(),
    args: () =>
      [
        this.ctx,
        this.status,
        this.query.get('appointmentId') ?? undefined,
        this.cursor,
        this.path[0],
      ] as const,
  });

  private readonly detail = new Task(this, {
    task: ([ctx, id], { signal }) => (id ? ctx.admin.outbox.retrieve(id, { signal }) : Promise.resolve(null)),
    args: () => [this.ctx, this.path[0]] as const,
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has('query') && changed.get('query') !== undefined) {
      this.cursor = undefined;
      this.earlier = [];
    }
  }

  private filter(event: Event) {
    const status = (event.target as HTMLSelectElement).value;
    const appointmentId = this.query.get('appointmentId') ?? undefined;
    location.hash = hrefFor('settings', ['outbox'], { status, appointmentId });
  }

  override render() {
    if (this.path[0]) {
      return this.detail.render({
        pending: () =>
          html`<h2>Message</h2>
            <p class="muted" role="status">Loading…</p>`,
        error: (error) =>
          html`<h2>Message</h2>
            <p class="error" role="alert">${errorText(error)}</p>
            <p><a href=${hrefFor('settings', ['outbox'])}>All sent messages</a></p>`,
        complete: (message) => (message ? this.messageView(message) : ''),
      });
    }
    const appointmentId = this.query.get('appointmentId');
    return html`
      <h2>Sent messages</h2>
      ${
        appointmentId
          ? html`<p>
              For <a href=${hrefFor('appointments', [appointmentId])}>one appointment</a> ·
              <a href=${hrefFor('settings', ['outbox'], { status: this.status })}>Show all</a>
            </p>`
          : ''
      }
      <div class="field" style="max-width: 16rem">
        <label for="outbox-status">Status</label>
        <select id="outbox-status" @change=${this.filter}>
          <option value="" ?selected=${!this.status}>Any</option>
          ${STATUSES.map(
            (status) =>
              html`<option value=${status} ?selected=${status === this.status}>${humanize(status)}</option>`,
          )}
        </select>
      </div>
      ${this.list.render({
        pending: () => html`<p class="muted" role="status">Loading messages…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (page) => (page ? this.table(page.data, page.nextCursor) : ''),
      })}
    `;
  }

  private table(messages: OutboxMessage[], nextCursor: string | null) {
    if (messages.length === 0) return html`<p class="muted">No messages.</p>`;
    const zone = this.ctx.zone;
    return html`
      <div class="table-wrap" tabindex="0" role="region" aria-label="Sent messages table">
        <table>
          <thead>
            <tr>
              <th scope="col">Subject</th>
              <th scope="col">To</th>
              <th scope="col">Kind</th>
              <th scope="col">Status</th>
              <th scope="col">Made</th>
            </tr>
          </thead>
          <tbody>
            ${messages.map(
              (message) =>
                html`<tr>
                  <th scope="row">
                    <a href=${hrefFor('settings', ['outbox', message.id])}>${message.subject}</a>
                  </th>
                  <td>${message.recipient}</td>
                  <td>${humanize(message.kind.replaceAll('-', '_'))} (${message.channel})</td>
                  <td>
                    <span class="badge" data-tone=${message.status === 'FAILED' ? 'danger' : 'normal'}
                      >${humanize(message.status)}</span
                    >
                  </td>
                  <td>${formatDateTime(message.createdAt, zone)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="actions">
        ${
          this.earlier.length > 0
            ? html`<button
                class="btn btn--quiet"
                type="button"
                @click=${() => {
                  this.cursor = this.earlier.at(-1);
                  this.earlier = this.earlier.slice(0, -1);
                }}
              >
                Previous page
              </button>`
            : ''
        }
        ${
          nextCursor
            ? html`<button
                class="btn btn--quiet"
                type="button"
                @click=${() => {
                  this.earlier = [...this.earlier, this.cursor];
                  this.cursor = nextCursor;
                }}
              >
                Next page
              </button>`
            : ''
        }
      </div>
    `;
  }

  private messageView(message: OutboxMessageDetail) {
    const zone = this.ctx.zone;
    return html`
      <p><a href=${hrefFor('settings', ['outbox'])}>All sent messages</a></p>
      <h2>${message.subject}</h2>
      <dl class="facts">
        <dt>To</dt>
        <dd>${message.recipient} (${message.channel})</dd>
        <dt>Status</dt>
        <dd>${humanize(message.status)}${message.lastError ? `: ${message.lastError}` : ''}</dd>
        <dt>Kind</dt>
        <dd>${humanize(message.kind.replaceAll('-', '_'))}</dd>
        <dt>Made</dt>
        <dd>${formatDateTime(message.createdAt, zone)}</dd>
        <dt>Sent</dt>
        <dd>${message.sentAt ? formatDateTime(message.sentAt, zone) : 'Not sent'}</dd>
        <dt>Attempts</dt>
        <dd>${message.attempts}</dd>
        ${
          message.appointmentId
            ? html`<dt>Appointment</dt>
                <dd><a href=${hrefFor('appointments', [message.appointmentId])}>Open the appointment</a></dd>`
            : ''
        }
      </dl>
      <h3>Text</h3>
      <pre>${message.text}</pre>
      ${message.ics ? html`<p class="hint">A calendar invitation (.ics) is attached.</p>` : ''}
    `;
  }
}
