import { z } from 'zod';
import { ListQuery, Timestamp, Uuid } from './common.ts';
import { text } from './text.ts';

export const ResourceSchema = z
  .object({
    id: Uuid,
    name: z.string(),
    kind: z.string().meta({ example: 'room' }),
    capacity: z.number().int().meta({ description: 'How many bookings may hold the resource at once.' }),
    active: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Resource' });
export type ResourceDto = z.infer<typeof ResourceSchema>;

const ResourceFields = {
  name: text({ trim: true, min: 1, max: 200 }),
  kind: text({ trim: true, min: 1, max: 50 }).meta({ example: 'room' }),
  capacity: z.number().int().min(1).max(1000),
  active: z.boolean(),
};

export const CreateResourceBodySchema = z
  .object({
    name: ResourceFields.name,
    kind: ResourceFields.kind,
    capacity: ResourceFields.capacity.default(1),
    active: ResourceFields.active.default(true),
  })
  .strict();
export type CreateResourceBody = z.infer<typeof CreateResourceBodySchema>;

export const UpdateResourceBodySchema = z
  .object(ResourceFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one field' });
export type UpdateResourceBody = z.infer<typeof UpdateResourceBodySchema>;

export const ResourceListQuery = ListQuery.extend({ active: z.enum(['true', 'false']).optional() }).strict();
