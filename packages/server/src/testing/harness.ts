import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe } from 'vitest';
import { ManualClock } from '../clock.ts';
import { buildApp } from '../main/app.ts';
import { DEMO_PASSWORD, seedDemoOrg, type DemoOrg } from '../seed/demo-org.ts';
import { compiledBundle, compiledRun } from './compiled-project.ts';
import { factories, type Factories } from './factories.ts';
import { enabledKinds, isPostgresReachable, openTestDb, type DbKind, type TestDb } from './databases.ts';

/**
 * A whole app on a fresh database with the demo organisation, a manual clock and a signed-in
 * token per demo account. `describeEachDb` runs a suite on PGlite and on PostgreSQL.
 */
export interface Harness {
  kind: DbKind;
  db: TestDb;
  app: FastifyInstance;
  clock: ManualClock;
  /** The demo organisation's units and users by key (empty with `org: 'none'`). */
  org: DemoOrg;
  /** Factories for what a test needs beyond (or instead of) the demo organisation. */
  make: Factories;
  dataDir: string;
  tokens: Record<string, string>;
  /** Forget the cached sign-ins (after moving the clock past the session lifetime). */
  resetSessions(): void;
  /** JSON request as a demo user (or anonymous with `as: null`). */
  req(
    as: string | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** A Monday morning in Beijing, far from holidays: 2026-03-09 09:00 +08:00. */
export const DEFAULT_START = '2026-03-09T01:00:00Z';

export interface HarnessOptions {
  start?: string;
  publicRateLimitPerMinute?: number;
  /** `demo` (default): the demo organisation and its accounts; `none`: an empty database for factories (testing/factories.ts). */
  org?: 'demo' | 'none';
  /**
   * Idle timeout of sessions; default 12 hours, the same as their lifetime, so tests that move the
   * clock by hours keep their sign-ins (they call resetSessions() past 12 hours, as before).
   */
  sessionIdleMinutes?: number;
  /** An SMS gateway is configured (default: none). */
  smsChannel?: boolean;
}

export async function createHarness(kind: DbKind, opts: HarnessOptions = {}): Promise<Harness> {
  if (compiledRun) await assertCompiledApp();
  const db = await openTestDb(kind);
  const clock = new ManualClock(opts.start ?? DEFAULT_START);
  const org: DemoOrg = opts.org === 'none' ? { units: {}, users: {} } : await seedDemoOrg(db.db);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'huiyin-test-'));
  const app = await buildApp({
    db: db.db,
    clock,
    dataDir,
    publicRateLimitPerMinute: opts.publicRateLimitPerMinute ?? 1000,
    maxUploadBytes: 1024 * 1024,
    checkResponses: true,
    sessionIdleMinutes: opts.sessionIdleMinutes ?? 12 * 60,
    smsChannel: opts.smsChannel ?? false,
  });
  const tokens: Record<string, string> = {};
  const pending = new Map<string, Promise<string>>();
  const h: Harness = {
    kind,
    db,
    app,
    clock,
    org,
    make: factories(db.db),
    dataDir,
    tokens,
    resetSessions() {
      pending.clear();
      for (const k of Object.keys(tokens)) delete tokens[k];
    },
    async req(as, method, url, body, headers = {}) {
      const auth = as === null ? {} : { authorization: `Bearer ${await token(as)}` };
      return app.inject({
        method,
        url,
        headers: { ...auth, ...headers },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
    },
  };
  /** One sign-in per account, shared by concurrent requests. */
  function token(username: string): Promise<string> {
    let p = pending.get(username);
    if (!p) {
      p = app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } }).then((res) => {
        if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
        tokens[username] = res.json().token as string;
        return tokens[username];
      });
      pending.set(username, p);
    }
    return p;
  }
  return h;
}

let compiledChecked: Promise<void> | undefined;

/**
 * Under the `compiled` project (testing/compiled-project.ts): the `buildApp` imported above must be
 * the bundle's, stamped by the build, or the project would quietly test the sources again.
 */
function assertCompiledApp(): Promise<void> {
  compiledChecked ??= (async () => {
    const bundle = (await import(pathToFileURL(compiledBundle).href)) as { buildApp?: unknown; huiyinBuild?: unknown };
    if (bundle.buildApp !== buildApp || typeof bundle.huiyinBuild !== 'string' || !bundle.huiyinBuild.startsWith('esbuild '))
      throw new Error(`the compiled project must drive ${compiledBundle}, but buildApp comes from elsewhere (the sources?)`);
  })();
  return compiledChecked;
}

export async function disposeHarness(h: Harness): Promise<void> {
  await h.app.close();
  await h.db.dispose();
  rmSync(h.dataDir, { recursive: true, force: true });
}

const postgresUp = await isPostgresReachable();

/**
 * Run `suite` once per database. A PostgreSQL that cannot be reached is skipped with a note,
 * except with CI=true, where the global setup has already failed the run.
 */
export function describeEachDb(name: string, suite: (get: () => Harness) => void, opts: HarnessOptions = {}): void {
  // The compiled project runs on PGlite only; the `server` project covers both from the sources.
  for (const kind of compiledRun ? (['pglite'] as const) : enabledKinds()) {
    const skip = kind === 'postgres' && !postgresUp && process.env['CI'] !== 'true';
    (skip ? describe.skip : describe)(`${name} [${kind}]`, () => {
      let h: Harness | undefined;
      beforeAll(async () => {
        h = await createHarness(kind, opts);
      });
      afterAll(async () => {
        if (h) await disposeHarness(h);
      });
      suite(() => {
        if (!h) throw new Error('harness not ready');
        return h;
      });
    });
  }
}
