import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connectPglite } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemoOrg } from '../seed/demo-org.ts';

/** The repository's root and the `huiyin` command, as a user runs it. */
export const repoRoot = path.resolve(import.meta.dirname, '../../../..');
export const huiyinBin = path.join(repoRoot, 'bin/huiyin.mjs');

export interface SpawnedServer {
  proc: ChildProcess;
  /** `http://127.0.0.1:<port>` */
  base: string;
}

/**
 * A data directory with an embedded database holding the demo organisation but no cases
 * (`serve` seeds the demo only into an empty database).
 */
export async function prepareDataDir(prefix: string): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), prefix));
  const h = await connectPglite(path.join(dataDir, 'pglite'));
  await migrateToLatest(h.db);
  await seedDemoOrg(h.db);
  await h.close();
  return dataDir;
}

/** A real `huiyin serve` process on the embedded database in `dataDir`, on a free port; resolves once it listens. */
export function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<SpawnedServer> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [huiyinBin, 'serve'], {
      cwd: repoRoot,
      env: { ...process.env, HUIYIN_DATA_DIR: dataDir, PORT: '0', HUIYIN_LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /serving on (http:\/\/[\d.]+:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, base: m[1]! });
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

/** SIGKILL: no graceful shutdown, the process dies at once. Resolves when it is gone. */
export function killHard(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.removeAllListeners('exit');
    proc.on('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}
