import { SecretBox } from '../../adapters/crypto/secret-box.ts';
import type { GoogleCalendarGateway } from '../../adapters/google/calendar-gateway.ts';
import { createGoogleCalendarGateway } from '../../adapters/google/google-client.ts';
import type { Config } from '../../config.ts';
import { CalendarNotConfiguredError } from '../../domain/errors.ts';

/** What calendar sync's use-cases need besides the tenant's scope. */
export interface CalendarServices {
  google: GoogleCalendarGateway;
  /** Seals and opens the tokens kept in calendar_syncs (ENCRYPTION_KEY). */
  box: SecretBox;
  now: () => Date;
  log: CalendarLog;
}

/** The log calls calendar sync makes: pino's and the job runner's shape. */
export interface CalendarLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
  error(data: object, message: string): void;
}

/** One SecretBox per configuration, reused by every request and job. */
const boxes = new WeakMap<Config, SecretBox>();

/**
 * Calendar services for `google` (the app's, or one built from the config for jobs), or null when
 * Google Calendar is not set up. The config guarantees ENCRYPTION_KEY with GOOGLE_CLIENT_ID.
 */
export function calendarServices(
  config: Config,
  google: GoogleCalendarGateway | null,
  now: () => Date,
  log: CalendarLog,
): CalendarServices | null {
  if (!google || !config.ENCRYPTION_KEY) return null;
  let box = boxes.get(config);
  if (!box) {
    box = new SecretBox(config.ENCRYPTION_KEY, config.ENCRYPTION_KEY_PREVIOUS);
    boxes.set(config, box);
  }
  return { google, box, now, log };
}

export function requireCalendarServices(services: CalendarServices | null): CalendarServices {
  if (!services) throw new CalendarNotConfiguredError();
  return services;
}

/** One gateway per configuration for the jobs (the app has its own, app.googleCalendar). */
const gateways = new WeakMap<Config, GoogleCalendarGateway | null>();

export function googleGatewayFor(config: Config): GoogleCalendarGateway | null {
  if (!gateways.has(config)) gateways.set(config, createGoogleCalendarGateway(config));
  return gateways.get(config) ?? null;
}
