import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from '../../../domain/errors.ts';
import { fromDbRole, toDbRole, type StaffRole } from '../../../domain/staff/roles.ts';
import { Prisma, type StaffAccount, type StaffTokenKind } from '../../../generated/prisma/client.ts';
import type { StaffAccountDto } from '../../../schemas/staff.schemas.ts';
import { pageQuery, toPage, type Page } from '../pagination.ts';
import type { Db } from '../prisma-client.ts';

export function toStaffAccountDto(row: StaffAccount): StaffAccountDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: fromDbRole(row.role),
    providerId: row.providerId,
    status: row.disabledAt ? 'disabled' : row.passwordHash ? 'active' : 'invited',
    createdAt: row.createdAt.toISOString(),
  };
}

export interface NewStaffAccount {
  email: string;
  name: string;
  role: StaffRole;
  providerId: string | null;
  passwordHash: string | null;
}

export interface StaffChange {
  name?: string | undefined;
  role?: StaffRole | undefined;
  providerId?: string | null | undefined;
  disabledAt?: Date | null | undefined;
}

/** A token to store with an account: only its hash. */
export interface NewStaffToken {
  kind: StaffTokenKind;
  tokenHash: string;
  expiresAt: Date;
}

/** The tenant's staff accounts (owner routes). */
export class StaffAccountsRepository {
  constructor(
    private readonly db: Db,
    private readonly tenantId: string,
  ) {}

  async list(query: { cursor?: string | undefined; limit: number }): Promise<Page<StaffAccountDto>> {
    const page = pageQuery(query.cursor, query.limit);
    const rows = await this.db.staffAccount.findMany({
      ...page,
      where: { ...page.where, tenantId: this.tenantId },
    });
    return toPage(rows, query.limit, toStaffAccountDto);
  }

  async get(id: string): Promise<StaffAccount> {
    const row = await this.db.staffAccount.findFirst({ where: { id, tenantId: this.tenantId } });
    if (!row) throw new NotFoundError('Staff account', id);
    return row;
  }

  /** Creates the account and, for an invitation, its token, in one transaction. */
  async create(account: NewStaffAccount, token: NewStaffToken | null, now: Date): Promise<StaffAccount> {
    try {
      return await this.db.$transaction(async (tx) => {
        await this.checkProvider(tx, account.providerId);
        const row = await tx.staffAccount.create({
          data: { ...account, role: toDbRole(account.role), tenantId: this.tenantId, createdAt: now },
        });
        if (token)
          await tx.staffToken.create({ data: { ...token, tenantId: this.tenantId, accountId: row.id } });
        return row;
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        throw new ConflictError(`A staff account with the email ${account.email} already exists.`);
      }
      throw error;
    }
  }

  /**
   * Changes an account; a role or disabled change revokes its sessions in the same transaction
   * (a session reads the role live anyway; revoking makes the change final for open consoles).
   */
  async update(id: string, change: StaffChange, now: Date): Promise<StaffAccount> {
    return this.db.$transaction(async (tx) => {
      const current = await tx.staffAccount.findFirst({ where: { id, tenantId: this.tenantId } });
      if (!current) throw new NotFoundError('Staff account', id);
      const role = change.role ?? fromDbRole(current.role);
      const providerId =
        change.providerId !== undefined ? change.providerId : role === 'provider' ? current.providerId : null;
      checkRoleProvider(role, providerId);
      await this.checkProvider(tx, providerId);
      const staysOwner = role === 'owner' && !(change.disabledAt ?? current.disabledAt);
      if (!staysOwner) await this.keepAnOwner(tx, current);
      const row = await tx.staffAccount.update({
        where: { id: current.id },
        data: {
          ...(change.name !== undefined ? { name: change.name } : {}),
          ...(change.disabledAt !== undefined ? { disabledAt: change.disabledAt } : {}),
          role: toDbRole(role),
          providerId,
        },
      });
      if (change.disabledAt || role !== fromDbRole(current.role)) {
        await tx.staffSession.updateMany({
          where: { tenantId: this.tenantId, accountId: id, revokedAt: null },
          data: { revokedAt: now },
        });
      }
      return row;
    });
  }

  /** Deletes the account; its sessions and tokens go with it (ON DELETE CASCADE). */
  async remove(id: string): Promise<StaffAccount> {
    return this.db.$transaction(async (tx) => {
      const current = await tx.staffAccount.findFirst({ where: { id, tenantId: this.tenantId } });
      if (!current) throw new NotFoundError('Staff account', id);
      await this.keepAnOwner(tx, current);
      await tx.staffAccount.deleteMany({ where: { id, tenantId: this.tenantId } });
      return current;
    });
  }

  /**
   * Refuses to demote, disable or delete `current` when it is the tenant's last owner who can sign
   * in (active, password set): nobody could then manage staff or settings from the console. The
   * tenant's active owners are locked first, so two such changes at once (each of a different
   * owner) queue, and the second sees the first's result.
   */
  private async keepAnOwner(tx: Prisma.TransactionClient, current: StaffAccount): Promise<void> {
    const owners = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM staff_accounts
       WHERE "tenantId" = ${this.tenantId}::uuid AND role = 'OWNER'
         AND "disabledAt" IS NULL AND "passwordHash" IS NOT NULL
       ORDER BY id
         FOR UPDATE`;
    if (!owners.some((owner) => owner.id === current.id)) return;
    if (owners.length === 1) {
      throw new InvalidStateError(
        'This is the last owner who can sign in: make another account an owner before changing or removing this one.',
      );
    }
  }

  private async checkProvider(tx: Prisma.TransactionClient, providerId: string | null): Promise<void> {
    if (!providerId) return;
    const found = await tx.provider.findFirst({ where: { id: providerId, tenantId: this.tenantId } });
    if (!found) throw new NotFoundError('Provider', providerId);
  }
}

/** A provider account acts for exactly one provider; the others for none. */
export function checkRoleProvider(role: StaffRole, providerId: string | null | undefined): void {
  if (role === 'provider' && !providerId) {
    throw new ValidationError('A provider account needs the provider it acts for.', [
      { path: 'providerId', message: 'is required for role provider' },
    ]);
  }
  if (role !== 'provider' && providerId) {
    throw new ValidationError('Only provider accounts act for a provider.', [
      { path: 'providerId', message: 'must be omitted unless role is provider' },
    ]);
  }
}
