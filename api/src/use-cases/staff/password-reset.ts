import { hashPassword } from '../../adapters/crypto/password-hash.ts';
import type { SecretBox } from '../../adapters/crypto/secret-box.ts';
import { newSecretToken, hashSecretToken } from '../../adapters/crypto/staff-tokens.ts';
import type { SignedInAccount } from '../../schemas/auth.schemas.ts';
import type { StaffAuthRepository } from '../../adapters/db/repositories/staff-auth.repository.ts';
import type { TenantScope } from '../../adapters/db/tenant-scope.ts';
import { InvalidTokenError } from '../../domain/errors.ts';
import { RESET_TTL_MS } from '../../domain/staff/session-policy.ts';
import { passwordResetMessage, staffLink } from '../../domain/staff/staff-messages.ts';
import { checkPassword } from './create-staff.ts';
import { queueStaffMessage } from './staff-outbox.ts';

/**
 * Sends a reset link to each account with this address (in `tenantSlug` only, if given). The
 * caller answers 202 whatever happens, so the answer does not tell whether the address exists.
 */
export async function requestPasswordReset(
  scopeOf: (tenantId: string) => TenantScope,
  auth: StaffAuthRepository,
  input: { email: string; tenantSlug?: string | undefined },
  context: { publicUrl: string | undefined; box: SecretBox | null; now: Date },
): Promise<void> {
  for (const account of await auth.accountsByEmail(input.email, input.tenantSlug)) {
    const token = newSecretToken();
    await auth.addToken({
      tenantId: account.tenant.id,
      accountId: account.id,
      kind: 'RESET',
      tokenHash: token.hash,
      expiresAt: new Date(context.now.getTime() + RESET_TTL_MS),
    });
    const link = staffLink(context.publicUrl, 'password-reset');
    const message = passwordResetMessage({ name: account.name, businessName: account.tenant.name, link });
    await queueStaffMessage(
      scopeOf(account.tenant.id),
      message,
      account.email,
      token,
      context.box,
      context.now,
    );
  }
}

/**
 * Sets a password from an emailed link (a reset, or an invitation's first password). The link
 * works once; every session of the account is revoked.
 */
export async function redeemStaffToken(
  auth: StaffAuthRepository,
  kind: 'INVITE' | 'RESET',
  token: string,
  input: { password: string; name?: string | undefined },
  now: Date,
): Promise<SignedInAccount> {
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const account = await auth.redeemToken(
    hashSecretToken(token),
    kind,
    { passwordHash, name: input.name },
    now,
  );
  if (!account) throw new InvalidTokenError();
  const { passwordHash: _hash, ...rest } = account;
  return rest;
}
