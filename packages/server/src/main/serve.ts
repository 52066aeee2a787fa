import type { Config } from '../config.ts';
import { systemClock } from '../clock.ts';
import { buildApp } from './app.ts';
import { demoAccounts, DEMO_PASSWORD } from '../seed/demo-org.ts';
import { isEmpty, seedDemo } from '../seed/demo.ts';
import { openDatabase } from './open-db.ts';
import { createPeopleRepo } from '../modules/people/people.repo.ts';
import { demoAccountsWithPassword } from '../modules/people/demo-guard.ts';
import { startWorker } from './worker.ts';

/** The API server composition root. */
export async function serve(config: Config): Promise<() => Promise<void>> {
  const handle = await openDatabase(config);
  let seeded = false;
  if (!config.demo) {
    // HUIYIN_DEMO=off: a production start. No demo seed, and no start while anyone can sign in with the published demo password.
    const open = await demoAccountsWithPassword(handle.db, DEMO_PASSWORD);
    if (open.length > 0) {
      await handle.close();
      throw new Error(
        `HUIYIN_DEMO=off, but demo accounts still have the demo password: ${open.join(', ')}. ` +
          'Deactivate them or give them new passwords (with HUIYIN_DEMO=on, then sign in and change them), then start again.',
      );
    }
  }
  if (!config.demo && (await isEmpty(handle.db))) {
    console.log(
      '[huiyin] HUIYIN_DEMO=off and the database is empty: no demo is seeded. Set up your county (or city, province) with\n' +
        '[huiyin]   npx huiyin init --region <code> --centre "<service centre name>" --admin <username>\n' +
        '[huiyin] (e.g. --region 330106), then sign in with the one-time password it prints.',
    );
  }
  // Only the embedded database is seeded on its own (and only in demo mode); a PostgreSQL database needs `huiyin seed --demo`.
  if (config.demo && handle.kind === 'pglite' && (await isEmpty(handle.db))) {
    console.log(
      '[huiyin] empty embedded database: seeding the demo (regions, units, accounts, ~300 cases, 425 livelihood matters and 46 key projects) ...',
    );
    const r = await seedDemo(handle.db);
    console.log(`[huiyin] demo seeded: ${r.cases} cases`);
    seeded = true;
  }
  const app = await buildApp({
    db: handle.db,
    clock: systemClock,
    dataDir: config.dataDir,
    sessionTtlHours: config.sessionTtlHours,
    sessionIdleMinutes: config.sessionIdleMinutes,
    publicUrl: config.publicUrl,
    demo: config.demo,
    maxUploadBytes: config.maxUploadBytes,
    publicRateLimitPerMinute: config.publicRateLimitPerMinute,
    webDistDir: config.webDistDir,
    trustProxy: config.trustProxy,
    mapTileUrl: config.mapTileUrl,
    smsChannel: config.smsGatewayUrl !== undefined,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
  });
  const address = await app.listen({ port: config.port, host: config.host });
  // Delivery of the outbox and the periodic jobs, in this process unless HUIYIN_WORKER=off (then `huiyin worker` runs them).
  const worker = !config.worker ? null : startWorker({ db: handle.db, clock: systemClock, config, ownsDatabase: handle.kind === 'pglite' });
  const hasDemo = config.demo && (seeded || (await hasDemoAccounts(handle.db)));
  if (hasDemo) printDemoBanner();
  console.log(`[huiyin] serving on ${address} (${handle.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
  console.log(`[huiyin] staff: ${address}/admin   citizens: ${address}/   API docs: ${address}/api/docs`);
  return async () => {
    await worker?.stop();
    await app.close();
    await handle.close();
  };
}

async function hasDemoAccounts(db: import('../db/connect.ts').Db): Promise<boolean> {
  return createPeopleRepo(db).usernameExists('dispatcher');
}

function printDemoBanner(): void {
  const lines = [
    '================================ DEMO ================================',
    ` Demo accounts (password for all: ${DEMO_PASSWORD}) — do not use in production`,
    ...demoAccounts.map((a) => `   ${a.username.padEnd(11)} ${a.note}`),
    '======================================================================',
  ];
  console.log(lines.join('\n'));
}
