import type { components, paths } from './generated/openapi.ts';

/**
 * Friendly names for the types generated from the API's OpenAPI document (generated/openapi.ts).
 * Nothing here is written by hand: every alias points into `components` or `paths`.
 */

type Schemas = components['schemas'];
type JsonBody<Operation> = Operation extends { requestBody?: { content: { 'application/json': infer Body } } }
  ? Body
  : never;
type Query<Operation> = Operation extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type Ok<Operation> = Operation extends { responses: { 200: { content: { 'application/json': infer Body } } } }
  ? Body
  : never;

// Public routes

export type PublicTenant = Schemas['PublicTenant'];
export type PublicService = Schemas['PublicService'];
export type PublicServiceList = Ok<paths['/v1/public/services']['get']>;
export type BookingPage = Schemas['BookingPage'];
export type BookingSchedule = Schemas['BookingSchedule'];
export type BookingPageQuery = Query<paths['/v1/public/booking-page']['get']>;
export type Availability = Schemas['Availability'];
export type AvailableSlot = Availability['slots'][number];
export type AvailabilityQuery = Query<paths['/v1/public/services/{serviceId}/availability']['get']>;
export type AvailableDates = Schemas['AvailableDates'];
export type AvailableDatesQuery = Query<paths['/v1/public/services/{serviceId}/availability/dates']['get']>;
export type Appointment = Schemas['Appointment'];
export type AppointmentStatus = Appointment['status'];
export type PaymentStatus = Appointment['paymentStatus'];
export type BookedAppointment = Schemas['BookedAppointment'];
export type CancellationPreview = Schemas['CancellationPreview'];
export type CreateAppointmentBody = JsonBody<paths['/v1/public/appointments']['post']>;
export type RescheduleAppointmentBody = JsonBody<paths['/v1/public/appointments/{id}/reschedule']['post']>;

// Admin routes

export type Tenant = Schemas['Tenant'];
export type UpdateTenantBody = JsonBody<paths['/v1/tenant-admin/tenant']['patch']>;

export type StripeSettings = Schemas['StripeSettings'];
export type PaymentMode = StripeSettings['mode'];
export type ConnectedStripeAccount = Schemas['ConnectedStripeAccount'];
export type ConnectStripeAccountBody = JsonBody<paths['/v1/tenant-admin/settings/stripe']['put']>;

export type ApiKey = Schemas['ApiKey'];
export type CreatedApiKey = Schemas['CreatedApiKey'];
export type CreateApiKeyBody = JsonBody<paths['/v1/tenant-admin/api-keys']['post']>;
export type ApiKeyListQuery = Query<paths['/v1/tenant-admin/api-keys']['get']>;

export type Service = Schemas['Service'];
export type CreateServiceBody = JsonBody<paths['/v1/tenant-admin/services']['post']>;
export type UpdateServiceBody = JsonBody<paths['/v1/tenant-admin/services/{id}']['patch']>;
export type ServiceListQuery = Query<paths['/v1/tenant-admin/services']['get']>;

export type Provider = Schemas['Provider'];
export type CreateProviderBody = JsonBody<paths['/v1/tenant-admin/providers']['post']>;
export type UpdateProviderBody = JsonBody<paths['/v1/tenant-admin/providers/{id}']['patch']>;
export type ProviderListQuery = Query<paths['/v1/tenant-admin/providers']['get']>;
export type SetProviderServicesBody = JsonBody<paths['/v1/tenant-admin/providers/{id}/services']['put']>;

export type Resource = Schemas['Resource'];
export type CreateResourceBody = JsonBody<paths['/v1/tenant-admin/resources']['post']>;
export type UpdateResourceBody = JsonBody<paths['/v1/tenant-admin/resources/{id}']['patch']>;
export type ResourceListQuery = Query<paths['/v1/tenant-admin/resources']['get']>;

