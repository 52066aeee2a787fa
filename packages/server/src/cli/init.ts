import { randomInt } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { passwordProblems, regionCodeSchema, regionPrefix, unitNameSchema, usernameSchema, type Role } from '@huiyin/core';
import type { Config } from '../config.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { Db } from '../db/connect.ts';
import { lockFor } from '../db/locks.repo.ts';
import { openDatabase } from '../main/open-db.ts';
import { recordAudit } from '../modules/audit/audit-log.ts';
import { createAuthService } from '../modules/people/auth.service.ts';
import { createPeopleRepo } from '../modules/people/people.repo.ts';
import { loadRegions, type RegionRow } from '../modules/regions/region-source.ts';
import { createRegionsRepo } from '../modules/regions/regions.repo.ts';
import { createUnitsRepo } from '../modules/regions/units.repo.ts';

/**
 * `huiyin init`: a production deployment for one county, city or province on an empty database.
 * It loads the region's tree (the region, its ancestors, everything under it down to townships),
 * creates the service centre, the first system admin and the first security admin, each with a
 * random one-time password printed once. No demo accounts, no demo data. All or nothing: one
 * transaction.
 */

export const initUsage = `usage: huiyin init --region <code> --centre "<name>" --admin <username> [--security-admin <username>] [--yes]

  --region          GB/T 2260 code of the county, city or province (e.g. 330106 杭州市西湖区)
  --centre          name of the service centre (e.g. "西湖区12345热线服务中心")
  --admin           username of the first system admin
  --security-admin  username of the first security admin (default: <admin>-sec)
  --yes             do not ask for confirmation

Missing values are asked for when the input is a terminal. The database must be empty (no users, no units).`;

export interface InitPlan {
  region: RegionRow;
  /** The region, its ancestors and everything under it, parents first. */
  regions: RegionRow[];
  centre: string;
  admin: string;
  securityAdmin: string;
}

export interface InitResult {
  centreId: number;
  accounts: { username: string; role: Role; password: string }[];
}

/** Bad input (exit 2). */
export class InitUsageError extends Error {}
/** The database is not empty (exit 1). */
export class InitRefusedError extends Error {}

const SYMBOLS = '-_.@#%+=';
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789' + SYMBOLS;

/** A random password of 20 characters with all four classes, meeting the password policy. */
export function oneTimePassword(username: string): string {
  for (;;) {
    const p = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].every((re) => re.test(p));
    if (classes && passwordProblems(p, username).length === 0) return p;
  }
}

/** Check the values and load the region's tree; throws InitUsageError naming what is wrong. */
export function planInit(values: { region: string; centre: string; admin: string; securityAdmin?: string | undefined }): InitPlan {
  const code = values.region.trim();
  if (!regionCodeSchema.safeParse(code).success) {
    throw new InitUsageError(`unknown region code ${JSON.stringify(code)}: a GB/T 2260 code has 6 or 9 digits (e.g. 330106)`);
  }
  // 330100 (a city) covers 3301xx, 330000 (a province) covers 33xxxx.
  const regions = loadRegions({ prefixes: [regionPrefix(code)], withTownships: true });
  const region = regions.find((r) => r.code === code);
  if (!region) throw new InitUsageError(`unknown region code ${code}: it is not in the GB/T 2260 region list`);
  const centre = unitNameSchema.safeParse(values.centre);
  if (!centre.success) throw new InitUsageError(`--centre: the service centre's name, 1 to 100 characters`);
  const admin = values.admin.trim();
  const securityAdmin = (values.securityAdmin ?? `${admin}-sec`).trim();
  for (const [flag, u] of [
    ['--admin', admin],
    ['--security-admin', securityAdmin],
  ] as const) {
    if (!usernameSchema.safeParse(u).success) {
      throw new InitUsageError(
        `${flag}: bad username ${JSON.stringify(u)} (lower-case letters, digits, _ . -; 2 to 32 characters, a letter first)`,
      );
    }
  }
  if (admin === securityAdmin) throw new InitUsageError('the system admin and the security admin must be two accounts (三员分立)');
  return { region, regions, centre: centre.data, admin, securityAdmin };
}

