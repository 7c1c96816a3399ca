import type { Db } from '../prisma-client.ts';

/**
 * Platform-level Stripe bookkeeping, outside any tenant's scope: like api-key-lookup.ts for a key,
 * this is how a Stripe webhook learns its tenant in the first place (the connected account it
 * names), and which events were handled already (`stripe_events`: event ids are unique across
 * accounts).
 */

/** The tenant that connected `account` (acct_…), or null. */
export async function tenantIdForStripeAccount(db: Db, account: string): Promise<string | null> {
  const tenant = await db.tenant.findUnique({ where: { stripeAccountId: account }, select: { id: true } });
  return tenant?.id ?? null;
}

/** Whether the event was handled before. */
export async function stripeEventHandled(db: Db, eventId: string): Promise<boolean> {
  return (await db.stripeEvent.count({ where: { id: eventId } })) > 0;
}

/** Marks the event handled; a second mark (a duplicate handled at the same time) is a no-op. */
export async function markStripeEventHandled(
  db: Db,
  event: { id: string; stripeType: string; account: string | null },
  receivedAt: Date,
): Promise<void> {
  await db.stripeEvent.createMany({
    data: [{ id: event.id, type: event.stripeType, account: event.account, receivedAt }],
    skipDuplicates: true,
  });
}
