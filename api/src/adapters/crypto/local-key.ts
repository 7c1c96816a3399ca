import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The ENCRYPTION_KEY of `npm start` when none is set: made once and kept beside the embedded
 * database (git-ignored .data/), readable by its owner only, so tokens sealed in that database
 * still open after a restart. Production sets ENCRYPTION_KEY itself.
 */
export function localEncryptionKey(stateDir: string): string {
  const file = path.join(stateDir, 'encryption-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(stateDir, { recursive: true });
  const key = randomBytes(32).toString('base64');
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
