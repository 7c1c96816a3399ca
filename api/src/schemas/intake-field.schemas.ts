import { z } from 'zod';
import { IntakeFieldType } from '../generated/prisma/enums.ts';
import { Uuid } from './common.ts';
import { text } from './text.ts';

export const IntakeFieldTypeSchema = z.enum(IntakeFieldType);

export const IntakeFieldSchema = z
  .object({
    id: Uuid,
    serviceId: Uuid,
    label: z.string(),
    fieldType: IntakeFieldTypeSchema,
    required: z.boolean(),
    options: z.array(z.string()),
    placeholder: z.string().nullable(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'IntakeField' });
export type IntakeFieldDto = z.infer<typeof IntakeFieldSchema>;

export const IntakeFieldInputSchema = z
  .object({
    id: Uuid.optional().meta({ description: 'Keep (and update) an existing field; omit to add a new one.' }),
    label: text({ trim: true, min: 1, max: 200 }),
    fieldType: IntakeFieldTypeSchema,
    required: z.boolean().default(false),
    options: z
      .array(text({ trim: true, min: 1, max: 200 }))
      .max(50)
      .optional(),
    placeholder: text({ max: 200 }).optional(),
  })
  .strict()
  .superRefine((field, ctx) => {
    if (field.fieldType === 'SELECT' && (field.options?.length ?? 0) === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'a SELECT field needs at least one option',
      });
    }
    if (field.fieldType !== 'SELECT' && field.options !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'only SELECT fields take options' });
    }
    if (field.options && new Set(field.options).size !== field.options.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'options must be distinct' });
    }
  });

export const PutIntakeFieldsBodySchema = z.array(IntakeFieldInputSchema).max(50);
export type PutIntakeFieldsBody = z.infer<typeof PutIntakeFieldsBodySchema>;
