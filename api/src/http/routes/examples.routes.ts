import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { errorBody } from '../error-handler.ts';

const EXAMPLES_DIR = fileURLToPath(new URL('../../../../examples/', import.meta.url));

export interface ExamplesOptions {
  /** Put into each page in place of {{PUBLISHABLE_KEY}} (known only once the demo is seeded). */
  publishableKey: () => string;
  /** Put in place of {{WIDGET_SRC}}: the widget's versioned, long-cached URL (default /widget.js). */
  widgetUrl?: () => Promise<string>;
}

/**
 * /examples/: the example pages of examples/<name>/index.html, with the demo
 * tenant's publishable key filled in. Only `npm start` registers this: it is
 * a local demo, not part of the API.
 */
export const examplesRoutes: FastifyPluginAsync<ExamplesOptions> = async (
  app,
  { publishableKey, widgetUrl = async () => '/widget.js' },
) => {
  app.get('/examples/', { schema: { hide: true } }, async (_request, reply) => {
    const names = (await examplePages()).map((name) => `<li><a href="/examples/${name}/">${name}</a></li>`);
    return reply
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="en"><title>MAIS examples</title><h1>Examples</h1><ul>${names.join('')}</ul></html>`,
      );
  });

  app.get<{ Params: { name: string } }>(
    '/examples/:name/',
    { schema: { hide: true } },
    async (request, reply) => {
      if (!(await examplePages()).includes(request.params.name)) {
        return reply.status(404).send(errorBody('route_not_found', `No example ${request.params.name}.`));
      }
      const html = await readFile(path.join(EXAMPLES_DIR, request.params.name, 'index.html'), 'utf8');
      return reply
        .type('text/html; charset=utf-8')
        .send(
          html
            .replaceAll('{{PUBLISHABLE_KEY}}', publishableKey())
            .replaceAll('{{WIDGET_SRC}}', await widgetUrl()),
        );
    },
  );
};

async function examplePages(): Promise<string[]> {
  const entries = await readdir(EXAMPLES_DIR, { withFileTypes: true });
  const pages: string[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const files = await readdir(path.join(EXAMPLES_DIR, entry.name));
    if (files.includes('index.html')) pages.push(entry.name);
  }
  return pages.sort();
}
