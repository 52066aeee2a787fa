import { caseScopeFor, coversRegion, type AuthUser } from '@huiyin/core';

/**
 * What an admin manages: everything whose region code lies under one of their units' regions
 * (caseScopeFor(admin).regionPrefixes). Things outside are answered as if they did not exist.
 */
export interface AdminScope {
  readonly adminId: number;
  readonly prefixes: readonly string[];
  covers(regionCode: string): boolean;
}

export function adminScopeOf(admin: AuthUser): AdminScope {
  const prefixes = caseScopeFor(admin).regionPrefixes;
  return { adminId: admin.id, prefixes, covers: (regionCode) => coversRegion(prefixes, regionCode) };
}
