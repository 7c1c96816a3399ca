import { decoyHash, verifyPassword } from '../../adapters/crypto/password-hash.ts';
import {
  csrfTokenFor,
  emailHash,
  hashSecretToken,
  newSecretToken,
} from '../../adapters/crypto/staff-tokens.ts';
import type {
  AccountWithTenant,
  StaffAuthRepository,
} from '../../adapters/db/repositories/staff-auth.repository.ts';
import { InvalidCredentialsError, ValidationError } from '../../domain/errors.ts';
import { afterFailure, retryAfterSeconds } from '../../domain/staff/lockout.ts';
import { SESSION_ABSOLUTE_MS } from '../../domain/staff/session-policy.ts';
import type { SignedInAccount, SignInBody } from '../../schemas/auth.schemas.ts';

export type SignInResult =
  | { kind: 'signedIn'; account: SignedInAccount; sessionToken: string; csrfToken: string }
  | { kind: 'locked'; retryAfterSeconds: number };

type Attempt =
  | { kind: 'locked'; retryAfterSeconds: number }
  | { kind: 'wrong' }
  | { kind: 'chooseTenant'; tenants: AccountWithTenant['tenant'][] }
  | { kind: 'signedIn'; account: SignedInAccount; sessionToken: string; csrfToken: string };

/**
 * Signs a staff member in. The address's attempt row is locked for the whole check, so a burst
 * of attempts is counted one by one and the lock applies from the failure that sets it. An
 * address without an account is checked against a decoy hash and counted the same way, so the
 * answers (and their timing) do not reveal which addresses have accounts.
 */
export async function signIn(auth: StaffAuthRepository, input: SignInBody, now: Date): Promise<SignInResult> {
  const attempt = await auth.withAttempt<Attempt>(emailHash(input.email), now, async (row, tx) => {
    const wait = retryAfterSeconds(row.lockedUntil, now);
    if (wait > 0) return { row, result: { kind: 'locked', retryAfterSeconds: wait } };

    const accounts = (await auth.accountsByEmail(input.email, input.tenantSlug, tx)).filter(
      (a) => a.passwordHash,
    );
    const matched: AccountWithTenant[] = [];
    for (const account of accounts) {
      if (await verifyPassword(input.password, account.passwordHash!)) matched.push(account);
    }
    if (accounts.length === 0) await verifyPassword(input.password, await decoyHash());
    if (matched.length === 0) return { row: afterFailure(row.failures, now), result: { kind: 'wrong' } };

    const reset = { failures: 0, lockedUntil: null };
    // Only a caller who knows the password learns which businesses the address belongs to.
    if (accounts.length > 1)
      return { row: reset, result: { kind: 'chooseTenant', tenants: matched.map((a) => a.tenant) } };

    const { passwordHash: _hash, ...account } = matched[0]!;
    const session = newSecretToken();
    const csrfToken = csrfTokenFor(session.token);
    await auth.createSession(tx, {
      tenantId: account.tenant.id,
      accountId: account.id,
      tokenHash: session.hash,
      csrfTokenHash: hashSecretToken(csrfToken),
      now,
      expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    });
    return {
      row: reset,
      result: { kind: 'signedIn', account, sessionToken: session.token, csrfToken },
    };
  });

  if (attempt.kind === 'wrong') throw new InvalidCredentialsError();
  if (attempt.kind === 'chooseTenant') {
    const choices = attempt.tenants.map((tenant) => `${tenant.slug} (${tenant.name})`).join(', ');
    throw new ValidationError('This email has accounts with several businesses: send tenantSlug.', [
      { path: 'tenantSlug', message: `is required: one of ${choices}` },
    ]);
  }
  return attempt;
}
