import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { generate } from 'otplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChinaCalendar, dueAt } from '@huiyin/core';
import { enabledKinds, isPostgresReachable, TEST_DATABASE_URL, type DbKind } from '../testing/databases.ts';
import { huiyinBin, killHard, repoRoot, spawnServer } from '../testing/spawn-server.ts';

/**
 * Day one of a real deployment, as issue 13 pins it ("done when"): `huiyin init` for 杭州市西湖区
 * as a real process on an empty database (embedded, and a PostgreSQL database of its own), then
 * only the HTTP API of a real server on that database. The two officers sign in with the printed
 * one-time passwords, change them and enrol a second factor; the system admin imports the
 * category tree, the units and a 300-row routing catalog, the security admin imports the people,
 * each from the downloaded template filled with exceljs; the new clerk signs in with the one-time
 * password the import answered, changes it and registers a case in a West Lake street; the new
 * dispatcher takes dispatch-help's proposal and dispatches it: the lead unit, the assisting units
 * and the time limit are the imported catalog's.
 */
const postgresUp = await isPostgresReachable();

const STREETS = [
  ['330106002', '北山街道'],
  ['330106004', '西溪街道'],
  ['330106005', '翠苑街道'],
  ['330106007', '古荡街道'],
  ['330106008', '西湖街道'],
  ['330106009', '留下街道'],
  ['330106010', '转塘街道'],
  ['330106011', '蒋村街道'],
  ['330106012', '灵隐街道'],
  ['330106013', '文新街道'],
  ['330106109', '三墩镇'],
  ['330106110', '双浦镇'],
] as const;
const BUREAUS = ['西湖区住房和城乡建设局', '西湖区城市管理局', '西湖区市场监督管理局', '西湖区林业水利局', '西湖区人力资源和社会保障局'];
const CENTRE = '杭州市西湖区政务服务中心';
/** 5 top categories × 5 subcategories: 25 leaves × 12 streets = 300 catalog rules. */
const TOPS = ['住房物业', '城市管理', '市场监管', '水利供水', '劳动保障'];
const leafCode = (t: number, s: number) => `c${t + 1}.s${s + 1}`;

