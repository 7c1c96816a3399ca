import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../error-handler.ts';
import { widgetFilesRoutes } from './widget-locales.routes.ts';

export const WIDGET_BUNDLE = fileURLToPath(new URL('../../../../widget/dist/widget.js', import.meta.url));

/**
 * The booking widget bundle, which tenants load with one script tag:
 *  - GET /widget.js, for the tag pasted into tenants' pages: cached five minutes, then revalidated
 *    with its ETag (a 304 costs a few hundred bytes), so a new release reaches pages quickly;
 *  - GET /widget.<hash>.js, the same bytes under a name that changes with them: cached for a year
 *    as immutable, for pages we render ourselves (the examples; the hosted booking page). An old
 *    hash after a release redirects to /widget.js.
 * Read from widget/dist (re-read when the file changes, so a rebuild shows without a restart).
 * The files widget.js loads on demand are beside it, in locales/ (languages) and chunks/ (the
 * payment step): widget-locales.routes.ts.
 */
export const widgetScriptRoutes: FastifyPluginAsync<{ bundlePath: string }> = async (app, { bundlePath }) => {
  const bundles = new WidgetBundle(bundlePath);
  await app.register(widgetFilesRoutes, { distDir: path.dirname(bundlePath) });

  app.get('/widget.js', { schema: { hide: true } }, async (request, reply) => {
    const bundle = await bundles.current();
    if (!bundle) return notBuilt(request, reply);
    reply.header('cache-control', 'public, max-age=300').header('etag', bundle.etag);
    if (request.headers['if-none-match'] === bundle.etag) return reply.status(304).send();
    return sendScript(reply, bundle.body);
  });

  app.get<{ Params: { hash: string } }>(
    '/widget.:hash.js',
    { schema: { hide: true } },
    async (request, reply) => {
      const bundle = await bundles.current();
      if (!bundle) return notBuilt(request, reply);
      if (request.params.hash !== bundle.hash) return reply.redirect('/widget.js', 302);
      reply.header('cache-control', 'public, max-age=31536000, immutable').header('etag', bundle.etag);
      return sendScript(reply, bundle.body);
    },
  );
};

interface Bundle {
  body: Buffer;
  /** The first 12 hex digits of the bundle's SHA-256: the versioned file name's part. */
  hash: string;
  etag: string;
}

/** The built bundle and its hash, read again only when the file's modification time changes. */
export class WidgetBundle {
  private cached: { mtimeMs: number; bundle: Bundle } | undefined;

  constructor(private readonly path: string) {}

  async current(): Promise<Bundle | null> {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(this.path)).mtimeMs;
      if (this.cached?.mtimeMs === mtimeMs) return this.cached.bundle;
      const body = await readFile(this.path);
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
      this.cached = { mtimeMs, bundle: { body, hash, etag: `"${hash}"` } };
      return this.cached.bundle;
    } catch {
      return null;
    }
  }

  /** The versioned URL path of the current bundle, or the plain one when it is not built. */
  async url(): Promise<string> {
    const bundle = await this.current();
    return bundle ? `/widget.${bundle.hash}.js` : '/widget.js';
  }
}

function sendScript(reply: FastifyReply, body: Buffer) {
  return reply.header('content-type', 'text/javascript; charset=utf-8').send(body);
}

function notBuilt(request: FastifyRequest, reply: FastifyReply) {
  request.log.warn('widget/dist/widget.js is missing: run `npm run build -w @mais/widget`');
  return reply
    .status(404)
    .send(
      errorBody('route_not_found', 'The widget is not built on this server (npm run build -w @mais/widget).'),
    );
}
