import { z } from 'zod';
import { STAFF_ROLES } from '../domain/staff/roles.ts';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/staff/password-policy.ts';
import { storable, text } from './text.ts';
import { Uuid } from './common.ts';

/** Staff accounts (owner routes). */

export const StaffEmail = z
  .email({ message: 'must be an email address' })
  .max(254)
  .refine(...storable)
  .transform((email) => email.toLowerCase())
  .meta({ example: 'ana@studio.example' });

/** Length is checked again in code points by domain/staff/password-policy.ts. */
export const Password = z
  .string()
  .refine(...storable)
  .min(PASSWORD_MIN_LENGTH, { message: `must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(PASSWORD_MAX_LENGTH * 2, { message: `must be at most ${PASSWORD_MAX_LENGTH} characters` });

export const StaffRoleSchema = z.enum(STAFF_ROLES);

const StaffName = text({ min: 1, max: 200, trim: true });

export const StaffAccountSchema = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    role: StaffRoleSchema,
    providerId: Uuid.nullable(),
    /** invited: no password yet; active; disabled: cannot sign in. */
    status: z.enum(['invited', 'active', 'disabled']),
    createdAt: z.string(),
  })
  .meta({ id: 'StaffAccount' });
export type StaffAccountDto = z.infer<typeof StaffAccountSchema>;

export const CreateStaffBodySchema = z
  .object({
    email: StaffEmail,
    name: StaffName,
    role: StaffRoleSchema,
    providerId: Uuid.optional().meta({ description: 'Required for role provider, refused otherwise.' }),
    password: Password.optional().meta({ description: 'Omit to invite the person by email.' }),
  })
  .strict();
export type CreateStaffBody = z.infer<typeof CreateStaffBodySchema>;

export const UpdateStaffBodySchema = z
  .object({
    name: StaffName.optional(),
    role: StaffRoleSchema.optional(),
    providerId: Uuid.nullable().optional(),
    disabled: z.boolean().optional().meta({ description: 'true: signs the account out and keeps it out.' }),
  })
  .strict();
export type UpdateStaffBody = z.infer<typeof UpdateStaffBodySchema>;
