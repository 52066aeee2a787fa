import { parseArgs } from 'node:util';
import { adminCreateUserSchema, officerRolesOf, passwordProblemText, passwordProblems } from '@huiyin/core';
import { ConfigError, loadConfig } from '../config.ts';
import { systemClock } from '../clock.ts';
import { openDatabase } from '../main/open-db.ts';
import { serve } from '../main/serve.ts';
import { startWorker } from '../main/worker.ts';
import { auditCommand } from './audit-command.ts';
import { initCommand } from './init.ts';
import { createAuthService } from '../modules/people/auth.service.ts';
import { recordAudit } from '../modules/audit/audit-log.ts';
import { createPeopleRepo } from '../modules/people/people.repo.ts';
import { createUnitsRepo } from '../modules/regions/units.repo.ts';
import { isEmpty, seedDemo } from '../seed/demo.ts';

const usage = `huiyin <command>

  serve                 run the server (migrates first; seeds the demo on an empty embedded database);
                        it also delivers notifications and runs the periodic jobs unless HUIYIN_WORKER=off
  worker                deliver notifications (in-app, SMS, webhook, e-mail) and run the periodic jobs,
                        without serving HTTP (beside servers started with HUIYIN_WORKER=off)
  migrate               apply database migrations
  init --region <code> --centre "<name>" --admin <username> [--security-admin <username>] [--yes]
                        set up a production deployment on an empty database: the region's tree (a county,
                        city or province, down to townships), its service centre, the first system admin
                        and security admin (default <admin>-sec) with one-time passwords printed once;
                        asks for missing values on a terminal; exit 1 if the database is not empty
  seed --demo           load the demo organisation, accounts and cases into an empty database
  audit verify [--checkpoint FILE]
                        recompute every chain (case events, the audit log) under the audit key and check
                        them against the checkpoint (default: the newest in <data dir>/checkpoints);
                        exit 1 naming the first broken link or the first missing tail
  audit checkpoint [--out FILE]
                        write the signed heads of every chain (default: <data dir>/checkpoints/)
  user add --username U --name N --roles r1,r2 --units 1,2 [--phone P] [--email E]
                        create a staff account in at least one unit (the owner's bootstrap, e.g. the
                        root security admin in the province's office); the password is read from
                        HUIYIN_NEW_PASSWORD; at most one of admin, security_admin, auditor; the
                        e-mail address receives their notifications

Environment: DATABASE_URL (PostgreSQL; unset = embedded database in HUIYIN_DATA_DIR, default ./data),
PORT (8080), HOST (127.0.0.1), HUIYIN_WORKER (on|off), HUIYIN_LOG_LEVEL (info), HUIYIN_SMS_GATEWAY_URL,
HUIYIN_WEBHOOK_URL + HUIYIN_WEBHOOK_SECRET, HUIYIN_SMTP_URL + HUIYIN_MAIL_FROM, HUIYIN_PUBLIC_URL,
HUIYIN_AUDIT_KEY or HUIYIN_AUDIT_KEY_FILE (default <data dir>/audit.key, created 0600), HUIYIN_DEMO (on|off),
HUIYIN_SESSION_IDLE_MINUTES (30).`;

export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`[huiyin] configuration: ${e.message}`);
      return 2;
    }
    console.error(`[huiyin] ${(e as Error).message}`);
    return 1;
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const stop = await serve(config);
      const shutdown = () => {
        void stop().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return new Promise<number>(() => undefined);
    }
    case 'worker': {
      const h = await openDatabase(config);
      const worker = startWorker({ db: h.db, clock: systemClock, config, ownsDatabase: h.kind === 'pglite' });
      console.log(`[huiyin] worker running (${h.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
      const shutdown = () => {
        void worker
          .stop()
          .then(() => h.close())
          .then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return new Promise<number>(() => undefined);
    }
    case 'migrate': {
      const h = await openDatabase(config);
      console.log(`[huiyin] migrations applied (${h.kind})`);
      await h.close();
      return 0;
    }
    case 'init':
      return initCommand(rest, config);
    case 'seed': {
      if (!rest.includes('--demo')) {
        console.error('usage: huiyin seed --demo');
        return 2;
      }
      const h = await openDatabase(config);
      try {
        if (!(await isEmpty(h.db))) {
          console.error('[huiyin] the database already has users; the demo is only loaded into an empty database');
          return 1;
        }
        const r = await seedDemo(h.db);
        console.log(`[huiyin] demo seeded: ${r.cases} cases`);
        return 0;
      } finally {
        await h.close();
      }
    }
    case 'audit':
      return auditCommand(rest, config);
    case 'user': {
      if (rest[0] !== 'add') {
        console.error('usage: huiyin user add ...');
        return 2;
      }
      const { values } = parseArgs({
        args: rest.slice(1),
        options: {
          username: { type: 'string' },
          name: { type: 'string' },
          roles: { type: 'string' },
          units: { type: 'string' },
          phone: { type: 'string' },
          email: { type: 'string' },
        },
        strict: true,
      });
      // The same rules as the security admin's route: at least one unit, the password policy's length.
      const parsed = adminCreateUserSchema.safeParse({
        username: values.username,
        displayName: values.name,
        password: process.env['HUIYIN_NEW_PASSWORD'],
        roles: values.roles?.split(',').filter(Boolean),
        unitIds: values.units ? values.units.split(',').map(Number) : [],
        ...(values.phone ? { phone: values.phone } : {}),
        ...(values.email !== undefined ? { email: values.email } : {}),
      });
      const officers = parsed.success ? officerRolesOf(parsed.data.roles) : [];
      const weak = parsed.success ? passwordProblems(parsed.data.password, parsed.data.username) : [];
      if (!parsed.success || officers.length > 1 || weak.length > 0) {
        for (const i of parsed.error?.issues ?? []) console.error(`  ${i.path.join('.') || 'input'}: ${i.message}`);
        if (officers.length > 1)
          console.error(`  roles: at most one of admin, security_admin, auditor (三员分立), not ${officers.join(' + ')}`);
        for (const p of weak) console.error(`  password: ${passwordProblemText(p, 'en')}`);
        console.error(
          '(the password comes from HUIYIN_NEW_PASSWORD: at least 10 characters of three kinds, not the username; --units names at least one unit id)',
        );
        return 2;
      }
      const input = parsed.data;
      const h = await openDatabase(config);
      try {
        const auth = createAuthService({ db: h.db, clock: systemClock, sessionTtlHours: config.sessionTtlHours });
        const u = await auth.createUser(input, {
          within: async (trx, id) => {
            if (input.email !== undefined) await createPeopleRepo(trx).update(id, { email: input.email });
            const units = await createUnitsRepo(trx).states(input.unitIds);
            await recordAudit(trx, {
              action: 'user.create',
              actor: { id: null, name: 'huiyin user add' },
              target: { type: 'user', id },
              regionCode: units.sort((a, b) => a.id - b.id)[0]?.regionCode ?? null,
              detail: { username: input.username, roles: input.roles, unitIds: input.unitIds, via: 'cli' },
              at: systemClock.now(),
            });
          },
        });
        console.log(`[huiyin] user ${u.username} (id ${u.id}) created with roles ${u.roles.join(', ')}`);
        return 0;
      } finally {
        await h.close();
      }
    }
    case undefined:
    case 'help':
    case '--help':
      console.log(usage);
      return command === undefined ? 2 : 0;
    default:
      console.error(`unknown command: ${command}\n\n${usage}`);
      return 2;
  }
}
