import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashPassword, verifyPassword } from '../api/src/adapters/crypto/password-hash.ts';
import type { Db } from '../api/src/adapters/db/prisma-client.ts';
import { DEMO_SLUG } from './seed.ts';

/**
 * The demo tenant's owner account, printed by `npm start` so the console can be tried at once.
 * Its password is generated on the first start and kept beside the local database
 * (<state>/demo-owner.json, mode 0600, git-ignored): never a password written in the repository.
 */

export const DEMO_OWNER_EMAIL = 'owner@demo.example';

export interface DemoOwner {
  email: string;
  password: string;
}

export async function seedDemoOwner(db: Db, stateDir: string): Promise<DemoOwner> {
  const file = path.join(stateDir, 'demo-owner.json');
  const saved = readOwner(file);
  const owner = saved ?? { email: DEMO_OWNER_EMAIL, password: randomBytes(15).toString('base64url') };
  if (!saved) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(owner, null, 2)}\n`, { mode: 0o600 });
  }
  const tenant = await db.tenant.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
  const account = await db.staffAccount.findUnique({
    where: { tenantId_email: { tenantId: tenant.id, email: owner.email } },
  });
  if (!account) {
    await db.staffAccount.create({
      data: {
        tenantId: tenant.id,
        email: owner.email,
        name: 'Demo owner',
        role: 'OWNER',
        passwordHash: await hashPassword(owner.password),
      },
    });
  } else if (!account.passwordHash || !(await verifyPassword(owner.password, account.passwordHash))) {
    // The saved file was lost or replaced: the printed password must work.
    await db.staffAccount.update({
      where: { id: account.id },
      data: { passwordHash: await hashPassword(owner.password), disabledAt: null },
    });
  }
  return owner;
}

function readOwner(file: string): DemoOwner | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<DemoOwner>;
    return typeof parsed.email === 'string' &&
      typeof parsed.password === 'string' &&
      parsed.password.length >= 10
      ? { email: parsed.email, password: parsed.password }
      : null;
  } catch {
    return null;
  }
}
