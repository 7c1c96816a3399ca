import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { errorBody } from '../error-handler.ts';

export const WIDGET_BUNDLE = fileURLToPath(new URL('../../../../widget/dist/widget.js', import.meta.url));

/**
 * GET /widget.js: the booking widget bundle that tenants load with one script
 * tag. Read from widget/dist on each request (it is small, and a rebuild shows
 * without a restart); cached by browsers for five minutes.
 */
export const widgetScriptRoutes: FastifyPluginAsync<{ bundlePath: string }> = async (app, { bundlePath }) => {
  app.get('/widget.js', { schema: { hide: true } }, async (request, reply) => {
    let bundle: Buffer;
    try {
      bundle = await readFile(bundlePath);
    } catch {
      request.log.warn('widget/dist/widget.js is missing: run `npm run build -w @mais/widget`');
      return reply
        .status(404)
        .send(
          errorBody(
            'route_not_found',
            'The widget is not built on this server (npm run build -w @mais/widget).',
          ),
        );
    }
    return reply
      .header('content-type', 'text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(bundle);
  });
};
