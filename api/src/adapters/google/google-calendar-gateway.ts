import { auth, calendar, type calendar_v3 } from '@googleapis/calendar';
import type { BookingEvent } from '../../domain/calendar/booking-event.ts';
import type {
  CalendarConnection,
  EventListing,
  EventQuery,
  GoogleCalendarGateway,
  GoogleTokens,
  NewChannel,
  OpenChannel,
  StoredCredentials,
} from './calendar-gateway.ts';
import { GoogleRefusedError } from './calendar-gateway.ts';
import { callGoogle, statusOf } from './google-errors.ts';
import { fromGoogleEvent, toGoogleEvent } from './google-event-mapping.ts';

type OAuth2Client = InstanceType<typeof auth.OAuth2>;

/**
 * Events and channels only: the narrowest scope that can write a provider's events, list them and
 * watch them (https://developers.google.com/calendar/api/auth). The consent screen then says
 * "view and edit events", not "delete all your calendars".
 */
export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar.events';

/** Google sends at most 2,500 events a page; 250 is its default. A runaway listing stops here. */
const PAGE_SIZE = 250;
const MAX_PAGES = 200;

export interface GoogleEndpoints {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  notificationAddress: string;
  /** The Calendar API's root ("https://www.googleapis.com/"); a fake's in tests. */
  apiRoot: string | undefined;
  /** Base of the consent page, token and revoke endpoints (`/auth`, `/token`, `/revoke`); Google's by default. */
  oauthBase: string | undefined;
  timeoutMs: number;
}

/** GoogleCalendarGateway over @googleapis/calendar, with one OAuth2 client per provider's credentials. */
export class GoogleApisCalendarGateway implements GoogleCalendarGateway {
  private readonly consentClient: OAuth2Client;

  constructor(private readonly endpoints: GoogleEndpoints) {
    this.consentClient = this.oauthClient();
  }

  get notificationAddress(): string {
    return this.endpoints.notificationAddress;
  }

  authorizationUrl(state: string): string {
    return this.consentClient.generateAuthUrl({
      // offline + consent: Google gives a refresh token on every consent, also a provider's second.
      access_type: 'offline',
      prompt: 'consent',
      scope: [CALENDAR_SCOPE],
      include_granted_scopes: true,
      state,
    });
  }

  async exchangeCode(code: string): Promise<GoogleTokens> {
    const { tokens } = await callGoogle(() => this.consentClient.getToken(code), 'token exchange');
    if (!tokens.refresh_token) throw new GoogleRefusedError('Google token exchange: no refresh token', null);
    return {
      refreshToken: tokens.refresh_token,
      accessToken: tokens.access_token ?? null,
      accessExpiresAt: tokens.expiry_date ? new Date(tokens.expiry_date) : null,
    };
  }

  async revoke(token: string): Promise<void> {
    await callGoogle(() => this.consentClient.revokeToken(token), 'token revocation');
  }

  connect(credentials: StoredCredentials): CalendarConnection {
    const client = this.oauthClient();
    client.setCredentials({
      refresh_token: credentials.refreshToken,
      ...(credentials.accessToken ? { access_token: credentials.accessToken } : {}),
      ...(credentials.accessExpiresAt ? { expiry_date: credentials.accessExpiresAt.getTime() } : {}),
    });
    return new GoogleApisConnection(
      client,
      calendar({
        version: 'v3',
        auth: client,
        // Callers decide about retries: a job is retried by its queue, a webhook by Google.
        retry: false,
        timeout: this.endpoints.timeoutMs,
        ...(this.endpoints.apiRoot ? { rootUrl: this.endpoints.apiRoot } : {}),
      }),
      credentials.refreshToken,
    );
  }

  private oauthClient(): OAuth2Client {
    const base = this.endpoints.oauthBase?.replace(/\/+$/, '');
    return new auth.OAuth2({
      clientId: this.endpoints.clientId,
      clientSecret: this.endpoints.clientSecret,
      redirectUri: this.endpoints.redirectUri,
      // A stored access token Google refuses (revoked early) is refreshed once, then the call repeated.
      forceRefreshOnFailure: true,
      ...(base
        ? {
            endpoints: {
              oauth2AuthBaseUrl: `${base}/auth`,
              oauth2TokenUrl: `${base}/token`,
              oauth2RevokeUrl: `${base}/revoke`,
            },
          }
        : {}),
    });
  }
}

