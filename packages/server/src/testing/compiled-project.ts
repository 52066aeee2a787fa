import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * The `compiled` test project (vitest.config.ts): API test files that run against the production
 * build, packages/server/dist/huiyin.mjs (scripts/build-server.mjs, entry main/bundle-entry.ts),
 * instead of the TypeScript sources. The tests and their helpers stay sources; the app they
 * drive through `h.req(...)` is the compiled one. PGlite only (the harness narrows it), to keep
 * the run short; the same files run on both databases from the sources in the `server` project.
 */

const root = path.resolve(import.meta.dirname, '../../../..');

/**
 * The bundle under test: the one `npm run build:server` writes (the project's global setup builds
 * it first), or, with HUIYIN_COMPILED_BUNDLE=<file>, that file as it is (an artifact built
 * elsewhere; nothing is built then).
 */
export const compiledBundle = process.env['HUIYIN_COMPILED_BUNDLE']
  ? path.resolve(process.env['HUIYIN_COMPILED_BUNDLE'])
  : path.join(root, 'packages/server/dist/huiyin.mjs');

/** Set in the project's workers: the harness checks it drives the bundle, and uses PGlite only. */
export const compiledRun = process.env['HUIYIN_TEST_APP'] === 'compiled';

/**
 * The files, named one by one so a new test file neither slips in nor out unnoticed (the global
 * setup fails on a listed file that is gone). Chosen for the routes and the code paths that
 * compiling could break (PDF fonts, Excel, uploads, WebAssembly, the error mapping), within a few
 * minutes on two cores. The access matrix (every route × every role) is left out: it alone takes
 * longer than all of these; the compiled route count is checked against the sources' in
 * main/compiled-server.test.ts.
 */
export const compiledTestFiles = [
  // Who may do what: roles, scopes and sessions across the case, admin and settings routes.
  'packages/server/src/http/permissions.test.ts',
  // Bad input of every kind: the error mapping (DomainError, zod, database errors) as compiled.
  'packages/server/src/http/bad-input.test.ts',
  // Cases: the whole lifecycle, 不予受理, the Excel export and the printed sheet (fonts, PDF), the citizen's page with photos.
  'packages/server/src/modules/cases/lifecycle.test.ts',
  'packages/server/src/modules/cases/refusal.test.ts',
  'packages/server/src/modules/cases/case-export.test.ts',
  'packages/server/src/modules/cases/public.test.ts',
  // Issue 13's daily practice: the ordinary consultation (会商), the answer letter, the hotline desk and its telephony key.
  'packages/server/src/modules/cases/consultation.test.ts',
  'packages/server/src/modules/cases/answer-letter.test.ts',
  'packages/server/src/modules/hotline/hotline.test.ts',
  // The safety-net window (consultation, letters) and the livelihood flow.
  'packages/server/src/modules/safety-net/safety-net.test.ts',
  'packages/server/src/modules/livelihood/flow.test.ts',
  // Excel imports: units, people (one-time passwords) and the routing catalog.
  'packages/server/src/modules/admin/import-units.test.ts',
  'packages/server/src/modules/admin/import-people.test.ts',
  'packages/server/src/modules/admin/import-catalog.test.ts',
  // Sign-in (passwords, TOTP, lockout), the audit log's chain (the shared audit key), live notices (the shared event).
  'packages/server/src/modules/people/sign-in.test.ts',
  'packages/server/src/modules/audit/audit-log.test.ts',
  'packages/server/src/modules/notify/live.test.ts',
] as const;

/**
 * Modules the compiled project takes from the bundle, for the tests' code too (main/bundle-entry.ts
 * re-exports them): the app's composition root; the database connection and the migrations, so
 * the schema is the one the build makes; and every module whose state is process-wide. Were the
 * tests to keep their own copy of these, the audit key they install would never reach the
 * compiled app, nor the in-app sender's event its live hub.
 */
const fromBundle = ['main/app.ts', 'db/connect.ts', 'db/migrate.ts', 'modules/audit/audit-key.ts', 'modules/notify/live.ts'].map((f) =>
  path.join(root, 'packages/server/src', f),
);
const fromBundleNames = /(^|\/)(app|connect|migrate|audit-key|live)\.ts$/;

/** A Vite plugin redirecting imports of {@link fromBundle} to the compiled bundle. */
export function compiledAppPlugin(): Plugin {
  return {
    name: 'huiyin-compiled-app',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !fromBundleNames.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && fromBundle.includes(resolved.id) ? compiledBundle : null;
    },
  };
}
