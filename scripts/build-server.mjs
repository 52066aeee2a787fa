#!/usr/bin/env node
// Compile the server (packages/server/src/main/bundle-entry.ts: the CLI's main, plus what the `compiled`
// test project needs, and everything they import, @huiyin/core included) into one ES module,
// packages/server/dist/huiyin.mjs, with esbuild. npm packages stay external: they are
// loaded from node_modules at run time (native and WebAssembly modules, fonts and data files included).
// The file is written beside and renamed into place, so a `huiyin` started meanwhile sees the old or the new build.
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
export const serverDist = path.join(root, 'packages/server/dist');
const outfile = path.join(serverDist, 'huiyin.mjs');
const tmp = path.join(serverDist, `.huiyin.${process.pid}.mjs`);

/** Bare imports are npm packages (external) except the workspace's own @huiyin/* sources (bundled). */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@huiyin/') || path.isAbsolute(args.path)) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const started = Date.now();
try {
  await build({
    entryPoints: [path.join(root, 'packages/server/src/main/bundle-entry.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'inline',
    sourcesContent: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [externalPackages],
    // The stamp bundle-entry.ts exports as `huiyinBuild`: the compiled tests check they run this file.
    define: { __HUIYIN_BUILD__: JSON.stringify(`esbuild ${new Date(started).toISOString()}`) },
    banner: { js: '// Built by scripts/build-server.mjs from packages/server/src: do not edit.' },
  });
  renameSync(tmp, outfile);
} catch (e) {
  rmSync(tmp, { force: true });
  console.error(`[build] server: ${e.message}`);
  process.exit(1);
}
console.log(`[build] server -> ${path.relative(root, outfile)} (${Date.now() - started} ms)`);
