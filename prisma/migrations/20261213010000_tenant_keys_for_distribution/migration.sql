-- Keys for distributing by tenant (api/README.md, "Scaling"): every tenant table gets a unique key on
-- (tenantId, id), the key Citus needs as primary key, and the last unique keys and composite primary
-- keys without tenantId get it as their first column. Lookups by these keys already carry tenantId.

CREATE UNIQUE INDEX "availability_rules_tenantId_id_key" ON availability_rules ("tenantId", "id");
CREATE UNIQUE INDEX "cancellation_policy_tiers_tenantId_id_key" ON cancellation_policy_tiers ("tenantId", "id");
CREATE UNIQUE INDEX "intake_form_responses_tenantId_id_key" ON intake_form_responses ("tenantId", "id");
CREATE UNIQUE INDEX "outbox_messages_tenantId_id_key" ON outbox_messages ("tenantId", "id");
CREATE UNIQUE INDEX "busy_blocks_tenantId_id_key" ON busy_blocks ("tenantId", "id");
CREATE UNIQUE INDEX "invoices_tenantId_id_key" ON invoices ("tenantId", "id");
CREATE UNIQUE INDEX "calendar_syncs_tenantId_id_key" ON calendar_syncs ("tenantId", "id");
CREATE UNIQUE INDEX "idempotency_records_tenantId_id_key" ON idempotency_records ("tenantId", "id");
CREATE UNIQUE INDEX "ledger_entries_tenantId_id_key" ON ledger_entries ("tenantId", "id");
CREATE UNIQUE INDEX "calendar_oauth_states_tenantId_id_key" ON calendar_oauth_states ("tenantId", "id");
CREATE UNIQUE INDEX "calendar_feeds_tenantId_id_key" ON calendar_feeds ("tenantId", "id");
CREATE UNIQUE INDEX "quickbooks_oauth_states_tenantId_id_key" ON quickbooks_oauth_states ("tenantId", "id");
CREATE UNIQUE INDEX "quickbooks_connections_tenantId_id_key" ON quickbooks_connections ("tenantId", "id");
CREATE UNIQUE INDEX "quickbooks_pushes_tenantId_id_key" ON quickbooks_pushes ("tenantId", "id");
CREATE UNIQUE INDEX "staff_sessions_tenantId_id_key" ON staff_sessions ("tenantId", "id");
CREATE UNIQUE INDEX "staff_tokens_tenantId_id_key" ON staff_tokens ("tenantId", "id");
CREATE UNIQUE INDEX "client_notes_tenantId_id_key" ON client_notes ("tenantId", "id");

ALTER TABLE provider_services DROP CONSTRAINT "provider_services_pkey",
  ADD CONSTRAINT "provider_services_pkey" PRIMARY KEY ("tenantId", "providerId", "serviceId");
ALTER TABLE service_resources DROP CONSTRAINT "service_resources_pkey",
  ADD CONSTRAINT "service_resources_pkey" PRIMARY KEY ("tenantId", "serviceId", "resourceId");
DROP INDEX "cancellation_policy_tiers_policyId_hoursBeforeStart_key";
CREATE UNIQUE INDEX "cancellation_policy_tiers_tenant_policy_hours_key" ON cancellation_policy_tiers ("tenantId", "policyId", "hoursBeforeStart");
DROP INDEX "intake_form_responses_appointmentId_fieldId_key";
CREATE UNIQUE INDEX "intake_form_responses_tenantId_appointmentId_fieldId_key" ON intake_form_responses ("tenantId", "appointmentId", "fieldId");
DROP INDEX "busy_blocks_providerId_source_externalId_key";
CREATE UNIQUE INDEX "busy_blocks_tenantId_providerId_source_externalId_key" ON busy_blocks ("tenantId", "providerId", source, "externalId");
