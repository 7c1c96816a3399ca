/**
 * The two staff emails, in English: an invitation to the console and a password-reset link.
 * The links open the console (/admin), which reads the token from the fragment: a fragment is
 * never sent to a server, so the token stays out of access logs and Referer headers.
 */

export const STAFF_MESSAGE_KINDS = ['staff-invite', 'password-reset'] as const;
export type StaffMessageKind = (typeof STAFF_MESSAGE_KINDS)[number];

export interface StaffMessage {
  kind: StaffMessageKind;
  subject: string;
  textBody: string;
}

/**
 * Stands for the link's token in a stored message: the token is a secret, kept sealed beside the
 * message and put in only as the email leaves (hasStaffLinkTokenSlot, withStaffLinkToken).
 */
export const STAFF_LINK_TOKEN_SLOT = 'MAIS-STAFF-LINK-TOKEN-SLOT';

/** The console's page for the link, with the token's slot (or a token, once it is put in). */
export function staffLink(
  publicUrl: string | undefined,
  kind: StaffMessageKind,
  token = STAFF_LINK_TOKEN_SLOT,
): string {
  const base = publicUrl ?? 'http://localhost:3000';
  return `${base}/admin/#/${kind === 'staff-invite' ? 'accept' : 'reset'}/${token}`;
}

export function hasStaffLinkTokenSlot(text: string): boolean {
  return text.includes(STAFF_LINK_TOKEN_SLOT);
}

export function withStaffLinkToken(text: string, token: string): string {
  return text.replaceAll(STAFF_LINK_TOKEN_SLOT, token);
}

export function staffInviteMessage(input: {
  name: string;
  businessName: string;
  link: string;
}): StaffMessage {
  return {
    kind: 'staff-invite',
    subject: `You are invited to ${input.businessName}'s console`,
    textBody: [
      `Hello ${input.name},`,
      '',
      `You have been invited to manage ${input.businessName} on MAIS Scheduling.`,
      `Choose your password here (the link works once, for 7 days):`,
      input.link,
    ].join('\n'),
  };
}

export function passwordResetMessage(input: {
  name: string;
  businessName: string;
  link: string;
}): StaffMessage {
  return {
    kind: 'password-reset',
    subject: `Reset your password for ${input.businessName}`,
    textBody: [
      `Hello ${input.name},`,
      '',
      `Someone asked to reset your password for ${input.businessName}. Choose a new one here`,
      '(the link works once, for 1 hour):',
      input.link,
      '',
      'If it was not you, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}
