import { coversRegion, type AuthUser } from '@huiyin/core';
import { regionAndAncestors } from '../regions/region-names.ts';
import { has, manageRoles, prefixesOf, readRoles } from './access.ts';
import type { ProjectRow } from './projects.repo.ts';

/**
 * Who may do what with one key project (pure: the project row and the user). The projects, photos
 * and letter services all ask here.
 */

/** May the user read the project? Its region is theirs, or they are its cadre or in its lead unit. */
export function canRead(p: ProjectRow, user: AuthUser): boolean {
  if (p.cadreUserId === user.id) return true;
  if (p.leadUnitId !== null && user.units.some((u) => u.id === p.leadUnitId)) return true;
  return has(user, readRoles) && (coversRegion(prefixesOf(user), p.regionCode) || aboveOf(user).includes(p.regionCode));
}

/** The regions above the user's units (a district reads the city's and the province's lists). */
export function aboveOf(user: AuthUser): string[] {
  return [...new Set(user.units.flatMap((u) => regionAndAncestors(u.regionCode).slice(1)))];
}

export function canManage(p: ProjectRow, user: AuthUser): boolean {
  return has(user, manageRoles) && coversRegion(prefixesOf(user), p.regionCode);
}

export function canReport(p: ProjectRow, user: AuthUser): boolean {
  if (!['assigned', 'signed'].includes(p.status)) return false;
  if (p.cadreUserId === user.id) return true;
  if (p.leadUnitId !== null && user.units.some((u) => u.id === p.leadUnitId) && has(user, ['handler', 'unit_head'])) return true;
  return canManage(p, user);
}

export function canReadLetter(p: ProjectRow, user: AuthUser): boolean {
  if (p.letterNo === null) return false;
  if (p.cadreUserId === user.id) return true;
  return has(user, ['leader', 'livelihood_officer', 'supervisor', 'admin']) && coversRegion(prefixesOf(user), p.regionCode);
}
