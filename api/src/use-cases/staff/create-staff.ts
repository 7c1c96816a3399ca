import { hashPassword } from '../../adapters/crypto/password-hash.ts';
import type { SecretBox } from '../../adapters/crypto/secret-box.ts';
import { newSecretToken } from '../../adapters/crypto/staff-tokens.ts';
import { checkRoleProvider } from '../../adapters/db/repositories/staff-accounts.repository.ts';
import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { ValidationError } from '../../domain/errors.ts';
import { passwordProblem } from '../../domain/staff/password-policy.ts';
import { INVITE_TTL_MS } from '../../domain/staff/session-policy.ts';
import { staffInviteMessage, staffLink } from '../../domain/staff/staff-messages.ts';
import type { CreateStaffBody } from '../../schemas/staff.schemas.ts';
import { queueStaffMessage } from './staff-outbox.ts';

/**
 * Creates a staff account. With a password it can sign in at once; without one it is invited:
 * a single-use link valid 7 days goes out through the outbox.
 */
export async function createStaffAccount(
  scope: TenantScope,
  input: CreateStaffBody,
  context: { publicUrl: string | undefined; box: SecretBox | null; now: Date },
) {
  checkRoleProvider(input.role, input.providerId);
  if (input.password !== undefined) checkPassword(input.password);
  const invite = input.password === undefined ? newSecretToken() : null;
  const account = await scope.staffAccounts.create(
    {
      email: input.email,
      name: input.name,
      role: input.role,
      providerId: input.providerId ?? null,
      passwordHash: input.password === undefined ? null : await hashPassword(input.password),
    },
    invite && {
      kind: 'INVITE',
      tokenHash: invite.hash,
      expiresAt: new Date(context.now.getTime() + INVITE_TTL_MS),
    },
    context.now,
  );
  if (invite) {
    const tenant = await scope.tenant.get();
    const link = staffLink(context.publicUrl, 'staff-invite');
    const message = staffInviteMessage({ name: account.name, businessName: tenant.name, link });
    await queueStaffMessage(scope, message, account.email, invite, context.box, context.now);
  }
  return account;
}

export function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem)
    throw new ValidationError(`The password ${problem}.`, [{ path: 'password', message: problem }]);
}
