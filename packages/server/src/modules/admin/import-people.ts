import { randomInt } from 'node:crypto';
import {
  checkAccountChange,
  displayNameSchema,
  isMobilePhone,
  maskPhone,
  passwordProblems,
  phoneSchema,
  roleDiff,
  rolesNeedTotp,
  sameRoles,
  usernameSchema,
  type AdminUser,
  type Role,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import type { Lang } from '../../http/error-mapping.ts';
import { readTable, type TableError } from '../../xlsx/table.ts';
import { recordAudit, regionOfUser, type AuditEntry } from '../audit/audit-log.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { sealText } from '../../outbox/sealed-text.ts';
import { createAccount } from '../people/create-account.ts';
import { hashPassword } from '../people/password.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { isRootScope } from '../regions/root-scope.ts';
import { peopleSpec, peopleUnits, roleNamesZh, roleOf, splitNames, type PeopleColumn } from './export-people.ts';

/**
 * Importing people (the security admin's): every row is checked (a name, a well-formed username
 * given once, a phone that reads as one, known roles the importer may grant under the officer
 * rules of core people/officers.ts, units of the importer's regions named unambiguously) and
 * planned by username: created (a new account with a one-time password), updated (name, phone,
 * roles or units differ; the password is never touched) or unchanged. An existing username the
 * importer does not manage is an error. Applying writes the plan inside the caller's transaction,
 * with a `user.create` / `user.update` (and `user.roles`) audit entry per account, like the
 * security admin's own changes (no password in them). A row the officer rules refuse is, when the
 * rule says so, a `denied` entry like the security admin's own refused change (`denied` of the plan,
 * recorded by the caller after the rollback of a real run).
 */

export interface PeopleStep {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  name: string;
  username: string;
  displayName: string;
  phone: string | null;
  roles: Role[];
  unitIds: number[];
  current: AdminUser | null;
}

const reasons = {
  required: { zh: '必填', en: 'required' },
  nameTooLong: { zh: '姓名过长（最多 50 字）', en: 'the name is too long (at most 50 characters)' },
  username: (u: string) => ({
    zh: `用户名“${u}”格式不正确（小写字母开头，可含小写字母、数字和 _ . -，2 至 32 位）`,
    en: `bad username "${u}" (lower-case letters, digits, _ . -; 2 to 32 characters, a letter first)`,
  }),
  duplicate: (r: number) => ({ zh: `与第 ${r} 行的用户名重复`, en: `the same username as row ${r}` }),
  taken: (u: string) => ({
    zh: `用户名“${u}”已被您管辖范围以外的账号使用`,
    en: `the username "${u}" belongs to an account outside your regions`,
  }),
  phone: (p: string) => ({ zh: `“${p}”不是有效的电话号码`, en: `"${p}" is not a phone number` }),
  role: (r: string) => ({
    zh: `未知的角色“${r}”，可选：${Object.values(roleNamesZh).join('、')}`,
    en: `unknown role "${r}"`,
  }),
  roleRule: (code: string, message: string) => ({
    zh:
      {
        officer_conflict: '系统管理员、安全管理员、安全审计员不能由同一账号兼任',
        security_admin_needs_root: '只有全域安全管理员可以授予“安全管理员”角色',
        peer_security_admin: '只有全域安全管理员可以修改其他安全管理员的账号',
        self_roles: '不能修改自己的角色',
      }[code] ?? `不能授予这些角色（${code}）`,
    en: message,
  }),
  unitUnknown: (u: string) => ({ zh: `您管辖的区划内没有在用单位“${u}”`, en: `no active unit "${u}" in your regions` }),
  unitAmbiguous: (u: string) => ({ zh: `有多个单位名为“${u}”，请先改名`, en: `several units are named "${u}": rename them first` }),
  tooManyUnits: { zh: '最多 20 个单位', en: 'at most 20 units' },
};

export async function planPeopleImport(
  db: Db,
  scope: AdminScope,
  data: Buffer,
  lang: Lang,
): Promise<{ steps: PeopleStep[]; errors: TableError[]; denied: DeniedEntry[] }> {
  const spec = peopleSpec({ units: [] });
  const read = await readTable(data, spec, lang);
  const errors: TableError[] = [...read.errors];
  const denied: DeniedEntry[] = [];
  if (read.rows.length === 0) return { steps: [], errors, denied };
  const header = (k: PeopleColumn) => spec.columns.find((c) => c.key === k)!.header;

  const units = await peopleUnits(db, scope);
  const unitsByName = new Map<string, number[]>();
  for (const u of units) unitsByName.set(u.name, [...(unitsByName.get(u.name) ?? []), u.id]);
  const people = createPeopleRepo(db);
  const ids = await people.idsByUsername(read.rows.map((r) => r.values.username.trim()));
  const root = await isRootScope(db, scope.prefixes);
  const actor = { id: scope.adminId, roles: scope.user.roles, root };

  const firstRow = new Map<string, number>();
  const steps: PeopleStep[] = [];
  for (const { row, values } of read.rows) {
    const bad = (k: PeopleColumn, reason: { zh: string; en: string }) => errors.push({ row, column: header(k), reason: reason[lang] });
    const before = errors.length;
    const displayName = values.name.trim();
    if (displayName === '') bad('name', reasons.required);
    else if (!displayNameSchema.safeParse(displayName).success) bad('name', reasons.nameTooLong);

    const username = values.username.trim();
    let current: AdminUser | null = null;
    if (username === '') bad('username', reasons.required);
    else if (!usernameSchema.safeParse(username).success) bad('username', reasons.username(username));
    else if (firstRow.has(username)) bad('username', reasons.duplicate(firstRow.get(username)!));
    else {
      firstRow.set(username, row);
      const id = ids.get(username);
      if (id !== undefined) {
        current = (await people.getManaged(id, scope.prefixes)) ?? null;
        if (!current) bad('username', reasons.taken(username));
      }
    }

    let phone: string | null = null;
    if (values.phone !== '') {
      const p = phoneSchema.safeParse(values.phone);
      if (p.success) phone = p.data;
      else bad('phone', reasons.phone(values.phone));
    }

    let refusedRule: string | null = null;
    const roles: Role[] = [];
    const roleNames = splitNames(values.roles);
    if (roleNames.length === 0) bad('roles', reasons.required);
    for (const n of roleNames) {
      const r = roleOf(n);
      if (r) roles.push(r);
      else bad('roles', reasons.role(n));
    }
    if (roles.length === roleNames.length && roles.length > 0) {
      const v = checkAccountChange({ actor, target: current && { id: current.id, roles: current.roles }, roles });
      if (v) bad('roles', reasons.roleRule(v.code, v.message));
      if (v?.audited) refusedRule = v.code;
    }

    const unitIds: number[] = [];
    const unitNames = splitNames(values.units);
    if (unitNames.length === 0) bad('units', reasons.required);
    else if (unitNames.length > 20) bad('units', reasons.tooManyUnits);
    for (const n of unitNames) {
      const found = unitsByName.get(n) ?? [];
      if (found.length === 0) {
        // A unit the person already belongs to may be inactive: they keep it.
        const kept = current?.units.find((u) => u.name === n);
        if (kept) unitIds.push(kept.id);
        else bad('units', reasons.unitUnknown(n));
      } else if (found.length > 1) bad('units', reasons.unitAmbiguous(n));
      else unitIds.push(found[0]!);
    }
    if (refusedRule !== null) {
      // Recorded like the manual path's refusal: the account's region, or for a new one the region of its lowest unit.
      const regionCode = current ? regionOfUser(current) : (units.find((u) => u.id === Math.min(...unitIds))?.regionCode ?? null);
      const detail = current
        ? { username, roles: { before: current.roles, after: roles }, reason: refusedRule, via: 'import' }
        : { username, roles, reason: refusedRule, via: 'import' };
      const target = { type: 'user' as const, id: current?.id ?? username };
      denied.push({ action: current ? 'user.update' : 'user.create', target, regionCode, detail, outcome: 'denied' });
    }
    if (errors.length > before) continue;

    const sameUnits = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x) => b.includes(x));
    const action = !current
      ? 'create'
      : current.displayName === displayName &&
          current.phone === phone &&
          sameRoles(current.roles, roles) &&
          sameUnits(
            current.units.map((u) => u.id),
            unitIds,
          )
        ? 'unchanged'
        : 'update';
    steps.push({ row, action, name: `${displayName}（${username}）`, username, displayName, phone, roles, unitIds, current });
  }
  return { steps, errors, denied };
}

