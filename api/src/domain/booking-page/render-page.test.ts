import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BookingPageModel } from './page-model.ts';
import { renderBookingPage, renderNotFoundPage } from './render-page.ts';

const cut = {
  id: '11111111-1111-4111-8111-111111111111',
  slug: 'cut',
  name: 'Cut',
  description: '',
  durationMinutes: 30,
  priceCents: 4500,
  currency: 'EUR',
  url: 'https://book.example/book/studio/cut',
};
const model = (overrides: Partial<BookingPageModel> = {}): BookingPageModel => ({
  tenant: { name: 'Studio', description: '', address: null, logoUrl: null, primaryColor: null },
  services: [cut],
  selected: null,
  canonicalUrl: 'https://book.example/book/studio',
  widgetSrc: '/widget.abcdef123456.js',
  publishableKey: 'pk_live_studio_0123456789abcdefghijABCDEFGHIJ0123',
  ...overrides,
});

describe('renderBookingPage', () => {
  it('falls back to a plain-words description and leaves og:image out without a logo', () => {
    const { html } = renderBookingPage(model());
    expect(html).toContain('<meta name="description" content="Book an appointment with Studio online.">');
    expect(html).not.toContain('og:image');
    expect(html).toContain('--mais-primary:#1f2933');
  });

  it('describes the chosen service by its own text and preselects it', () => {
    const { html } = renderBookingPage(model({ selected: cut }));
    expect(html).toContain('<meta name="description" content="Book Cut with Studio online.">');
    expect(html).toContain(`<mais-booking service="${cut.id}"></mais-booking>`);
  });

  it('cuts a long description at 160 characters without splitting a character', () => {
    const long = '😀'.repeat(200);
    const { html } = renderBookingPage(model({ tenant: { ...model().tenant, description: long } }));
    const description = /<meta name="description" content="([^"]*)">/.exec(html)![1]!;
    expect(Array.from(description)).toHaveLength(160);
    expect(description.endsWith('…')).toBe(true);
    expect(description).toBe(`${'😀'.repeat(159)}…`);
  });

  it('allows its one inline style by hash and no inline script', () => {
    const { html, contentSecurityPolicy } = renderBookingPage(model());
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    expect(contentSecurityPolicy).toContain(`style-src-elem 'self' 'sha256-${hash}'`);
    expect(contentSecurityPolicy).toContain("script-src 'self' https://js.stripe.com;");
  });
});

describe('renderNotFoundPage', () => {
  it('is not indexed and names no tenant', () => {
    const { html } = renderNotFoundPage();
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('data-tenant-key');
    expect(html).not.toContain('ld+json');
  });
});
