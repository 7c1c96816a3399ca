import type { Config } from '../../config.ts';
import type { Mailer } from './mailer.ts';
import { postmarkClient, PostmarkMailer } from './postmark-mailer.ts';
import { SkipMailer } from './skip-mailer.ts';

/** Postmark with a server token, else the mailer that only records (SKIPPED). */
export function mailerFromConfig(config: Config): Mailer {
  const token = config.POSTMARK_SERVER_TOKEN;
  return token ? new PostmarkMailer(postmarkClient(token, config.POSTMARK_API_BASE)) : new SkipMailer();
}
