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

  it('huiyin audit checkpoint, then a cut tail of the audit log: the chain alone still passes, the checkpoint does not', async () => {
    const env = { ...process.env, HUIYIN_DATA_DIR: dataDir, DATABASE_URL: '' };
    const server = await spawnServer(dataDir);
    servers.push(server.proc);
    // Three failed sign-ins: three audit log entries.
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${server.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'clerk', password: `wrong-password-${i}` }),
      });
      expect(res.status).toBe(401);
    }
    await killHard(server.proc);

    const file = path.join(dataDir, 'offsite-checkpoint.json');
    const cp = spawnSync(process.execPath, [huiyinBin, 'audit', 'checkpoint', '--out', file], { cwd: repoRoot, env, encoding: 'utf8' });
    expect(cp.status, cp.stderr).toBe(0);
    expect(cp.stdout).toMatch(/audit checkpoint written to .*offsite-checkpoint\.json/);

    // Someone who owns the tables removes the last entry and rewinds the head to match.
    const h = await connectPglite(pgDir);
    const last = await h.db.selectFrom('audit_log').select(['seq', 'prev_hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await rewriteAsOwner(h.db, 'audit_log', async (trx) => {
      await trx.deleteFrom('audit_log').where('seq', '=', last.seq).execute();
      await trx
        .updateTable('audit_head')
        .set({ seq: Number(last.seq) - 1, hash: last.prev_hash })
        .execute();
    });
    await h.close();

    const alone = spawnSync(process.execPath, [huiyinBin, 'audit', 'verify', '--no-checkpoint'], { cwd: repoRoot, env, encoding: 'utf8' });
    expect(alone.status, alone.stderr).toBe(0);
    const against = spawnSync(process.execPath, [huiyinBin, 'audit', 'verify', '--checkpoint', file], {
      cwd: repoRoot,
      env,
      encoding: 'utf8',
    });
    expect(against.status).toBe(1);
    expect(against.stderr).toMatch(/BROKEN against the checkpoint .*audit log: the checkpoint saw \d+ entries, now \d+ \(a missing tail\)/);
  });

  it('huiyin audit verify passes on intact chains and fails, naming the case, after tampering', async () => {
    const env = { ...process.env, HUIYIN_DATA_DIR: dataDir, DATABASE_URL: '' };
    const ok = spawnSync(process.execPath, [huiyinBin, 'audit', 'verify', '--no-checkpoint'], { cwd: repoRoot, env, encoding: 'utf8' });
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