/** A place where services are performed; a service names one by `locationId`. */
export type Location = Schemas['Location'];
export type CreateLocationBody = JsonBody<paths['/v1/tenant-admin/locations']['post']>;
export type UpdateLocationBody = JsonBody<paths['/v1/tenant-admin/locations/{id}']['patch']>;
export type LocationListQuery = Query<paths['/v1/tenant-admin/locations']['get']>;
/** What clients see of a service's location. */
export type PublicLocation = Schemas['PublicLocation'];

export type AvailabilityRule = Schemas['AvailabilityRule'];
export type AvailabilityRuleList = Ok<paths['/v1/tenant-admin/providers/{id}/availability']['get']>;
export type ReplaceAvailabilityBody = JsonBody<paths['/v1/tenant-admin/providers/{id}/availability']['put']>;

export type AvailabilityOverride = Schemas['AvailabilityOverride'];
export type CreateAvailabilityOverrideBody = JsonBody<
  paths['/v1/tenant-admin/availability-overrides']['post']
>;
export type AvailabilityOverrideListQuery = Query<paths['/v1/tenant-admin/availability-overrides']['get']>;

export type CancellationPolicy = Schemas['CancellationPolicy'];
export type CancellationTier = Schemas['CancellationTier'];
export type SetCancellationPolicyBody = JsonBody<paths['/v1/tenant-admin/cancellation-policy']['put']>;

export type IntakeField = Schemas['IntakeField'];
export type IntakeFieldList = Ok<paths['/v1/tenant-admin/services/{id}/intake-fields']['get']>;
export type ReplaceIntakeFieldsBody = JsonBody<paths['/v1/tenant-admin/services/{id}/intake-fields']['put']>;

export type AdminCreateAppointmentBody = JsonBody<paths['/v1/tenant-admin/appointments']['post']>;
export type AdminAppointmentListQuery = Query<paths['/v1/tenant-admin/appointments']['get']>;
export type AdminCancelAppointmentBody = NonNullable<
  JsonBody<paths['/v1/tenant-admin/appointments/{id}/cancel']['post']>
>;
export type AdminRescheduleAppointmentBody = JsonBody<
  paths['/v1/tenant-admin/appointments/{id}/reschedule']['post']
>;
export type CollectBalanceBody = JsonBody<
  paths['/v1/tenant-admin/appointments/{id}/collect-balance']['post']
>;
export type AdminRefundBody = JsonBody<paths['/v1/tenant-admin/appointments/{id}/refund']['post']>;

export type LedgerEntry = Schemas['LedgerEntry'];
export type LedgerTotals = Schemas['LedgerTotals'];
/** One page of ledger entries, with the totals of the whole period per currency. */
export type LedgerPage = Schemas['LedgerPage'];
export type LedgerQuery = Query<paths['/v1/tenant-admin/ledger']['get']>;
export type ReconcileBody = JsonBody<paths['/v1/tenant-admin/ledger/reconcile']['post']>;
export type Reconciliation = Schemas['Reconciliation'];

export type OutboxMessage = Schemas['OutboxMessage'];
/** One message as built: its text, HTML and .ics (the manage link's token redacted). */
export type OutboxMessageDetail = Schemas['OutboxMessageDetail'];
export type OutboxListQuery = Query<paths['/v1/tenant-admin/outbox']['get']>;
/** A secret calendar-subscription URL (`url` is null when it cannot be shown again: no ENCRYPTION_KEY). */
export type CalendarFeedLink = Schemas['CalendarFeedLink'];
export type GoogleAuthorization = Schemas['GoogleAuthorization'];
export type GoogleCalendarStatus = Schemas['GoogleCalendarStatus'];

