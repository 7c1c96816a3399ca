import { secretBoxOf } from '../adapters/crypto/secret-box.ts';
import { createPrismaClient } from '../adapters/db/prisma-client.ts';
import { loadConfig } from '../config.ts';
import { resealSecrets } from '../use-cases/reseal-secrets.ts';

/**
 * `npm run secrets:reseal` (from the repository root): after setting a new ENCRYPTION_KEY with the
 * old one as ENCRYPTION_KEY_PREVIOUS, seals every stored secret again under the new key. Prints
 * what it did per column; exits 1 when a value could not be opened (sealed under a third key, or
 * altered), naming the rows. Safe to run again, and while the API serves.
 */
const config = loadConfig(process.env);
const box = secretBoxOf(config);
if (!config.DATABASE_URL || !box) {
  console.error('Set DATABASE_URL, ENCRYPTION_KEY (the new key) and ENCRYPTION_KEY_PREVIOUS (the old one).');
  process.exit(2);
}
const db = createPrismaClient(config.DATABASE_URL);
try {
  const counts = await resealSecrets(db, box);
  let failed = false;
  for (const count of counts) {
    const line = `${count.table}.${count.column}: ${count.resealed} re-sealed, ${count.changedMeanwhile} changed meanwhile`;
    if (count.unopenable.length > 0) {
      failed = true;
      console.error(
        `${line}, ${count.unopenable.length} could not be opened: ${count.unopenable.join(', ')}`,
      );
    } else {
      console.log(line);
    }
  }
  console.log(
    failed
      ? 'Some values could not be opened: keep ENCRYPTION_KEY_PREVIOUS until they are dealt with.'
      : 'Every secret is sealed under the current key: ENCRYPTION_KEY_PREVIOUS can be removed.',
  );
  process.exitCode = failed ? 1 : 0;
} finally {
  await db.$disconnect();
}
