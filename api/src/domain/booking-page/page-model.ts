/** What the hosted booking page shows: plain data, read and checked before rendering. */
export interface BookingPageModel {
  tenant: {
    name: string;
    description: string;
    /** Postal address lines (the invoice settings' address), or null. */
    address: string | null;
    logoUrl: string | null;
    /** "#RRGGBB" (validated when stored), or null. */
    primaryColor: string | null;
  };
  services: BookingPageService[];
  /** The service of /book/:tenantSlug/:serviceSlug, preselected in the widget; null on the tenant's page. */
  selected: BookingPageService | null;
  /** The absolute URL of this page (the canonical one: no query). */
  canonicalUrl: string;
  /** The widget's URL path (versioned when built). */
  widgetSrc: string;
  /** The booking page's own publishable key. */
  publishableKey: string;
}

export interface BookingPageService {
  id: string;
  slug: string;
  name: string;
  description: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  /** The service's own page, absolute. */
  url: string;
}