/** Fill the downloaded template's data sheet from row 2, keeping its layout, drop-downs and guide. */
async function fill(template: Buffer, sheet: string, rows: readonly (readonly (string | number)[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  const ws = wb.getWorksheet(sheet)!;
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getRow(i + 2).getCell(j + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(enabledKinds())('day one: huiyin init, imports, the first case dispatched by the catalog [%s]', (kind: DbKind) => {
  const skip = kind === 'postgres' && !postgresUp && process.env['CI'] !== 'true';
  let dataDir = '';
  let databaseUrl = '';
  let dbName = '';
  const servers: ChildProcess[] = [];

  beforeAll(async () => {
    if (skip) return;
    dataDir = mkdtempSync(path.join(tmpdir(), 'huiyin-day-one-'));
    if (kind === 'postgres') {
      dbName = `huiyin_day_one_${randomBytes(4).toString('hex')}`;
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

  it.skipIf(skip)(
    'the officers set up the centre from Excel; a new clerk registers a case; the dispatcher dispatches it as the catalog says',
    async () => {
      const init = spawnSync(
        process.execPath,
        [huiyinBin, 'init', '--region', '330106', '--centre', CENTRE, '--admin', 'xhadmin', '--yes'],
        {
          cwd: repoRoot,
          env: { ...process.env, HUIYIN_DATA_DIR: dataDir, DATABASE_URL: databaseUrl, HUIYIN_DEMO: 'off', HUIYIN_LOG_LEVEL: 'silent' },
          encoding: 'utf8',
        },
      );
      expect(init.status, init.stderr + init.stdout).toBe(0);
      const printed = (u: string) => new RegExp(`^${u} one-time password: (\\S+)$`, 'm').exec(init.stdout)?.[1];
      const adminOtp = printed('xhadmin')!;
      const secOtp = printed('xhadmin-sec')!;
      expect(adminOtp && secOtp, init.stdout).toBeTruthy();

      const server = await spawnServer(dataDir, { DATABASE_URL: databaseUrl, HUIYIN_DEMO: 'off', HUIYIN_WORKER: 'off' });
      servers.push(server.proc);
      const call = async (method: string, url: string, token: string | null, body?: unknown) => {
        const form = body instanceof FormData;
        const res = await fetch(`${server.base}${url}`, {
          method,
          headers: {
            ...(body === undefined || form ? {} : { 'content-type': 'application/json' }),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
        });
        const type = res.headers.get('content-type') ?? '';
        if (type.includes('spreadsheetml'))
          return { status: res.status, body: {} as Record<string, never>, file: Buffer.from(await res.arrayBuffer()) };
        const text = await res.text();
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        return { status: res.status, body: (text ? JSON.parse(text) : {}) as any, file: Buffer.alloc(0) };
      };
      const download = async (url: string, token: string) => {
        const r = await call('GET', url, token);
        expect(r.status, url).toBe(200);
        return r.file;
      };
      const upload = async (url: string, token: string, file: Buffer) => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(file)]), 'filled.xlsx');
        const r = await call('POST', url, token, form);
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        expect(r.body.errors, JSON.stringify(r.body.errors)).toEqual([]);
        expect(r.body.applied).toBe(true);
        return r.body;
      };
      /** Sign in with a one-time password and change it; officers enrol their second factor. */
      const firstSignIn = async (username: string, otp: string, officer: boolean) => {
        const login = await call('POST', '/api/v1/auth/login', null, { username, password: otp });
        expect(login.status, JSON.stringify(login.body)).toBe(200);
        expect(login.body).toMatchObject({ passwordChangeRequired: true });
        const token = login.body.token as string;
        const changed = await call('POST', '/api/v1/me/password', token, {
          currentPassword: otp,
          newPassword: `West-Lake-2026-${username.length}!`,
        });
        expect(changed.status, JSON.stringify(changed.body)).toBe(204);
        if (officer) {
          const start = await call('POST', '/api/v1/me/totp', token);
          expect(start.status, JSON.stringify(start.body)).toBe(200);
          const confirm = await call('POST', '/api/v1/me/totp/confirm', token, { code: await generate({ secret: start.body.secret }) });
          expect(confirm.status, JSON.stringify(confirm.body)).toBe(200);
        }
        return token;
      };

      const admin = await firstSignIn('xhadmin', adminOtp, true);
      const sec = await firstSignIn('xhadmin-sec', secOtp, true);

      // The system admin: the category tree (a national setting: this admin is the deployment's root).
      const categoryRows: string[][] = [];
      TOPS.forEach((name, t) => {
        categoryRows.push([`c${t + 1}`, name, '', '', '是']);
        for (let s = 0; s < 5; s++) categoryRows.push([leafCode(t, s), `${name}${s + 1}`, '', `c${t + 1}`, '是']);
      });
      const categories = await upload(
        '/api/v1/admin/categories/import?dryRun=false',
        admin,
        await fill(await download('/api/v1/admin/categories/template.xlsx', admin), '诉求分类', categoryRows),
      );
      expect(categories.created).toBe(30);

      // The units: five bureaus under the centre, twelve street offices.
      const unitRows = [
        ...BUREAUS.map((b) => [b, '委办局', '330106', CENTRE]),
        ...STREETS.map(([code, name]) => [`西湖区${name}办事处`, '乡镇（街道）', code, '']),
        // A community (level 5) that the region list does not have: created with its committee.
        ['翠苑一区社区居民委员会', '委员会', '330106005001', '西湖区翠苑街道办事处', '翠苑一区社区'],
      ];
      const units = await upload(
        '/api/v1/admin/units/import?dryRun=false',
        admin,
        await fill(await download('/api/v1/admin/units/template.xlsx', admin), '单位', unitRows),
      );
      expect(units.created).toBe(18);

      // The people, by the security admin: one-time passwords answered once.
      const people = await upload(
        '/api/v1/admin/users/import?dryRun=false',
        sec,
        await fill(await download('/api/v1/admin/users/template.xlsx', sec), '人员', [
          ['陈受理', 'xhclerk', '13805710001', '受理员', CENTRE],
          ['林派单', 'xhdispatch', '13805710002', '派单员、督办员', CENTRE],
          ['黄承办', 'xhhandler', '', '承办人', BUREAUS[3]!],
        ]),
      );
      expect(people.created).toBe(3);
      const otpOf = (u: string) =>
        (people.oneTimePasswords as { username: string; password: string }[]).find((p) => p.username === u)!.password;

      // The 300-row routing catalog: each leaf category goes to its top's bureau, the street office assists.
      const catalogRows: (string | number)[][] = [];
      TOPS.forEach((_, t) => {
        for (let s = 0; s < 5; s++)
          for (const [code, name] of STREETS) catalogRows.push([leafCode(t, s), '', code, BUREAUS[t]!, `西湖区${name}办事处`, s + 2]);
      });
      expect(catalogRows).toHaveLength(300);
      const catalogFile = await fill(await download('/api/v1/admin/routing-rules/template.xlsx', admin), '派单目录', catalogRows);
      const preview = await call(
        'POST',
        '/api/v1/admin/routing-rules/import?dryRun=true',
        admin,
        (() => {
          const f = new FormData();
          f.append('file', new Blob([new Uint8Array(catalogFile)]), 'catalog.xlsx');
          return f;
        })(),
      );
      expect(preview.body).toMatchObject({ dryRun: true, applied: false, created: 300, errors: [] });
      expect((await upload('/api/v1/admin/routing-rules/import?dryRun=false', admin, catalogFile)).created).toBe(300);

      // The new clerk: the import's one-time password, changed at once; a case in 西溪街道 about 水利供水3.
      const clerk = await firstSignIn('xhclerk', otpOf('xhclerk'), false);
      const created = await call('POST', '/api/v1/cases', clerk, {
        type: 'complaint',
        content: '西溪街道文二西路小区自来水水压太低，高层住户白天基本没水',
        categoryCode: leafCode(3, 2),
        regionCode: '330106004',
        requester: { name: '王先生', phone: '13905710099' },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const caseId = created.body.id as number;

      // The dispatcher takes dispatch-help's proposal.
      const dispatcher = await firstSignIn('xhdispatch', otpOf('xhdispatch'), false);
      const help = await call('GET', `/api/v1/cases/${caseId}/dispatch-help`, dispatcher);
      expect(help.status, JSON.stringify(help.body)).toBe(200);
      expect(help.body.suggestedUnits.map((u: { name: string }) => u.name)).toEqual(['西湖区林业水利局']);
      expect(help.body.suggestedAssistUnits.map((u: { name: string }) => u.name)).toEqual(['西湖区西溪街道办事处']);
      expect(help.body.suggestedTimeLimitDays).toBe(4);
      const before = await call('GET', `/api/v1/cases/${caseId}`, dispatcher);
      const dispatched = await call('POST', `/api/v1/cases/${caseId}/actions`, dispatcher, {
        version: before.body.version,
        action: 'dispatch',
        leadUnitId: help.body.suggestedUnits[0].id,
        assistUnitIds: help.body.suggestedAssistUnits.map((u: { id: number }) => u.id),
      });
      expect(dispatched.status, JSON.stringify(dispatched.body)).toBe(200);
      const after = await call('GET', `/api/v1/cases/${caseId}`, dispatcher);
      expect(after.body).toMatchObject({
        status: 'dispatched',
        leadUnit: { name: '西湖区林业水利局' },
        assistUnits: [{ name: '西湖区西溪街道办事处' }],
      });
      const expected = dueAt(new Date(before.body.createdAt), { unit: 'workingDays', value: 4 }, createChinaCalendar());
      expect(after.body.answerBy).toBe(expected.toISOString());
      expect(after.body.answerBy).not.toBe(before.body.answerBy);

      // The handler of the lead unit sees it in their queue once they have signed in.
      const handler = await firstSignIn('xhhandler', otpOf('xhhandler'), false);
      const mine = await call('GET', `/api/v1/cases/${caseId}`, handler);
      expect(mine.status).toBe(200);
      await killHard(server.proc);
    },
    420_000,
  );
});
