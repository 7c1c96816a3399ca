import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../api/src/app.ts';
import { createPrismaClient } from '../../api/src/adapters/db/prisma-client.ts';
import { loadConfig } from '../../api/src/config.ts';
import { openApiTypes } from '../scripts/openapi-types.ts';

/**
 * The SDK's types come from the API's OpenAPI document. If a route or schema changes, the committed
 * copies are stale: run `npm run generate -w @mais/sdk` and commit both files.
 */
async function currentDocument(): Promise<unknown> {
  // As api/src/cli/openapi.ts does: the document needs no database (Prisma connects lazily).
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent' }), {
    db: createPrismaClient('postgresql://unused@127.0.0.1:1/none'),
  });
  try {
    await app.ready();
    return app.swagger();
  } finally {
    await app.close();
  }
}

const committed = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

/** Where two texts part, for a readable failure instead of a 270 KB diff. */
function drift(file: string, expected: string, actual: string): string {
  const want = expected.split('\n');
  const have = actual.split('\n');
  const line = want.findIndex((text, index) => text !== have[index]);
  return (
    `${file} is stale (first difference at line ${line + 1}: the API gives ${JSON.stringify(want[line])}, ` +
    `the file has ${JSON.stringify(have[line])}). Run \`npm run generate -w @mais/sdk\` and commit the result.`
  );
}

describe('generated types', () => {
  it('sdk/openapi.json is the API’s current OpenAPI document', async () => {
    const document = `${JSON.stringify(await currentDocument(), null, 2)}\n`;
    const file = committed('openapi.json');
    expect(document === file, drift('sdk/openapi.json', document, file)).toBe(true);
  });

  it('src/generated/openapi.ts is what openapi-typescript makes of it', async () => {
    const types = await openApiTypes(await currentDocument());
    const file = committed('src/generated/openapi.ts');
    expect(types === file, drift('sdk/src/generated/openapi.ts', types, file)).toBe(true);
  }, 60_000);
});
