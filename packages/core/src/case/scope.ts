import { regionRoles, unitRoles, type Role } from './vocabulary.ts';

/**
 * Which cases a signed-in user may see. Region roles see every case whose region code lies
 * under one of their units' regions; unit roles see the cases their units lead or assist.
 * The discipline inspector sees only what is referred to them (none through this scope).
 */
export interface CaseScope {
  /** Region code prefixes (140802 -> "140802", 140800 -> "1408", 140000 -> "14"). */
  readonly regionPrefixes: readonly string[];
  /** Units whose led or assisted cases are visible. */
  readonly unitIds: readonly number[];
}

export function regionPrefix(code: string): string {
  if (code.length > 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function caseScopeFor(user: { roles: readonly Role[]; units: readonly { id: number; regionCode: string }[] }): CaseScope {
  const seesRegion = user.roles.some((r) => regionRoles.includes(r));
  const seesUnit = user.roles.some((r) => unitRoles.includes(r));
  return {
    regionPrefixes: seesRegion ? [...new Set(user.units.map((u) => regionPrefix(u.regionCode)))] : [],
    unitIds: seesUnit ? user.units.map((u) => u.id) : [],
  };
}

/** Whether a region code lies under one of the prefixes (the one scope check every module uses). */
export function coversRegion(prefixes: readonly string[], regionCode: string): boolean {
  return prefixes.some((p) => regionCode.startsWith(p));
}

export function inScope(scope: CaseScope, c: { regionCode: string; leadUnitId: number | null; assistUnitIds: readonly number[] }): boolean {
  if (coversRegion(scope.regionPrefixes, c.regionCode)) return true;
  if (c.leadUnitId !== null && scope.unitIds.includes(c.leadUnitId)) return true;
  return c.assistUnitIds.some((u) => scope.unitIds.includes(u));
}

/** Roles that may see a requester's full phone number (they call the requester back). */
const phoneRoles: readonly Role[] = ['clerk', 'safety_net_officer', 'dispatcher', 'supervisor', 'handler', 'unit_head'];

export function maySeeRequesterPhone(roles: readonly Role[]): boolean {
  return roles.some((r) => phoneRoles.includes(r));
}

/** Roles that register cases for citizens (window, hotline, safety-net window, field and grid visits). */
export const registerRoles: readonly Role[] = ['clerk', 'safety_net_officer', 'dispatcher', 'grid_worker'];
