import fp from 'fastify-plugin';
import type { Db } from '../../adapters/db/prisma-client.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
  }
}

/**
 * Makes the Prisma client available as `app.db`. The client is created by the
 * caller (server, start script or test) and closed here when the app closes.
 */
export const dbPlugin = fp<{ db: Db }>(
  async (app, { db }) => {
    app.decorate('db', db);
    app.addHook('onClose', async () => {
      await db.$disconnect();
    });
  },
  { name: 'db', fastify: '5.x' },
);
