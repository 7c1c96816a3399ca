/**
 * The console's addresses live in the URL's hash (`/admin/#/appointments/<id>?status=CONFIRMED`):
 * one HTML page on the server, and the tokens of invitation and reset links
 * (`#/accept/<token>`, `#/reset/<token>`, api/src/domain/staff/staff-messages.ts) never reach a
 * server log.
 */

export const AREA_IDS = [
  'today',
  'calendar',
  'appointments',
  'clients',
  'services',
  'providers',
  'resources',
  'reports',
  'settings',
] as const;
export type AreaId = (typeof AREA_IDS)[number];

export type ConsoleRoute =
  | { kind: 'area'; area: AreaId; path: string[]; query: URLSearchParams }
  | { kind: 'accept' | 'reset'; token: string }
  | { kind: 'forgot' }
  | { kind: 'notFound'; hash: string };

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The route of a location hash ('' and '#/' are Today). */
export function parseHash(hash: string): ConsoleRoute {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', queryPart = ''] = splitOnce(raw, '?');
  const segments = pathPart
    .split('/')
    .filter((segment) => segment !== '')
    .map(decodeSegment);
  const [first = 'today', ...rest] = segments;
  if (first === 'accept' || first === 'reset') {
    const token = rest[0] ?? '';
    return TOKEN.test(token) ? { kind: first, token } : { kind: 'notFound', hash };
  }
  if (first === 'forgot') return { kind: 'forgot' };
  if (!(AREA_IDS as readonly string[]).includes(first)) {
    return { kind: 'notFound', hash };
  }
  return { kind: 'area', area: first as AreaId, path: rest, query: new URLSearchParams(queryPart) };
}

/** The hash of an area's page: hrefFor('appointments', [id], { tab: 'history' }) → '#/appointments/<id>?tab=history'. */
export function hrefFor(
  area: AreaId,
  path: readonly string[] = [],
  query: Record<string, string | undefined> = {},
): string {
  const segments = [area, ...path].map((segment) => encodeURIComponent(segment)).join('/');
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(key, value);
  const search = params.toString();
  return `#/${segments}${search ? `?${search}` : ''}`;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

/** A segment as written when it is not valid percent-encoding (it then matches no record). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
