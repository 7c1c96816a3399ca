import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { sendError } from '../error-handler.ts';

export const CONSOLE_DIST = fileURLToPath(new URL('../../../../admin/dist', import.meta.url));

/** A built file's name: `<name>.<hash>.js` (admin/rollup.config.js). Nothing else reaches the disk. */
const ASSET_NAME = /^[a-z][a-z0-9-]*\.[0-9a-f]{8,64}\.js$/;

/**
 * The console's page: everything it runs is the console's own script from this origin. Styles
 * are Lit's adopted style sheets plus the charts' inline `style` attributes; images may be a
 * tenant's logo on https. It talks to this API only, and no other site may frame it.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/**
 * The staff console (admin/, built to admin/dist):
 *  - GET /admin/: a small HTML page that loads the entry script; its addresses are in the hash
 *    (`/admin/#/calendar`), so this one page serves them all. Revalidated on every load (no-cache
 *    with an ETag), so a release reaches staff at once.
 *  - GET /admin/assets/<name>.<hash>.js: the entry and each area's module, immutable for a year.
 * The build's manifest is re-read when it changes, so a rebuild shows without a restart.
 */
export const adminConsoleRoutes: FastifyPluginAsync<{ distDir?: string | undefined }> = async (
  app,
  options,
) => {
  const distDir = options.distDir ?? CONSOLE_DIST;
  const build = new ConsoleBuild(distDir);

  // `/admin` and `/admin/` alike (the router ignores a trailing slash).
  app.get('/admin/', { schema: { hide: true } }, async (request, reply) => {
    const current = await build.current();
    securePage(reply);
    if (!current) {
      return reply
        .status(503)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="en"><title>Console not built</title><h1>The console is not built</h1>' +
            '<p>Run <code>npm run build -w @mais/admin</code> (npm install does it).</p></html>',
        );
    }
    reply.header('cache-control', 'no-cache').header('etag', current.etag);
    if (request.headers['if-none-match'] === current.etag) return reply.status(304).send();
    return reply.type('text/html; charset=utf-8').send(current.html);
  });

  const assets = new Map<string, Buffer>();
  app.get<{ Params: { file: string } }>(
    '/admin/assets/:file',
    { schema: { hide: true } },
    async (request, reply) => {
      const { file } = request.params;
      let body = assets.get(file);
      if (!body && ASSET_NAME.test(file)) {
        body = await readFile(path.join(distDir, 'assets', file)).catch(() => undefined);
        if (body) assets.set(file, body);
      }
      if (!body) {
        reply.header('cache-control', 'no-store');
        return sendError(reply, 'not_found', 'No such console file.');
      }
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type('text/javascript; charset=utf-8')
        .send(body);
    },
  );
};

function securePage(reply: FastifyReply): void {
  reply
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer');
}

interface BuiltConsole {
  html: string;
  etag: string;
}

/** The console's HTML page for the current build, re-made when the build's manifest changes. */
class ConsoleBuild {
  private cached: { mtimeMs: number; page: BuiltConsole } | undefined;

  constructor(private readonly distDir: string) {}

  async current(): Promise<BuiltConsole | null> {
    const manifestPath = path.join(this.distDir, 'manifest.json');
    try {
      const { mtimeMs } = await stat(manifestPath);
      if (this.cached?.mtimeMs === mtimeMs) return this.cached.page;
      const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { entry?: string };
      if (!manifest.entry || !ASSET_NAME.test(manifest.entry)) return null;
      const page = { html: consolePage(manifest.entry), etag: `"${manifest.entry.split('.')[1]}"` };
      this.cached = { mtimeMs, page };
      return page;
    } catch {
      return null;
    }
  }
}

/** The page: the shell element, its script, and enough style to paint before the script runs. */
function consolePage(entry: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>MAIS console</title>
<link rel="modulepreload" href="/admin/assets/${entry}">
<style>html{color-scheme:light}body{margin:0;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1b1f27;background:#fff}</style>
</head>
<body>
<mais-console></mais-console>
<noscript>The console needs JavaScript.</noscript>
<script type="module" src="/admin/assets/${entry}"></script>
</body>
</html>
`;
}
