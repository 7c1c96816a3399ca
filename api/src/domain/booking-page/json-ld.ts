import { decimalPrice } from './price.ts';
import type { BookingPageModel } from './page-model.ts';

/**
 * The schema.org description of the business and what it offers (https://schema.org/LocalBusiness,
 * https://schema.org/Offer): search engines and link previews read it. Prices are the services'
 * base prices; a provider may charge more (shown in the widget).
 */
export function localBusinessJsonLd(model: BookingPageModel): Record<string, unknown> {
  const { tenant } = model;
  return {
    '@context': 'https://schema.org',
    '@type': 'LocalBusiness',
    name: tenant.name,
    url: model.canonicalUrl,
    ...(tenant.description ? { description: tenant.description } : {}),
    ...(tenant.logoUrl ? { logo: tenant.logoUrl, image: tenant.logoUrl } : {}),
    ...(tenant.address
      ? { address: { '@type': 'PostalAddress', streetAddress: tenant.address.split('\n').join(', ') } }
      : {}),
    makesOffer: model.services.map((service) => ({
      '@type': 'Offer',
      url: service.url,
      price: decimalPrice(service.priceCents, service.currency),
      priceCurrency: service.currency,
      itemOffered: {
        '@type': 'Service',
        name: service.name,
        ...(service.description ? { description: service.description } : {}),
      },
    })),
  };
}
