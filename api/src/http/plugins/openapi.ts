import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the routes
 * validate with, at /openapi.json; Swagger UI at /docs.
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
          },
        },
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi', fastify: '5.x' },
);
