import { describe, expect, it } from 'vitest';
import { localBusinessJsonLd } from './json-ld.ts';

describe('localBusinessJsonLd', () => {
  it('is a LocalBusiness offering each service at its price', () => {
    const data = localBusinessJsonLd({
      tenant: {
        name: 'Studio',
        description: 'Cuts.',
        address: 'Main St 1\n10115 Berlin',
        logoUrl: 'https://studio.example/logo.png',
        primaryColor: null,
      },
      services: [
        {
          id: 'id',
          slug: 'cut',
          name: 'Cut',
          description: 'A cut.',
          durationMinutes: 30,
          priceCents: 5000,
          currency: 'JPY',
          url: 'https://book.example/book/studio/cut',
        },
      ],
      selected: null,
      canonicalUrl: 'https://book.example/book/studio',
      widgetSrc: '/widget.js',
      publishableKey: 'pk',
    });
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'LocalBusiness',
      name: 'Studio',
      url: 'https://book.example/book/studio',
      description: 'Cuts.',
      logo: 'https://studio.example/logo.png',
      image: 'https://studio.example/logo.png',
      address: { '@type': 'PostalAddress', streetAddress: 'Main St 1, 10115 Berlin' },
      makesOffer: [
        {
          '@type': 'Offer',
          url: 'https://book.example/book/studio/cut',
          price: '5000',
          priceCurrency: 'JPY',
          itemOffered: { '@type': 'Service', name: 'Cut', description: 'A cut.' },
        },
      ],
    });
  });
});
