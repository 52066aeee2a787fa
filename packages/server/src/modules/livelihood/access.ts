import { DomainError, regionPrefix, type Role, type AuthUser } from '@huiyin/core';

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

/** The region prefixes the user works in; an admin works everywhere ('' prefixes every code). */
export function prefixesOf(user: AuthUser): string[] {
  if (user.roles.includes('admin')) return [''];
  return [...new Set(user.units.map((u) => regionPrefix(u.regionCode)))];
}

export function covers(prefixes: readonly string[], regionCode: string): boolean {
  return prefixes.some((p) => regionCode.startsWith(p));
}

export function requireAny(user: AuthUser, roles: readonly Role[], what: string): string[] {
  if (!has(user, roles)) throw new DomainError('forbidden', `${what} is not among your roles`);
  return prefixesOf(user);
}

/** A write in a region the caller's units do not cover. */
export function requireRegion(prefixes: readonly string[], regionCode: string): void {
  if (!covers(prefixes, regionCode)) throw new DomainError('forbidden', `region ${regionCode} is outside your service area`);
}

/**
 * The codes of a region and of the regions above it (140311200201 → 140311200201, 140311200,
 * 140311, 140300, 140000), nearest first: the lists a region sees.
 */
export function regionAndAncestors(code: string): string[] {
  const out = [code];
  if (code.length === 12) out.push(code.slice(0, 9));
  if (code.length >= 9) out.push(code.slice(0, 6));
  const county = code.slice(0, 6);
  if (!county.endsWith('00')) out.push(`${county.slice(0, 4)}00`);
  if (!county.endsWith('0000')) out.push(`${county.slice(0, 2)}0000`);
  return [...new Set(out)];
}
