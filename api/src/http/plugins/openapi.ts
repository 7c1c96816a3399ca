import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * The one inline style Swagger UI needs: the <style> inside its top bar's SVG
 * logo (swagger-ui-standalone-preset.js). Allowed by its hash, not by
 * 'unsafe-inline'; test/routes/security-headers.test.ts fails if an upgrade
 * brings other inline styles.
 */
export const SWAGGER_LOGO_STYLE_HASH = 'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w=';

/**
 * What Swagger UI (@fastify/swagger-ui 6) needs and no more. Its page loads
 * only its own files (three scripts, two style sheets; no inline script, the
 * package's static/csp.json lists no hashes) plus the logo's inline style
 * above; its style sheets use `data:` images; it fetches the document from
 * ./json, and "Try it out" calls this API, both same-origin. The validator
 * badge is off (validatorUrl null), so no outside image. Nothing may frame it.
 * Checked in Chromium: the page renders, expands and runs "Try it out" with
 * no CSP violation.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' '${SWAGGER_LOGO_STYLE_HASH}'`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes
 * validate with, at /openapi.json; Swagger UI at /docs, under a CSP.
 */
export const openApiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'MAIS Scheduling API',
          version: '1.0.0',
          description:
            'Public routes (/v1/public) take a publishable key in `x-tenant-key`. ' +
            'Admin routes (/v1/tenant-admin) take a secret key as `Authorization: Bearer sk_…`. ' +
            'Errors have the shape `{ "error": { "code", "message", "details"? } }`.',
        },
        components: {
          securitySchemes: {
            publishableKey: { type: 'apiKey', in: 'header', name: 'x-tenant-key' },
            secretKey: {
              type: 'http',
              scheme: 'bearer',
              description: 'A secret key, sk_live_… or sk_test_…',
            },
            platformToken: { type: 'http', scheme: 'bearer', description: 'PLATFORM_API_TOKEN' },
            session: {
              type: 'apiKey',
              in: 'cookie',
              name: 'mais_session',
              description:
                'A staff session from POST /v1/auth/sessions; state-changing requests also send x-csrf-token.',
            },
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    // A context of its own, so the hook covers /docs and nothing else.
    await app.register(async (docs) => {
      docs.addHook('onSend', async (_request, reply, payload) => {
        reply
          .header('content-security-policy', DOCS_CONTENT_SECURITY_POLICY)
          // For browsers without frame-ancestors.
          .header('x-frame-options', 'DENY');
        return payload;
      });
      await docs.register(swaggerUi, { routePrefix: '/docs' });
    });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi', fastify: '5.x' },
);
