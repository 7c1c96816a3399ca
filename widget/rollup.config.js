// Builds dist/widget.js (one classic-script IIFE with everything inside, what tenants paste) and
// dist/widget.esm.js (for bundlers), prints the gzipped size and fails above the 30 KB budget.
import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const BUDGET_BYTES = 30 * 1024;

/** Prints the gzipped size of widget.js and fails the build above the budget. */
function sizeBudget() {
  return {
    name: 'size-budget',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.fileName !== 'widget.js') continue;
        const gzipped = gzipSync(chunk.code, { level: 9 }).length;
        const line = `${chunk.fileName}: ${(chunk.code.length / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (${gzipped} bytes; budget ${BUDGET_BYTES})`;
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

export default [
  {
    input: 'src/index.ts',
    output: {
      file: 'dist/widget.js',
      format: 'iife',
      name: 'MaisWidget',
      plugins: [minify(false), collapseTemplateWhitespace(), sizeBudget()],
    },
    plugins,
  },
  {
    input: 'src/index.ts',
    output: {
      file: 'dist/widget.esm.js',
      format: 'es',
      plugins: [minify(true), collapseTemplateWhitespace()],
    },
    plugins,
  },
];
