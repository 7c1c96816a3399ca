import { SESSION_TOUCH_MS } from '../../../domain/staff/session-policy.ts';
import { fromDbRole, type StaffRole } from '../../../domain/staff/roles.ts';
import type { Prisma, StaffTokenKind } from '../../../generated/prisma/client.ts';
import type { Db } from '../prisma-client.ts';

/**
 * Sign-in, sessions and emailed tokens. Like api-key-lookup.ts these are unscoped reads: they are
 * how a request learns its tenant in the first place. Everything after goes through the scope.
 */

export interface StaffIdentity {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  providerId: string | null;
}

export interface AccountWithTenant extends StaffIdentity {
  passwordHash: string | null;
  tenant: { id: string; slug: string; name: string; timezone: string; currency: string };
}

export interface SessionAuth {
  sessionId: string;
  csrfTokenHash: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  staff: StaffIdentity;
  tenant: {
    id: string;
    slug: string;
    name: string;
    timezone: string;
    currency: string;
    allowedOrigins: string[];
  };
}

export interface AttemptRow {
  failures: number;
  lockedUntil: Date | null;
}

type Role = 'OWNER' | 'MANAGER' | 'PROVIDER';
interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  providerId: string | null;
  passwordHash: string | null;
  tenantId: string;
  slug: string;
  tenantName: string;
  timezone: string;
  currency: string;
}

function toAccount(row: AccountRow): AccountWithTenant {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: fromDbRole(row.role),
    providerId: row.providerId,
    passwordHash: row.passwordHash,
    tenant: {
      id: row.tenantId,
      slug: row.slug,
      name: row.tenantName,
      timezone: row.timezone,
      currency: row.currency,
    },
  };
}

// Attempts on one address wait for each other (they hold its row while scrypt runs).
const ATTEMPT_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

export class StaffAuthRepository {
  constructor(private readonly db: Db) {}

  /** Accounts that may sign in with this email (not disabled), with their tenants. */
  async accountsByEmail(email: string, tenantSlug?: string, client: Prisma.TransactionClient | Db = this.db) {
    const rows = await client.$queryRaw<AccountRow[]>`
      SELECT a.id, a.email, a.name, a.role::text AS role, a."providerId", a."passwordHash",
             t.id AS "tenantId", t.slug, t.name AS "tenantName", t.timezone, t.currency
        FROM staff_accounts a JOIN tenants t ON t.id = a."tenantId"
       WHERE a.email = ${email} AND a."disabledAt" IS NULL
         AND (${tenantSlug ?? null}::text IS NULL OR t.slug = ${tenantSlug ?? null}::text)
       ORDER BY t.slug`;
    return rows.map(toAccount);
  }

  /**
   * Runs `work` with the address's attempt row locked (created at 0 failures if missing), and
   * stores the row `work` answers. Concurrent attempts on one address run one after the other,
   * so none is lost and none sees a count from before another's failure.
   */
  async withAttempt<T>(
    emailHash: string,
    now: Date,
    work: (row: AttemptRow, tx: Prisma.TransactionClient) => Promise<{ row: AttemptRow; result: T }>,
  ): Promise<T> {
    return this.db.$transaction(async (tx) => {
      await tx.$executeRaw`
        INSERT INTO sign_in_attempts ("emailHash") VALUES (${emailHash}) ON CONFLICT DO NOTHING`;
      const [row] = await tx.$queryRaw<AttemptRow[]>`
        SELECT failures, "lockedUntil" FROM sign_in_attempts WHERE "emailHash" = ${emailHash} FOR UPDATE`;
      const outcome = await work(row!, tx);
      if (
        outcome.row.failures !== row!.failures ||
        outcome.row.lockedUntil?.getTime() !== row!.lockedUntil?.getTime()
      ) {
        await tx.$executeRaw`
          UPDATE sign_in_attempts
             SET failures = ${outcome.row.failures}, "lockedUntil" = ${outcome.row.lockedUntil}, "updatedAt" = ${now}
           WHERE "emailHash" = ${emailHash}`;
      }
      return outcome.result;
    }, ATTEMPT_TRANSACTION);
  }

  async createSession(
    client: Prisma.TransactionClient | Db,
    session: {
      tenantId: string;
      accountId: string;
      tokenHash: string;
      csrfTokenHash: string;
      now: Date;
      expiresAt: Date;
    },
  ): Promise<void> {
    const { now, ...rest } = session;
    await client.staffSession.create({ data: { ...rest, createdAt: now, lastSeenAt: now } });
  }

