/**
 * The role every tenant scope logs in as. Migration 20261214030000_row_level_security creates it and
 * its policies; `migrate` lets it log in. It owns nothing and has no BYPASSRLS, so on every tenant
 * table it sees and writes only the rows of the tenant its transaction names, and none when no
 * tenant is named.
 */
export const TENANT_ROLE = 'mais_tenant';

/** DATABASE_URL with mais_tenant as the user; `migrate` gives the role the same password. */
export function tenantRoleUrl(connectionString: string): string {
  const url = new URL(connectionString);
  url.username = TENANT_ROLE;
  return url.toString();
}
