import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedTenant } from '../../src/use-cases/create-tenant.ts';
import { bookableService, bookingBody, testClock } from '../helpers/booking-fixtures.ts';
import { notificationJobs, TEST_ENCRYPTION_KEY } from '../helpers/notification-jobs.ts';
import { admin, buildTestApp, createTestTenant, type TestApp } from '../helpers/test-app.ts';

// The hosted booking page, GET /book/:tenantSlug[/:serviceSlug] (not under /v1, no key).
const PUBLIC_URL = 'https://book.example';
const HOSTILE = `</script><script>alert(1)</script>"'&<b>`;
const { clock, read } = testClock('2027-03-01T07:00:00Z');

let t: TestApp;
let studio: CreatedTenant;
let other: CreatedTenant;
let cut: string;
let colour: string;

const page = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers });
const patchTenant = (tenant: CreatedTenant, payload: Record<string, unknown>) =>
  admin(t.app, tenant, { method: 'PATCH', url: '/v1/tenant-admin/tenant', payload });

function metaContent(html: string, attribute: 'name' | 'property', key: string): string | undefined {
  const match = new RegExp(`<meta ${attribute}="${key}" content="([^"]*)">`).exec(html);
  return match?.[1];
}
interface JsonLd {
  name: string;
  makesOffer: Array<{ price: string; itemOffered: Record<string, unknown> }>;
  [key: string]: unknown;
}
function jsonLd(html: string): JsonLd {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  return JSON.parse(match![1]!);
}
function pageKey(html: string): string {
  return /data-tenant-key="([^"]+)"/.exec(html)![1]!;
}
/** The text an HTML attribute or text node holds, read back. */
function unescapeHtml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

beforeAll(async () => {
  t = await buildTestApp({ ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, PUBLIC_URL }, { clock: read });
  studio = await createTestTenant(t.db, { name: 'Studio Nord', allowedOrigins: ['https://studio.example'] });
  other = await createTestTenant(t.db, { name: 'Other Place' });
  cut = (await bookableService(t.app, studio, { service: { name: 'Cut & Style', priceBaseCents: 4550 } }))
    .serviceId;
  colour = (await bookableService(t.app, studio, { service: { name: 'Colour', priceBaseCents: 9000 } }))
    .serviceId;
  // Inactive: never on the page.
  await bookableService(t.app, studio, { service: { name: 'Retired', priceBaseCents: 100, active: false } });
  await bookableService(t.app, other, { service: { name: 'Massage' } });
  await patchTenant(studio, {
    branding: { logoUrl: 'https://studio.example/logo.png', primaryColor: '#aa3366' },
    bookingPage: { description: 'Haircuts and colour in Berlin.' },
  });
  await admin(t.app, studio, {
    method: 'PATCH',
    url: '/v1/tenant-admin/settings/invoicing',
    payload: { address: 'Hauptstraße 1\n10115 Berlin' },
  });
});
afterAll(() => t.close());

