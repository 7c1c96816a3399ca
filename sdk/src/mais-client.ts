import { BaseClient, type ClientOptions } from './client.ts';
import { MaisError } from './core/errors.ts';
import { PublicAppointments } from './resources/public/appointments.ts';
import { PublicAvailability } from './resources/public/availability.ts';
import { PublicBookingPage } from './resources/public/booking-page.ts';
import { PublicServices } from './resources/public/services.ts';
import { PublicTenantResource } from './resources/public/tenant.ts';

export interface MaisClientOptions extends ClientOptions {
  /** pk_live_… or pk_test_…: safe in a web page. */
  publishableKey: string;
}

/** The public API (/v1/public), for booking pages and widgets: a publishable key in `x-tenant-key`. */
export class MaisClient extends BaseClient {
  readonly #publishableKey: string;
  readonly tenant = new PublicTenantResource(this);
  readonly services = new PublicServices(this);
  readonly availability = new PublicAvailability(this);
  readonly bookingPage = new PublicBookingPage(this);
  readonly appointments = new PublicAppointments(this);

  constructor(options: MaisClientOptions) {
    super(options);
    const key = options.publishableKey;
    if (typeof key !== 'string' || key === '') throw new MaisError('publishableKey is required (pk_live_…).');
    // Refused here rather than by the API (403 wrong_key_kind): by then the secret has left the server.
    if (key.startsWith('sk_')) {
      throw new MaisError(
        'MaisClient takes a publishable key (pk_…), never a secret key: use MaisAdmin on a server.',
      );
    }
    this.#publishableKey = key;
  }

  protected authHeaders(): Record<string, string> {
    return { 'x-tenant-key': this.#publishableKey };
  }
}
