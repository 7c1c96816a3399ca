import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { deleteEvent, insertEvent, patchEvent } from './calendar-changes.ts';
import { openChannel, stopChannel } from './channels.ts';
import { ApiError, invalid, notFound, OAuthError } from './errors.ts';
import { GoogleFaults } from './faults.ts';
import { listEvents } from './listing.ts';
import { authenticate, revoke, token } from './oauth.ts';
import { calendarOf, type FakeGoogleState, type GoogleEvent } from './state.ts';

/**
 * The HTTP side: the OAuth endpoints at /token and /revoke, the Calendar API under /calendar/v3,
 * Bearer authentication, injected failures and the request log.
 */

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  /** The account the request acted for (Calendar API), if its token was good. */
  user: string | null;
  status: number;
}

interface Answer {
  status: number;
  body?: object;
}

const EVENT_ID = /^[a-v0-9]{5,1024}$/;

export class FakeGoogleServer {
  readonly requests: RequestRecord[] = [];
  readonly faults = new GoogleFaults();
  private readonly server = http.createServer((req, res) => {
    this.handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 500, message: `fake Google crashed: ${String(error)}` } }));
    });
  });

  constructor(private readonly state: FakeGoogleState) {}

  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://fake-google');
    const method = req.method ?? 'GET';
    const record: RequestRecord = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      user: null,
      status: 0,
    };
    this.requests.push(record);

    let answer: Answer;
    const fault = this.faults.take(method, url.pathname);
    // Held open until the client gives up (or the fake closes): a Google that does not answer.
    if (fault === 'hang') return;
    if (fault !== undefined) {
      answer = {
        status: fault,
        body: new ApiError(fault, 'backendError', 'Backend Error (injected by the fake).').body(),
      };
    } else {
      try {
        answer = this.route(method, url, raw, req.headers, record);
      } catch (error) {
        if (error instanceof ApiError || error instanceof OAuthError)
          answer = { status: error.status, body: error.body() };
        else throw error;
      }
    }
    record.status = answer.status;
    if (answer.body === undefined) {
      res.writeHead(answer.status);
      res.end();
      return;
    }
    res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=UTF-8' });
    res.end(JSON.stringify(answer.body));
  }

  private route(
    method: string,
    url: URL,
    raw: string,
    headers: http.IncomingHttpHeaders,
    record: RequestRecord,
  ): Answer {
    const path = url.pathname;
    if (method === 'POST' && path === '/token') {
      return { status: 200, body: token(this.state, new URLSearchParams(raw), headers.authorization) };
    }
    if (method === 'POST' && path === '/revoke') {
      const form = new URLSearchParams(raw);
      return { status: 200, body: revoke(this.state, url.searchParams.get('token') ?? form.get('token')) };
    }
    if (!path.startsWith('/calendar/v3/')) throw notFound();

    const user = authenticate(this.state, headers.authorization);
    record.user = user;
    const body = () => parseJson(raw);
    if (method === 'POST' && path === '/calendar/v3/channels/stop') {
      stopChannel(this.state, user, body());
      return { status: 204 };
    }
    const match = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(path);
    if (!match) throw notFound();
    const calendar = this.calendarFor(user, decodeURIComponent(match[1]!));
    const eventId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);

    if (eventId === undefined) {
      if (method === 'GET') return { status: 200, body: listEvents(this.state, calendar, url.searchParams) };
      if (method === 'POST') return { status: 200, body: this.insert(calendar, body()) };
      throw notFound();
    }
    if (eventId === 'watch' && method === 'POST') {
      const channel = openChannel(this.state, calendar, body());
      return {
        status: 200,
        body: {
          kind: 'api#channel',
          id: channel.id,
          resourceId: channel.resourceId,
          resourceUri: channel.resourceUri,
          ...(channel.token === null ? {} : { token: channel.token }),
          expiration: String(channel.expiration),
        },
      };
    }
    const stored = calendarOf(this.state, calendar).events.get(eventId);
    if (method === 'GET') {
      if (!stored) throw notFound();
      return { status: 200, body: stored.resource };
    }
    if (method === 'PATCH') return { status: 200, body: patchEvent(this.state, calendar, eventId, body()) };
    if (method === 'DELETE') {
      deleteEvent(this.state, calendar, eventId);
      return { status: 204 };
    }
    throw notFound();
  }

  /** "primary" or the account's own address; the fake has no shared calendars. */
  private calendarFor(user: string, calendarId: string): string {
    if (calendarId === 'primary' || calendarId === user) return user;
    throw notFound();
  }

  private insert(calendar: string, event: GoogleEvent): GoogleEvent {
    if (event.id !== undefined && event.id !== null) {
      if (!EVENT_ID.test(event.id)) throw invalid('Invalid resource id value.');
      if (calendarOf(this.state, calendar).events.has(event.id)) {
        throw new ApiError(409, 'duplicate', 'The requested identifier already exists.');
      }
    }
    if (!event.start || !event.end) throw invalid('Missing end time.');
    return insertEvent(this.state, calendar, event);
  }
}

function parseJson(raw: string): Record<string, never> {
  if (raw === '') return {};
  try {
    return JSON.parse(raw) as Record<string, never>;
  } catch {
    throw new ApiError(400, 'parseError', 'Parse Error');
  }
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