/** A refused row's audit entry (without actor, address and time, which the caller adds). */
export type DeniedEntry = Omit<AuditEntry, 'actor' | 'sourceIp' | 'at'>;

const SYMBOLS = '-_.@#%+=';
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789' + SYMBOLS;

/** A random password of 16 characters with all four classes, meeting the password policy (as `huiyin init` makes them). */
export function oneTimePassword(username: string): string {
  for (;;) {
    const p = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].every((re) => re.test(p));
    if (classes && passwordProblems(p, username).length === 0) return p;
  }
}

/** One-time passwords and their hashes by username, made before the apply transaction (argon2 is slow). */
export type PreparedPasswords = ReadonlyMap<string, { password: string; hash: string }>;

export async function preparePasswords(steps: readonly PeopleStep[]): Promise<PreparedPasswords> {
  const out = new Map<string, { password: string; hash: string }>();
  for (const s of steps) {
    if (s.action !== 'create') continue;
    const password = oneTimePassword(s.username);
    out.set(s.username, { password, hash: await hashPassword(password) });
  }
  return out;
}

export interface OneTimePassword {
  row: number;
  username: string;
  displayName: string;
  /** null: sent by SMS. */
  password: string | null;
  smsTo: string | null;
}

/**
 * Write the plan (inside the caller's transaction): new accounts with a one-time password each
 * (must be changed at first sign-in), changed accounts without touching the password. Answers the
 * one-time passwords, which are not kept anywhere else; with `sms`, a new person with a mobile
 * phone gets theirs by SMS instead (the text sealed in the outbox, opened only by the SMS sender).
 */
