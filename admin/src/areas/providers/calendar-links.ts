import type { CalendarFeedLink, GoogleCalendarStatus } from '@mais/sdk';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ConsoleContext } from '../../app/console-context.ts';
import { errorText } from '../../ui/api-error.ts';
import '../../ui/confirm-action.ts';
import { consoleStyles } from '../../ui/console.styles.ts';
import { formatDateTime } from '../../ui/format.ts';
import { errorOf, type Settled } from './provider-data.ts';

/**
 * The provider's calendars outside MAIS: Google Calendar (status, connect, disconnect) and the
 * secret ICS feed link (copy, rotate). Each has its own errors, shown beside its buttons.
 */
@customElement('mais-calendar-links')
export class CalendarLinks extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .cards {
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
      }
    `,
  ];

  @property({ attribute: false }) ctx!: ConsoleContext;
  @property() providerId = '';
  @property({ attribute: false }) google!: Settled<GoogleCalendarStatus>;
  @property({ attribute: false }) feed!: Settled<CalendarFeedLink>;
  @state() private googleError = '';
  @state() private feedError = '';
  @state() private busy = false;
  @query('#feed-url') private feedInput?: HTMLInputElement;

  private async connect() {
    this.googleError = '';
    this.busy = true;
    try {
      const { authorizationUrl } = await this.ctx.admin.calendars.connectGoogle(this.providerId);
      // Google's consent page; Google sends the browser back to the API, which returns here.
      location.assign(authorizationUrl);
    } catch (error) {
      this.googleError = errorText(error);
      this.busy = false;
    }
  }

  private async disconnect() {
    this.googleError = '';
    this.busy = true;
    try {
      await this.ctx.admin.calendars.disconnectGoogle(this.providerId);
      this.ctx.announce('Google Calendar disconnected.');
    } catch (error) {
      this.googleError = errorText(error);
    }
    try {
      this.google = { ok: true, value: await this.ctx.admin.calendars.googleStatus(this.providerId) };
    } catch (error) {
      this.google = { ok: false, error };
    }
    this.busy = false;
  }

  private async copy() {
    const url = this.feed.ok ? this.feed.value.url : null;
    if (!url) return;
    this.feedError = '';
    try {
      await navigator.clipboard.writeText(url);
      this.ctx.announce('Feed link copied.');
    } catch {
      // No clipboard permission (or an old browser): select the text so Ctrl+C copies it.
      this.feedInput?.select();
      this.feedError = 'Copying was not allowed: the link is selected, press Ctrl+C (⌘C) to copy it.';
    }
  }

  private async rotate() {
    this.feedError = '';
    try {
      this.feed = { ok: true, value: await this.ctx.admin.calendars.rotateFeed(this.providerId) };
      this.ctx.announce('New feed link made; the old one no longer works.');
    } catch (error) {
      this.feedError = errorText(error);
    }
  }

  override render() {
    return html`<div class="cards">
      <section class="card" aria-labelledby="google-heading">
        <h3 id="google-heading">Google Calendar</h3>
        ${this.googlePart()}
      </section>
      <section class="card" aria-labelledby="feed-heading">
        <h3 id="feed-heading">Calendar feed (ICS)</h3>
        ${this.feedPart()}
      </section>
    </div>`;
  }

  private googlePart() {
    if (!this.google.ok) return html`<p class="error" role="alert">${errorOf(this.google)}</p>`;
    const status = this.google.value;
    const words =
      status.status === 'ACTIVE'
        ? 'Connected: appointments are added to Google and busy times there block bookings.'
        : status.status === 'NEEDS_REAUTH'
          ? 'Google refused the access: connect again to restart the sync.'
          : 'Not connected.';
    return html`
      <p data-google-status=${status.status}>${words}</p>
      ${
        status.connected && status.lastSyncedAt
          ? html`<p class="muted">Last synced ${formatDateTime(status.lastSyncedAt, this.ctx.zone)}</p>`
          : nothing
      }
      ${status.lastError ? html`<p class="muted">Last problem: ${status.lastError}</p>` : nothing}
      <div class="actions">
        ${
          status.status === 'ACTIVE'
            ? html`<mais-confirm-action
                label="Disconnect Google Calendar"
                question="Stop syncing and forget the access? Appointments already in Google stay there."
                confirm-label="Disconnect"
                danger
                ?disabled=${this.busy}
                @confirm=${this.disconnect}
              ></mais-confirm-action>`
            : html`<button class="btn" ?disabled=${this.busy} @click=${this.connect}>
                ${status.status === 'NEEDS_REAUTH' ? 'Connect again' : 'Connect Google Calendar'}
              </button>`
        }
      </div>
      ${this.googleError ? html`<p class="error" role="alert">${this.googleError}</p>` : nothing}
    `;
  }

  private feedPart() {
    if (!this.feed.ok) return html`<p class="error" role="alert">${errorOf(this.feed)}</p>`;
    const { url, rotatedAt } = this.feed.value;
    return html`
      <p class="hint">Subscribe to it in any calendar app. Anyone with the link sees these appointments.</p>
      ${
        url
          ? html`<div class="field">
              <label for="feed-url">Feed link</label>
              <input
                id="feed-url"
                readonly
                .value=${url}
                @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
              />
            </div>`
          : html`<p>The link cannot be shown again on this server: make a new one to see it.</p>`
      }
      <p class="muted">Made ${formatDateTime(rotatedAt, this.ctx.zone)}</p>
      <div class="actions">
        ${url ? html`<button class="btn" @click=${this.copy}>Copy link</button>` : nothing}
        <mais-confirm-action
          label="Make a new link"
          question="The current link stops working at once; calendars using it must subscribe again."
          confirm-label="Make a new link"
          @confirm=${this.rotate}
        ></mais-confirm-action>
      </div>
      ${this.feedError ? html`<p class="error" role="alert">${this.feedError}</p>` : nothing}
    `;
  }
}
