import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApiTypes } from './openapi-types.ts';

/**
 * `npm run generate -w @mais/sdk`: asks the API for its OpenAPI document (api/src/cli/openapi.ts,
 * no database needed), commits it as openapi.json and turns it into src/generated/openapi.ts.
 */
const sdk = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const api = path.join(sdk, '..', 'api');

const json = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/openapi.ts'], {
  cwd: api,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  stdio: ['ignore', 'pipe', 'inherit'],
});
writeFileSync(path.join(sdk, 'openapi.json'), json);
writeFileSync(path.join(sdk, 'src', 'generated', 'openapi.ts'), await openApiTypes(JSON.parse(json)));
console.log('wrote sdk/openapi.json and sdk/src/generated/openapi.ts');
