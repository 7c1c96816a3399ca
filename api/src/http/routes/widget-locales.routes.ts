import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { sendError } from '../error-handler.ts';

/** A built language file's name: `es.3f2a9c1b.js` (language, content hash); nothing else is served. */
const LOCALE_FILE = /^[a-z]{2,3}\.[0-9a-f]{8,64}\.js$/;

/**
 * GET /locales/<lang>.<hash>.js: the widget's language tables besides English, built to
 * widget/dist/locales beside widget.js and imported by it (as ES modules) only when a widget speaks
 * that language. The name changes with the content, so each is cached for a year as immutable.
 * Tenants' pages are on other origins and a module script is fetched in CORS mode, hence
 * `Access-Control-Allow-Origin: *` (and CORP cross-origin, for pages with COEP). Compressed by
 * @fastify/compress (app.ts) like every answer of 1 KB or more.
 *
 * Files are read once and kept: a name always holds the same bytes (it is their hash), and one a
 * rebuild removed keeps answering, once served, for pages still running the widget.js that names it.
 */
export const widgetLocalesRoutes: FastifyPluginAsync<{ localesDir: string }> = async (
  app,
  { localesDir },
) => {
  const files = new Map<string, Buffer>();
  const read = async (file: string): Promise<Buffer | undefined> => {
    let body = files.get(file);
    if (!body) {
      body = await readFile(path.join(localesDir, file)).catch(() => undefined);
      if (body) files.set(file, body);
    }
    return body;
  };

  app.get<{ Params: { file: string } }>(
    '/locales/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      reply.header('access-control-allow-origin', '*').header('cross-origin-resource-policy', 'cross-origin');
      const { file } = request.params;
      // Only names of the built form, so no path (`..`, `/`, `%2F`) ever reaches the file system.
      const body = LOCALE_FILE.test(file) ? await read(file) : undefined;
      if (!body) {
        reply.header('cache-control', 'no-store');
        return sendError(reply, 'not_found', 'No such widget language file.');
      }
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('content-type', 'text/javascript; charset=utf-8')
        .send(body);
    },
  );
};
