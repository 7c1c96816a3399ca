import type { StoredFeedToken } from '../adapters/db/repositories/calendar-feeds.repository.ts';
import { sealContexts } from '../adapters/crypto/sealed-columns.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import { hashFeedToken, newFeedToken } from '../domain/calendar/feed-token.ts';

/** Seals and opens stored secrets: adapters/crypto/secret-box.ts's SecretBox. */
export interface TokenSealer {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
  needsResealing(sealed: string): boolean;
}

export interface FeedLinkContext {
  /** Null without ENCRYPTION_KEY: a token is then shown only in the answer that made it. */
  sealer: TokenSealer | null;
  now: Date;
  /** Told when a stored token does not open (ENCRYPTION_KEY replaced without ENCRYPTION_KEY_PREVIOUS). */
  onUnreadable: () => void;
}

/** A feed's current token, when it can be shown, and when it was made. */
export interface FeedLink {
  token: string | null;
  rotatedAt: Date;
}

/**
 * The feed of a provider (`providerId`) or of the whole tenant (null), made on first request: an
 * admin asks for the URL and gets one. Its token is shown again as long as ENCRYPTION_KEY opens
 * it; without a key only the answer that made it carries it, and later ones say `null` (rotate to
 * see a new URL). A provider that is not the tenant's: NotFoundError.
 */
export async function showCalendarFeedLink(
  scope: TenantScope,
  providerId: string | null,
  context: FeedLinkContext,
): Promise<FeedLink> {
  const stored = await scope.calendarFeeds.find(providerId);
  if (stored) return await storedLink(scope, providerId, stored, context);
  const fresh = freshToken(scope.tenantId, providerId, context);
  if (await scope.calendarFeeds.create(providerId, fresh.stored)) return fresh.link;
  // Another request made the feed in the meantime: show that one, as it would have.
  const theirs = await scope.calendarFeeds.find(providerId);
  if (!theirs) throw new Error('a calendar feed was made and gone again');
  return await storedLink(scope, providerId, theirs, context);
}

/**
 * A new token for the feed (made if there was none): the old URL matches nothing from the
 * commit on, since the row's hash is replaced in place.
 */
export async function rotateCalendarFeedLink(
  scope: TenantScope,
  providerId: string | null,
  context: FeedLinkContext,
): Promise<FeedLink> {
  const fresh = freshToken(scope.tenantId, providerId, context);
  const feeds = scope.calendarFeeds;
  // Replace, else create; a create that lost a race to another request's leaves a row to replace.
  if (
    (await feeds.replace(providerId, fresh.stored)) ||
    (await feeds.create(providerId, fresh.stored)) ||
    (await feeds.replace(providerId, fresh.stored))
  ) {
    return fresh.link;
  }
  throw new Error('a calendar feed could be neither created nor replaced');
}

function freshToken(tenantId: string, providerId: string | null, context: FeedLinkContext) {
  const { token, hash } = newFeedToken();
  const stored: StoredFeedToken = {
    tokenHash: hash,
    tokenSealed: context.sealer?.seal(token, sealContexts.calendarFeedToken(tenantId, providerId)) ?? null,
    rotatedAt: context.now,
  };
  return { stored, link: { token, rotatedAt: context.now } };
}

async function storedLink(
  scope: TenantScope,
  providerId: string | null,
  stored: StoredFeedToken,
  context: FeedLinkContext,
): Promise<FeedLink> {
  const unshown = { token: null, rotatedAt: stored.rotatedAt };
  if (!stored.tokenSealed || !context.sealer) return unshown;
  const where = sealContexts.calendarFeedToken(scope.tenantId, providerId);
  let token: string;
  try {
    token = context.sealer.open(stored.tokenSealed, where);
  } catch {
    context.onUnreadable();
    return unshown;
  }
  // Belt and braces: a token that is not the row's would be a URL that answers 404.
  if (hashFeedToken(token) !== stored.tokenHash) {
    context.onUnreadable();
    return unshown;
  }
  // Sealed under ENCRYPTION_KEY_PREVIOUS: seal it under the current key, so the previous one can go.
  if (context.sealer.needsResealing(stored.tokenSealed)) {
    await scope.calendarFeeds.reseal(providerId, stored.tokenHash, context.sealer.seal(token, where));
  }
  return { token, rotatedAt: stored.rotatedAt };
}

/** Binds a sealed token to its row (the tenant and provider): copied to another row, it does not open. */
