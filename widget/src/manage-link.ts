/**
 * The manage link is the page the booking was made on, plus the appointment id and its manage
 * token: `?mais-appointment=<id>&mais-token=<token>`. The widget on that page opens the manage view.
 * It lives on the tenant's own page (not on our domain) so the client comes back to the business.
 */
const ID = 'mais-appointment';
const TOKEN = 'mais-token';

export function manageLink(pageUrl: string, appointmentId: string, token: string): string {
  const url = new URL(pageUrl);
  url.searchParams.set(ID, appointmentId);
  url.searchParams.set(TOKEN, token);
  url.hash = '';
  return url.href;
}

export function readManageLink(pageUrl: string): { appointmentId: string; token: string } | null {
  const params = new URL(pageUrl).searchParams;
  const appointmentId = params.get(ID);
  const token = params.get(TOKEN);
  return appointmentId && token ? { appointmentId, token } : null;
}

/** The page URL without a manage link's parameters. */
export function withoutManageLink(pageUrl: string): string {
  const url = new URL(pageUrl);
  url.searchParams.delete(ID);
  url.searchParams.delete(TOKEN);
  return url.href;
}
