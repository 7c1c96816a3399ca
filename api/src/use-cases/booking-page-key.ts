import { randomBytes } from 'node:crypto';
import { sealContexts } from '../adapters/crypto/sealed-columns.ts';
import type { SecretBox } from '../adapters/crypto/secret-box.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { displayPrefix, formatApiKey, hashApiKey } from '../domain/tenancy/api-key.ts';

/** Where a page key's seal is bound: its api_keys row (a sealed value copied elsewhere does not open). */
export const pageKeyContext = sealContexts.bookingPageKey;

/**
 * The publishable key the tenant's hosted booking page embeds. Keys are otherwise kept as hashes
 * only; this one is made on the page's first render and kept sealed with ENCRYPTION_KEY so the
 * page can show it again. Revoking it (DELETE /v1/tenant-admin/api-keys/:id) makes the next render
 * create a new one. A key sealed under an encryption key this server no longer has is revoked and
 * replaced the same way.
 */
export async function bookingPageKey(
  scope: Pick<TenantScope, 'bookingPage'>,
  box: SecretBox,
  tenantSlug: string,
  now: Date,
): Promise<string> {
  const current = await scope.bookingPage.currentKey();
  if (current) {
    try {
      return box.open(current.sealedKey, pageKeyContext(current.id));
    } catch {
      await scope.bookingPage.revokeKey(current.id, now);
    }
  }
  const raw = formatApiKey('PUBLISHABLE', 'LIVE', tenantSlug, randomBytes(48));
  const stored = await scope.bookingPage.insertKeyUnlessPresent({
    prefix: displayPrefix(raw),
    hash: hashApiKey(raw),
    seal: (id) => box.seal(raw, pageKeyContext(id)),
  });
  // Another render may have stored its key first: the page shows the one that was kept.
  return box.open(stored.sealedKey, pageKeyContext(stored.id));
}
