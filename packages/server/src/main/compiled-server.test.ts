import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, disposeHarness } from '../testing/harness.ts';
import { killHard, prepareDataDir, repoRoot } from '../testing/spawn-server.ts';

/**
 * The production build, as an operator runs it: `npm run build:server` (scripts/build-server.mjs)
 * compiles the server to packages/server/dist/huiyin.mjs, and `huiyin serve` runs that JavaScript,
 * not the TypeScript sources. The `compiled` test project (testing/compiled-project.ts) runs API
 * test files against that file; here a bug planted in the bundle alone must fail it. Then the
 * offline bundle (scripts/bundle.mjs, here without the web build and without the tarball) unpacked
 * in a directory with no node_modules above it starts too.
 * PGlite only: these are real processes on the embedded database; the code under test is the same
 * on PostgreSQL and is covered there by every other suite.
 */
describe('compiled server [pglite only, real process]', () => {
  const processes: ChildProcess[] = [];
  const dirs: string[] = [];
  let sourceOperations = 0;

  beforeAll(async () => {
    const built = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/build-server.mjs')], { cwd: repoRoot, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    expect(existsSync(path.join(repoRoot, 'packages/server/dist/huiyin.mjs'))).toBe(true);
    // The OpenAPI document of the app built from the sources, to compare with the compiled one.
    const h = await createHarness('pglite', { org: 'none' });
    try {
      sourceOperations = countOperations((await h.req(null, 'GET', '/api/openapi.json')).json());
    } finally {
      await disposeHarness(h);
    }
    expect(sourceOperations).toBeGreaterThan(50);
  });

  afterAll(async () => {
    for (const p of processes) await killHard(p);
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function start(cwd: string, env: Record<string, string> = {}): Promise<{ base: string; out: () => string }> {
    const dataDir = await prepareDataDir('huiyin-compiled-');
    dirs.push(dataDir);
    const s = await spawnHuiyin(cwd, { HUIYIN_DATA_DIR: dataDir, ...env });
    processes.push(s.proc);
    return s;
  }

  it('huiyin serve runs the compiled server, and it answers: health, sign-in, a public request and its tracking, the API document', async () => {
    const { base, out } = await start(repoRoot, { HUIYIN_RUN: 'compiled' });
    expect(out()).toContain('[huiyin] running the compiled server (packages/server/dist)');
    await apiChecks(base, sourceOperations);
  });

  it('the compiled test project drives the bundle: a bug only in the bundle fails it', () => {
    // The build with one route's path changed: the sources are as they were, the bundle cannot sign anyone in.
    const built = readFileSync(path.join(repoRoot, 'packages/server/dist/huiyin.mjs'), 'utf8');
    const route = '"/api/v1/auth/login",';
    expect(built).toContain(route);
    const mutant = path.join(repoRoot, `packages/server/dist/.mutant-${process.pid}.mjs`);
    writeFileSync(mutant, built.replace(route, '"/api/v1/auth/login-mutant",'));
    try {
      // A clean environment for the nested run: none of this worker's VITEST_* variables.
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
      const run = spawnSync(
        process.execPath,
        [
          path.join(repoRoot, 'node_modules/vitest/vitest.mjs'),
          'run',
          '--project',
          'compiled',
          'packages/server/src/modules/cases/lifecycle.test.ts',
        ],
        { cwd: repoRoot, encoding: 'utf8', env: { ...env, HUIYIN_COMPILED_BUNDLE: mutant, NO_COLOR: '1' }, timeout: 170_000 },
      );
      const out = `${run.stdout}${run.stderr}`;
      expect(out).toContain(`testing ${mutant} as it is`);
      expect(run.status, out).toBe(1);
      expect(out).toMatch(/login \S+: 404/);
    } finally {
      rmSync(mutant, { force: true });
    }
  }, 180_000);

  it('the offline bundle, unpacked with no node_modules beside it, starts from its build alone', async () => {
    const stage = mkdtempSync(path.join(tmpdir(), 'huiyin-bundle-test-'));
    dirs.push(stage);
    const bundled = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/bundle.mjs'), '--stage', stage, '--no-web'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(bundled.status, bundled.stderr).toBe(0);
    // Nothing from the sources or the dev tools travels: no TypeScript, no tsx, no esbuild.
    expect(existsSync(path.join(stage, 'packages/server/src/cli'))).toBe(false);
    for (const dev of ['tsx', 'esbuild', 'typescript', 'vitest'])
      expect(existsSync(path.join(stage, 'node_modules', dev)), dev).toBe(false);
    // Chosen on its own (no HUIYIN_RUN): a bundle has a build and no sources.
    const { base, out } = await start(stage);
    expect(out()).toContain('[huiyin] running the compiled server (packages/server/dist)');
    await apiChecks(base, sourceOperations);
  });
});

/** The API's documented operations (the web build, when present, adds its own static route). */
function countOperations(doc: { paths: Record<string, Record<string, unknown>> }): number {
  return Object.entries(doc.paths)
    .filter(([p]) => p.startsWith('/api/'))
    .reduce((n, [, ops]) => n + Object.keys(ops).length, 0);
}

async function apiChecks(base: string, sourceOperations: number): Promise<void> {
  const health = await fetch(`${base}/api/health`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ ok: true });

  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'clerk', password: 'huiyin-demo' }),
  });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const me = await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(me.status).toBe(200);
  expect(((await me.json()) as { username: string }).username).toBe('clerk');

  const submitted = await fetch(`${base}/api/v1/public/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'help', content: '编译版本测试：路灯不亮', regionCode: '140802', requester: { phone: '13911112222' } }),
  });
  expect(submitted.status).toBe(201);
  const { trackingNo } = (await submitted.json()) as { trackingNo: string };
  const tracked = await fetch(`${base}/api/v1/track/${trackingNo}?phone=2222`);
  expect(tracked.status).toBe(200);

  const doc = await fetch(`${base}/api/openapi.json`);
  expect(doc.status).toBe(200);
  expect(countOperations((await doc.json()) as { paths: Record<string, Record<string, unknown>> })).toBe(sourceOperations);
}

/** `node bin/huiyin.mjs serve` in `cwd` on a free port; resolves once it listens. */
function spawnHuiyin(cwd: string, env: Record<string, string>): Promise<{ proc: ChildProcess; base: string; out: () => string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [path.join(cwd, 'bin/huiyin.mjs'), 'serve'], {
      cwd,
      env: { ...process.env, PORT: '0', HUIYIN_LOG_LEVEL: 'silent', HUIYIN_WORKER: 'off', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /serving on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, base: m[1]!, out: () => out });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}