class GoogleApisConnection implements CalendarConnection {
  private refreshed: GoogleTokens | null = null;

  constructor(
    client: OAuth2Client,
    private readonly api: calendar_v3.Calendar,
    refreshToken: string,
  ) {
    client.on('tokens', (tokens) => {
      this.refreshed = {
        refreshToken: tokens.refresh_token ?? this.refreshed?.refreshToken ?? refreshToken,
        accessToken: tokens.access_token ?? null,
        accessExpiresAt: tokens.expiry_date ? new Date(tokens.expiry_date) : null,
      };
    });
  }

  refreshedTokens(): GoogleTokens | null {
    return this.refreshed;
  }

  async upsertEvent(calendarId: string, event: BookingEvent): Promise<void> {
    const requestBody = toGoogleEvent(event);
    // Invitations are e-mailed only when the client is an attendee (the tenant's choice).
    const sendUpdates = event.attendee ? 'all' : 'none';
    try {
      await callGoogle(
        () => this.api.events.insert({ calendarId, requestBody, sendUpdates }),
        'events.insert',
      );
    } catch (error) {
      // The id exists: an earlier push made it (maybe since deleted: Google keeps deleted events
      // as cancelled, and the patch's status brings it back).
      if (statusOf(error) !== 409) throw error;
      await callGoogle(
        () => this.api.events.patch({ calendarId, eventId: event.id, requestBody, sendUpdates }),
        'events.patch',
      );
    }
  }

  async deleteEvent(calendarId: string, eventId: string): Promise<void> {
    try {
      await callGoogle(
        () => this.api.events.delete({ calendarId, eventId, sendUpdates: 'all' }),
        'events.delete',
      );
    } catch (error) {
      // 404: never made; 410: deleted already. Either way, gone.
      if (statusOf(error) !== 404 && statusOf(error) !== 410) throw error;
    }
  }

  async listEvents(calendarId: string, query: EventQuery): Promise<EventListing> {
    const events: EventListing['events'] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { data } = await callGoogle(
        () =>
          this.api.events.list({
            calendarId,
            singleEvents: true,
            maxResults: PAGE_SIZE,
            ...('syncToken' in query
              ? { syncToken: query.syncToken } // deleted events always come with a sync token
              : {
                  timeMin: query.timeMin.toISOString(),
                  timeMax: query.timeMax.toISOString(),
                  showDeleted: false,
                }),
            ...(pageToken ? { pageToken } : {}),
          }),
        'events.list',
      );
      events.push(...(data.items ?? []).map(fromGoogleEvent));
      if (data.nextPageToken) {
        pageToken = data.nextPageToken;
        continue;
      }
      if (!data.nextSyncToken) throw new GoogleRefusedError('Google events.list: no sync token', null);
      return { events, nextSyncToken: data.nextSyncToken };
    }
    throw new GoogleRefusedError(`Google events.list: more than ${MAX_PAGES} pages`, null);
  }

  async watch(calendarId: string, channel: NewChannel): Promise<OpenChannel> {
    const { data } = await callGoogle(
      () =>
        this.api.events.watch({
          calendarId,
          requestBody: {
            id: channel.id,
            type: 'web_hook',
            address: channel.address,
            token: channel.token,
            params: { ttl: String(channel.ttlSeconds) },
          },
        }),
      'events.watch',
    );
    if (!data.resourceId) throw new GoogleRefusedError('Google events.watch: no resource id', null);
    const expiration = Number(data.expiration);
    return {
      id: channel.id,
      resourceId: data.resourceId,
      expiresAt: new Date(Number.isFinite(expiration) && expiration > 0 ? expiration : Date.now()),
    };
  }

  async stopChannel(channel: { id: string; resourceId: string }): Promise<void> {
    try {
      await callGoogle(() => this.api.channels.stop({ requestBody: channel }), 'channels.stop');
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
}
