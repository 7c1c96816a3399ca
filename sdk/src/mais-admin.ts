import { BaseClient, type ClientOptions } from './client.ts';
import { MaisError } from './core/errors.ts';
import { ApiKeys } from './resources/admin/api-keys.ts';
import { Appointments } from './resources/admin/appointments.ts';
import { AvailabilityOverrides } from './resources/admin/availability-overrides.ts';
import { AvailabilityRules } from './resources/admin/availability.ts';
import { Calendars } from './resources/admin/calendars.ts';
import { CancellationPolicies } from './resources/admin/cancellation-policies.ts';
import { IntakeFields } from './resources/admin/intake-fields.ts';
import { Invoices } from './resources/admin/invoices.ts';
import { Ledger } from './resources/admin/ledger.ts';
import { Outbox } from './resources/admin/outbox.ts';
import { Reports } from './resources/admin/reports.ts';
import { Providers } from './resources/admin/providers.ts';
import { QuickBooks } from './resources/admin/quickbooks.ts';
import { Resources } from './resources/admin/resources.ts';
import { Services } from './resources/admin/services.ts';
import { Settings } from './resources/admin/settings.ts';
import { Staff } from './resources/admin/staff.ts';
import { TenantSettings } from './resources/admin/tenant.ts';

export interface MaisAdminOptions extends ClientOptions {
  /** sk_live_… or sk_test_…: keep it on a server or in the admin console, never in a public page. */
  secretKey: string;
}

/** The admin API (/v1/tenant-admin) of one tenant: a secret key as `Authorization: Bearer`. */
export class MaisAdmin extends BaseClient {
  readonly #secretKey: string;
  readonly tenant = new TenantSettings(this);
  readonly settings = new Settings(this);
  readonly apiKeys = new ApiKeys(this);
  readonly services = new Services(this);
  readonly providers = new Providers(this);
  readonly resources = new Resources(this);
  readonly availability = new AvailabilityRules(this);
  readonly availabilityOverrides = new AvailabilityOverrides(this);
  readonly cancellationPolicies = new CancellationPolicies(this);
  readonly intakeFields = new IntakeFields(this);
  readonly appointments = new Appointments(this);
  readonly ledger = new Ledger(this);
  readonly outbox = new Outbox(this);
  readonly calendars = new Calendars(this);
  readonly reports = new Reports(this);
  readonly invoices = new Invoices(this);
  readonly quickbooks = new QuickBooks(this);
  readonly staff = new Staff(this);

  constructor(options: MaisAdminOptions) {
    super(options);
    const key = options.secretKey;
    if (typeof key !== 'string' || key === '') throw new MaisError('secretKey is required (sk_live_…).');
    if (key.startsWith('pk_')) {
      throw new MaisError('MaisAdmin takes a secret key (sk_…); a publishable key goes to MaisClient.');
    }
    this.#secretKey = key;
  }

  protected authHeaders(): Record<string, string> {
    return { authorization: `Bearer ${this.#secretKey}` };
  }
}
