-- Row-level security as a second wall behind the tenant scope (api/README.md, "Row-level
-- security"). The tenant scope's transactions switch to the role mais_tenant and name their tenant
-- (set_config('role', 'mais_tenant', true) and set_config('app.tenant_id', <id>, true), both local
-- to the transaction, so PgBouncer in transaction mode keeps them apart). Under that role every
-- tenant table shows and accepts only the named tenant's rows; with no tenant named, none.
-- The connecting role (the tables' owner) is not subject to these policies: the migrations, the
-- worker's cross-tenant jobs and the unscoped lookups (an API key by its hash, a Stripe event by
-- its account) run as it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mais_tenant') THEN
    CREATE ROLE mais_tenant NOLOGIN;
  END IF;
END $$;
-- The application's role switches to it (a superuser may anyway; a plain owner needs membership).
GRANT mais_tenant TO CURRENT_USER;

GRANT USAGE ON SCHEMA public TO mais_tenant;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO mais_tenant;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO mais_tenant;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mais_tenant;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO mais_tenant;

-- Every table with a "tenantId" column, and tenants itself. A table added later gets its policy in
-- its own migration; test/row-level-security.test.ts fails until it does.
DO $$
DECLARE
  target record;
BEGIN
  FOR target IN
    SELECT c.table_name FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND c.column_name = 'tenantId' AND t.table_type = 'BASE TABLE'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', target.table_name);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I TO mais_tenant
         USING ("tenantId" = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)
         WITH CHECK ("tenantId" = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)',
      target.table_name);
  END LOOP;
END $$;

ALTER TABLE "tenants" ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "tenants" TO mais_tenant
  USING ("id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK ("id" = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
