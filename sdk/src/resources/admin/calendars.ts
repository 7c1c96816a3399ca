import type { RequestOptions } from '../../client.ts';
import { ApiResource } from '../../core/resource.ts';
import { path } from '../../internal/path.ts';
import type { CalendarFeedLink, GoogleAuthorization, GoogleCalendarStatus } from '../../types.ts';

/**
 * Calendars outside MAIS: a provider's Google Calendar (both ways), and secret ICS URLs any
 * calendar app can subscribe to, per provider or for the whole tenant.
 */
export class Calendars extends ApiResource {
  /** Where to send the provider to allow access to their Google Calendar (the link works once, briefly). */
  async connectGoogle(providerId: string, options?: RequestOptions): Promise<GoogleAuthorization> {
    return this.client.request({
      method: 'POST',
      path: path`/v1/tenant-admin/providers/${providerId}/calendar/google`,
      options,
    });
  }

  /** Whether the provider's Google Calendar is connected, and how its sync is doing. */
  async googleStatus(providerId: string, options?: RequestOptions): Promise<GoogleCalendarStatus> {
    return this.client.request({
      method: 'GET',
      path: path`/v1/tenant-admin/providers/${providerId}/calendar/google`,
      options,
    });
  }

  /** Stops syncing, revokes the access and forgets it. */
  async disconnectGoogle(providerId: string, options?: RequestOptions): Promise<void> {
    await this.client.request({
      method: 'DELETE',
      path: path`/v1/tenant-admin/providers/${providerId}/calendar/google`,
      options,
    });
  }

  /** The ICS subscription URL of one provider's appointments, or the whole tenant's without `providerId`. */
  async feed(providerId?: string, options?: RequestOptions): Promise<CalendarFeedLink> {
    return this.client.request({ method: 'GET', path: feedPath(providerId), options });
  }

  /** A new ICS URL; the old one stops working at once. */
  async rotateFeed(providerId?: string, options?: RequestOptions): Promise<CalendarFeedLink> {
    return this.client.request({ method: 'POST', path: feedPath(providerId), options });
  }
}

function feedPath(providerId: string | undefined): string {
  return providerId === undefined
    ? '/v1/tenant-admin/ics-feed'
    : path`/v1/tenant-admin/providers/${providerId}/ics-feed`;
}
