import type { AuditLogEntry } from '@mais/sdk';
import { Task } from '@lit/task';
import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hrefFor } from '../../app/routes.ts';
import { errorText } from '../../ui/api-error.ts';
import { formatDate, formatTime } from '../../ui/format.ts';
import { auditAction, auditActor, auditActorId, shortRoute } from './audit-entry-text.ts';
import { SettingsSection } from './settings-section.ts';

const PAGE_SIZE = 50;

/**
 * Audit log (owner; `#/settings/audit-log?actorId=`): every change made through the admin API,
 * by whom (a staff member's email, or a secret key's prefix), what (in words, with the method,
 * route and target the API recorded), when (in the business's zone) and from which address;
 * newest first, a page at a time. Choosing a person or key shows only theirs.
 */
@customElement('mais-audit-log-settings')
export class AuditLogSettings extends SettingsSection {
  static override styles = [
    SettingsSection.styles,
    css`
      .route,
      .target {
        overflow-wrap: anywhere;
        font-size: 0.85rem;
        font-weight: 400;
      }
      td.when {
        white-space: nowrap;
      }
    `,
  ];

  @state() private more: AuditLogEntry[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError = '';

  private get actorId(): string | undefined {
    return this.query.get('actorId') || undefined;
  }

  private readonly entries = new Task(this, {
    task: async ([ctx, actorId], { signal }) => {
      const page = await ctx.admin.auditLog.list({ actorId, limit: PAGE_SIZE }, { signal }).firstPage();
      this.more = [];
      this.nextCursor = page.nextCursor;
      this.moreError = '';
      return page.data;
    },
    args: () => [this.ctx, this.actorId] as const,
  });

  private async loadMore() {
    if (!this.nextCursor) return;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await this.ctx.admin.auditLog
        .list({ actorId: this.actorId, limit: PAGE_SIZE, cursor: this.nextCursor })
        .firstPage();
      this.more = [...this.more, ...page.data];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.moreError = errorText(error);
    } finally {
      this.loadingMore = false;
    }
  }

  override render() {
    return html`
      <h2>Audit log</h2>
      <p class="hint">
        Every change made in this console or with a secret key, newest first. What was sent is not kept (it
        can hold passwords and clients' details): the route and the id of what it changed are.
      </p>
      ${
        this.actorId
          ? html`<p>
              Showing one person's or key's changes ·
              <a href=${hrefFor('settings', ['audit-log'])}>Show everyone's</a>
            </p>`
          : nothing
      }
      ${this.entries.render({
        pending: () => html`<p class="muted" role="status">Loading the audit log…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: (first) => this.table([...first, ...this.more]),
      })}
    `;
  }

  private table(entries: AuditLogEntry[]) {
    if (entries.length === 0) return html`<p class="muted">No changes recorded yet.</p>`;
    const zone = this.ctx.zone;
    return html`
      <div class="table-wrap" tabindex="0" role="region" aria-label="Audit log table">
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            ${entries.map((entry) => {
              const who = auditActor(entry.actor);
              const actorId = auditActorId(entry.actor);
              return html`<tr>
                <td class="when">
                  <time datetime=${entry.occurredAt}
                    >${formatDate(entry.occurredAt, zone)}, ${formatTime(entry.occurredAt, zone)}</time
                  >
                </td>
                <td>
                  ${
                    actorId && !this.actorId
                      ? html`<a
                          href=${hrefFor('settings', ['audit-log'], { actorId })}
                          title="Only the changes of ${who}"
                          >${who}</a
                        >`
                      : who
                  }
                </td>
                <th scope="row">
                  ${auditAction(entry)}
                  <div class="muted route"><code>${entry.method} ${shortRoute(entry.route)}</code></div>
                  ${entry.targetId ? html`<div class="muted target">Id <code>${entry.targetId}</code></div>` : nothing}
                </th>
                <td>${entry.ip}</td>
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
      ${this.moreError ? html`<p class="error" role="alert">${this.moreError}</p>` : nothing}
    `;
  }
}