/** Revenue per currency and bucket (day, ISO week or month in the tenant's zone), from the ledger. */
export type RevenueReport = Schemas['RevenueReport'];
export type RevenueReportQuery = Query<paths['/v1/tenant-admin/reports/revenue']['get']>;
/** The days startDate…endDate (inclusive, the tenant's zone) of the services and providers reports. */
export type ReportDays = Query<paths['/v1/tenant-admin/reports/services']['get']>;
export type ServiceReport = Schemas['ServiceReport'];
export type ProviderReport = Schemas['ProviderReport'];
export type ClientReport = Schemas['ClientReport'];
export type ClientReportRow = Schemas['ClientReportRow'];
export type ClientReportQuery = Query<paths['/v1/tenant-admin/reports/clients']['get']>;
/** One client's appointments, payments and refunds. */
export type ClientHistory = Schemas['ClientHistory'];
/** A staff note about a client; its author's name as it was when written. */
export type ClientNote = Schemas['ClientNote'];
export type ClientNoteBody = JsonBody<paths['/v1/tenant-admin/clients/{email}/notes']['post']>;
export type ClientNoteListQuery = Query<paths['/v1/tenant-admin/clients/{email}/notes']['get']>;
export type DashboardSummary = Schemas['DashboardSummary'];

export type Invoice = Schemas['Invoice'];
export type InvoicePage = Schemas['InvoicePage'];
export type InvoiceQuery = Query<paths['/v1/tenant-admin/invoices']['get']>;
export type InvoiceSettings = Schemas['InvoiceSettings'];
export type InvoiceSettingsUpdate = JsonBody<paths['/v1/tenant-admin/settings/invoicing']['patch']>;

export type StaffAccount = Schemas['StaffAccount'];
export type CreateStaffBody = JsonBody<paths['/v1/tenant-admin/staff']['post']>;
export type UpdateStaffBody = JsonBody<paths['/v1/tenant-admin/staff/{id}']['patch']>;
export type StaffListQuery = Query<paths['/v1/tenant-admin/staff']['get']>;

// Staff sign-in (/v1/auth)

export type StaffSession = Schemas['StaffSession'];
export type StaffRole = StaffAccount['role'];
export type SignedInAccount = Schemas['SignedInAccount'];
export type SignInBody = JsonBody<paths['/v1/auth/sessions']['post']>;
export type PasswordResetRequestBody = JsonBody<paths['/v1/auth/password-resets']['post']>;
export type AcceptInvitationBody = JsonBody<paths['/v1/auth/invitations/{token}/accept']['post']>;

export type QuickBooksAuthorization = Schemas['QuickBooksAuthorization'];
export type QuickBooksStatus = Schemas['QuickBooksStatus'];
export type QuickBooksBackfill = Schemas['QuickBooksBackfill'];
export type QuickBooksSyncBody = JsonBody<paths['/v1/tenant-admin/quickbooks/sync']['post']>;

/** An appointment as the business sees it: with its history, oldest first. */
export type AdminAppointment = Schemas['AdminAppointment'];
export type AdminAppointmentListItem = Schemas['AdminAppointmentListItem'];
export type AdminCancellationPreview = Schemas['AdminCancellationPreview'];
export type AppointmentEvent = Schemas['AppointmentEvent'];

/** A provider's busy time from their own calendar (times only), for the console's calendar. */
export type BusyBlock = Schemas['BusyBlock'];
export type BusyBlockList = Schemas['BusyBlockList'];
export type BusyBlockListQuery = Query<paths['/v1/tenant-admin/busy-blocks']['get']>;

/** The body of every error answer: `{ error: { code, message, details? } }`. */
export type ErrorBody = Schemas['Error'];

export type { components, paths };

export type WebhookEndpoint = Schemas['WebhookEndpoint'];
export type WebhookEndpointWithSecret = Schemas['WebhookEndpointWithSecret'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookEventType = WebhookEndpoint['events'][number];
export type CreateWebhookEndpointBody = JsonBody<paths['/v1/tenant-admin/webhook-endpoints']['post']>;
export type UpdateWebhookEndpointBody = JsonBody<paths['/v1/tenant-admin/webhook-endpoints/{id}']['patch']>;
export type RotateWebhookSecretBody = JsonBody<
  paths['/v1/tenant-admin/webhook-endpoints/{id}/rotate-secret']['post']
>;
export type WebhookDeliveryListQuery = Query<
  paths['/v1/tenant-admin/webhook-endpoints/{id}/deliveries']['get']
>;

export type AuditLogEntry = Schemas['AuditLogEntry'];
export type AuditLogQuery = Query<paths['/v1/tenant-admin/audit-log']['get']>;
