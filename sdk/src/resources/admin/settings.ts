import type { BaseClient, RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import type {
  ConnectedStripeAccount,
  ConnectStripeAccountBody,
  InvoiceSettings,
  InvoiceSettingsUpdate,
  StripeSettings,
} from '../../types.ts';

/** The tenant's Stripe account: its clients' cards are charged on it. */
export class StripeAccountSettings extends ApiResource {
  /** The connected account (or null) and how clients pay: `card`, or `venue` (at the appointment). */
  async retrieve(options?: RequestOptions): Promise<StripeSettings> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/settings/stripe', options });
  }

  /**
   * Connects the tenant's own Stripe account (`acct_…`), which the API retrieves from Stripe first:
   * ValidationError when the platform cannot reach it, ConflictError when another tenant has it
   * (`conflict`) or the platform has no Stripe (`payments_not_configured`).
   */
  async connect(body: ConnectStripeAccountBody, options?: RequestOptions): Promise<ConnectedStripeAccount> {
    return this.client.request({ method: 'PUT', path: '/v1/tenant-admin/settings/stripe', body, options });
  }

  /** Disconnects the account: paid services are then paid at the appointment. */
  async disconnect(options?: RequestOptions): Promise<void> {
    await this.client.request({ method: 'DELETE', path: '/v1/tenant-admin/settings/stripe', options });
  }
}

/** What invoices and receipts say of the business: legal name, address, tax id, logo, tax rate. */
export class InvoicingSettings extends ApiResource {
  async retrieve(options?: RequestOptions): Promise<InvoiceSettings> {
    return this.client.request({ method: 'GET', path: '/v1/tenant-admin/settings/invoicing', options });
  }

  /** Changes the fields given; invoices already issued keep what they said. */
  async update(body: InvoiceSettingsUpdate, options?: RequestOptions): Promise<InvoiceSettings> {
    return this.client.request({
      method: 'PATCH',
      path: '/v1/tenant-admin/settings/invoicing',
      body,
      options,
    });
  }
}

/** Settings beyond the tenant's own (`admin.tenant`): `stripe` and `invoicing`. */
export class Settings extends ApiResource {
  readonly stripe: StripeAccountSettings;
  readonly invoicing: InvoicingSettings;

  constructor(client: BaseClient) {
    super(client);
    this.stripe = new StripeAccountSettings(client);
    this.invoicing = new InvoicingSettings(client);
  }
}
