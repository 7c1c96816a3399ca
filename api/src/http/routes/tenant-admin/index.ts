import type { FastifyPluginAsync } from 'fastify';
import { idempotencyPlugin } from '../../plugins/idempotency.ts';
import { apiKeysRoutes } from './api-keys.routes.ts';
import { appointmentPaymentsRoutes } from './appointment-payments.routes.ts';
import { appointmentRefundsRoutes } from './appointment-refunds.routes.ts';
import { adminAppointmentsRoutes } from './appointments.routes.ts';
import { availabilityRoutes } from './availability.routes.ts';
import { cancellationPoliciesRoutes } from './cancellation-policies.routes.ts';
import { intakeFieldsRoutes } from './intake-fields.routes.ts';
import { ledgerRoutes } from './ledger.routes.ts';
import { providersRoutes } from './providers.routes.ts';
import { resourcesRoutes } from './resources.routes.ts';
import { servicesRoutes } from './services.routes.ts';
import { stripeSettingsRoutes } from './settings-stripe.routes.ts';
import { tenantSettingsRoutes } from './tenant.routes.ts';

/** /v1/tenant-admin: every route here needs a secret key; the hook applies to this prefix only. */
export const tenantAdminRoutes: FastifyPluginAsync = async (app) => {
  app.addHook('onRequest', app.authenticateAdmin);
  await app.register(idempotencyPlugin);
  await app.register(tenantSettingsRoutes);
  await app.register(stripeSettingsRoutes);
  await app.register(apiKeysRoutes);
  await app.register(servicesRoutes);
  await app.register(availabilityRoutes);
  await app.register(providersRoutes);
  await app.register(resourcesRoutes);
  await app.register(cancellationPoliciesRoutes);
  await app.register(intakeFieldsRoutes);
  await app.register(adminAppointmentsRoutes);
  await app.register(appointmentPaymentsRoutes);
  await app.register(appointmentRefundsRoutes);
  await app.register(ledgerRoutes);
};
