/**
 * Failures a test asks for: the next matching requests answer `status` (500 by default) with
 * Google's error shape, doing nothing. Patterns: `'POST /calendar/v3/calendars/*\/events'` (`*` is
 * one path segment), `'/token'` (any method), or a RegExp tested against `'POST /token'`.
 */
export type RequestPattern = string | RegExp;

interface Rule {
  matches: (request: string) => boolean;
  status: number;
  remaining: number;
}

export class Faults {
  private rules: Rule[] = [];

  add(pattern: RequestPattern, status: number, times: number): void {
    this.rules.push({ matches: matcher(pattern), status, remaining: times });
  }

  take(method: string, path: string): number | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && r.matches(`${method} ${path}`));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.status;
  }

  clear(): void {
    this.rules = [];
  }
}

function matcher(pattern: RequestPattern): (request: string) => boolean {
  if (pattern instanceof RegExp) return (request) => pattern.test(request);
  const [first, second] = pattern.trim().split(/\s+/);
  const method = second === undefined ? '[A-Z]+' : (first ?? '').toUpperCase();
  const path = (second ?? first ?? '')
    .split('/')
    .map((segment) => (segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  const regex = new RegExp(`^${method} ${path}$`);
  return (request) => regex.test(request);
}