  /**
   * The session of a cookie with its account and tenant, in one statement that also moves
   * lastSeenAt when it is over a minute old (and the session still live: the caller decides).
   */
  async findSession(tokenHash: string, now: Date, idleMs: number): Promise<SessionAuth | null> {
    const staleBefore = new Date(now.getTime() - SESSION_TOUCH_MS);
    const idleSince = new Date(now.getTime() - idleMs);
    const [row] = await this.db.$queryRaw<
      (AccountRow & {
        sessionId: string;
        csrfTokenHash: string;
        lastSeenAt: Date;
        expiresAt: Date;
        revokedAt: Date | null;
        allowedOrigins: string[];
      })[]
    >`
      WITH touched AS (
        UPDATE staff_sessions SET "lastSeenAt" = ${now}
         WHERE "tokenHash" = ${tokenHash} AND "revokedAt" IS NULL AND "lastSeenAt" < ${staleBefore}
           AND "lastSeenAt" > ${idleSince} AND "expiresAt" > ${now}
      )
      SELECT s.id AS "sessionId", s."csrfTokenHash", s."lastSeenAt", s."expiresAt", s."revokedAt",
             a.id, a.email, a.name, a.role::text AS role, a."providerId", a."passwordHash",
             t.id AS "tenantId", t.slug, t.name AS "tenantName", t.timezone, t.currency, t."allowedOrigins"
        FROM staff_sessions s
        JOIN staff_accounts a ON a.id = s."accountId" AND a."tenantId" = s."tenantId"
        JOIN tenants t ON t.id = s."tenantId"
       WHERE s."tokenHash" = ${tokenHash} AND a."disabledAt" IS NULL`;
    if (!row) return null;
    const { passwordHash: _unused, ...account } = toAccount(row);
    return {
      sessionId: row.sessionId,
      csrfTokenHash: row.csrfTokenHash,
      lastSeenAt: row.lastSeenAt,
      expiresAt: row.expiresAt,
      revokedAt: row.revokedAt,
      staff: {
        id: account.id,
        email: account.email,
        name: account.name,
        role: account.role,
        providerId: account.providerId,
      },
      tenant: {
        id: row.tenantId,
        slug: row.slug,
        name: row.tenantName,
        timezone: row.timezone,
        currency: row.currency,
        allowedOrigins: row.allowedOrigins,
      },
    };
  }

  async revokeSession(sessionId: string, now: Date): Promise<void> {
    await this.db.staffSession.updateMany({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: now },
    });
  }

  /** Every live session of the account ("sign out everywhere"); answers how many. */
  async revokeAllSessions(tenantId: string, accountId: string, now: Date): Promise<number> {
    const { count } = await this.db.staffSession.updateMany({
      where: { tenantId, accountId, revokedAt: null },
      data: { revokedAt: now },
    });
    return count;
  }

  async addToken(token: {
    tenantId: string;
    accountId: string;
    kind: StaffTokenKind;
    tokenHash: string;
    expiresAt: Date;
  }) {
    await this.db.staffToken.create({ data: token });
  }

  /**
   * Uses an emailed token and sets the account's password, in one transaction: the token is
   * taken by one conditional UPDATE, so of two concurrent uses exactly one succeeds. Revokes
   * the account's sessions. null when the token is unknown, used, expired or of another kind.
   */
  async redeemToken(
    tokenHash: string,
    kind: StaffTokenKind,
    change: { passwordHash: string; name?: string | undefined },
    now: Date,
  ): Promise<AccountWithTenant | null> {
    return this.db.$transaction(async (tx) => {
      const [token] = await tx.$queryRaw<{ tenantId: string; accountId: string }[]>`
        UPDATE staff_tokens SET "usedAt" = ${now}
         WHERE "tokenHash" = ${tokenHash} AND kind = ${kind}::"StaffTokenKind"
           AND "usedAt" IS NULL AND "expiresAt" > ${now}
        RETURNING "tenantId", "accountId"`;
      if (!token) return null;
      const updated = await tx.staffAccount.updateMany({
        where: { id: token.accountId, tenantId: token.tenantId, disabledAt: null },
        data: { passwordHash: change.passwordHash, ...(change.name ? { name: change.name } : {}) },
      });
      if (updated.count === 0) return null;
      await tx.staffSession.updateMany({
        where: { tenantId: token.tenantId, accountId: token.accountId, revokedAt: null },
        data: { revokedAt: now },
      });
      const [row] = await tx.$queryRaw<AccountRow[]>`
        SELECT a.id, a.email, a.name, a.role::text AS role, a."providerId", a."passwordHash",
               t.id AS "tenantId", t.slug, t.name AS "tenantName", t.timezone, t.currency
          FROM staff_accounts a JOIN tenants t ON t.id = a."tenantId"
         WHERE a.id = ${token.accountId}::uuid`;
      return toAccount(row!);
    });
  }
}
