import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { sendError } from '../error-handler.ts';

/**
 * The folders of files widget.js imports on demand (widget/rollup.config.js, ON_DEMAND), each with
 * the form of its built names; nothing else is served.
 */
const FOLDERS = [
  // GET /locales/es.3f2a9c1b.js: the language tables besides English (language, content hash).
  { folder: 'locales', name: /^[a-z]{2,3}\.[0-9a-f]{8,64}\.js$/, missing: 'No such widget language file.' },
  // GET /chunks/payment-form.3f2a9c1b.js: code only some pages need (the payment step).
  { folder: 'chunks', name: /^[a-z][a-z-]*\.[0-9a-f]{8,64}\.js$/, missing: 'No such widget file.' },
];

/**
 * GET /locales/<lang>.<hash>.js and GET /chunks/<name>.<hash>.js: the widget's files built to
 * widget/dist/locales and widget/dist/chunks beside widget.js, which imports them (as ES modules)
 * only when a widget needs one: a language other than English, the payment step of a booking paid
 * by card. The name changes with the content, so each is cached for a year as immutable (a query
 * string, such as the widget's `?retry=1` after a failed load, changes nothing). Tenants' pages
 * are on other origins and a module script is fetched in CORS mode, hence
 * `Access-Control-Allow-Origin: *` (and CORP cross-origin, for pages with COEP, from
 * plugins/security-headers.ts). Compressed by @fastify/compress (app.ts) like every answer of 1 KB
 * or more.
 *
 * Files are read once and kept: a name always holds the same bytes (it is their hash), and one a
 * rebuild removed keeps answering, once served, for pages still running the widget.js that names it.
 */
export const widgetFilesRoutes: FastifyPluginAsync<{ distDir: string }> = async (app, { distDir }) => {
  const files = new Map<string, Buffer>();
  const read = async (relative: string): Promise<Buffer | undefined> => {
    let body = files.get(relative);
    if (!body) {
      body = await readFile(path.join(distDir, relative)).catch(() => undefined);
      if (body) files.set(relative, body);
    }
    return body;
  };

  for (const { folder, name, missing } of FOLDERS) {
    app.get<{ Params: { file: string } }>(
      `/${folder}/:file`,
      { schema: { hide: true } },
      async (request, reply) => {
        reply.header('access-control-allow-origin', '*');
        const { file } = request.params;
        // Only names of the built form, so no path (`..`, `/`, `%2F`) ever reaches the file system.
        const body = name.test(file) ? await read(`${folder}/${file}`) : undefined;
        if (!body) {
          reply.header('cache-control', 'no-store');
          return sendError(reply, 'not_found', missing);
        }
        return reply
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('content-type', 'text/javascript; charset=utf-8')
          .send(body);
      },
    );
  }
};
