import type { SecretBox } from '../adapters/crypto/secret-box.ts';
import type { TenantScope } from '../adapters/db/tenant-scope.ts';
import type { BookingPageModel, BookingPageService } from '../domain/booking-page/page-model.ts';
import { renderBookingPage, type RenderedPage } from '../domain/booking-page/render-page.ts';
import { bookingPageKey } from './booking-page-key.ts';

export interface BookingPageSettings {
  box: SecretBox;
  /** The API's public base URL (PUBLIC_URL, or the request's origin without it); no trailing slash. */
  baseUrl: string;
  /** The widget script's URL path. */
  widgetSrc: string;
  now: Date;
}

/**
 * The hosted booking page of the scope's tenant, or of one of its active services (serviceSlug);
 * null when there is no such active service (the route answers its 404 page).
 */
export async function renderHostedBookingPage(
  scope: Pick<TenantScope, 'bookingPage'>,
  serviceSlug: string | undefined,
  settings: BookingPageSettings,
): Promise<RenderedPage | null> {
  const content = await scope.bookingPage.content();
  const pageUrl = `${settings.baseUrl}/book/${encodeURIComponent(content.slug)}`;
  const services: BookingPageService[] = content.services.map((service) => ({
    id: service.id,
    slug: service.slug,
    name: service.name,
    description: service.description,
    durationMinutes: service.durationMinutes,
    priceCents: service.priceBaseCents,
    currency: service.currency,
    url: `${pageUrl}/${encodeURIComponent(service.slug)}`,
  }));
  const selected =
    serviceSlug === undefined ? null : services.find((service) => service.slug === serviceSlug);
  if (selected === undefined) return null;
  const model: BookingPageModel = {
    tenant: {
      name: content.name,
      description: content.description,
      address: content.address,
      logoUrl: content.logoUrl,
      primaryColor: content.primaryColor,
    },
    services,
    selected,
    canonicalUrl: selected ? selected.url : pageUrl,
    widgetSrc: settings.widgetSrc,
    publishableKey: await bookingPageKey(scope, settings.box, content.slug, settings.now),
  };
  return renderBookingPage(model);
}
