import { z } from 'zod';
import { Uuid } from './common.ts';
import { Password, StaffEmail, StaffRoleSchema } from './staff.schemas.ts';
import { SafeText, storable, text } from './text.ts';

/** Sign-in, sessions, invitations and password resets (/v1/auth). */

const TenantSlug = SafeText.max(100).meta({
  description: 'Only when the email has accounts with several businesses.',
});

/** At sign-in any length up to the maximum is tried: the policy applies when a password is set. */
const GivenPassword = z
  .string()
  .min(1)
  .max(400)
  .refine(...storable);

export const SignInBodySchema = z
  .object({ email: StaffEmail, password: GivenPassword, tenantSlug: TenantSlug.optional() })
  .strict();
export type SignInBody = z.infer<typeof SignInBodySchema>;

export const SignedInAccountSchema = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    role: StaffRoleSchema,
    providerId: Uuid.nullable(),
    tenant: z.object({
      id: Uuid,
      slug: z.string(),
      name: z.string(),
      timezone: z.string().meta({ description: "The business's IANA zone: the console draws times in it." }),
      currency: z.string(),
    }),
  })
  .meta({ id: 'SignedInAccount' });
export type SignedInAccount = z.infer<typeof SignedInAccountSchema>;

export const SessionSchema = z
  .object({
    account: SignedInAccountSchema,
    csrfToken: z.string().meta({ description: 'Send it as x-csrf-token on every POST/PUT/PATCH/DELETE.' }),
  })
  .meta({ id: 'StaffSession' });

export const PasswordResetRequestSchema = z
  .object({ email: StaffEmail, tenantSlug: TenantSlug.optional() })
  .strict();

export const TokenParams = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a link token') })
  .strict();

export const NewPasswordBodySchema = z.object({ password: Password }).strict();

export const AcceptInvitationBodySchema = z
  .object({ password: Password, name: text({ min: 1, max: 200, trim: true }).optional() })
  .strict();

export const AcceptedSchema = z.object({ account: SignedInAccountSchema });

export const AcceptedRequestSchema = z.object({
  accepted: z.literal(true),
  message: z.string(),
});
