#!/usr/bin/env node
// The `huiyin` command. It runs the compiled server (packages/server/dist/huiyin.mjs, made by
// `npm run build`) when that build is present and not older than the sources; otherwise it runs the
// TypeScript sources through tsx's loader, so in development there is no build step between a change
// and a run. An installed bundle (`npm run bundle`) carries the build and no sources.
// HUIYIN_RUN=compiled or HUIYIN_RUN=source chooses explicitly.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const compiled = path.join(root, 'packages/server/dist/huiyin.mjs');
const sourceDirs = ['packages/server/src', 'packages/core/src'].map((d) => path.join(root, d));

/** The newest modification time of the server's and core's non-test sources (0 when there are none). */
function newestSource(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

function choose() {
  const asked = process.env['HUIYIN_RUN'];
  if (asked === 'source') return { kind: 'source', why: 'HUIYIN_RUN=source' };
  if (asked === 'compiled') {
    if (existsSync(compiled)) return { kind: 'compiled' };
    console.error('[huiyin] HUIYIN_RUN=compiled but packages/server/dist/huiyin.mjs is missing: run `npm run build`');
    process.exit(2);
  }
  if (asked) {
    console.error(`[huiyin] HUIYIN_RUN must be compiled or source, not ${asked}`);
    process.exit(2);
  }
  if (!existsSync(compiled)) return { kind: 'source', why: 'no build in packages/server/dist' };
  const built = statSync(compiled).mtimeMs;
  const sources = Math.max(...sourceDirs.map(newestSource));
  if (sources > built) return { kind: 'source', why: 'the build in packages/server/dist is older than the sources' };
  return { kind: 'compiled' };
}

const [command] = process.argv.slice(2);
const announce = command === 'serve' || command === 'worker';
const run = choose();
let main;
if (run.kind === 'compiled') {
  process.setSourceMapsEnabled(true);
  if (announce) console.log('[huiyin] running the compiled server (packages/server/dist)');
  ({ main } = await import(pathToFileURL(compiled).href));
} else {
  if (announce) console.log(`[huiyin] running from TypeScript sources (${run.why})`);
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../packages/server/src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
