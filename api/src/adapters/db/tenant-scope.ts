import type { Db } from './prisma-client.ts';
import { ApiKeysRepository } from './repositories/api-keys.repository.ts';
import { AppointmentsRepository } from './repositories/appointments.repository.ts';
import { BookingDataRepository } from './repositories/booking-data.repository.ts';
import { AvailabilityOverridesRepository } from './repositories/availability-overrides.repository.ts';
import { AvailabilityRulesRepository } from './repositories/availability-rules.repository.ts';
import { CancellationPoliciesRepository } from './repositories/cancellation-policies.repository.ts';
import { IntakeFieldsRepository } from './repositories/intake-fields.repository.ts';
import { ProvidersRepository } from './repositories/providers.repository.ts';
import { PublicCatalogRepository } from './repositories/public-catalog.repository.ts';
import { ResourcesRepository } from './repositories/resources.repository.ts';
import { ServicesRepository } from './repositories/services.repository.ts';
import { TenantSettingsRepository } from './repositories/tenants.repository.ts';

/**
 * The one door to tenant data. Every repository here is bound to one tenant
 * at construction and filters every query by it; routes receive this object
 * (as `request.scope`) and have no other way to query tenant tables. An id
 * of another tenant is therefore simply not found.
 */
export function forTenant(db: Db, tenantId: string) {
  return {
    tenantId,
    tenant: new TenantSettingsRepository(db, tenantId),
    apiKeys: new ApiKeysRepository(db, tenantId),
    services: new ServicesRepository(db, tenantId),
    availabilityRules: new AvailabilityRulesRepository(db, tenantId),
    availabilityOverrides: new AvailabilityOverridesRepository(db, tenantId),
    providers: new ProvidersRepository(db, tenantId),
    resources: new ResourcesRepository(db, tenantId),
    publicCatalog: new PublicCatalogRepository(db, tenantId),
    cancellationPolicies: new CancellationPoliciesRepository(db, tenantId),
    intakeFields: new IntakeFieldsRepository(db, tenantId),
    bookingData: new BookingDataRepository(db, tenantId),
    appointments: new AppointmentsRepository(db, tenantId),
  };
}

export type TenantScope = ReturnType<typeof forTenant>;
