import { z } from 'zod';
import { ListQuery, Timestamp, Uuid } from './common.ts';
import { storable, text } from './text.ts';

/** The longest note, in characters (UTF-16 units, so never more code points: the table's check holds). */
export const CLIENT_NOTE_MAX = 5_000;

/** The client of a note: their email, any case, stored lower-cased as the clients report keys them. */
export const ClientNoteEmailParams = z
  .object({
    email: z
      .email({ message: 'must be an email address' })
      .max(254)
      .refine(...storable)
      .transform((email) => email.toLowerCase())
      .meta({ description: 'The client’s email, URL-encoded, any case.' }),
  })
  .strict();

export const ClientNoteBodySchema = z
  .object({
    body: text({ trim: true, min: 1, max: CLIENT_NOTE_MAX }).meta({
      description: `The note, 1–${CLIENT_NOTE_MAX} characters after trimming.`,
    }),
  })
  .strict();
export type ClientNoteBody = z.infer<typeof ClientNoteBodySchema>;

export const ClientNoteListQuery = ListQuery;

export const ClientNoteSchema = z
  .object({
    id: Uuid,
    clientEmail: z.string().meta({ description: 'The client, lower-cased.' }),
    body: z.string(),
    author: z.object({
      accountId: Uuid.nullable().meta({
        description: 'The staff account that wrote it; null when a secret key did (name "API key").',
      }),
      name: z.string().meta({ description: 'The author’s name when the note was written.' }),
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp.meta({ description: 'Equal to createdAt until the note is edited.' }),
  })
  .meta({ id: 'ClientNote' });
export type ClientNoteDto = z.infer<typeof ClientNoteSchema>;
