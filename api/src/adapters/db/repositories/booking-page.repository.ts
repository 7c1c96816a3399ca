import { randomUUID } from 'node:crypto';
import { BrandingSchema } from '../../../schemas/tenant.schemas.ts';
import type { Db } from '../prisma-client.ts';

export interface BookingPageContent {
  name: string;
  slug: string;
  description: string;
  address: string | null;
  logoUrl: string | null;
  primaryColor: string | null;
  services: {
    id: string;
    slug: string;
    name: string;
    description: string;
    durationMinutes: number;
    priceBaseCents: number;
    currency: string;
  }[];
}

/** The booking page's key as stored: its row id (the seal's context) and the sealed key. */
export interface SealedPageKey {
  id: string;
  sealedKey: string;
}

/** What the hosted booking page shows of a tenant, and the page's own publishable key. */
export class BookingPageRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  /** The tenant, its invoice address and its active services, in the widget's order. */
  async content(): Promise<BookingPageContent> {
    const row = await this.db.tenant.findUniqueOrThrow({
      where: { id: this.tenantId },
      select: {
        name: true,
        slug: true,
        branding: true,
        bookingPageDescription: true,
        invoiceSettings: { select: { address: true } },
        services: {
          where: { active: true },
          orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
          select: {
            id: true,
            slug: true,
            name: true,
            description: true,
            durationMinutes: true,
            priceBaseCents: true,
            currency: true,
          },
        },
      },
    });
    const branding = BrandingSchema.parse(row.branding);
    return {
      name: row.name,
      slug: row.slug,
      description: row.bookingPageDescription,
      address: row.invoiceSettings?.address || null,
      logoUrl: branding.logoUrl ?? null,
      primaryColor: branding.primaryColor ?? null,
      services: row.services,
    };
  }

  /** The page's current (unrevoked) key, or null before the first render or after a revocation. */
  async currentKey(): Promise<SealedPageKey | null> {
    const row = await this.db.apiKey.findFirst({
      where: { tenantId: this.tenantId, bookingPage: true, revokedAt: null },
      select: { id: true, sealedKey: true },
    });
    return row?.sealedKey ? { id: row.id, sealedKey: row.sealedKey } : null;
  }

  /** Revokes a page key that no longer opens (sealed under a key this server lost). */
  async revokeKey(id: string, now: Date): Promise<void> {
    await this.db.apiKey.updateMany({
      where: { id, tenantId: this.tenantId, revokedAt: null },
      data: { revokedAt: now },
    });
  }

  /**
   * Stores a new page key unless the tenant has one already: the partial unique index
   * api_keys_booking_page_key lets one of two concurrent first renders insert, and the other
   * reads the winner's. `seal(id)` seals the key for the row id it is stored under.
   */
  async insertKeyUnlessPresent(key: {
    prefix: string;
    hash: string;
    seal: (id: string) => string;
  }): Promise<SealedPageKey> {
    const id = randomUUID();
    const sealedKey = key.seal(id);
    await this.db.$executeRaw`
      INSERT INTO api_keys (id, "tenantId", kind, mode, name, prefix, hash, "bookingPage", "sealedKey")
      VALUES (${id}::uuid, ${this.tenantId}::uuid, 'PUBLISHABLE', 'LIVE', 'Hosted booking page',
              ${key.prefix}, ${key.hash}, true, ${sealedKey})
      ON CONFLICT ("tenantId") WHERE "bookingPage" AND "revokedAt" IS NULL DO NOTHING`;
    const current = await this.currentKey();
    if (!current) throw new Error('booking page key: none after insert');
    return current;
  }
}
