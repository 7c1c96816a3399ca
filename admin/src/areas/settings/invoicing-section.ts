import type { InvoiceSettings, InvoiceSettingsUpdate } from '@mais/sdk';
import { Task } from '@lit/task';
import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { errorText } from '../../ui/api-error.ts';
import { basisPointsToPercent, logoProblem, percentToBasisPoints } from './settings-input.ts';
import { SettingsSection } from './settings-section.ts';

/** What invoices and receipts say of the business: legal name, address, tax id and rate, logo. */
@customElement('mais-invoicing-settings')
export class InvoicingSettings extends SettingsSection {
  @state() private settings: InvoiceSettings | undefined;
  @state() private error = '';
  @state() private busy = false;

  private readonly loading = new Task(this, {
    task: async ([ctx], { signal }) => {
      this.settings = await ctx.admin.settings.invoicing.retrieve({ signal });
    },
    args: () => [this.ctx] as const,
  });

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const rate = percentToBasisPoints(String(data.get('taxRate') ?? ''));
    if (rate === null) {
      this.error = 'Enter the tax rate as a percentage from 0 to 100, such as 19 or 7.5.';
      return;
    }
    const text = (name: string) => {
      const value = String(data.get(name) ?? '').trim();
      return value === '' ? null : value;
    };
    const body: InvoiceSettingsUpdate = {
      legalName: text('legalName'),
      address: text('address'),
      taxId: text('taxId'),
      taxRateBasisPoints: rate,
      taxInclusive: data.get('taxInclusive') === 'on',
    };
    const logo = data.get('logo');
    if (logo instanceof File && logo.size > 0) {
      const problem = logoProblem(logo);
      if (problem) {
        this.error = problem;
        return;
      }
      body.logo = { dataBase64: await base64Of(logo) };
    } else if (data.get('removeLogo') === 'on') {
      body.logo = null;
    }
    await this.send(body, event.target as HTMLFormElement);
  }

  private async send(body: InvoiceSettingsUpdate, form: HTMLFormElement) {
    this.busy = true;
    this.error = '';
    try {
      this.settings = await this.ctx.admin.settings.invoicing.update(body);
      form.querySelector<HTMLInputElement>('input[type=file]')!.value = '';
      this.ctx.announce('Invoicing settings saved. Invoices already issued keep what they said.');
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <h2>Invoicing</h2>
      ${this.loading.render({
        pending: () => html`<p class="muted" role="status">Loading…</p>`,
        error: (error) => html`<p class="error" role="alert">${errorText(error)}</p>`,
        complete: () => this.form(this.settings!),
      })}
    `;
  }

  private form(settings: InvoiceSettings) {
    return html`
      <form @submit=${this.save}>
        <div class="field">
          <label for="legal-name">Legal name</label>
          <input id="legal-name" name="legalName" maxlength="200" .value=${settings.legalName} />
        </div>
        <div class="field">
          <label for="address">Address</label>
          <textarea
            id="address"
            name="address"
            rows="4"
            maxlength="1000"
            aria-describedby="address-hint"
            .value=${settings.address ?? ''}
          ></textarea>
          <p class="hint" id="address-hint">At most 8 lines.</p>
        </div>
        <div class="field-row">
          <div class="field">
            <label for="tax-id">Tax id</label>
            <input id="tax-id" name="taxId" maxlength="50" .value=${settings.taxId ?? ''} />
          </div>
          <div class="field">
            <label for="tax-rate">Tax rate (%)</label>
            <input
              id="tax-rate"
              name="taxRate"
              inputmode="decimal"
              required
              .value=${basisPointsToPercent(settings.taxRateBasisPoints)}
            />
          </div>
        </div>
        <div class="field">
          <label class="check"
            ><input type="checkbox" name="taxInclusive" ?checked=${settings.taxInclusive} /> Prices include
            the tax</label
          >
        </div>
        <div class="field">
          <label for="invoice-logo">Logo on invoices (PNG or JPEG, at most 256 KB)</label>
          <input id="invoice-logo" name="logo" type="file" accept="image/png,image/jpeg" />
          ${
            settings.logo
              ? html`<p class="hint">
                    A ${settings.logo.type === 'image/png' ? 'PNG' : 'JPEG'} logo is stored
                    (${Math.ceil(settings.logo.bytes / 1024)} KB).
                  </p>
                  <label class="check"><input type="checkbox" name="removeLogo" /> Remove the logo</label>`
              : ''
          }
        </div>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <button class="btn" type="submit" ?disabled=${this.busy}>Save invoicing</button>
      </form>
    `;
  }
}

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
