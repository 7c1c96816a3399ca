import type { Db } from '../../adapters/db/prisma-client.ts';
import { forTenant } from '../../adapters/db/tenant-scope.ts';
import { toStaffAccountDto } from '../../adapters/db/repositories/staff-accounts.repository.ts';
import type { StaffAccountDto } from '../../schemas/staff.schemas.ts';
import { createStaffAccount } from './create-staff.ts';

/**
 * A new tenant's first owner (POST /v1/platform/tenants `owner`, npm run tenant:create
 * --owner-email): invited by email through the tenant's outbox, to choose a password.
 */
export async function inviteFirstOwner(
  db: Db,
  tenantId: string,
  owner: { email: string; name: string },
  context: Parameters<typeof createStaffAccount>[2],
): Promise<StaffAccountDto> {
  const account = await createStaffAccount(forTenant(db, tenantId), { ...owner, role: 'owner' }, context);
  return toStaffAccountDto(account);
}
