import { coversRegion, regionPrefix, type AuthUser } from '@huiyin/core';

/**
 * What an admin (system or security) manages: everything whose region code lies under one of
 * their units' regions (whatever their roles: the scope of cases is another matter). Things outside are answered as if
 * they did not exist. The scope also carries who acts and from where, for the audit log.
 */
export interface AdminScope {
  readonly adminId: number;
  readonly prefixes: readonly string[];
  covers(regionCode: string): boolean;
  /** Who acts (audit log) and the request's source address. */
  readonly actor: { readonly id: number; readonly name: string };
  readonly sourceIp: string | null;
  /** The acting user, for rules that depend on their own roles and units. */
  readonly user: AuthUser;
}

export function adminScopeOf(admin: AuthUser, sourceIp: string | null = null): AdminScope {
  const prefixes = [...new Set(admin.units.map((u) => regionPrefix(u.regionCode)))];
  return {
    adminId: admin.id,
    prefixes,
    covers: (regionCode) => coversRegion(prefixes, regionCode),
    actor: { id: admin.id, name: admin.username },
    sourceIp,
    user: admin,
  };
}
