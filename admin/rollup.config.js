// Builds the console to dist/assets: the entry (console.<hash>.js) and one file per area, loaded
// when its page is first opened (the reports' chart library only with the reports), each named by
// its content's hash so the API serves them as immutable. dist/manifest.json names the entry for
// the API's HTML shell (api/src/http/routes/admin-console.routes.ts). Prints gzipped sizes.
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
// ADMIN_DIST: another folder, for a test run beside another (test/e2e/playwright.config.ts).
const dist = process.env.ADMIN_DIST ? path.resolve(process.env.ADMIN_DIST) : path.join(here, 'dist');

/** Writes dist/manifest.json ({ entry, files: { name: gzipped bytes } }) and prints the sizes. */
function manifest() {
  return {
    name: 'console-manifest',
    writeBundle(_options, bundle) {
      const files = {};
      let entry;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        files[chunk.fileName] = gzipSync(chunk.code, { level: 9 }).length;
        if (chunk.isEntry) entry = chunk.fileName;
        console.log(
          `${chunk.fileName}: ${(chunk.code.length / 1024).toFixed(1)} KB, ${(files[chunk.fileName] / 1024).toFixed(1)} KB gzipped`,
        );
      }
      writeFileSync(path.join(dist, 'manifest.json'), `${JSON.stringify({ entry, files }, null, 2)}\n`);
    },
  };
}

/**
 * `import text from 'x.css?inline'`: the stylesheet's text as a string (Vite's convention, so
 * vitest reads the same import), for a library's CSS adopted into a shadow root (uPlot's).
 */
function cssText() {
  const suffix = '?inline';
  return {
    name: 'css-text',
    async resolveId(source, importer) {
      if (!source.endsWith(`.css${suffix}`)) return null;
      const resolved = await this.resolve(source.slice(0, -suffix.length), importer, { skipSelf: true });
      return resolved ? `${resolved.id}${suffix}` : null;
    },
    load(id) {
      if (!id.endsWith(`.css${suffix}`)) return null;
      return `export default ${JSON.stringify(readFileSync(id.slice(0, -suffix.length), 'utf8'))};`;
    },
  };
}

/** Empties dist/ before a build, so files of earlier builds are not served forever. */
function clean() {
  return {
    name: 'clean',
    buildStart() {
      rmSync(dist, { recursive: true, force: true });
      mkdirSync(path.join(dist, 'assets'), { recursive: true });
    },
  };
}

export default {
  input: { console: path.join(here, 'src/main.ts') },
  output: {
    dir: path.join(dist, 'assets'),
    format: 'es',
    entryFileNames: '[name].[hash].js',
    chunkFileNames: '[name].[hash].js',
    hashCharacters: 'hex',
    plugins: [terser({ ecma: 2022, module: true, format: { comments: false }, compress: { passes: 2 } })],
  },
  plugins: [
    clean(),
    cssText(),
    // Leaves out the `development` export condition, so Lit builds in production mode.
    nodeResolve({ browser: true }),
    esbuild({ target: 'es2022', tsconfig: path.join(here, 'tsconfig.json') }),
    manifest(),
  ],
};
