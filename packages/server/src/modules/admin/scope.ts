import { DomainError, caseScopeFor, type AuthUser } from '@huiyin/core';

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
  return {
    adminId: admin.id,
    prefixes,
    covers: (regionCode) => prefixes.some((p) => regionCode.startsWith(p)),
  };
}

/**
 * A field error the web can show beside the field: `code` names the problem (the web has a
 * message for each), `message` says it in English for API callers.
 */
export function fieldError(code: 'validation_failed' | 'conflict', path: string, problem: string, message: string): DomainError {
  return new DomainError(code, message, { fields: [{ path, code: problem, message }] });
}

/** A refusal because of the state of things (409), with a reason code the web explains and the count behind it. */
export function conflictError(reason: string, path: string, message: string, count?: number): DomainError {
  const extra = count === undefined ? {} : { count };
  return new DomainError('conflict', message, { reason, ...extra, fields: [{ path, code: reason, message, ...extra }] });
}
