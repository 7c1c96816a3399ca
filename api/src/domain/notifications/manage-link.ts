/**
 * The link in a client's email that opens the booking: the tenant's booking page (the page of its
 * site with the widget, tenants.bookingPageUrl) with the widget's manage-link parameters,
 * `?mais-appointment=<id>&mais-token=<token>` (widget/src/manage-link.ts reads them).
 *
 * The token is a secret: messages are built and stored with MANAGE_TOKEN_SLOT in its place, and
 * the token (the booking's email token, sealed at rest) replaces the slot only in what is handed
 * to the mail provider. What the outbox keeps and shows never holds it.
 */
export const MANAGE_TOKEN_SLOT = 'MAIS-MANAGE-TOKEN-SLOT';

/** Shown instead of the token wherever a stored message is read (the outbox route). */
export const REDACTED_TOKEN = 'REDACTED';

/**
 * Where manage links open: the tenant's own page with the widget (bookingPageUrl) when it set one;
 * otherwise its hosted booking page, `${PUBLIC_URL}/book/<slug>`, when that page is on and the
 * server knows its public URL; otherwise nowhere (emails carry no manage link).
 */
export function manageLinkBase(
  bookingPageUrl: string | null,
  hosted: { slug: string; enabled: boolean },
  publicUrl: string | undefined,
): string | null {
  if (bookingPageUrl) return bookingPageUrl;
  if (!hosted.enabled || !publicUrl) return null;
  return `${publicUrl}/book/${encodeURIComponent(hosted.slug)}`;
}

export function manageLink(bookingPageUrl: string, appointmentId: string, withToken: boolean): string {
  const url = new URL(bookingPageUrl);
  url.searchParams.set('mais-appointment', appointmentId);
  // The slot is base64url-safe like the token, so it survives URL encoding unchanged.
  if (withToken) url.searchParams.set('mais-token', MANAGE_TOKEN_SLOT);
  url.hash = '';
  return url.href;
}

export function hasManageTokenSlot(text: string): boolean {
  return text.includes(MANAGE_TOKEN_SLOT);
}

/** The message with the token in its link (base64url: nothing to escape in HTML or a URL). */
export function withManageToken(text: string, token: string): string {
  return text.replaceAll(MANAGE_TOKEN_SLOT, token);
}

export function redactManageToken(text: string): string {
  return text.replaceAll(MANAGE_TOKEN_SLOT, REDACTED_TOKEN);
}
