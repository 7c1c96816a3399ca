import { describe, expect, it } from 'vitest';
import { decoyHash, hashPassword, verifyPassword } from './password-hash.ts';

describe('password hashing', () => {
  it('stores scrypt$N$r$p$salt$hash and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts each hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('verifies hashes made with other parameters, and refuses malformed ones', async () => {
    const stored = await hashPassword('another password');
    const [, , r, p, salt] = stored.split('$');
    expect(await verifyPassword('x', `bcrypt$${stored}`)).toBe(false);
    expect(await verifyPassword('x', `scrypt$1024$${r}$${p}$${salt}$`)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$99999999$8$1$AAAA$AAAA')).toBe(false);
  });

  it('has a decoy hash that matches nothing guessable', async () => {
    expect(await verifyPassword('', await decoyHash())).toBe(false);
  });
});
