import { BaseClient, type ClientOptions } from './client.ts';
import { MaisError } from './core/errors.ts';
import { ApiKeys } from './resources/admin/api-keys.ts';
import { AuditLog } from './resources/admin/audit-log.ts';
import { Appointments } from './resources/admin/appointments.ts';
import { AvailabilityOverrides } from './resources/admin/availability-overrides.ts';
import { AvailabilityRules } from './resources/admin/availability.ts';
import { BusyBlocks } from './resources/admin/busy-blocks.ts';
import { Calendars } from './resources/admin/calendars.ts';
import { ClientNotes } from './resources/admin/client-notes.ts';
import { CancellationPolicies } from './resources/admin/cancellation-policies.ts';
import { IntakeFields } from './resources/admin/intake-fields.ts';
import { Invoices } from './resources/admin/invoices.ts';
import { Ledger } from './resources/admin/ledger.ts';
import { Locations } from './resources/admin/locations.ts';
import { Outbox } from './resources/admin/outbox.ts';
import { Reports } from './resources/admin/reports.ts';
import { Providers } from './resources/admin/providers.ts';
import { QuickBooks } from './resources/admin/quickbooks.ts';
import { Resources } from './resources/admin/resources.ts';
import { Services } from './resources/admin/services.ts';
import { Session } from './resources/admin/session.ts';
import { Settings } from './resources/admin/settings.ts';
import { Staff } from './resources/admin/staff.ts';
import { TenantSettings } from './resources/admin/tenant.ts';
import { WebhookEndpoints } from './resources/admin/webhook-endpoints.ts';

export type MaisAdminOptions = ClientOptions &
  (
    | {
        /** sk_live_… or sk_test_…: keep it on a server, never in a web page. */
        secretKey: string;
        session?: undefined;
      }
    | {
        /**
         * A staff session (the console): the browser sends the session cookie, and this sends the
         * session's CSRF token (from MaisAuth.signIn or .current) as x-csrf-token.
         */
        session: { csrfToken: string };
        secretKey?: undefined;
      }
  );

/**
 * The admin API (/v1/tenant-admin) of one tenant: a secret key as `Authorization: Bearer` (servers),
 * or a staff session's cookie and CSRF token (the console; the API enforces the account's role).
 */
export class MaisAdmin extends BaseClient {
  readonly #auth: Record<string, string>;
  readonly #session: boolean;
  readonly tenant = new TenantSettings(this);
  readonly settings = new Settings(this);
  readonly apiKeys = new ApiKeys(this);
  readonly services = new Services(this);
  readonly providers = new Providers(this);
  readonly resources = new Resources(this);
  readonly locations = new Locations(this);
  readonly availability = new AvailabilityRules(this);
  readonly availabilityOverrides = new AvailabilityOverrides(this);
  readonly cancellationPolicies = new CancellationPolicies(this);
  readonly intakeFields = new IntakeFields(this);
  readonly appointments = new Appointments(this);
  readonly ledger = new Ledger(this);
  readonly outbox = new Outbox(this);
  readonly calendars = new Calendars(this);
  readonly busyBlocks = new BusyBlocks(this);
  readonly reports = new Reports(this);
  readonly clientNotes = new ClientNotes(this);
  readonly invoices = new Invoices(this);
  readonly quickbooks = new QuickBooks(this);
  readonly staff = new Staff(this);
  readonly webhookEndpoints = new WebhookEndpoints(this);
  readonly auditLog = new AuditLog(this);
  readonly session = new Session(this);

  constructor(options: MaisAdminOptions) {
    super(options);
    this.#session = options.session !== undefined;
    if (options.session !== undefined) {
      const token = options.session?.csrfToken;
      if (typeof token !== 'string' || token === '') {
        throw new MaisError('session.csrfToken is required: take it from MaisAuth.signIn or .current.');
      }
      this.#auth = { 'x-csrf-token': token };
      return;
    }
    const key = options.secretKey;
    if (typeof key !== 'string' || key === '') {
      throw new MaisError('secretKey (sk_live_…) or session is required.');
    }
    if (key.startsWith('pk_')) {
      throw new MaisError('MaisAdmin takes a secret key (sk_…); a publishable key goes to MaisClient.');
    }
    this.#auth = { authorization: `Bearer ${key}` };
  }

  protected authHeaders(): Record<string, string> {
    return this.#auth;
  }

  protected override credentials(): RequestCredentials | undefined {
    return this.#session ? 'include' : undefined;
  }
}
