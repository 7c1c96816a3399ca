import { LedgerRepository } from './repositories/ledger.repository.ts';
import { PaymentsRepository } from './repositories/payments.repository.ts';
import { tenantClientOf, type Client, type Db } from './prisma-client.ts';
import { boundToTenant } from './tenant-bound-client.ts';
import { ApiKeysRepository } from './repositories/api-keys.repository.ts';
import { CalendarFeedsRepository } from './repositories/calendar-feeds.repository.ts';
import { AppointmentWritesRepository } from './repositories/appointment-writes.repository.ts';
import { AppointmentsRepository } from './repositories/appointments.repository.ts';
import { BookingDataRepository } from './repositories/booking-data.repository.ts';
import { BusyBlocksRepository } from './repositories/busy-blocks.repository.ts';
import { CalendarPushRepository } from './repositories/calendar-push.repository.ts';
import { CalendarSyncsRepository } from './repositories/calendar-syncs.repository.ts';
import { AvailabilityOverridesRepository } from './repositories/availability-overrides.repository.ts';
import { AvailabilityRulesRepository } from './repositories/availability-rules.repository.ts';
import { ExportsRepository } from './repositories/exports.repository.ts';
import { CancellationPoliciesRepository } from './repositories/cancellation-policies.repository.ts';
import { IdempotencyRepository } from './repositories/idempotency.repository.ts';
import { InvoicesRepository } from './repositories/invoices.repository.ts';
import { IntakeFieldsRepository } from './repositories/intake-fields.repository.ts';
import { NotificationDataRepository } from './repositories/notification-data.repository.ts';
import { OutboxRepository } from './repositories/outbox.repository.ts';
import { ProvidersRepository } from './repositories/providers.repository.ts';
import { QuickBooksConnectionsRepository } from './repositories/quickbooks-connections.repository.ts';
import { QuickBooksPushesRepository } from './repositories/quickbooks-pushes.repository.ts';
import { ReportsRepository } from './repositories/reports.repository.ts';
import { ServiceReportsRepository } from './repositories/service-reports.repository.ts';
import { ProviderReportsRepository } from './repositories/provider-reports.repository.ts';
import { ClientReportsRepository } from './repositories/client-reports.repository.ts';
import { ClientNotesRepository } from './repositories/client-notes.repository.ts';
import { PublicCatalogRepository } from './repositories/public-catalog.repository.ts';
import { ResourcesRepository } from './repositories/resources.repository.ts';
import { LocationsRepository } from './repositories/locations.repository.ts';
import { ServicesRepository } from './repositories/services.repository.ts';
import { BookingPageRepository } from './repositories/booking-page.repository.ts';
import { TenantSettingsRepository } from './repositories/tenants.repository.ts';
import { StaffAccountsRepository } from './repositories/staff-accounts.repository.ts';
import { StaffAccessRepository } from './repositories/staff-access.repository.ts';
import { WebhooksRepository } from './repositories/webhooks.repository.ts';
import { AuditLogRepository } from './repositories/audit-log.repository.ts';

/**
 * The one door to tenant data. Every repository here is bound to one tenant
 * at construction and filters every query by it; routes and use-cases receive
 * this object (as `request.scope`) and have no other way to query tenant
 * tables. An id of another tenant is therefore simply not found.
 *
 * That is the first wall. The second is the database's: the repositories query
 * through the tenant role's pool (`tenantClientOf`), every statement naming
 * this tenant (`boundToTenant`), so a query that forgot its filter still sees
 * only this tenant's rows.
 */
export function forTenant(system: Db, tenantId: string) {
  const db = boundToTenant(tenantClientOf(system), tenantId);
  return {
    ...bookingRepositories(db, tenantId),
    tenant: new TenantSettingsRepository(db, tenantId),
    apiKeys: new ApiKeysRepository(db, tenantId),
    services: new ServicesRepository(db, tenantId),
    bookingPage: new BookingPageRepository(db, tenantId),
    availabilityRules: new AvailabilityRulesRepository(db, tenantId),
    availabilityOverrides: new AvailabilityOverridesRepository(db, tenantId),
    providers: new ProvidersRepository(db, tenantId),
    resources: new ResourcesRepository(db, tenantId),
    locations: new LocationsRepository(db, tenantId),
    publicCatalog: new PublicCatalogRepository(db, tenantId),
    cancellationPolicies: new CancellationPoliciesRepository(db, tenantId),
    intakeFields: new IntakeFieldsRepository(db, tenantId),
    idempotency: new IdempotencyRepository(db, tenantId),
    calendarSyncs: new CalendarSyncsRepository(db, tenantId),
    calendarPush: new CalendarPushRepository(db, tenantId),
    busyBlocks: new BusyBlocksRepository(db, tenantId),
    outbox: new OutboxRepository(db, tenantId),
    notificationData: new NotificationDataRepository(db, tenantId),
    calendarFeeds: new CalendarFeedsRepository(db, tenantId),
    reports: new ReportsRepository(db, tenantId),
    serviceReports: new ServiceReportsRepository(db, tenantId),
    providerReports: new ProviderReportsRepository(db, tenantId),
    clientReports: new ClientReportsRepository(db, tenantId),
    clientNotes: new ClientNotesRepository(db, tenantId),
    exports: new ExportsRepository(db, tenantId),
    quickbooksConnections: new QuickBooksConnectionsRepository(db, tenantId),
    quickbooksPushes: new QuickBooksPushesRepository(db, tenantId),
    staffAccounts: new StaffAccountsRepository(db, tenantId),
    staffAccess: new StaffAccessRepository(db, tenantId),
    webhooks: new WebhooksRepository(db, tenantId),
    auditLog: new AuditLogRepository(db, tenantId),
    /**
     * Runs `work` in one database transaction with the same tenant's
     * repositories bound to it; commits when `work` resolves. It waits its turn for a
     * connection (WAIT_YOUR_TURN in tenant-bound-client.ts).
     */
    transaction<T>(work: (tx: TenantTransaction) => Promise<T>): Promise<T> {
      return db.$transaction((tx) => work(bookingRepositories(tx, tenantId)));
    },
  };
}

export type TenantScope = ReturnType<typeof forTenant>;

export type TenantTransaction = ReturnType<typeof bookingRepositories>;

/** What a use-case may read and write inside one of the tenant's transactions. */
function bookingRepositories(client: Client, tenantId: string) {
  return {
    tenantId,
    bookingData: new BookingDataRepository(client, tenantId),
    appointments: new AppointmentsRepository(client, tenantId),
    appointmentWrites: new AppointmentWritesRepository(client, tenantId),
    payments: new PaymentsRepository(client, tenantId),
    ledger: new LedgerRepository(client, tenantId),
    invoices: new InvoicesRepository(client, tenantId),
  };
}
