import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppointmentsRepository } from '../src/adapters/db/repositories/appointments.repository.ts';
import { tenantClientOf } from '../src/adapters/db/prisma-client.ts';
import { boundToTenant, enterTenant } from '../src/adapters/db/tenant-bound-client.ts';
import { forTenant } from '../src/adapters/db/tenant-scope.ts';
import type { CreatedTenant } from '../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody } from './helpers/booking-fixtures.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from './helpers/test-app.ts';

// Row-level security behind the tenant scope: the scope queries through the mais_tenant role's pool,
// every statement naming its tenant, so the database itself shows and accepts only that tenant's
// rows: a repository method that forgot its tenant filter still cannot read or write another
// tenant's data.

let t: TestApp;
let a: CreatedTenant;
let b: CreatedTenant;
let appointmentOfB: string;

beforeAll(async () => {
  t = await buildTestApp();
  a = await createTestTenant(t.db);
  b = await createTestTenant(t.db);
  const { serviceId } = await bookableService(t.app, b);
  const booked = await admin(t.app, b, {
    method: 'POST',
    url: '/v1/tenant-admin/appointments',
    payload: bookingBody(serviceId, '2030-01-07T10:00:00Z', { overrideRules: true }),
  });
  appointmentOfB = booked.json().appointment.id;
  await t.db.appointment.update({ where: { id: appointmentOfB }, data: { idempotencyKey: 'key-of-b' } });
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => t.close());

/** findByIdempotencyKey with its tenant filter removed: the mistake the wall is for. */
function removeTheTenantFilter() {
  vi.spyOn(AppointmentsRepository.prototype, 'findByIdempotencyKey').mockImplementation(async function (
    this: AppointmentsRepository,
    keyHash: string,
  ) {
    const db = (this as unknown as { db: typeof t.db }).db;
    const row = await db.appointment.findFirst({ where: { idempotencyKey: keyHash } });
    return row as never;
  });
}

describe('row-level security', () => {
  it("hides another tenant's rows from a query without a tenant filter, in and out of the scope's transactions", async () => {
    removeTheTenantFilter();
    const scopeOfA = forTenant(t.db, a.tenant.id);
    expect(await scopeOfA.appointments.findByIdempotencyKey('key-of-b')).toBeNull();
    expect(await scopeOfA.transaction((tx) => tx.appointments.findByIdempotencyKey('key-of-b'))).toBeNull();
    // The owner's own scope still finds it, both ways.
    const scopeOfB = forTenant(t.db, b.tenant.id);
    expect((await scopeOfB.appointments.findByIdempotencyKey('key-of-b'))?.id).toBe(appointmentOfB);
    const own = await scopeOfB.transaction((tx) => tx.appointments.findByIdempotencyKey('key-of-b'));
    expect(own?.id).toBe(appointmentOfB);
  });

  it('walls raw SQL and interactive transactions on the tenant client too', async () => {
    const asA = boundToTenant(tenantClientOf(t.db), a.tenant.id);
    const raw = await asA.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM appointments`;
    expect(raw[0]?.n).toBe(0n);
    const inTransaction = await asA.$transaction((tx) => tx.appointment.count());
    expect(inTransaction).toBe(0);
    const asB = boundToTenant(tenantClientOf(t.db), b.tenant.id);
    expect(await asB.appointment.count()).toBe(1);
  });

  it('logs the tenant scopes in as mais_tenant: no table of its own, no BYPASSRLS, nothing seen unnamed', async () => {
    const tenantPool = tenantClientOf(t.db);
    const [who] = await tenantPool.$queryRaw<
      Array<{ login: string; bypass: boolean; superuser: boolean; owns: bigint }>
    >`
      SELECT session_user AS login, r.rolbypassrls AS bypass, r.rolsuper AS superuser,
             (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) AS owns
        FROM pg_roles r WHERE r.rolname = session_user`;
    expect(who).toEqual({ login: 'mais_tenant', bypass: false, superuser: false, owns: 0n });
    // No tenant named: every tenant table is empty to it, and it cannot write one.
    expect(await tenantPool.appointment.count()).toBe(0);
    expect(await tenantPool.tenant.count()).toBe(0);
    await expect(
      tenantPool.location.create({ data: { tenantId: a.tenant.id, name: 'Unnamed' } }),
    ).rejects.toThrow(/row-level security/);
    // The owner's pool (migrations, cross-tenant jobs, tenant lookups) sees both tenants.
    expect(await t.db.tenant.count()).toBe(2);
  });

  it("refuses to change or create another tenant's rows, and shows nothing when no tenant is named", async () => {
    const update = t.db.$transaction(async (tx) => {
      await enterTenant(tx, a.tenant.id);
      return tx.appointment.updateMany({ where: { id: appointmentOfB }, data: { notes: 'written by A' } });
    });
    await expect(update).resolves.toEqual({ count: 0 });
    const insert = t.db.$transaction(async (tx) => {
      await enterTenant(tx, a.tenant.id);
      await tx.location.create({ data: { tenantId: b.tenant.id, name: 'Planted by A' } });
    });
    await expect(insert).rejects.toThrow(/row-level security/);
    expect(await t.db.location.count({ where: { name: 'Planted by A' } })).toBe(0);
    expect((await t.db.appointment.findUniqueOrThrow({ where: { id: appointmentOfB } })).notes).toBeNull();

    const unnamed = await t.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('role', 'mais_tenant', true)`;
      return tx.appointment.count();
    });
    expect(unnamed).toBe(0);
  });

  it('ends with the transaction: the next one on the connection is the owner again', async () => {
    await forTenant(t.db, a.tenant.id).transaction(async () => undefined);
    const [row] = await t.db.$queryRaw<Array<{ role: string; tenant: string | null }>>`
      SELECT current_user AS role, NULLIF(current_setting('app.tenant_id', true), '') AS tenant`;
    expect(row).toEqual({ role: expect.not.stringMatching(/^mais_tenant$/), tenant: null });
  });

  it('covers every table with a tenantId, and tenants', async () => {
    const tables = await t.db.$queryRaw<Array<{ table: string; rls: boolean; policy: string | null }>>`
      SELECT c.relname AS table, c.relrowsecurity AS rls,
             (SELECT string_agg(p.polname, ',') FROM pg_policy p WHERE p.polrelid = c.oid) AS policy
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r'
         AND (c.relname = 'tenants' OR EXISTS (
               SELECT 1 FROM pg_attribute att WHERE att.attrelid = c.oid AND att.attname = 'tenantId'))`;
    expect(tables.length).toBeGreaterThan(35);
    expect(tables.filter((table) => !table.rls || table.policy !== 'tenant_isolation')).toEqual([]);
  });
});
