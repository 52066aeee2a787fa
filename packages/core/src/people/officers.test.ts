import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../case/vocabulary.ts';
import { checkAccountChange, officerRoles, officerRolesOf, roleDiff, sameRoles, type AccountActor } from './officers.ts';

const sec: AccountActor = { id: 1, roles: ['security_admin'], root: false };
const rootSec: AccountActor = { ...sec, root: true };
const handler = { id: 2, roles: ['handler'] as Role[] };
const codeOf = (x: ReturnType<typeof checkAccountChange>) => x?.code ?? null;

describe('三员分立: the rules of account changes', () => {
  it('only a security admin manages accounts, whatever else the actor holds', () => {
    for (const r of roles.filter((x) => x !== 'security_admin')) {
      const actor = { id: 1, roles: [r], root: true };
      expect(codeOf(checkAccountChange({ actor, target: null, roles: ['handler'] }))).toBe('not_security_admin');
      expect(codeOf(checkAccountChange({ actor, target: handler, active: false }))).toBe('not_security_admin');
    }
    expect(checkAccountChange({ actor: sec, target: null, roles: ['handler'] })).toBeNull();
  });

  it('no account holds two of admin, security_admin and auditor, on create or update', () => {
    const pairs: Role[][] = [
      ['admin', 'security_admin'],
      ['admin', 'auditor'],
      ['security_admin', 'auditor'],
      ['admin', 'security_admin', 'auditor', 'handler'],
    ];
    for (const rs of pairs) {
      const created = checkAccountChange({ actor: rootSec, target: null, roles: rs });
      expect(created).toMatchObject({ code: 'officer_conflict', error: 'validation_failed', path: 'roles', audited: true });
      expect(codeOf(checkAccountChange({ actor: rootSec, target: handler, roles: rs }))).toBe('officer_conflict');
    }
    // One officer role with any number of working roles is fine.
    expect(checkAccountChange({ actor: sec, target: null, roles: ['admin', 'dispatcher'] })).toBeNull();
    expect(checkAccountChange({ actor: sec, target: handler, roles: ['auditor'] })).toBeNull();
  });

  it('the officer rule holds for every role list (property)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...roles), { minLength: 1, maxLength: roles.length }), (rs) => {
        const r = checkAccountChange({ actor: rootSec, target: handler, roles: rs });
        expect(r?.code === 'officer_conflict').toBe(officerRolesOf(rs).length > 1);
      }),
    );
  });

  it('a security admin never changes their own roles: no self-grant of inspector, supervisor or anything else', () => {
    for (const actor of [sec, rootSec]) {
      const me = { id: actor.id, roles: actor.roles };
      for (const extra of ['inspector', 'supervisor', 'handler', 'admin'] as Role[]) {
        const r = checkAccountChange({ actor, target: me, roles: [...actor.roles, extra] });
        expect(r).toMatchObject({ code: 'self_roles', error: 'forbidden', path: 'roles', audited: true });
      }
      expect(codeOf(checkAccountChange({ actor, target: me, roles: ['handler'] }))).toBe('self_roles');
      // Sending the same roles again changes nothing and is not a grant.
      expect(checkAccountChange({ actor, target: me, roles: ['security_admin', 'security_admin'] })).toBeNull();
    }
  });

  it('a security admin cannot deactivate themselves or set their own password here; others they can', () => {
    const me = { id: sec.id, roles: sec.roles };
    expect(checkAccountChange({ actor: sec, target: me, active: false })).toMatchObject({ code: 'self_deactivate', error: 'conflict' });
    expect(codeOf(checkAccountChange({ actor: sec, target: me, password: true }))).toBe('self_password');
    expect(checkAccountChange({ actor: sec, target: me, active: true })).toBeNull();
    expect(checkAccountChange({ actor: sec, target: handler, active: false })).toBeNull();
    expect(checkAccountChange({ actor: sec, target: handler, password: true })).toBeNull();
  });

  it('inspector and supervisor are granted by a security admin to others', () => {
    expect(checkAccountChange({ actor: sec, target: handler, roles: ['inspector'] })).toBeNull();
    expect(checkAccountChange({ actor: sec, target: null, roles: ['supervisor'] })).toBeNull();
  });

  it('a regional security admin makes admins and auditors of their region, but only a root one makes or manages security admins', () => {
    expect(checkAccountChange({ actor: sec, target: null, roles: ['admin'] })).toBeNull();
    expect(checkAccountChange({ actor: sec, target: handler, roles: ['auditor'] })).toBeNull();
    expect(checkAccountChange({ actor: sec, target: null, roles: ['security_admin'] })).toMatchObject({
      code: 'security_admin_needs_root',
      error: 'forbidden',
    });
    expect(codeOf(checkAccountChange({ actor: sec, target: handler, roles: ['security_admin'] }))).toBe('security_admin_needs_root');
    expect(checkAccountChange({ actor: rootSec, target: handler, roles: ['security_admin'] })).toBeNull();
    const peer = { id: 9, roles: ['security_admin'] as Role[] };
    for (const change of [{ active: false }, { password: true }, { roles: ['handler'] as Role[] }, { active: true }]) {
      expect(codeOf(checkAccountChange({ actor: sec, target: peer, ...change }))).toBe('peer_security_admin');
      expect(checkAccountChange({ actor: rootSec, target: peer, ...change })).toBeNull();
    }
  });

  it('helpers: officer roles, role differences', () => {
    expect(officerRoles).toEqual(['admin', 'security_admin', 'auditor']);
    expect(officerRolesOf(['handler', 'auditor', 'auditor'])).toEqual(['auditor']);
    expect(roleDiff(['handler', 'clerk'], ['clerk', 'inspector'])).toEqual({ granted: ['inspector'], revoked: ['handler'] });
    expect(sameRoles(['a' as Role, 'b' as Role], ['b' as Role, 'a' as Role, 'a' as Role])).toBe(true);
  });
});
