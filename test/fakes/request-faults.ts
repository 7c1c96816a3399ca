/**
 * Failures a test asks of a fake server: the next matching requests fail in a way the fake names
 * (`Kind`: a status, a hang…). Patterns: `'/v1/payment_intents'` (any method),
 * `'POST /v1/payment_intents/*\/confirm'` (`*` is one path segment), or a RegExp tested against
 * `'POST /v1/payment_intents'`. Shared by the fake Stripe and the fake Google.
 */
export type RequestPattern = string | RegExp;

interface Rule<Kind> {
  matches: (request: string) => boolean;
  kind: Kind;
  remaining: number;
}

export class Faults<Kind> {
  private rules: Array<Rule<Kind>> = [];

  add(pattern: RequestPattern, kind: Kind, times: number): void {
    this.rules.push({ matches: matcher(pattern), kind, remaining: times });
  }

  /** The fault to apply to this request, if any; each use counts down its rule. */
  take(method: string, path: string): Kind | undefined {
    const rule = this.rules.find((r) => r.remaining > 0 && r.matches(`${method} ${path}`));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.kind;
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
