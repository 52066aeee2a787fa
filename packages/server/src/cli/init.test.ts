import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generate } from 'otplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordProblems } from '@huiyin/core';
import { connectPglite, connectPostgres, type DbHandle } from '../db/connect.ts';
import { enabledKinds, isPostgresReachable, TEST_DATABASE_URL, type DbKind } from '../testing/databases.ts';
import { describeEachDb } from '../testing/harness.ts';
import { huiyinBin, killHard, repoRoot, spawnServer } from '../testing/spawn-server.ts';
import { initDeployment, InitRefusedError, InitUsageError, planInit } from './init.ts';

/**
 * `huiyin init` as an owner runs it: a real process on an empty embedded database, and on an
 * empty PostgreSQL database (a database of its own, created and dropped here: the CLI migrates
 * through DATABASE_URL alone, and Kysely's migrator looks for its bookkeeping table in every
 * schema, so a search_path schema beside other test files' schemas would find theirs).
 */
const postgresUp = await isPostgresReachable();

describe.each(enabledKinds())('huiyin init [%s, real process]', (kind: DbKind) => {
  const skip = kind === 'postgres' && !postgresUp && process.env['CI'] !== 'true';
  let dataDir = '';
  let databaseUrl = '';
  let dbName = '';
  const servers: ChildProcess[] = [];
  const env = () => ({
    ...process.env,
    HUIYIN_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    HUIYIN_DEMO: 'off',
    HUIYIN_LOG_LEVEL: 'silent',
  });
  const huiyin = (...args: string[]) => spawnSync(process.execPath, [huiyinBin, ...args], { cwd: repoRoot, env: env(), encoding: 'utf8' });
  const open = (): Promise<DbHandle> =>
    kind === 'pglite' ? connectPglite(path.join(dataDir, 'pglite')) : Promise.resolve(connectPostgres({ url: databaseUrl, max: 2 }));

  beforeAll(async () => {
    if (skip) return;
    dataDir = mkdtempSync(path.join(tmpdir(), 'huiyin-init-'));
    if (kind === 'postgres') {
      dbName = `huiyin_init_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${dbName}`);
      await admin.end();
      const url = new URL(TEST_DATABASE_URL);
      url.pathname = `/${dbName}`;
      databaseUrl = url.toString();
    }
  });

  afterAll(async () => {
    for (const p of servers) await killHard(p);
    if (dbName) {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.skipIf(skip)('unknown region codes and bad usernames are refused (exit 2) before anything is written', () => {
    const unknown = huiyin('init', '--region', '999999', '--centre', '测试中心', '--admin', 'xhadmin', '--yes');
    expect(unknown.status, unknown.stderr).toBe(2);
    expect(unknown.stderr).toMatch(/unknown region code 999999/);
    const badUser = huiyin('init', '--region', '330106', '--centre', '测试中心', '--admin', 'Bad User', '--yes');
    expect(badUser.status, badUser.stderr).toBe(2);
    expect(badUser.stderr).toMatch(/--admin: bad username "Bad User"/);
    const missing = huiyin('init', '--region', '330106');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/missing --centre, --admin/);
    expect(missing.stderr).toMatch(/usage: huiyin init/);
  });

  it.skipIf(skip)(
    'sets up 杭州市西湖区 with one-time passwords; the admin changes it, enrols a second factor and creates a unit; a second init refuses',
    async () => {
      const r = huiyin('init', '--region', '330106', '--centre', '西湖区12345热线服务中心', '--admin', 'xhadmin', '--yes');
      expect(r.status, r.stderr + r.stdout).toBe(0);
      const adminPassword = /^xhadmin one-time password: (\S+)$/m.exec(r.stdout)?.[1];
      const secPassword = /^xhadmin-sec one-time password: (\S+)$/m.exec(r.stdout)?.[1];
      expect(adminPassword, r.stdout).toBeDefined();
      expect(secPassword, r.stdout).toBeDefined();
      for (const [u, p] of [
        ['xhadmin', adminPassword!],
        ['xhadmin-sec', secPassword!],
      ] as const) {
        expect(p.length).toBeGreaterThanOrEqual(16);
        expect(passwordProblems(p, u)).toEqual([]);
      }
      expect(adminPassword).not.toBe(secPassword);

      const h = await open();
      try {
        const regions = await h.db.selectFrom('regions').select(['code', 'name', 'parent_code', 'level']).execute();
        const codes = new Set(regions.map((x) => x.code));
        expect(regions.find((x) => x.code === '330106')).toMatchObject({ name: '西湖区', parent_code: '330100', level: 3 });
        expect(codes.has('330100') && codes.has('330000')).toBe(true);
        const streets = regions.filter((x) => x.parent_code === '330106');
        expect(streets.length).toBeGreaterThanOrEqual(10);
        expect(streets.every((x) => x.level === 4)).toBe(true);
        // Nothing of other counties, and nothing of the demo.
        expect(codes.has('330102') || codes.has('140802')).toBe(false);
        const units = await h.db.selectFrom('units').select(['id', 'name', 'kind', 'region_code']).execute();
        expect(units).toEqual([{ id: units[0]!.id, name: '西湖区12345热线服务中心', kind: 'centre', region_code: '330106' }]);
        const users = await h.db
          .selectFrom('users')
          .select(['username', 'roles', 'must_change_password', 'demo'])
          .orderBy('username')
          .execute();
        expect(users).toEqual([
          { username: 'xhadmin', roles: ['admin'], must_change_password: true, demo: false },
          { username: 'xhadmin-sec', roles: ['security_admin'], must_change_password: true, demo: false },
        ]);
        const audit = await h.db.selectFrom('audit_log').select(['action', 'actor_name', 'region_code', 'detail']).orderBy('seq').execute();
        expect(audit.map((a) => a.action)).toEqual(['deployment.init', 'user.create', 'user.create']);
        expect(audit.every((a) => a.actor_name === 'huiyin init' && a.region_code === '330106')).toBe(true);
        expect(audit[0]!.detail).toMatchObject({
          region: '330106',
          centre: '西湖区12345热线服务中心',
          admin: 'xhadmin',
          securityAdmin: 'xhadmin-sec',
        });
      } finally {
        await h.close();
      }

      // Twice: refused, nothing changes.
      const again = huiyin('init', '--region', '330106', '--centre', '另一个中心', '--admin', 'other', '--yes');
      expect(again.status, again.stderr).toBe(1);
      expect(again.stderr).toMatch(/database is not empty/);

      const server = await spawnServer(dataDir, {
        DATABASE_URL: databaseUrl,
        HUIYIN_DEMO: 'off',
        HUIYIN_WORKER: 'off',
      });
      servers.push(server.proc);
      const call = async (method: string, url: string, token: string | null, body?: unknown) => {
        const res = await fetch(`${server.base}${url}`, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await res.text();
        return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
      };
      const login = await call('POST', '/api/v1/auth/login', null, { username: 'xhadmin', password: adminPassword });
      expect(login.status, JSON.stringify(login.body)).toBe(200);
      expect(login.body).toMatchObject({ passwordChangeRequired: true });
      const token = login.body['token'] as string;
      expect((await call('GET', '/api/v1/admin/units', token)).status).toBe(403);
      const changed = await call('POST', '/api/v1/me/password', token, { currentPassword: adminPassword, newPassword: 'West-Lake-2026!' });
      expect(changed.status, JSON.stringify(changed.body)).toBe(204);
      // A production admin needs a second factor (demo is off).
      expect((await call('GET', '/api/v1/auth/session', token)).body).toMatchObject({ restricted: 'totp' });
      const start = await call('POST', '/api/v1/me/totp', token);
      expect(start.status, JSON.stringify(start.body)).toBe(200);
      const confirm = await call('POST', '/api/v1/me/totp/confirm', token, {
        code: await generate({ secret: start.body['secret'] as string }),
      });
      expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
      const unit = await call('POST', '/api/v1/admin/units', token, {
        name: '西湖区住房和城乡建设局',
        kind: 'bureau',
        regionCode: '330106',
      });
      expect(unit.status, JSON.stringify(unit.body)).toBe(201);
      // The security admin's one-time password works too.
      const sec = await call('POST', '/api/v1/auth/login', null, { username: 'xhadmin-sec', password: secPassword });
      expect(sec.body).toMatchObject({ passwordChangeRequired: true });
      await killHard(server.proc);
    },
    240_000,
  );
});

describeEachDb(
  'initDeployment (one transaction)',
  (get) => {
    it('a failure half-way writes nothing: no regions, no units, no users, no audit entries', async () => {
      const h = get();
      const plan = planInit({ region: '330106', centre: '西湖区12345热线服务中心', admin: 'xhadmin' });
      // The second account's username is taken by the first: createUser refuses inside init's transaction.
      await expect(initDeployment(h.db.db, { ...plan, securityAdmin: 'xhadmin' })).rejects.toThrow(/username xhadmin is taken/);
      expect(await h.db.db.selectFrom('regions').select('code').execute()).toEqual([]);
      expect(await h.db.db.selectFrom('units').select('id').execute()).toEqual([]);
      expect(await h.db.db.selectFrom('users').select('id').execute()).toEqual([]);
      expect(await h.db.db.selectFrom('audit_log').select('seq').execute()).toEqual([]);

      const done = await initDeployment(h.db.db, plan, h.clock);
      expect(done.accounts.map((a) => [a.username, a.role])).toEqual([
        ['xhadmin', 'admin'],
        ['xhadmin-sec', 'security_admin'],
      ]);
      await expect(initDeployment(h.db.db, plan, h.clock)).rejects.toBeInstanceOf(InitRefusedError);
    });

    it('a city or a province works too; a bad centre name or the same two usernames is a usage error', () => {
      const city = planInit({ region: '330100', centre: '杭州市12345热线', admin: 'hzadmin', securityAdmin: 'hzsec' });
      expect(city.region).toMatchObject({ name: '杭州市', level: 2 });
      expect(city.regions.some((r) => r.parentCode === '330106' && r.level === 4)).toBe(true);
      const province = planInit({ region: '330000', centre: '浙江省12345热线', admin: 'zjadmin' });
      expect(province.regions.filter((r) => r.level === 3).length).toBeGreaterThan(80);
      expect(() => planInit({ region: '330106', centre: '  ', admin: 'xhadmin' })).toThrow(InitUsageError);
      expect(() => planInit({ region: '330106', centre: '中心', admin: 'same', securityAdmin: 'same' })).toThrow(/two accounts/);
      expect(() => planInit({ region: '33', centre: '中心', admin: 'xhadmin' })).toThrow(/unknown region code "33"/);
    });
  },
  { org: 'none' },
);

// A database of its own: the suite above leaves its deployment behind.
describeEachDb(
  'initDeployment at once (the deployment-setup lock)',
  (get) => {
    it('two inits at once: one sets up the deployment, the other is refused, and there is one centre', async () => {
      const h = get();
      const plan = planInit({ region: '330106', centre: '西湖区12345热线服务中心', admin: 'xhadmin' });
      const other = planInit({ region: '330106', centre: '西湖区政务服务中心', admin: 'other' });
      const results = await Promise.allSettled([initDeployment(h.db.db, plan, h.clock), initDeployment(h.db.db, other, h.clock)]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(InitRefusedError);
      expect(await h.db.db.selectFrom('units').select('id').execute()).toHaveLength(1);
      expect(await h.db.db.selectFrom('users').select('id').execute()).toHaveLength(2);
    });
  },
  { org: 'none' },
);
