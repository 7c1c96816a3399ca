import { performance } from 'node:perf_hooks';
import type { CDPSession } from '@playwright/test';

/**
 * The requests of one page navigation as Chromium's DevTools protocol reports them, with the bytes
 * each took on the wire: `Network.loadingFinished`'s encodedDataLength, the response as received
 * (headers and the still-compressed body), 0 for an answer from the browser's cache. Times are in
 * the page's clock (milliseconds since its navigation started), so they compare with what the page
 * itself measured.
 */

export type Category = 'page' | 'widget' | 'language' | 'api' | 'other';
export const CATEGORIES: readonly Category[] = ['page', 'widget', 'language', 'api', 'other'];

export interface LoggedRequest {
  url: string;
  category: Category;
  status?: number;
  /** Page time the request was sent / finished (ms). */
  start: number;
  end?: number;
  bytes: number;
  fromCache: boolean;
  failed?: string;
}

interface Pending {
  url: string;
  type: string;
  wallStart: number;
  monotonicStart: number;
  status?: number;
  fromCache: boolean;
  end?: number;
  bytes: number;
  failed?: string;
}

/** What a request is, for the split of requests and bytes: by resource type and path. */
export function categorise(url: string, type: string): Category {
  const { pathname } = new URL(url);
  if (type === 'Document') return 'page';
  if (/^\/widget(\.[0-9a-f]+)?\.js$/.test(pathname)) return 'widget';
  if (/(i18n|locales?|lang|translations?)[/._-]|\/(en|es)(\.[0-9a-f]+)?\.(js|json)$/i.test(pathname)) {
    return 'language';
  }
  if (pathname.startsWith('/v1/')) return 'api';
  return 'other';
}

export class NetworkLog {
  private requests = new Map<string, Pending>();
  /** The document request's wall and monotonic times, to put monotonic timestamps on the wall clock. */
  private clock: { wall: number; monotonic: number } | undefined;
  /** Node's performance.now() of the last network event, to tell when the page has gone quiet. */
  lastEventAt = performance.now();

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (event) => {
      if (!event.request.url.startsWith('http')) return; // data: URLs never reach the network
      this.lastEventAt = performance.now();
      if (event.type === 'Document' && !this.clock) {
        this.clock = { wall: event.wallTime * 1000, monotonic: event.timestamp * 1000 };
      }
      this.requests.set(event.requestId, {
        url: event.request.url,
        type: event.type ?? 'Other',
        wallStart: event.wallTime * 1000,
        monotonicStart: event.timestamp * 1000,
        fromCache: false,
        bytes: 0,
      });
    });
    cdp.on('Network.requestServedFromCache', (event) => {
      const request = this.requests.get(event.requestId);
      if (request) request.fromCache = true;
    });
    cdp.on('Network.responseReceived', (event) => {
      const request = this.requests.get(event.requestId);
      if (!request) return;
      request.status = event.response.status;
      if (event.response.fromDiskCache || event.response.fromPrefetchCache) request.fromCache = true;
    });
    cdp.on('Network.loadingFinished', (event) => {
      const request = this.requests.get(event.requestId);
      if (!request) return;
      this.lastEventAt = performance.now();
      request.end = event.timestamp * 1000;
      request.bytes = event.encodedDataLength;
    });
    cdp.on('Network.loadingFailed', (event) => {
      const request = this.requests.get(event.requestId);
      if (!request) return;
      this.lastEventAt = performance.now();
      request.end = event.timestamp * 1000;
      request.failed = event.canceled ? 'canceled' : event.errorText;
    });
  }

  /** Forgets everything: call before each navigation. */
  reset(): void {
    this.requests.clear();
    this.clock = undefined;
    this.lastEventAt = performance.now();
  }

  get inFlight(): number {
    return [...this.requests.values()].filter((request) => request.end === undefined).length;
  }

  /** No request in flight and no network event for `quietMs`. */
  isQuiet(quietMs: number): boolean {
    return this.inFlight === 0 && performance.now() - this.lastEventAt >= quietMs;
  }

  /** Waits until the page has been quiet for `quietMs` (or `timeoutMs` passed). */
  async settle(quietMs: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!this.isQuiet(quietMs) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  /** The requests so far, in the page's clock (`timeOrigin`: the page's performance.timeOrigin). */
  list(timeOrigin: number): LoggedRequest[] {
    const clock = this.clock;
    const toPage = (monotonic: number) =>
      (clock ? clock.wall + (monotonic - clock.monotonic) : NaN) - timeOrigin;
    return [...this.requests.values()]
      .map((request) => ({
        url: request.url,
        category: categorise(request.url, request.type),
        start: request.wallStart - timeOrigin,
        bytes: request.fromCache ? 0 : request.bytes,
        fromCache: request.fromCache,
        ...(request.status === undefined ? {} : { status: request.status }),
        ...(request.end === undefined ? {} : { end: toPage(request.end) }),
        ...(request.failed === undefined ? {} : { failed: request.failed }),
      }))
      .sort((a, b) => a.start - b.start);
  }
}
