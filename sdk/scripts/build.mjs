// `npm run build -w @mais/sdk`: dist/index.js (ESM) and dist/index.cjs (CommonJS), each one file with
// nothing external (the SDK has no runtime dependencies), and the .d.ts files from tsc.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const sdk = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(sdk, 'dist');
// Built beside dist and swapped in at the end: other workspaces' type checks read dist while the
// widget's prebuild rebuilds it, and must never see it half written.
const staging = path.join(sdk, `.dist-${process.pid}`);
rmSync(staging, { recursive: true, force: true });

const shared = {
  entryPoints: [path.join(sdk, 'src', 'index.ts')],
  bundle: true,
  platform: 'neutral',
  // Node 20 and browsers from 2022 on: private fields and ??= are kept as written.
  target: ['es2022'],
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
};
await Promise.all([
  build({ ...shared, format: 'esm', outfile: path.join(staging, 'index.js') }),
  build({ ...shared, format: 'cjs', outfile: path.join(staging, 'index.cjs') }),
]);

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(
  process.execPath,
  [tsc, '-p', 'tsconfig.build.json', '--emitDeclarationOnly', '--outDir', staging],
  {
    cwd: sdk,
    stdio: 'inherit',
  },
);
// The sources import './x.ts'; tsc keeps that in declarations, which TypeScript before 5.0 refuses.
for (const file of readdirSync(staging, { recursive: true, encoding: 'utf8' })) {
  if (!file.endsWith('.d.ts')) continue;
  const full = path.join(staging, file);
  writeFileSync(full, readFileSync(full, 'utf8').replace(/(from\s+'\.{1,2}\/[^']*)\.ts'/g, "$1.js'"));
}
const retired = `${staging}-old`;
rmSync(retired, { recursive: true, force: true });
try {
  renameSync(dist, retired);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(staging, dist);
rmSync(retired, { recursive: true, force: true });
console.log('built sdk/dist: index.js (ESM), index.cjs (CommonJS), *.d.ts');
