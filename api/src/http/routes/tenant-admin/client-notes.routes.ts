import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { NoteAuthor } from '../../../adapters/db/repositories/client-notes.repository.ts';
import { authenticatedErrors, IdParams, pageOf } from '../../../schemas/common.ts';
import {
  ClientNoteBodySchema,
  ClientNoteEmailParams,
  ClientNoteListQuery,
  ClientNoteSchema,
} from '../../../schemas/client-note.schemas.ts';

const tags = ['Clients'];
const security = [{ secretKey: [] }];

/** The staff member signed in, or "API key" for a secret key (which acts as an owner). */
function authorOf(request: FastifyRequest): NoteAuthor {
  const staff = request.auth?.staff;
  return staff ? { accountId: staff.id, name: staff.name } : { accountId: null, name: 'API key' };
}

/** Staff notes about a client (managers and owners; provider sessions are refused: 403). */
export const clientNotesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/clients/:email/notes', {
    schema: {
      tags,
      security,
      summary: "A client's notes, newest first",
      description: 'Empty when the client has none (or the tenant has no such client).',
      params: ClientNoteEmailParams,
      querystring: ClientNoteListQuery,
      response: { 200: pageOf(ClientNoteSchema), ...authenticatedErrors },
    },
    handler: async (request) => request.scope.clientNotes.list(request.params.email, request.query),
  });

  app.post('/clients/:email/notes', {
    schema: {
      tags,
      security,
      summary: 'Add a note to a client',
      description:
        'The author is the signed-in staff member ("API key" for a secret key). 404 when the tenant has no ' +
        'appointment for that email.',
      params: ClientNoteEmailParams,
      body: ClientNoteBodySchema,
      response: { 201: ClientNoteSchema, ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      const note = await request.scope.clientNotes.create(
        request.params.email,
        request.body.body,
        authorOf(request),
      );
      return reply.status(201).send(note);
    },
  });

  app.patch('/client-notes/:id', {
    schema: {
      tags,
      security,
      summary: "Change a note's text",
      description: 'The author stays the one who wrote it; updatedAt records the edit.',
      params: IdParams,
      body: ClientNoteBodySchema,
      response: { 200: ClientNoteSchema, ...authenticatedErrors },
    },
    handler: async (request) => request.scope.clientNotes.update(request.params.id, request.body.body),
  });

  app.delete('/client-notes/:id', {
    schema: {
      tags,
      security,
      summary: 'Delete a note',
      params: IdParams,
      response: { 204: z.void().meta({ description: 'Deleted.' }), ...authenticatedErrors },
    },
    handler: async (request, reply) => {
      await request.scope.clientNotes.remove(request.params.id);
      return reply.status(204).send();
    },
  });
};