describe('GET /book/:tenantSlug', () => {
  it('renders the shell: title, meta description, canonical URL, Open Graph tags, logo, address, widget', async () => {
    const response = await page(`/book/${studio.tenant.slug}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = response.body;
    const url = `${PUBLIC_URL}/book/${studio.tenant.slug}`;
    expect(html).toContain('<title>Studio Nord: book online</title>');
    expect(metaContent(html, 'name', 'description')).toBe('Haircuts and colour in Berlin.');
    expect(html).toContain(`<link rel="canonical" href="${url}">`);
    expect(metaContent(html, 'property', 'og:title')).toBe('Studio Nord: book online');
    expect(metaContent(html, 'property', 'og:description')).toBe('Haircuts and colour in Berlin.');
    expect(metaContent(html, 'property', 'og:type')).toBe('website');
    expect(metaContent(html, 'property', 'og:url')).toBe(url);
    expect(metaContent(html, 'property', 'og:image')).toBe('https://studio.example/logo.png');
    expect(metaContent(html, 'name', 'robots')).toBe('index, follow');
    expect(html).toContain('<address>Hauptstraße 1<br>10115 Berlin</address>');
    expect(html).toContain('--mais-primary:#aa3366');
    expect(html).toContain('<mais-booking></mais-booking>');
    expect(html).toMatch(/<script src="\/widget(\.[0-9a-f]{12})?\.js" data-tenant-key="pk_live_/);
  });

  it('describes the business and its active services with their prices in JSON-LD', async () => {
    const html = (await page(`/book/${studio.tenant.slug}`)).body;
    const data = jsonLd(html);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'LocalBusiness',
      name: 'Studio Nord',
      description: 'Haircuts and colour in Berlin.',
      logo: 'https://studio.example/logo.png',
      address: { '@type': 'PostalAddress', streetAddress: 'Hauptstraße 1, 10115 Berlin' },
    });
    // The prices as the services were created (cents → the currency's decimals), inactive left out.
    const services = await t.db.service.findMany({
      where: { tenantId: studio.tenant.id, active: true },
      orderBy: [{ sortOrder: 'asc' }, { createdAt: 'asc' }],
    });
    expect(data.makesOffer).toEqual(
      services.map((service) => ({
        '@type': 'Offer',
        url: `${PUBLIC_URL}/book/${studio.tenant.slug}/${service.slug}`,
        price: (service.priceBaseCents / 100).toFixed(2),
        priceCurrency: 'EUR',
        itemOffered: { '@type': 'Service', name: service.name },
      })),
    );
    expect(data.makesOffer.map((offer: { price: string }) => offer.price)).toEqual(['45.50', '90.00']);
  });

  it('sends a strict CSP that lets only our scripts and Stripe run, a short public cache and an ETag', async () => {
    const response = await page(`/book/${studio.tenant.slug}`);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' https://js.stripe.com;");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    // Not meant to be framed (the widget is what tenants embed, in their own pages, without a frame).
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const etag = String(response.headers.etag);
    const again = await page(`/book/${studio.tenant.slug}`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});

describe('GET /book/:tenantSlug/:serviceSlug', () => {
  it('preselects the service in the widget, with its own title and canonical URL', async () => {
    const service = await t.db.service.findUniqueOrThrow({ where: { id: cut } });
    expect(service.slug).toBe('cut-style');
    const response = await page(`/book/${studio.tenant.slug}/cut-style`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain(`<mais-booking service="${cut}"></mais-booking>`);
    expect(html).toContain('<title>Cut &amp; Style · Studio Nord: book online</title>');
    expect(html).toContain(
      `<link rel="canonical" href="${PUBLIC_URL}/book/${studio.tenant.slug}/cut-style">`,
    );
    expect(metaContent(html, 'property', 'og:url')).toBe(
      `${PUBLIC_URL}/book/${studio.tenant.slug}/cut-style`,
    );
  });

  it('answers the 404 page for an unknown or inactive service', async () => {
    for (const slug of ['nothing-here', 'retired']) {
      const response = await page(`/book/${studio.tenant.slug}/${slug}`);
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('<meta name="robots" content="noindex">');
      expect(response.body).not.toContain('Studio Nord');
    }
  });
});

describe('service slugs', () => {
  it('are made from the name, numbered when taken, editable, and refused when another service has one', async () => {
    const create = (payload: Record<string, unknown>) =>
      admin(t.app, other, {
        method: 'POST',
        url: '/v1/tenant-admin/services',
        payload: { durationMinutes: 30, priceBaseCents: 1000, ...payload },
      });
    const first = (await create({ name: 'Deep Tissue' })).json();
    const second = (await create({ name: 'Deep tissue!' })).json();
    expect([first.slug, second.slug]).toEqual(['deep-tissue', 'deep-tissue-2']);
    const renamed = await admin(t.app, other, {
      method: 'PATCH',
      url: `/v1/tenant-admin/services/${second.id}`,
      payload: { slug: 'deep-tissue-long' },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().slug).toBe('deep-tissue-long');
    const taken = await admin(t.app, other, {
      method: 'PATCH',
      url: `/v1/tenant-admin/services/${second.id}`,
      payload: { slug: 'deep-tissue' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('slug_taken');
    for (const slug of ['Upper', 'a b', '-x', 'x'.repeat(41), 'ü', 'nul\u0000']) {
      const bad = await admin(t.app, other, {
        method: 'PATCH',
        url: `/v1/tenant-admin/services/${second.id}`,
        payload: { slug },
      });
      expect(bad.statusCode, slug).toBe(400);
    }
    // Another tenant may use the same slug.
    expect((await create({ name: 'Cut & Style' })).json().slug).toBe('cut-style');
  });

  it('stay unique when services of the same name are created at once', async () => {
    for (let round = 0; round < 3; round++) {
      const responses = await Promise.all(
        Array.from({ length: 4 }, () =>
          admin(t.app, other, {
            method: 'POST',
            url: '/v1/tenant-admin/services',
            payload: { name: `Race ${round}`, durationMinutes: 30, priceBaseCents: 1000 },
          }),
        ),
      );
      expect(responses.map((response) => response.statusCode)).toEqual([201, 201, 201, 201]);
      const slugs = responses.map((response) => response.json().slug).sort();
      expect(slugs).toEqual([`race-${round}`, `race-${round}-2`, `race-${round}-3`, `race-${round}-4`]);
    }
  });

  it('go to one service only when two services ask for the same slug at once', async () => {
    for (let round = 0; round < 3; round++) {
      const [x, y] = await Promise.all(
        ['X', 'Y'].map(async (name) =>
          (
            await admin(t.app, other, {
              method: 'POST',
              url: '/v1/tenant-admin/services',
              payload: { name: `${name} ${round}`, durationMinutes: 30, priceBaseCents: 1000 },
            })
          ).json(),
        ),
      );
      const wanted = `wanted-${round}`;
      const responses = await Promise.all(
        [x.id, y.id].map((id) =>
          admin(t.app, other, {
            method: 'PATCH',
            url: `/v1/tenant-admin/services/${id}`,
            payload: { slug: wanted },
          }),
        ),
      );
      expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
      const holders = await t.db.service.findMany({ where: { tenantId: other.tenant.id, slug: wanted } });
      expect(holders).toHaveLength(1);
    }
  });
});

describe('hostile names', () => {
  it('stay inert in the title, attributes, text and the JSON-LD block', async () => {
    const tenant = await createTestTenant(t.db, { name: HOSTILE });
    await patchTenant(tenant, { bookingPage: { description: HOSTILE } });
    await bookableService(t.app, tenant, { service: { name: HOSTILE, description: HOSTILE } });
    const services = await t.db.service.findMany({ where: { tenantId: tenant.tenant.id } });
    for (const url of [`/book/${tenant.tenant.slug}`, `/book/${tenant.tenant.slug}/${services[0]!.slug}`]) {
      const html = (await page(url)).body;
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<b>');
      // Only our two script elements: the JSON-LD block and the widget.
      expect(html.match(/<script/g)).toHaveLength(2);
      expect(html.match(/<\/script>/g)).toHaveLength(2);
      expect(unescapeHtml(metaContent(html, 'name', 'description')!)).toBe(HOSTILE);
      const data = jsonLd(html);
      expect(data.name).toBe(HOSTILE);
      expect(data.makesOffer[0]!.itemOffered).toEqual({
        '@type': 'Service',
        name: HOSTILE,
        description: HOSTILE,
      });
    }
  });
});

describe('unknown and turned-off pages', () => {
  it('answer the same 404 page, not indexed, with no tenant data', async () => {
    const tenant = await createTestTenant(t.db, { name: 'Closed Shop' });
    const off = await patchTenant(tenant, { bookingPage: { enabled: false } });
    expect(off.json().bookingPage).toEqual({ enabled: false, description: '' });
    const pages = await Promise.all(
      [
        `/book/${tenant.tenant.slug}`,
        `/book/${tenant.tenant.slug}/session`,
        '/book/no-such-tenant',
        '/book/NOT_A_SLUG',
        '/book/%00',
        `/book/${studio.tenant.slug}/%00`,
      ].map((url) => page(url)),
    );
    for (const response of pages) {
      expect(response.statusCode, response.body).toBe(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('<meta name="robots" content="noindex">');
      expect(response.body).toContain('Page not found');
      expect(response.body).not.toContain('Closed Shop');
      expect(response.body).not.toContain('pk_');
    }
    // A path that is no URL at all (a lone surrogate) is refused before routing, as everywhere.
    expect((await page('/book/%ED%A0%80')).statusCode).toBe(400);
    // Turned on again, it answers.
    await patchTenant(tenant, { bookingPage: { enabled: true } });
    expect((await page(`/book/${tenant.tenant.slug}`)).statusCode).toBe(200);
  });

  it('answers 503 (an HTML page saying so) on a server without ENCRYPTION_KEY', async () => {
    const bare = await buildTestApp({ PUBLIC_URL, PUBLIC_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const tenant = await createTestTenant(bare.db);
      const response = await bare.app.inject({ method: 'GET', url: `/book/${tenant.tenant.slug}` });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('Booking page unavailable');
      expect(response.body).toContain('noindex');
      expect(await bare.db.apiKey.count({ where: { bookingPage: true } })).toBe(0);
      // Past the address's allowance (3 a minute here): 429 with Retry-After, before any lookup.
      const more = [];
      for (let i = 0; i < 3; i++) more.push(await bare.app.inject({ method: 'GET', url: '/book/anything' }));
      expect(more.map((r) => r.statusCode)).toEqual([404, 404, 429]);
      expect(Number(more[2]!.headers['retry-after'])).toBeGreaterThan(0);
      expect(more[2]!.json().error.code).toBe('rate_limited');
    } finally {
      await bare.close();
    }
  });
});

describe("the page's publishable key", () => {
  const services = (key: string, origin?: string) =>
    t.app.inject({
      method: 'GET',
      url: '/v1/public/services',
      headers: { 'x-tenant-key': key, ...(origin ? { origin } : {}) },
    });

  it('is made once, kept sealed (never in clear), and the same on every render, also when first renders race', async () => {
    for (let round = 0; round < 3; round++) {
      const tenant = await createTestTenant(t.db);
      const htmls = await Promise.all(
        Array.from({ length: 5 }, () => page(`/book/${tenant.tenant.slug}`).then((r) => r.body)),
      );
      const keys = new Set(htmls.map(pageKey));
      expect(keys.size).toBe(1);
      const rows = await t.db.apiKey.findMany({ where: { tenantId: tenant.tenant.id, bookingPage: true } });
      expect(rows).toHaveLength(1);
      const [key] = keys;
      expect(rows[0]!.sealedKey).not.toContain(key!.slice(-32));
      expect(rows[0]!.kind).toBe('PUBLISHABLE');
    }
  });

  it("is listed with the tenant's keys, never with its sealed value", async () => {
    await page(`/book/${studio.tenant.slug}`);
    const listed = await admin(t.app, studio, { method: 'GET', url: '/v1/tenant-admin/api-keys' });
    const pageKeys = listed
      .json()
      .data.filter(
        (key: { name: string | null; revokedAt: string | null }) => key.name === 'Hosted booking page',
      );
    expect(pageKeys.length).toBeGreaterThanOrEqual(1);
    expect(listed.body).not.toContain('sealedKey');
    expect(listed.body).not.toMatch(/v1\.[0-9a-f]{8}\./);
  });

  it("is accepted from the API's own origin for its tenant only; the tenant's other keys are not", async () => {
    const key = pageKey((await page(`/book/${studio.tenant.slug}`)).body);
    const fromPage = await services(key, PUBLIC_URL);
    expect(fromPage.statusCode, fromPage.body).toBe(200);
    // Its tenant's services, nobody else's.
    expect(
      fromPage
        .json()
        .data.map((s: { id: string }) => s.id)
        .sort(),
    ).toEqual([cut, colour].sort());
    // The tenant's own site still works; other origins do not.
    expect((await services(key, 'https://studio.example')).statusCode).toBe(200);
    expect((await services(key, 'https://evil.example')).statusCode).toBe(403);
    // A regular publishable key gets no exception for the API's origin.
    expect((await services(studio.keys.publishable, PUBLIC_URL)).statusCode).toBe(403);
  });

  it('is replaced on the next render once the tenant revokes it', async () => {
    const key = pageKey((await page(`/book/${studio.tenant.slug}`)).body);
    const row = await t.db.apiKey.findFirstOrThrow({
      where: { tenantId: studio.tenant.id, bookingPage: true, revokedAt: null },
    });
    const revoked = await admin(t.app, studio, {
      method: 'DELETE',
      url: `/v1/tenant-admin/api-keys/${row.id}`,
    });
    expect(revoked.statusCode).toBeLessThan(300);
    expect((await services(key, PUBLIC_URL)).statusCode).toBe(401);
    const fresh = pageKey((await page(`/book/${studio.tenant.slug}`)).body);
    expect(fresh).not.toBe(key);
    expect((await services(fresh, PUBLIC_URL)).statusCode).toBe(200);
  });
});

describe('manage links in emails', () => {
  it('open the hosted page when the tenant has no bookingPageUrl, and its own page when it has one', async () => {
    const jobs = notificationJobs(t.db, { ENCRYPTION_KEY: TEST_ENCRYPTION_KEY, PUBLIC_URL }, read);
    const book = async (tenant: CreatedTenant, serviceId: string, start: string) => {
      clock.now = new Date(clock.now.getTime() + 60_000);
      const response = await admin(t.app, tenant, {
        method: 'POST',
        url: '/v1/tenant-admin/appointments',
        payload: bookingBody(serviceId, start),
      });
      expect(response.statusCode, response.body).toBe(201);
      expect((await jobs.dispatch(tenant.tenant.id)).errors).toEqual([]);
      return response.json().appointment.id as string;
    };
    const outboxText = async (tenant: CreatedTenant, id: string) => {
      const { data } = (await admin(t.app, tenant, { method: 'GET', url: '/v1/tenant-admin/outbox' })).json();
      return data
        .filter((m: { appointmentId: string; channel: string }) => m.appointmentId === id)
        .map((m: { text: string }) => m.text)
        .join('\n');
    };
    const hosted = await book(studio, cut, '2027-03-10T10:00:00Z');
    expect(await outboxText(studio, hosted)).toContain(
      `${PUBLIC_URL}/book/${studio.tenant.slug}?mais-appointment=${hosted}&mais-token=REDACTED`,
    );
    await patchTenant(studio, { bookingPageUrl: 'https://studio.example/booking' });
    const own = await book(studio, cut, '2027-03-10T12:00:00Z');
    expect(await outboxText(studio, own)).toContain(
      `https://studio.example/booking?mais-appointment=${own}&mais-token=REDACTED`,
    );
    // Page turned off and no page of its own: no manage link at all.
    await patchTenant(studio, { bookingPageUrl: null, bookingPage: { enabled: false } });
    const none = await book(studio, cut, '2027-03-10T14:00:00Z');
    expect(await outboxText(studio, none)).not.toContain('mais-appointment');
    await patchTenant(studio, { bookingPage: { enabled: true } });
  });
});
