import type { FastifyReply } from 'fastify';
import { redactUrl } from './log-redaction.ts';

/**
 * What an OAuth callback route (Google Calendar, QuickBooks) logs of its request: the URL carries
 * the authorization code and our state, so both are redacted, as tokens are everywhere.
 */
export const oauthCallbackLogSerializers = {
  req: (request: { method: string; url: string }) => ({
    method: request.method,
    url: redactUrl(request.url).replace(/([?&](?:code|state)=)[^&]*/g, '$1[redacted]'),
  }),
};

/**
 * The page a browser shows once an OAuth connection is made: static text (`title` and `message`
 * are ours, never input), nothing to load or run, so its CSP allows only its one inline style.
 */
export function sendConnectedPage(reply: FastifyReply, title: string, message: string) {
  const page = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem">
<h1>${title}</h1>
<p>${message}</p>
</body>
</html>
`;
  return reply
    .type('text/html; charset=utf-8')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    )
    .send(page);
}
