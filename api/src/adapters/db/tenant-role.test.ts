import { describe, expect, it } from 'vitest';
import { TENANT_ROLE, tenantRoleUrl } from './tenant-role.ts';

describe('tenantRoleUrl', () => {
  it('replaces only the user: host, port, database, password and parameters stay', () => {
    const url = new URL(tenantRoleUrl('postgresql://owner:s%40cret@db.internal:6432/mais?sslmode=require'));
    expect(url.username).toBe(TENANT_ROLE);
    expect(decodeURIComponent(url.password)).toBe('s@cret');
    expect(url.host).toBe('db.internal:6432');
    expect(url.pathname).toBe('/mais');
    expect(url.searchParams.get('sslmode')).toBe('require');
  });

  it('keeps a URL without a password without one (a trust or peer server)', () => {
    expect(tenantRoleUrl('postgres://postgres@127.0.0.1:5432/mais')).toBe(
      'postgres://mais_tenant@127.0.0.1:5432/mais',
    );
  });
});
