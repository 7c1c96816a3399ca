import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import {
  isPublicAddress,
  targetUrlProblem,
  type TargetPolicy,
} from '../../domain/webhooks/webhook-targets.ts';

/** What is kept of an endpoint's answer: its status and at most this much of its body. */
export const RESPONSE_BODY_LIMIT = 1024;

export interface WebhookAnswer {
  status: number;
  /** The first RESPONSE_BODY_LIMIT characters of the body (UTF-8, NUL removed). */
  body: string;
}

/** The request could not be made or had no answer: refused target, DNS, connection, timeout. */
export class WebhookSendError extends Error {
  override name = 'WebhookSendError';
}

export interface WebhookSender {
  /** POSTs `body` to `url`; resolves with any HTTP answer, throws WebhookSendError without one. */
  post(url: string, body: string, headers: Record<string, string>): Promise<WebhookAnswer>;
}

export interface WebhookSenderOptions {
  policy: TargetPolicy;
  /** The whole exchange, redirects included (default 10 s). */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Which resolved addresses may be called (default: public ones under a strict policy, all otherwise). */
  isAllowedAddress?: (address: string) => boolean;
  /** Name resolution (default the system's, as every other client of this process). */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

const systemResolve = (hostname: string) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * The HTTP client of outgoing webhooks, with the SSRF guard of webhook-targets.ts built in: every
 * hop's URL is checked, its host name resolved here, every address checked, and the socket opened
 * to the address that was checked (a custom `lookup`), so DNS cannot answer differently between
 * the check and the connection. Only 307 and 308 are followed (they keep the POST and its body),
 * at most 3; any other answer, 3xx included, is the endpoint's answer.
 */
export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRedirects = options.maxRedirects ?? 3;
  const allowed = options.isAllowedAddress ?? (options.policy.strict ? isPublicAddress : () => true);
  const resolve = options.resolve ?? systemResolve;

  async function checkedAddresses(hostname: string): Promise<LookupAddress[]> {
    const host = hostname.replace(/^\[|\]$/g, '');
    const family = isIP(host);
    const addresses = family ? [{ address: host, family }] : await resolveOrFail(host);
    const refused = addresses.find((entry) => !allowed(entry.address));
    if (refused) throw new WebhookSendError(`refused: ${host} is ${refused.address}, not a public address`);
    return addresses;
  }

  async function resolveOrFail(host: string): Promise<LookupAddress[]> {
    try {
      const addresses = await resolve(host);
      if (addresses.length === 0) throw new Error('no address');
      return addresses;
    } catch (error) {
      throw new WebhookSendError(`cannot resolve ${host}: ${(error as Error).message}`);
    }
  }

  return {
    async post(url, body, headers) {
      const signal = AbortSignal.timeout(timeoutMs);
      let target = url;
      for (let hop = 0; ; hop += 1) {
        const problem = targetUrlProblem(target, options.policy);
        if (problem)
          throw new WebhookSendError(
            `refused: ${hop === 0 ? 'the URL' : `redirect to ${target}`} ${problem}`,
          );
        const parsed = new URL(target);
        const addresses = await checkedAddresses(parsed.hostname);
        const answer = await postOnce(parsed, addresses, body, headers, signal, timeoutMs);
        if ((answer.status === 307 || answer.status === 308) && answer.location) {
          if (hop >= maxRedirects) throw new WebhookSendError(`more than ${maxRedirects} redirects`);
          target = new URL(answer.location, parsed).toString();
          continue;
        }
        return { status: answer.status, body: answer.body };
      }
    },
  };
}

function postOnce(
  url: URL,
  addresses: LookupAddress[],
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<WebhookAnswer & { location: string | undefined }> {
  // Hands the socket the addresses checked above, whatever DNS would say now.
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const fail = (error: Error) =>
      reject(
        error instanceof WebhookSendError
          ? error
          : new WebhookSendError(
              signal.aborted ? `no answer within ${timeoutMs / 1000} s` : describeNetworkError(error),
            ),
      );
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        lookup: pinned,
        signal,
        agent: false,
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const finish = () => {
          const text = Buffer.concat(chunks).toString('utf8').replaceAll('\u0000', '');
          resolve({
            status: response.statusCode ?? 0,
            body: text.slice(0, RESPONSE_BODY_LIMIT),
            location: response.headers.location,
          });
        };
        response.on('data', (chunk: Buffer) => {
          if (kept >= RESPONSE_BODY_LIMIT) return;
          chunks.push(chunk.subarray(0, RESPONSE_BODY_LIMIT - kept));
          kept += Math.min(chunk.length, RESPONSE_BODY_LIMIT - kept);
          // Enough kept: the rest is not read (a huge or endless body costs nothing).
          if (kept >= RESPONSE_BODY_LIMIT) {
            finish();
            response.destroy();
          }
        });
        response.on('end', () => {
          if (kept < RESPONSE_BODY_LIMIT) finish();
        });
        response.on('error', (error) => {
          if (kept < RESPONSE_BODY_LIMIT) fail(error);
        });
      },
    );
    request.on('error', fail);
    request.end(body);
  });
}

function describeNetworkError(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ? `${code}: ${error.message}` : error.message;
}
