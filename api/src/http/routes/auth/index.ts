import type { FastifyPluginAsync } from 'fastify';
import { passwordResetRoutes } from './password-resets.routes.ts';
import { sessionRoutes } from './sessions.routes.ts';

/** /v1/auth: staff sign-in, sessions, invitations and password resets. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  await app.register(sessionRoutes);
  await app.register(passwordResetRoutes);
};
