import { perAddressLimit } from '../per-address-limit.ts';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { secretBoxOf } from '../../adapters/crypto/secret-box.ts';
import { findBookingPageTenant } from '../../adapters/db/repositories/booking-page-lookup.ts';
import { forTenant } from '../../adapters/db/tenant-scope.ts';
import { SERVICE_SLUG_PATTERN } from '../../domain/catalog/service-slug.ts';
import {
  renderNotFoundPage,
  renderUnavailablePage,
  type RenderedPage,
} from '../../domain/booking-page/render-page.ts';
import { SLUG_PATTERN } from '../../domain/tenancy/slug.ts';
import { renderHostedBookingPage } from '../../use-cases/booking-page-render.ts';
import { matchesIfNoneMatch, weakEtagOf } from '../etag.ts';
import { WidgetBundle } from './widget-script.routes.ts';

interface Params {
  tenantSlug: string;
  serviceSlug?: string;
}

/**
 * The hosted booking page: GET /book/:tenantSlug and /book/:tenantSlug/:serviceSlug, HTML with
 * the widget inside, for tenants without a site of their own (api/README.md, "The hosted booking
 * page"). No API key: the slug names the tenant. An unknown slug, a turned-off page and an unknown
 * service all answer the same 404 page; without ENCRYPTION_KEY (the page's key is kept sealed)
 * every page answers 503.
 *
 * Each address may ask PUBLIC_RATE_LIMIT_PER_MINUTE pages a minute (in process memory, like
 * /v1/public's limits): a page costs a few queries and needs no key, so a flood stops here.
 *
 * Cached one minute by anyone (the page holds only what it shows and a publishable key), then
 * revalidated with its ETag; a turned-off page or a price change shows within that minute.
 */
export const bookingPageRoutes: FastifyPluginAsync<{ bundlePath: string }> = async (app, { bundlePath }) => {
  const { PUBLIC_URL } = app.config;
  const box = secretBoxOf(app.config);
  const bundle = new WidgetBundle(bundlePath);
  const checkAddress = await perAddressLimit(
    app,
    'booking-page',
    app.config.PUBLIC_RATE_LIMIT_PER_MINUTE,
    'Too many pages from this address.',
  );

  async function handler(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
    // A refusal must not be kept by any cache.
    reply.header('cache-control', 'no-store');
    await checkAddress(request, reply);
    const { tenantSlug, serviceSlug } = request.params;
    if (
      !SLUG_PATTERN.test(tenantSlug) ||
      (serviceSlug !== undefined && !SERVICE_SLUG_PATTERN.test(serviceSlug))
    ) {
      return sendPage(request, reply, 404, renderNotFoundPage());
    }
    const found = await findBookingPageTenant(app.db, tenantSlug);
    if (!found) return sendPage(request, reply, 404, renderNotFoundPage());
    if (!box) {
      request.log.warn('the hosted booking page needs ENCRYPTION_KEY (its publishable key is kept sealed)');
      return sendPage(request, reply, 503, renderUnavailablePage());
    }
    const page = await renderHostedBookingPage(forTenant(app.db, found.tenantId), serviceSlug, {
      box,
      // Without PUBLIC_URL, the address the request came to (a local setup).
      baseUrl: PUBLIC_URL ?? `${request.protocol}://${request.host}`,
      widgetSrc: await bundle.url(),
      now: app.now(),
    });
    if (!page) return sendPage(request, reply, 404, renderNotFoundPage());
    return sendPage(request, reply, 200, page);
  }

  function sendPage(request: FastifyRequest, reply: FastifyReply, status: number, page: RenderedPage) {
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', page.contentSecurityPolicy)
      // A manage link's token is in the page's query: never send it on to the logo's host.
      .header('referrer-policy', 'no-referrer');
    if (status !== 200) return reply.status(status).header('cache-control', 'no-store').send(page.html);
    const etag = weakEtagOf(page.html);
    // Without PUBLIC_URL the links come from the Host header: no shared cache may keep them.
    reply.header('cache-control', `${PUBLIC_URL ? 'public' : 'private'}, max-age=60`).header('etag', etag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.status(304).send();
    return reply.send(page.html);
  }

  app.get<{ Params: Params }>('/book/:tenantSlug', { schema: { hide: true } }, handler);
  app.get<{ Params: Params }>('/book/:tenantSlug/:serviceSlug', { schema: { hide: true } }, handler);
};
