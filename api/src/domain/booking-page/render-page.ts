import { createHash } from 'node:crypto';
import { escapeHtml, jsonForScript } from './escape.ts';
import { localBusinessJsonLd } from './json-ld.ts';
import type { BookingPageModel } from './page-model.ts';

export interface RenderedPage {
  html: string;
  /** The page's Content-Security-Policy: its inline style is allowed by hash, nothing else inline. */
  contentSecurityPolicy: string;
}

const DEFAULT_COLOUR = '#1f2933';
/** Search results show about this much of a description. */
const META_DESCRIPTION_MAX = 160;

/** The tenant's page (/book/:tenantSlug) or one service's (/book/:tenantSlug/:serviceSlug). */
export function renderBookingPage(model: BookingPageModel): RenderedPage {
  const { tenant, selected } = model;
  const title = selected ? `${selected.name} · ${tenant.name}: book online` : `${tenant.name}: book online`;
  const description = shorten(
    selected?.description ||
      tenant.description ||
      (selected
        ? `Book ${selected.name} with ${tenant.name} online.`
        : `Book an appointment with ${tenant.name} online.`),
  );
  const e = escapeHtml;
  const meta = [
    `<meta name="description" content="${e(description)}">`,
    `<link rel="canonical" href="${e(model.canonicalUrl)}">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${e(title)}">`,
    `<meta property="og:description" content="${e(description)}">`,
    `<meta property="og:url" content="${e(model.canonicalUrl)}">`,
    `<meta property="og:site_name" content="${e(tenant.name)}">`,
    ...(tenant.logoUrl ? [`<meta property="og:image" content="${e(tenant.logoUrl)}">`] : []),
    `<meta name="twitter:card" content="summary">`,
    `<script type="application/ld+json">${jsonForScript(localBusinessJsonLd(model))}</script>`,
    // The widget reads its key from data-tenant-key; async: the shell shows before it runs.
    `<script src="${e(model.widgetSrc)}" data-tenant-key="${e(model.publishableKey)}" async></script>`,
  ];
  const logo = tenant.logoUrl ? `<img class="logo" src="${e(tenant.logoUrl)}" alt="" height="48">` : '';
  const address = tenant.address
    ? `<address>${tenant.address.split('\n').map(e).join('<br>')}</address>`
    : '';
  const intro = tenant.description ? `<p>${e(tenant.description)}</p>` : '';
  const heading = selected
    ? `<h2>${e(selected.name)}</h2>${selected.description ? `<p>${e(selected.description)}</p>` : ''}`
    : '';
  // The widget's service attribute takes the service's id; without it the client picks the service.
  const widget = selected
    ? `<mais-booking service="${e(selected.id)}"></mais-booking>`
    : '<mais-booking></mais-booking>';
  const body = `<header>${logo}<h1>${e(tenant.name)}</h1>${intro}${address}</header>
<main>${heading}${widget}</main>`;
  return shell({ title, head: meta, body, colour: tenant.primaryColor ?? DEFAULT_COLOUR, index: true });
}

/** The same look, no tenant data, not indexed: unknown and turned-off pages alike. */
export function renderNotFoundPage(): RenderedPage {
  return shell({
    title: 'Page not found',
    head: [],
    body: '<main><h1>Page not found</h1><p>There is no booking page at this address. Check the link you were given.</p></main>',
    colour: DEFAULT_COLOUR,
    index: false,
  });
}

/** Served when this server cannot render booking pages (no ENCRYPTION_KEY to keep their key sealed). */
export function renderUnavailablePage(): RenderedPage {
  return shell({
    title: 'Booking page unavailable',
    head: [],
    body: '<main><h1>Booking page unavailable</h1><p>Online booking pages are not available on this server. Please contact the business directly.</p></main>',
    colour: DEFAULT_COLOUR,
    index: false,
  });
}

function shell(page: {
  title: string;
  head: string[];
  body: string;
  colour: string;
  index: boolean;
}): RenderedPage {
  const style = `:root{--mais-primary:${page.colour}}body{font-family:system-ui,sans-serif;margin:0 auto;max-width:760px;padding:1.5rem;color:#1f2933}header{margin-bottom:1.5rem;border-bottom:4px solid var(--mais-primary)}h1{margin:.25rem 0}address{font-style:normal;color:#52606d}.logo{display:block;max-height:48px;width:auto}`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="${page.index ? 'index, follow' : 'noindex'}">
<link rel="icon" href="data:,">
<title>${escapeHtml(page.title)}</title>
${page.head.join('\n')}
<style>${style}</style>
</head>
<body>
${page.body}
</body>
</html>
`;
  return { html, contentSecurityPolicy: contentSecurityPolicy(style) };
}

/**
 * Only our own scripts (the widget and the chunks it loads) and Stripe's (the payment step: its
 * script, its frames, its API). Inline: the page's one <style> by hash, and style attributes
 * (the widget sets its brand colours as one); no inline script (JSON-LD is data, not run).
 * Images from any https origin: the tenant's logo lives on its own site.
 */
function contentSecurityPolicy(style: string): string {
  const styleHash = createHash('sha256').update(style).digest('base64');
  return [
    "default-src 'none'",
    "script-src 'self' https://js.stripe.com",
    `style-src-elem 'self' 'sha256-${styleHash}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' https: data:",
    "connect-src 'self' https://api.stripe.com",
    'frame-src https://js.stripe.com https://hooks.stripe.com',
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function shorten(text: string): string {
  // By code points, so a cut never splits a surrogate pair.
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  if (chars.length <= META_DESCRIPTION_MAX) return chars.join('');
  return `${chars
    .slice(0, META_DESCRIPTION_MAX - 1)
    .join('')
    .trimEnd()}…`;
}
