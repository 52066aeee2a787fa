/**
 * What esbuild compiles into packages/server/dist/huiyin.mjs (scripts/build-server.mjs).
 *
 * `main` is the `huiyin` command (bin/huiyin.mjs runs it). The rest is for the `compiled` test
 * project (testing/compiled-project.ts), which runs API test files against this very file
 * instead of the sources: the app (`buildApp`), the database connection and the migrations the
 * tests' databases are made with, and every module whose state is process-wide, so that the
 * tests' code and the compiled app share one copy of it (the installed audit key; the event the
 * in-app sender emits and the live hub listens to).
 */
export { main } from '../cli/main.ts';
export * from './app.ts';
export * from '../db/connect.ts';
export * from '../db/migrate.ts';
export * from '../modules/audit/audit-key.ts';
export * from '../modules/notify/live.ts';

/** Replaced by the build (esbuild `define`): when and from what the bundle was made. */
declare const __HUIYIN_BUILD__: string | undefined;

/** `sources` when this file runs uncompiled; the build's stamp in dist/huiyin.mjs. The compiled tests check it. */
export const huiyinBuild: string = typeof __HUIYIN_BUILD__ === 'string' ? __HUIYIN_BUILD__ : 'sources';