/** Set up the deployment in one transaction; refuses (InitRefusedError) unless the database is empty. */
export async function initDeployment(db: Db, plan: InitPlan, clock: Clock = systemClock): Promise<InitResult> {
  const accounts: InitResult['accounts'] = [
    { username: plan.admin, role: 'admin', password: oneTimePassword(plan.admin) },
    { username: plan.securityAdmin, role: 'security_admin', password: oneTimePassword(plan.securityAdmin) },
  ];
  const actor = { id: null, name: 'huiyin init' };
  const centreId = await db.transaction().execute(async (trx) => {
    // Two `init`s started at once: the second waits here, then finds the first one's data.
    await lockFor(trx, 'deploymentSetup');
    const hasUsers = await createPeopleRepo(trx).hasAnyUser();
    const hasUnits = (await createUnitsRepo(trx).list()).length > 0;
    if (hasUsers || hasUnits) {
      throw new InitRefusedError(
        `the database is not empty (it already has ${hasUsers ? 'users' : 'units'}): huiyin init only sets up an empty database, and only once`,
      );
    }
    await createRegionsRepo(trx).upsertMany(plan.regions);
    const centreId = await createUnitsRepo(trx).insert({ name: plan.centre, kind: 'centre', regionCode: plan.region.code, parentId: null });
    await recordAudit(trx, {
      action: 'deployment.init',
      actor,
      target: { type: 'unit', id: centreId },
      regionCode: plan.region.code,
      detail: {
        region: plan.region.code,
        regionName: plan.region.name,
        regions: plan.regions.length,
        centre: plan.centre,
        admin: plan.admin,
        securityAdmin: plan.securityAdmin,
      },
      at: clock.now(),
    });
    const auth = createAuthService({ db: trx, clock, sessionTtlHours: 12, demo: false });
    for (const a of accounts) {
      await auth.createUser(
        {
          username: a.username,
          displayName: a.role === 'admin' ? '系统管理员' : '安全管理员',
          password: a.password,
          roles: [a.role],
          unitIds: [centreId],
        },
        {
          trx,
          mustChangePassword: true,
          within: async (t, id) => {
            await recordAudit(t, {
              action: 'user.create',
              actor,
              target: { type: 'user', id },
              regionCode: plan.region.code,
              detail: { username: a.username, roles: [a.role], unitIds: [centreId], via: 'init' },
              at: clock.now(),
            });
          },
        },
      );
    }
    return centreId;
  });
  return { centreId, accounts };
}

/** `huiyin init ...`: 0 done, 1 refused (not empty), 2 bad input. */
export async function initCommand(args: string[], config: Config): Promise<number> {
  let values: { region?: string; centre?: string; admin?: string; 'security-admin'?: string; yes?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        region: { type: 'string' },
        centre: { type: 'string' },
        admin: { type: 'string' },
        'security-admin': { type: 'string' },
        yes: { type: 'boolean', short: 'y' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (e) {
    console.error(`[huiyin] init: ${(e as Error).message}\n\n${initUsage}`);
    return 2;
  }
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const missing = (['region', 'centre', 'admin'] as const).filter((k) => !values[k]);
  if (missing.length > 0 && !interactive) {
    console.error(`[huiyin] init: missing ${missing.map((k) => `--${k}`).join(', ')}\n\n${initUsage}`);
    return 2;
  }
  let plan: InitPlan;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : null;
  try {
    const ask = async (q: string, given: string | undefined) => given ?? (await rl!.question(q)).trim();
    const region = await ask('Region code (GB/T 2260, e.g. 330106): ', values.region);
    // Check the region before asking more, so a typo is caught at once.
    planInit({ region, centre: 'x', admin: 'xx' });
    const centre = await ask('Service centre name: ', values.centre);
    const admin = await ask('System admin username: ', values.admin);
    const securityAdmin =
      values['security-admin'] ??
      (rl && !values.admin ? (await rl.question(`Security admin username [${admin}-sec]: `)).trim() || undefined : undefined);
    plan = planInit({ region, centre, admin, securityAdmin });
    if (rl && !values.yes) {
      const answer = await rl.question(
        `Set up ${plan.region.name} (${plan.region.code}, ${plan.regions.length} regions), service centre "${plan.centre}", ` +
          `system admin ${plan.admin}, security admin ${plan.securityAdmin}? [y/N] `,
      );
      if (!/^y(es)?$/i.test(answer.trim())) {
        console.error('[huiyin] init: cancelled, nothing written');
        return 1;
      }
    }
  } catch (e) {
    if (e instanceof InitUsageError) {
      console.error(`[huiyin] init: ${e.message}`);
      return 2;
    }
    throw e;
  } finally {
    rl?.close();
  }

  const h = await openDatabase(config);
  try {
    const r = await initDeployment(h.db, plan);
    console.log(
      `[huiyin] ${plan.region.name} (${plan.region.code}) set up: ${plan.regions.length} regions, service centre "${plan.centre}" (unit ${r.centreId})`,
    );
    console.log('[huiyin] one-time passwords, shown only now; each must be changed at first sign-in, then a second factor enrolled:');
    for (const a of r.accounts) console.log(`${a.username} one-time password: ${a.password}`);
    console.log(`[huiyin] start the server with HUIYIN_DEMO=off (npm start) and sign in at /admin`);
    return 0;
  } catch (e) {
    if (e instanceof InitRefusedError) {
      console.error(`[huiyin] init: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await h.close();
  }
}