export async function applyPeopleImport(
  trx: Db,
  clock: Clock,
  scope: AdminScope,
  steps: readonly PeopleStep[],
  opts: { sms?: boolean; prepared?: PreparedPasswords } = {},
): Promise<OneTimePassword[]> {
  const repo = createPeopleRepo(trx);
  const audit = (action: string, target: number, regionCode: string | null, detail: Record<string, unknown>) =>
    recordAudit(trx, {
      action,
      actor: scope.actor,
      sourceIp: scope.sourceIp,
      target: { type: 'user', id: target },
      regionCode,
      detail: { ...detail, via: 'import' },
      at: clock.now(),
    });
  const passwords: OneTimePassword[] = [];
  for (const s of steps) {
    if (s.action === 'create') {
      const ready = opts.prepared?.get(s.username);
      const password = ready?.password ?? oneTimePassword(s.username);
      const created = await createAccount(
        trx,
        clock,
        { username: s.username, displayName: s.displayName, password, phone: s.phone ?? undefined, roles: s.roles, unitIds: s.unitIds },
        {
          trx,
          ...(ready ? { passwordHash: ready.hash } : {}),
          mustChangePassword: true,
          regionPrefixes: scope.prefixes,
          within: async (t, id) => {
            const created = await createPeopleRepo(t).getManaged(id, scope.prefixes);
            await audit('user.create', id, created ? regionOfUser(created) : null, {
              username: s.username,
              roles: s.roles,
              unitIds: s.unitIds,
            });
          },
        },
      );
      if (opts.sms && s.phone !== null && isMobilePhone(s.phone)) {
        const text = `【回音】${s.displayName}，您的账号 ${s.username} 已开通，一次性密码：${password}。请尽快登录并修改密码，勿告知他人。`;
        await createOutboxRepo(trx).enqueue(
          { topic: 'people.one_time_password', caseId: null, payload: { userId: created.id, to: s.phone, sealed: sealText(text) } },
          clock.now(),
        );
        passwords.push({ row: s.row, username: s.username, displayName: s.displayName, password: null, smsTo: maskPhone(s.phone) });
      } else passwords.push({ row: s.row, username: s.username, displayName: s.displayName, password, smsTo: null });
    } else if (s.action === 'update' && s.current) {
      const u = s.current;
      await repo.replaceMemberships(u.id, s.unitIds);
      await repo.update(u.id, { displayName: s.displayName, phone: s.phone, roles: s.roles });
      // A role that needs a second factor takes effect at the next sign-in, which asks for it.
      if (rolesNeedTotp(s.roles) && !rolesNeedTotp(u.roles)) await repo.deleteSessionsOf(u.id);
      const changed = [
        ...(u.displayName !== s.displayName ? ['displayName'] : []),
        ...(u.phone !== s.phone ? ['phone'] : []),
        ...(sameRoles(u.roles, s.roles) ? [] : ['roles']),
        ...(u.units.length === s.unitIds.length && u.units.every((x) => s.unitIds.includes(x.id)) ? [] : ['unitIds']),
      ];
      const rolesDetail = sameRoles(u.roles, s.roles) ? {} : { roles: { before: u.roles, after: s.roles, ...roleDiff(u.roles, s.roles) } };
      await audit('user.update', u.id, regionOfUser(u), {
        username: u.username,
        changed,
        ...rolesDetail,
        ...(changed.includes('unitIds') ? { unitIds: { before: u.units.map((x) => x.id), after: s.unitIds } } : {}),
      });
      if (!sameRoles(u.roles, s.roles)) await audit('user.roles', u.id, regionOfUser(u), { username: u.username, ...rolesDetail });
    }
  }
  return passwords;
}
