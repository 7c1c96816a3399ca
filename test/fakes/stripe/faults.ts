/**
 * Failures a test asks for. `500`: Stripe answers 500 api_error without doing anything (stripe-node
 * retries it when maxNetworkRetries allows). `'timeout'`: the request is never processed and never
 * answered; the client gives up after its own `timeout`. `'timeout_after_processing'`: Stripe did the
 * work (and saved the idempotent answer) but the answer never arrives: the case that makes a retry
 * with the same Idempotency-Key necessary.
 */
export type FaultKind = 500 | 'timeout' | 'timeout_after_processing';

/**
 * `'/v1/payment_intents'` (any method), `'POST /v1/payment_intents/*\/confirm'` (`*` is one path
 * segment), or a RegExp tested against `'POST /v1/payment_intents'`.
 */
export type RequestPattern = string | RegExp;

interface Rule {
  matches: (request: string) => boolean;
  kind: FaultKind;
  remaining: number;
}

export class Faults {
  private rules: Rule[] = [];

  add(pattern: RequestPattern, kind: FaultKind, times: number): void {
    this.rules.push({ matches: matcher(pattern), kind, remaining: times });
  }

  /** The fault to apply to this request, if any; each use counts down its rule. */
  take(method: string, path: string): FaultKind | undefined {
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
