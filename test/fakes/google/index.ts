import { deleteEvent, insertEvent, patchEvent } from './calendar-changes.ts';
import { deliver, fetchSender, isOpen, type Delivery, type Sender } from './channels.ts';
import type { RequestPattern } from './faults.ts';
import { consent, revokeGrant, type ConsentOptions } from './oauth.ts';
import { instancesOf, isRecurring } from './recurrence.ts';
import { FakeGoogleServer, type RequestRecord } from './server.ts';
import {
  calendarOf,
  createState,
  resetState,
  type Channel,
  type FakeGoogleState,
  type GoogleEvent,
} from './state.ts';

export type { ConsentOptions, Delivery, GoogleEvent, RequestPattern, RequestRecord, Sender };

export interface FakeGoogleOptions {
  /** The OAuth client the fake accepts (defaults below). */
  clientId?: string;
  clientSecret?: string;
  /** The clock for tokens, codes, channels and timestamps (default: the real one). */
  now?: () => Date;
  port?: number;
}

export interface FakeGoogle {
  /** `http://127.0.0.1:PORT`: GOOGLE_OAUTH_BASE; the Calendar API's root is `apiRoot`. */
  url: string;
  /** `http://127.0.0.1:PORT/`, for GOOGLE_API_BASE. */
  apiRoot: string;
  port: number;
  clientId: string;
  clientSecret: string;
  state: FakeGoogleState;
  /** Every request received, oldest first. */
  readonly requests: RequestRecord[];
  /** The person at Google's consent page: returns where the browser is sent back (redirect_uri?code&state). */
  consent(authorizationUrl: string, options: ConsentOptions): string;
  /** An account's events as stored (deleted ones too, cancelled), recurring ones unexpanded. */
  events(email: string): GoogleEvent[];
  /** One event by id (an instance id of a recurring event too), or undefined. */
  event(email: string, id: string): GoogleEvent | undefined;
  /** The account's owner edits their calendar (open channels are notified). */
  createEvent(email: string, event: GoogleEvent): GoogleEvent;
  patchEvent(email: string, id: string, patch: GoogleEvent): GoogleEvent;
  deleteEvent(email: string, id: string): void;
  /** Every refresh token issued, revoked or not (to look for them where they must not be). */
  refreshTokens(): string[];
  /** The account revokes our access (or Google expires it): refresh tokens answer invalid_grant. */
  revokeAccess(email: string): void;
  /** Every sync token handed out so far answers 410 (Google expired them). */
  invalidateSyncTokens(email?: string): void;
  channels(): Channel[];
  openChannels(): Channel[];
  /** The next `times` requests matching `pattern` answer `status` (500 by default) or never ('hang'), doing nothing. */
  failNext(pattern: RequestPattern, status?: number | 'hang', times?: number): void;
  /** Notifications waiting to be sent, oldest first. */
  readonly pendingNotifications: FakeGoogleState['notifications'];
  /** Sends the waiting notifications in order, with fetch or `via`; resolves to each one's status. */
  deliverNotifications(via?: Sender): Promise<Delivery[]>;
  /** Forgets everything: accounts, events, tokens, channels, requests, faults. */
  clear(): void;
  close(): Promise<void>;
}

export async function startFakeGoogle(options: FakeGoogleOptions = {}): Promise<FakeGoogle> {
  const state = createState({
    now: options.now ?? (() => new Date()),
    clientId: options.clientId ?? 'fake-client-id.apps.googleusercontent.com',
    clientSecret: options.clientSecret ?? 'fake-client-secret',
  });
  const server = new FakeGoogleServer(state);
  const port = await server.listen(options.port);
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    apiRoot: `${url}/`,
    port,
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    state,
    get requests() {
      return server.requests;
    },
    consent: (authorizationUrl, consentOptions) =>
      consent(state, `${url}/auth`, authorizationUrl, consentOptions),
    events: (email) => [...calendarOf(state, email).events.values()].map((stored) => stored.resource),
    event(email, id) {
      const calendar = calendarOf(state, email);
      const stored = calendar.events.get(id);
      if (stored) return stored.resource;
      const parent = [...calendar.events.values()].find((s) => id.startsWith(`${s.resource.id}_`));
      return parent && isRecurring(parent.resource)
        ? instancesOf(parent).find((instance) => instance.id === id)
        : undefined;
    },
    createEvent(email, event) {
      if (event.id && !/^[a-v0-9]{5,1024}$/.test(event.id))
        throw new Error(`fake Google: invalid event id ${event.id}`);
      return insertEvent(state, email, event);
    },
    patchEvent: (email, id, patch) => patchEvent(state, email, id, patch),
    deleteEvent: (email, id) => deleteEvent(state, email, id),
    refreshTokens: () => [...state.grants.keys()],
    revokeAccess(email) {
      for (const grant of state.grants.values()) if (grant.email === email) revokeGrant(state, grant);
    },
    invalidateSyncTokens(email) {
      for (const calendar of state.calendars.values()) {
        if (email === undefined || calendar.owner === email) calendar.tokenGeneration += 1;
      }
    },
    channels: () => [...state.channels.values()],
    openChannels: () => [...state.channels.values()].filter((channel) => isOpen(state, channel)),
    failNext: (pattern, status = 500, times = 1) => server.faults.add(pattern, status, times),
    get pendingNotifications() {
      return state.notifications;
    },
    deliverNotifications: (via) => deliver(state, via ?? fetchSender),
    clear() {
      resetState(state);
      server.requests.length = 0;
      server.faults.clear();
    },
    close: () => server.close(),
  };
}
