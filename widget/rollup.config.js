// Builds the files widget.js loads on demand, each an ES module named by its content's hash
// (dist/locales/<lang>.<hash>.js: each language but English; dist/chunks/<name>.<hash>.js: the
// payment step, the time zone search), then dist/widget.js (one classic-script IIFE, what tenants
// paste) and dist/widget.esm.js (for bundlers), which know those files' names; prints the gzipped
// sizes and fails when widget.js is over the 30 KB budget.
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

/**
 * The modules widget.js imports on demand. Each of the `loaders` writes one `import('./<name>.ts')`
 * per file (a module beside it); the build makes each its own file in dist/<dir>/ and rewrites the
 * import (localImports below) to `import(<url>("<name>.<hash>.js"))` in widget.js, `<url>` a
 * function of that loader that gives the file's absolute URL on the API.
 */
const ON_DEMAND = [
  {
    dir: 'locales',
    // Each language's line: `es: () => import('./es.ts'),`.
    loaders: [path.join(here, 'src/i18n/locale-files.ts')],
    imports: /import\('\.\/([a-z]{2,3})\.ts'\)/g,
    url: 'localeUrl',
  },
  {
    dir: 'chunks',
    // The payment step, `import('./payment-form.ts')` with Stripe.js's loader; the time zone search,
    // `import('./zone-search.ts')` with its tables of countries and abbreviations.
    loaders: [
      path.join(here, 'src/payment/payment-chunk.ts'),
      path.join(here, 'src/dates/zone-search-chunk.ts'),
    ],
    imports: /import\('\.\/([a-z][a-z-]*)\.ts'\)/g,
    url: 'chunkUrl',
  },
];

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
 * The files of one ON_DEMAND entry, each its own ES module, dist/<dir>/<name>.<hash>.js, the hash
 * of its content: the API serves them as immutable. Answers { files: { es: 'es.<hash>.js', … },
 * built: [every file written] }.
 */
async function buildOnDemand({ dir, loaders, imports }) {
  const input = {};
  for (const loader of loaders) {
    for (const [, name] of readFileSync(loader, 'utf8').matchAll(imports))
      input[name] = path.join(path.dirname(loader), `${name}.ts`);
  }
  if (Object.keys(input).length === 0) return { files: {}, built: [] };
  const bundle = await rollup({ input, plugins });
  const { output } = await bundle.write({
    dir: path.join(here, 'dist', dir),
    format: 'es',
    entryFileNames: '[name].[hash].js',
    // Code two of them share (none today) goes to its own file, imported relatively.
    chunkFileNames: 'shared.[hash].js',
    hashCharacters: 'hex',
    plugins: [minify(true)],
  });
  await bundle.close();
  const files = {};
  for (const chunk of output) {
    if (chunk.type !== 'chunk') continue;
    console.log(sizeLine(`${dir}/${chunk.fileName}`, chunk.code));
    if (chunk.isEntry) files[chunk.name] = chunk.fileName;
  }
  return { files, built: output.map((file) => file.fileName) };
}

/**
 * Once widget.js is written, removes the on-demand files of earlier builds. Not before: a build that
 * fails (over budget, a type error) leaves dist/ as it was, the old widget.js with its own files.
 */
function removeStale(builds) {
  return {
    name: 'remove-stale',
    writeBundle() {
      for (const { dir, built } of builds) {
        const folder = path.join(here, 'dist', dir);
        mkdirSync(folder, { recursive: true });
        for (const file of readdirSync(folder)) {
          if (!built.includes(file)) rmSync(path.join(folder, file), { force: true });
        }
      }
    },
  };
}

/**
 * Points a loader's `import('./es.ts')` at the built file instead of bundling the module: in
 * widget.js at its absolute URL on the API (`localeUrl(file)`: a classic script cannot import
 * relative to itself), in widget.esm.js at "./locales/es.<hash>.js" beside it, which a bundler
 * picks up like any dynamic import. Runs before esbuild, on the source as written.
 */
function localImports({ dir, loaders, imports, url }, files, format) {
  return {
    name: `${dir}-imports`,
    transform(code, id) {
      if (!loaders.includes(id)) return null;
      const rewritten = code.replace(imports, (_, name) => {
        const file = files[name];
        if (!file) this.error(`${path.relative(here, id)}: ${name}.ts was not built to dist/${dir}`);
        return format === 'iife' ? `import(${url}(${JSON.stringify(file)}))` : `import("./${dir}/${file}")`;
      });
      if (/import\(['"]\.\//.test(rewritten.replaceAll(`import("./${dir}/`, ''))) {
        this.error(
          `${path.relative(here, id)} has an import() this build cannot rewrite: write it as \`import('./name.ts')\``,
        );
      }
      return { code: rewritten, map: null };
    },
    resolveId(source, importer) {
      if (!loaders.includes(importer) || !source.startsWith(`./${dir}/`)) return null;
      // Kept as written: relative to widget.esm.js, which sits beside the folder.
      return { id: source, external: 'absolute' };
    },
  };
}

export default async () => {
  const builds = [];
  for (const entry of ON_DEMAND) builds.push({ ...entry, ...(await buildOnDemand(entry)) });
  const rewrite = (format) => builds.map((build) => localImports(build, build.files, format));
  return [
    {
      input: 'src/index.ts',
      output: {
        file: 'dist/widget.js',
        format: 'iife',
        name: 'MaisWidget',
        plugins: [minify(false), collapseTemplateWhitespace(), sizeBudget(), removeStale(builds)],
      },
      plugins: [...rewrite('iife'), ...plugins],
    },
    {
      input: 'src/index.ts',
      output: {
        file: 'dist/widget.esm.js',
        format: 'es',
        plugins: [minify(true), collapseTemplateWhitespace()],
      },
      plugins: [...rewrite('es'), ...plugins],
    },
  ];
};
