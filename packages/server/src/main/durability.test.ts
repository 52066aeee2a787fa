import { spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPglite } from '../db/connect.ts';
import { huiyinBin, killHard, prepareDataDir, repoRoot, spawnServer } from '../testing/spawn-server.ts';
import { rewriteAsOwner } from '../testing/tamper.ts';

/**
 * The embedded database, as a user runs it: a real `huiyin serve` process on a data directory.
 * A write acknowledged to the client must survive kill -9 of the server, and `huiyin audit
 * verify` must catch an event edited behind the application's back.
 */
describe('embedded database durability [pglite, real process]', () => {
  let dataDir: string;
  let pgDir: string;
  const servers: ChildProcess[] = [];

  beforeAll(async () => {
    // An organisation but no demo cases: `serve` only seeds the demo into an empty database.
    dataDir = await prepareDataDir('huiyin-durability-');
    pgDir = path.join(dataDir, 'pglite');
  });

  afterAll(async () => {
    for (const p of servers) if (p.exitCode === null && p.signalCode === null) await killHard(p);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('acknowledged writes survive kill -9 of the server', async () => {
    const first = await spawnServer(dataDir);
    servers.push(first.proc);
    const acknowledged: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await fetch(`${first.base}/api/v1/public/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'help', content: `断电测试 ${i}`, regionCode: '140802', requester: { phone: '13911112222' } }),
      });
      expect(res.status).toBe(201);
      acknowledged.push(((await res.json()) as { trackingNo: string }).trackingNo);
    }
    // No graceful shutdown: the process dies the moment the last answer is received.
    await killHard(first.proc);

    const second = await spawnServer(dataDir);
    servers.push(second.proc);
    for (const no of acknowledged) {
      const res = await fetch(`${second.base}/api/v1/track/${no}?phone=2222`);
      expect(res.status, no).toBe(200);
    }
    await killHard(second.proc);
  });

  it('huiyin audit verify passes on intact chains and fails, naming the case, after tampering', async () => {
    const env = { ...process.env, HUIYIN_DATA_DIR: dataDir, DATABASE_URL: '' };
    const ok = spawnSync(process.execPath, [huiyinBin, 'audit', 'verify'], { cwd: repoRoot, env, encoding: 'utf8' });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/OK — 10 cases/);

    const h = await connectPglite(pgDir);
    await rewriteAsOwner(h.db, 'case_events', async (trx) => {
      await sql`update case_events set to_status = 'closed' where case_id = 4 and seq = 1`.execute(trx);
    });
    await h.close();

    const bad = spawnSync(process.execPath, [huiyinBin, 'audit', 'verify'], { cwd: repoRoot, env, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/BROKEN at case 4, event seq 1/);
  });
});
