/**
 * Staff roles and what each may call. Every admin route declares the least role it needs
 * (`config.access`); a route that declares nothing needs `manager`, so a provider session is
 * refused wherever it was not explicitly let in. A secret key counts as an owner.
 */

export const STAFF_ROLES = ['owner', 'manager', 'provider'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** The least role a route needs. */
export type Access = StaffRole;
export const DEFAULT_ACCESS: Access = 'manager';

const RANK: Record<StaffRole, number> = { provider: 1, manager: 2, owner: 3 };

/** Whether `role` may call a route that needs `access` (undefined: the default). */
export function mayCall(role: StaffRole, access: Access | undefined): boolean {
  return RANK[role] >= RANK[access ?? DEFAULT_ACCESS];
}

/**
 * What a provider-level route is about, so the API can check that a provider session touches
 * only its own: `providerParam` (`:id` is a provider id), `appointmentParam` (`:id` is an
 * appointment id), `overrideParam` (`:id` is an availability override), `overrideBody` (the
 * body's `providerId`), and lists whose `providerId` is forced to the session's
 * (`appointmentList`, `overrideList`, `busyBlockList`).
 */
export type Ownership =
  | 'providerParam'
  | 'appointmentParam'
  | 'appointmentList'
  | 'overrideParam'
  | 'overrideBody'
  | 'overrideList'
  | 'busyBlockList';

/** A role in the database's spelling (OWNER…) and back. */
export function toDbRole(role: StaffRole): 'OWNER' | 'MANAGER' | 'PROVIDER' {
  return role.toUpperCase() as 'OWNER' | 'MANAGER' | 'PROVIDER';
}
export function fromDbRole(role: 'OWNER' | 'MANAGER' | 'PROVIDER'): StaffRole {
  return role.toLowerCase() as StaffRole;
}
