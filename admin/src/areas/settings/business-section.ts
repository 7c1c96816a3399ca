import type { Service, Tenant } from '@mais/sdk';
import { Task } from '@lit/task';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { errorText } from '../../ui/api-error.ts';
import {
  contrastRatio,
  DEFAULT_PRIMARY,
  MIN_TEXT_CONTRAST,
  profilePatch,
  type Branding,
  type ProfileDraft,
} from './branding-draft.ts';
import { SettingsSection } from './settings-section.ts';
import './widget-preview.ts';

const ZONES = Intl.supportedValuesOf('timeZone');

function draftOf(tenant: Tenant): ProfileDraft {
  return {
    name: tenant.name,
    timezone: tenant.timezone,
    currency: tenant.currency.toUpperCase(),
    branding: { ...tenant.branding },
  };
}

/** Business profile and branding, with a live preview of the booking widget. */
@customElement('mais-business-settings')
export class BusinessSettings extends SettingsSection {
  static override styles = [
    SettingsSection.styles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 24rem);
        gap: 1.5rem;
        align-items: start;
      }
      input[type='color'] {
        width: 4rem;
        height: 2.5rem;
        padding: 0.15rem;
        border: 1px solid var(--_line);
        border-radius: var(--_radius);
      }
      .colour {
        display: flex;
        gap: 0.75rem;
        align-items: center;
        flex-wrap: wrap;
      }
      @media (max-width: 1000px) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @state() private saved: ProfileDraft | undefined;
  @state() private draft: ProfileDraft | undefined;
  @state() private services: Service[] = [];
  @state() private saving = false;
  @state() private saveError = '';

  private readonly loading = new Task(this, {
    task: async ([ctx], { signal }) => {
      const [tenant, services] = await Promise.all([
        ctx.admin.tenant.retrieve({ signal }),
        ctx.admin.services.list({ limit: 2 }, { signal }),
      ]);
      this.saved = draftOf(tenant);
      this.draft = draftOf(tenant);
      this.services = services.data;
    },
    args: () => [this.ctx] as const,
  });

  private setBranding(change: Partial<Branding>) {
    this.draft = { ...this.draft!, branding: { ...this.draft!.branding, ...change } };
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const patch = profilePatch(this.saved!, this.draft!);
    if (Object.keys(patch).length === 0) {
      this.ctx.announce('Nothing to save: no field was changed.');
      return;
    }
    this.saving = true;
    this.saveError = '';
    try {
      const tenant = await this.ctx.admin.tenant.update(patch);
      this.saved = draftOf(tenant);
      this.draft = draftOf(tenant);
      this.ctx.announce('Business profile saved.');
    } catch (error) {
      this.saveError = errorText(error);
    } finally {
      this.saving = false;
    }
  }

  override render() {
    return html`
      <h2>Business and branding</h2>
      ${this.loading.render({
        pending: () => html`<p class="muted" role="status">Loading…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: () => this.form(this.draft!),
      })}
    `;
  }

  private form(draft: ProfileDraft) {
    const colour = draft.branding.primaryColor ?? DEFAULT_PRIMARY;
    const contrast = contrastRatio(colour, '#ffffff');
    return html`
      <div class="layout">
        <form @submit=${this.save}>
          <div class="field">
            <label for="name">Business name</label>
            <input
              id="name"
              required
              maxlength="200"
              .value=${draft.name}
              @input=${(e: InputEvent) => (this.draft = { ...draft, name: (e.target as HTMLInputElement).value })}
            />
          </div>
          <div class="field-row">
            <div class="field">
              <label for="timezone">Time zone</label>
              <select
                id="timezone"
                @change=${(e: Event) => (this.draft = { ...draft, timezone: (e.target as HTMLSelectElement).value })}
              >
                ${(ZONES.includes(draft.timezone) ? ZONES : [draft.timezone, ...ZONES]).map(
                  (zone) => html`<option value=${zone} ?selected=${zone === draft.timezone}>${zone}</option>`,
                )}
              </select>
              <p class="hint">Opening hours and every time in the console are in this zone.</p>
            </div>
            <div class="field">
              <label for="currency">Currency</label>
              <input
                id="currency"
                required
                pattern="[A-Za-z]{3}"
                maxlength="3"
                aria-describedby="currency-hint"
                .value=${draft.currency}
                @input=${(e: InputEvent) =>
                  (this.draft = { ...draft, currency: (e.target as HTMLInputElement).value })}
              />
              <p class="hint" id="currency-hint">
                Three letters, such as EUR. New services are priced in it.
              </p>
            </div>
          </div>
          <h3>Branding</h3>
          <div class="field">
            <label for="primary">Brand colour</label>
            <div class="colour">
              <input
                id="primary"
                type="color"
                aria-describedby="primary-hint"
                .value=${colour}
                @input=${(e: InputEvent) => this.setBranding({ primaryColor: (e.target as HTMLInputElement).value })}
              />
              <code>${colour}</code>
              ${
                draft.branding.primaryColor
                  ? html`<button
                      class="btn btn--quiet"
                      type="button"
                      @click=${() => this.setBranding({ primaryColor: undefined })}
                    >
                      Use the default colour
                    </button>`
                  : ''
              }
            </div>
            <p class="hint" id="primary-hint">
              Buttons and the chosen time. White text on it: contrast
              ${contrast}:1${
                contrast < MIN_TEXT_CONTRAST
                  ? html` —
                      <strong>below ${MIN_TEXT_CONTRAST}:1, hard to read; choose a darker colour.</strong>`
                  : ''
              }
            </p>
          </div>
          <div class="field">
            <label for="font">Font family</label>
            <input
              id="font"
              maxlength="200"
              placeholder="system-ui, sans-serif"
              .value=${draft.branding.fontFamily ?? ''}
              @input=${(e: InputEvent) => this.setBranding({ fontFamily: (e.target as HTMLInputElement).value })}
            />
          </div>
          <div class="field">
            <label for="logo">Logo address</label>
            <input
              id="logo"
              type="url"
              maxlength="2000"
              placeholder="https://"
              .value=${draft.branding.logoUrl ?? ''}
              @input=${(e: InputEvent) => this.setBranding({ logoUrl: (e.target as HTMLInputElement).value })}
            />
          </div>
          <div class="field">
            <label for="theme">Theme</label>
            <select
              id="theme"
              @change=${(e: Event) =>
                this.setBranding({ theme: (e.target as HTMLSelectElement).value as Branding['theme'] })}
            >
              ${(['light', 'dark', 'auto'] as const).map(
                (theme) =>
                  html`<option value=${theme} ?selected=${(draft.branding.theme ?? 'light') === theme}>
                    ${theme === 'auto' ? 'Follow the visitor’s system' : theme === 'dark' ? 'Dark' : 'Light'}
                  </option>`,
              )}
            </select>
          </div>
          ${this.saveError ? html`<p class="error" role="alert">${this.saveError}</p>` : ''}
          <div class="actions">
            <button class="btn" type="submit" ?disabled=${this.saving}>Save profile</button>
            <button
              class="btn btn--quiet"
              type="button"
              @click=${() => {
                this.draft = { ...this.saved!, branding: { ...this.saved!.branding } };
                this.saveError = '';
              }}
            >
              Undo changes
            </button>
          </div>
        </form>
        <section aria-labelledby="preview-title">
          <h3 id="preview-title">Preview of the booking widget</h3>
          <p class="hint">Changes show here as you make them; visitors see them once saved.</p>
          <mais-widget-preview
            .branding=${draft.branding}
            businessName=${draft.name}
            .services=${this.services}
          ></mais-widget-preview>
        </section>
      </div>
    `;
  }
}
