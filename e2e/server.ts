import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { build } from 'vite';
import { ManualClock } from '../packages/server/src/clock.ts';
import { connectPglite, type DbHandle } from '../packages/server/src/db/connect.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { buildApp } from '../packages/server/src/main/app.ts';
import { seedDemoOrg, type DemoOrg } from '../packages/server/src/seed/demo-org.ts';
import { seedDemo } from '../packages/server/src/seed/demo.ts';
import { installAuditKey } from '../packages/server/src/modules/audit/audit-key.ts';
import { randomBytes } from 'node:crypto';

const webDir = path.resolve(import.meta.dirname, '../packages/web');
const webDist = path.join(webDir, 'dist');

/** The built web app served by a real server on a fresh embedded database with the demo organisation. */
export interface E2eServer {
  base: string;
  app: FastifyInstance;
  org: DemoOrg;
  clock: ManualClock;
  /** The server's database, for what a journey needs that no page does (a follow-up link the SMS would carry). */
  db: DbHandle['db'];
  close(): Promise<void>;
}

let built: Promise<unknown> | undefined;

/**
 * `sessionIdleMinutes`: journeys move the clock by hours while their pages wait, so sessions idle out
 * after 12 hours unless a journey about the idle timeout asks for the real 30 minutes.
 */
export interface E2eServerOptions {
  demo?: boolean;
  sessionIdleMinutes?: number;
}

export async function startE2eServer(opts: E2eServerOptions = {}): Promise<E2eServer> {
  // Always the current sources: a stale dist would test yesterday's pages. Under vitest NODE_ENV is
  // "test", so React and antd run their development checks: deprecations fail the journeys early.
  built ??= build({ root: webDir, mode: 'production', logLevel: 'warn', configFile: path.join(webDir, 'vite.config.ts') });
  await built;
  // The chains are keyed: each e2e server gets a key of its own, as `huiyin serve` would create.
  installAuditKey(randomBytes(32));
  const h: DbHandle = await connectPglite(undefined);
  await migrateToLatest(h.db);
  const org = opts.demo ? (await seedDemo(h.db)).org : await seedDemoOrg(h.db);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'huiyin-e2e-'));
  const clock = new ManualClock(new Date());
  const app = await buildApp({
    db: h.db,
    clock,
    dataDir,
    webDistDir: webDist,
    publicRateLimitPerMinute: 1000,
    checkResponses: true,
    sessionIdleMinutes: opts.sessionIdleMinutes ?? 12 * 60,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    base,
    app,
    org,
    clock,
    db: h.db,
    async close() {
      await app.close();
      await h.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
