import { SecretBox } from '../../adapters/crypto/secret-box.ts';
import {
  createQuickBooksPlatform,
  type QuickBooksPlatform,
} from '../../adapters/quickbooks/quickbooks-client.ts';
import type { Config } from '../../config.ts';
import { QuickBooksNotConfiguredError } from '../../domain/errors.ts';

/** What QuickBooks sync's use-cases need besides the tenant's scope. */
export interface QuickBooksServices {
  platform: QuickBooksPlatform;
  /** Seals and opens the tokens kept in quickbooks_connections (ENCRYPTION_KEY). */
  box: SecretBox;
  now: () => Date;
  log: QuickBooksLog;
}

/** The log calls the sync makes: pino's and the job runner's shape. Never given a token. */
export interface QuickBooksLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

/** One SecretBox per configuration, reused by every request and job. */
const boxes = new WeakMap<Config, SecretBox>();

/**
 * QuickBooks services for the configuration, or null when QuickBooks Online is not set up
 * (QUICKBOOKS_CLIENT_ID, PUBLIC_URL). The config guarantees ENCRYPTION_KEY with the client id.
 */
export function quickbooksServices(
  config: Config,
  now: () => Date,
  log: QuickBooksLog,
): QuickBooksServices | null {
  const platform = createQuickBooksPlatform(config, now);
  if (!platform || !config.ENCRYPTION_KEY) return null;
  let box = boxes.get(config);
  if (!box) {
    box = new SecretBox(config.ENCRYPTION_KEY, config.ENCRYPTION_KEY_PREVIOUS);
    boxes.set(config, box);
  }
  return { platform, box, now, log };
}

export function requireQuickBooksServices(services: QuickBooksServices | null): QuickBooksServices {
  if (!services) throw new QuickBooksNotConfiguredError();
  return services;
}

/** A failure's message for lastError and logs: our errors' messages hold no token or URL. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500);
}
