import { z } from 'zod';
import { ApiKeyKind, ApiKeyMode } from '../generated/prisma/enums.ts';
import { Timestamp, Uuid } from './common.ts';
import { text } from './text.ts';

export const ApiKeyKindSchema = z.enum(ApiKeyKind);
export const ApiKeyModeSchema = z.enum(ApiKeyMode);

export const ApiKeySchema = z
  .object({
    id: Uuid,
    kind: ApiKeyKindSchema,
    mode: ApiKeyModeSchema,
    name: z.string().nullable(),
    prefix: z.string().meta({ description: 'The start of the key, safe to display.' }),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyDto = z.infer<typeof ApiKeySchema>;

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().meta({ description: 'The whole key. Shown once: it is stored only as a hash.' }),
}).meta({ id: 'CreatedApiKey' });

export const CreateApiKeyBodySchema = z
  .object({
    kind: ApiKeyKindSchema,
    mode: ApiKeyModeSchema.default('LIVE'),
    name: text({ trim: true, min: 1, max: 100 }).optional(),
  })
  .strict();
export type CreateApiKeyBody = z.infer<typeof CreateApiKeyBodySchema>;
