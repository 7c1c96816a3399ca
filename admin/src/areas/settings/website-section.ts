import type { Tenant } from '@mais/sdk';
import { Task } from '@lit/task';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { errorText } from '../../ui/api-error.ts';
import { addOrigin, parseOrigin } from './settings-input.ts';
import { SettingsSection } from './settings-section.ts';

/** The websites allowed to use the booking widget, and the hosted booking page (/book/<slug>). */
@customElement('mais-website-settings')
export class WebsiteSettings extends SettingsSection {
  @state() private tenant: Tenant | undefined;
  /** The origins as edited, saved with "Save websites". */
  @state() private origins: string[] = [];
  @state() private originError = '';
  @state() private originsSaveError = '';
  @state() private pageError = '';
  @state() private busy = false;

  private readonly loading = new Task(this, {
    task: async ([ctx], { signal }) => {
      this.tenant = await ctx.admin.tenant.retrieve({ signal });
      this.origins = [...this.tenant.allowedOrigins];
    },
    args: () => [this.ctx] as const,
  });

  private addOrigin(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const parsed = parseOrigin(String(new FormData(form).get('origin') ?? ''));
    if ('error' in parsed) {
      this.originError = parsed.error;
      return;
    }
    const { origins, added } = addOrigin(this.origins, parsed.origin);
    this.originError = added ? '' : `${parsed.origin} is already listed.`;
    this.origins = origins;
    if (added) form.reset();
  }

  private async saveOrigins() {
    await this.saving(
      async () => {
        this.tenant = await this.ctx.admin.tenant.update({ allowedOrigins: this.origins });
        this.origins = [...this.tenant.allowedOrigins];
        this.ctx.announce('Websites saved.');
      },
      (message) => (this.originsSaveError = message),
    );
  }

  private async savePage(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const url = String(data.get('bookingPageUrl') ?? '').trim();
    await this.saving(
      async () => {
        this.tenant = await this.ctx.admin.tenant.update({
          bookingPage: {
            enabled: data.get('enabled') === 'on',
            description: String(data.get('description') ?? ''),
          },
          bookingPageUrl: url === '' ? null : url,
        });
        this.ctx.announce('Booking page saved.');
      },
      (message) => (this.pageError = message),
    );
  }

  private async saving(work: () => Promise<void>, fail: (message: string) => void) {
    this.busy = true;
    fail('');
    try {
      await work();
    } catch (error) {
      fail(errorText(error));
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <h2>Website and booking page</h2>
      ${this.loading.render({
        pending: () => html`<p class="muted" role="status">Loading…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: () => html`${this.originsView()} ${this.pageView(this.tenant!)}`,
      })}
    `;
  }

  private originsView() {
    const changed = this.origins.join('\n') !== this.tenant!.allowedOrigins.join('\n');
    return html`
      <h3>Websites allowed to use the widget</h3>
      <p class="hint">The booking widget works only on these sites (and on your hosted booking page).</p>
      ${
        this.origins.length === 0
          ? html`<p class="muted">No website yet.</p>`
          : html`<ul aria-label="Allowed websites">
              ${this.origins.map(
                (origin) =>
                  html`<li>
                    ${origin}
                    <button
                      class="btn btn--quiet"
                      type="button"
                      aria-label="Remove ${origin}"
                      @click=${() => (this.origins = this.origins.filter((o) => o !== origin))}
                    >
                      Remove
                    </button>
                  </li>`,
              )}
            </ul>`
      }
      <form @submit=${this.addOrigin} novalidate>
        <div class="field">
          <label for="origin">Website address</label>
          <input id="origin" name="origin" type="url" placeholder="https://studio.example" />
        </div>
        ${this.originError ? html`<p class="error" role="alert">${this.originError}</p>` : ''}
        <button class="btn btn--quiet" type="submit">Add website</button>
      </form>
      ${this.originsSaveError ? html`<p class="error" role="alert">${this.originsSaveError}</p>` : ''}
      <div class="actions">
        <button class="btn" type="button" ?disabled=${!changed || this.busy} @click=${this.saveOrigins}>
          Save websites
        </button>
        ${changed ? html`<span class="muted">Unsaved changes.</span>` : ''}
      </div>
    `;
  }

  private pageView(tenant: Tenant) {
    const pageUrl = `${location.origin}/book/${encodeURIComponent(tenant.slug)}`;
    return html`
      <h3>Hosted booking page</h3>
      <p>
        Your page: <a href=${pageUrl} target="_blank" rel="noopener">${pageUrl}</a>
        ${tenant.bookingPage.enabled ? '' : html`<span class="badge">Off</span>`}
      </p>
      <form @submit=${this.savePage}>
        <div class="field">
          <label class="check"
            ><input type="checkbox" name="enabled" ?checked=${tenant.bookingPage.enabled} /> The booking page
            is open</label
          >
        </div>
        <div class="field">
          <label for="page-description">Description</label>
          <textarea
            id="page-description"
            name="description"
            rows="3"
            maxlength="2000"
            .value=${tenant.bookingPage.description}
          ></textarea>
          <p class="hint">Shown on the page and to search engines.</p>
        </div>
        <div class="field">
          <label for="booking-page-url">Your own booking page (optional)</label>
          <input
            id="booking-page-url"
            name="bookingPageUrl"
            type="url"
            maxlength="2000"
            placeholder="https://studio.example/book"
            aria-describedby="booking-page-url-hint"
            .value=${tenant.bookingPageUrl ?? ''}
          />
          <p class="hint" id="booking-page-url-hint">
            A page of your site with the widget: links in emails open bookings there. Empty: they open the
            hosted page.
          </p>
        </div>
        ${this.pageError ? html`<p class="error" role="alert">${this.pageError}</p>` : ''}
        <button class="btn" type="submit" ?disabled=${this.busy}>Save booking page</button>
      </form>
    `;
  }
}
