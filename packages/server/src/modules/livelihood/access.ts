import { DomainError, coversRegion, regionPrefix, type Role, type AuthUser } from '@huiyin/core';

/**
 * Who may do what with livelihood matters and projects. Everyone works inside the regions of
 * their units (a county unit: the county and everything under it); a list of a region above is
 * read by the regions below it; a project is also the business of its cadre and its lead unit.
 */
export const manageRoles: readonly Role[] = ['livelihood_officer', 'admin'];
export const collectRoles: readonly Role[] = ['livelihood_officer', 'clerk', 'grid_worker', 'admin'];
export const readRoles: readonly Role[] = [
  ...collectRoles,
  'leader',
  'supervisor',
  'dispatcher',
  'safety_net_officer',
  'handler',
  'unit_head',
];
/** Who may check and strike off a finished project. */
export const acceptRoles: readonly Role[] = ['livelihood_officer', 'supervisor', 'admin'];
/** Who reads any cadre's duty list of their regions. */
export const overseeRoles: readonly Role[] = ['livelihood_officer', 'supervisor', 'admin'];

export function has(user: AuthUser, roles: readonly Role[]): boolean {
  return user.roles.some((r) => roles.includes(r));
}

/** The region prefixes the user works in: their units' regions, whatever their roles (an admin's too). */
export function prefixesOf(user: AuthUser): string[] {
  return [...new Set(user.units.map((u) => regionPrefix(u.regionCode)))];
}

export function requireAny(user: AuthUser, roles: readonly Role[], what: string): string[] {
  if (!has(user, roles)) throw new DomainError('forbidden', `${what} is not among your roles`);
  return prefixesOf(user);
}

/** A write in a region the caller's units do not cover. */
export function requireRegion(prefixes: readonly string[], regionCode: string): void {
  if (!coversRegion(prefixes, regionCode)) throw new DomainError('forbidden', `region ${regionCode} is outside your service area`);
}
