/** Checks and conversions of the settings forms' inputs, before the API sees them. */

/**
 * An allowed origin as the API stores it (api/src/schemas/tenant.schemas.ts `Origin`): scheme,
 * host and optional port, lower case, no path. Accepts a pasted page address and keeps its origin.
 */
export function parseOrigin(text: string): { origin: string } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { error: 'Enter a website address, such as https://studio.example.' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { error: 'That is not a website address: start it with https:// (or http://).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: 'Only http:// and https:// websites can use the booking widget.' };
  }
  if (url.username || url.password) return { error: 'Leave out the user name and password.' };
  return { origin: url.origin.toLowerCase() };
}

/** Adds an origin unless it is listed; the answer says which happened. */
export function addOrigin(origins: readonly string[], origin: string): { origins: string[]; added: boolean } {
  if (origins.includes(origin)) return { origins: [...origins], added: false };
  return { origins: [...origins, origin], added: true };
}

/** '19' or '7,5' percent → basis points (1900, 750); null when not a rate 0–100 with at most 2 decimals. */
export function percentToBasisPoints(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) return null;
  const points = Math.round(Number(trimmed) * 100);
  return points <= 10_000 ? points : null;
}

/** 1900 → '19', 750 → '7.5'. */
export function basisPointsToPercent(points: number): string {
  return String(points / 100);
}

/** The largest invoice logo the API takes (api/src/domain/invoices/logo.ts). */
export const MAX_LOGO_BYTES = 256 * 1024;

/** Why a file cannot be the invoice logo; null when it can be sent. */
export function logoProblem(file: { type: string; size: number }): string | null {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') return 'Choose a PNG or JPEG image.';
  if (file.size > MAX_LOGO_BYTES) return 'The logo may be at most 256 KB.';
  return null;
}
