import type { Db } from '../prisma-client.ts';

/** What the provider-ownership check reads: whose a row is (http/plugins/staff-session.ts). */
export class StaffAccessRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  /** The appointment's provider; undefined when the tenant has no such appointment. */
  async appointmentProviderId(id: string): Promise<string | null | undefined> {
    const row = await this.db.appointment.findFirst({
      where: { id, tenantId: this.tenantId },
      select: { providerId: true },
    });
    return row ? row.providerId : undefined;
  }

  /** The override's provider (null: the whole business); undefined when there is no such override. */
  async overrideProviderId(id: string): Promise<string | null | undefined> {
    const row = await this.db.availabilityOverride.findFirst({
      where: { id, tenantId: this.tenantId },
      select: { providerId: true },
    });
    return row ? row.providerId : undefined;
  }
}
