// Builds dist/locales/<lang>.<hash>.js (each language but English, loaded on demand), then
// dist/widget.js (one classic-script IIFE, what tenants paste) and dist/widget.esm.js (for
// bundlers), which know those files' names; prints the gzipped sizes and fails when widget.js is
// over the 30 KB budget.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';

const BUDGET_BYTES = 30 * 1024;
const here = path.dirname(fileURLToPath(import.meta.url));
const LOCALE_FILES = path.join(here, 'src/i18n/locale-files.ts');
const LOCALES_DIR = path.join(here, 'dist/locales');
/** Each language's line in src/i18n/locale-files.ts: `es: () => import('./es.ts'),`. */
const TABLE_IMPORT = /import\('\.\/([a-z]{2,3})\.ts'\)/g;

const gzipSize = (code) => gzipSync(code, { level: 9 }).length;
const sizeLine = (name, code, gzipped = gzipSize(code)) =>
  `${name}: ${(code.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (${gzipped} bytes)`;

/** Prints the gzipped size of widget.js and fails the build above the budget. */
function sizeBudget() {
  return {
    name: 'size-budget',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.fileName !== 'widget.js') continue;
        const gzipped = gzipSize(chunk.code);
        const line = `${sizeLine(chunk.fileName, chunk.code, gzipped)}; budget ${BUDGET_BYTES}`;
        console.log(line);
        if (gzipped > BUDGET_BYTES) this.error(`${chunk.fileName} is over the size budget: ${line}`);
      }
    },
  };
}

/**
 * After terser, the only raw line breaks left are inside template literals: the indentation of the
 * html`` and css`` templates. A line break and its indentation become one space, which HTML and CSS
 * read the same way (no template holds a <pre>).
 */
function collapseTemplateWhitespace() {
  return {
    name: 'collapse-template-whitespace',
    renderChunk: (code) => ({ code: code.replace(/\n\s*/g, ' '), map: null }),
  };
}

const plugins = [
  // Leaves out the `development` export condition, so Lit builds in production mode.
  nodeResolve({ browser: true }),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
];
// The IIFE is a classic script: its top-level `var MaisWidget` must survive (module: false).
const minify = (module) =>
  terser({ ecma: 2022, module, format: { comments: false }, compress: { passes: 2 } });

/**
 * Each language's table (the ones src/i18n/locale-files.ts imports) as its own ES module,
 * dist/locales/<lang>.<hash>.js, the hash of its content: the API serves them as immutable. Answers
 * { es: 'es.<hash>.js', … }.
 */
async function buildLocales() {
  const languages = [...readFileSync(LOCALE_FILES, 'utf8').matchAll(TABLE_IMPORT)].map((match) => match[1]);
  if (languages.length === 0) return { files: {}, built: [] };
  const bundle = await rollup({
    input: Object.fromEntries(languages.map((language) => [language, `src/i18n/${language}.ts`])),
    plugins,
  });
  const { output } = await bundle.write({
    dir: LOCALES_DIR,
    format: 'es',
    entryFileNames: '[name].[hash].js',
    // Code two tables share (none today) goes to its own file, imported relatively.
    chunkFileNames: 'shared.[hash].js',
    hashCharacters: 'hex',
    plugins: [minify(true)],
  });
  await bundle.close();
  const files = {};
  for (const chunk of output) {
    if (chunk.type !== 'chunk') continue;
    console.log(sizeLine(`locales/${chunk.fileName}`, chunk.code));
    if (chunk.isEntry) files[chunk.name] = chunk.fileName;
  }
  return { files, built: output.map((file) => file.fileName) };
}

/**
 * Once widget.js is written, removes the language files of earlier builds. Not before: a build that
 * fails (over budget, a type error) leaves dist/ as it was, the old widget.js with its own files.
 */
function removeStaleLocales(built) {
  return {
    name: 'remove-stale-locales',
    writeBundle() {
      mkdirSync(LOCALES_DIR, { recursive: true });
      for (const file of readdirSync(LOCALES_DIR)) {
        if (!built.includes(file)) rmSync(path.join(LOCALES_DIR, file), { force: true });
      }
    },
  };
}

/**
 * Points locale-files.ts's `import('./es.ts')` at the built file instead of bundling the table:
 * in widget.js at its absolute URL on the API (`localeUrl`: a classic script cannot import
 * relative to itself), in widget.esm.js at "./locales/es.<hash>.js" beside it, which a bundler
 * picks up like any dynamic import. Runs before esbuild, on the source as written.
 */
function localeImports(files, format) {
  return {
    name: 'locale-imports',
    transform(code, id) {
      if (id !== LOCALE_FILES) return null;
      const rewritten = code.replace(TABLE_IMPORT, (_, language) => {
        const file = files[language];
        if (!file) this.error(`src/i18n/${language}.ts was not built to dist/locales`);
        return format === 'iife'
          ? `import(localeUrl(${JSON.stringify(file)}))`
          : `import("./locales/${file}")`;
      });
      if (/import\(['"]\.\//.test(rewritten.replace(/import\("\.\/locales\//g, ''))) {
        this.error(
          "locale-files.ts imports a table this build cannot rewrite: write it as `import('./xx.ts')`",
        );
      }
      return { code: rewritten, map: null };
    },
    resolveId(source, importer) {
      if (importer !== LOCALE_FILES || !source.startsWith('./locales/')) return null;
      // Kept as written: relative to widget.esm.js, which sits beside locales/.
      return { id: source, external: 'absolute' };
    },
  };
}

export default async () => {
  const { files, built } = await buildLocales();
  return [
    {
      input: 'src/index.ts',
      output: {
        file: 'dist/widget.js',
        format: 'iife',
        name: 'MaisWidget',
        plugins: [minify(false), collapseTemplateWhitespace(), sizeBudget(), removeStaleLocales(built)],
      },
      plugins: [localeImports(files, 'iife'), ...plugins],
    },
    {
      input: 'src/index.ts',
      output: {
        file: 'dist/widget.esm.js',
        format: 'es',
        plugins: [minify(true), collapseTemplateWhitespace()],
      },
      plugins: [localeImports(files, 'es'), ...plugins],
    },
  ];
};
