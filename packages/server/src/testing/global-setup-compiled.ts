import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { compiledBundle, compiledTestFiles } from './compiled-project.ts';

/**
 * Runs once before the `compiled` project (testing/compiled-project.ts): builds the server exactly
 * as `npm run build:server` does, so its tests run against a bundle of the sources as they are now
 * (with HUIYIN_COMPILED_BUNDLE=<file>, that file as it is). A listed test file that no longer
 * exists fails the run rather than quietly leaving the project.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../../../..');
  const missing = compiledTestFiles.filter((f) => !existsSync(path.join(root, f)));
  if (missing.length > 0)
    throw new Error(`compiled project: listed test files are missing (testing/compiled-project.ts): ${missing.join(', ')}`);
  if (process.env['HUIYIN_COMPILED_BUNDLE']) {
    if (!existsSync(compiledBundle)) throw new Error(`HUIYIN_COMPILED_BUNDLE: ${compiledBundle} does not exist`);
    console.log(`[huiyin] compiled project: testing ${compiledBundle} as it is (HUIYIN_COMPILED_BUNDLE)`);
    return;
  }
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`npm run build:server failed:\n${built.stdout}${built.stderr}`);
  console.log(`[huiyin] compiled project: testing ${path.relative(root, compiledBundle)}`);
}
