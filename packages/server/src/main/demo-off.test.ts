import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config.ts';
import { createPeopleRepo } from '../modules/people/people.repo.ts';
import { hashPassword } from '../modules/people/password.ts';
import { factories } from '../testing/factories.ts';
import { openDatabase } from './open-db.ts';
import { serve } from './serve.ts';

describe('HUIYIN_DEMO=off', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'huiyin-demo-off-'));
  const env = { HUIYIN_DATA_DIR: dir, HUIYIN_DEMO: 'off', PORT: '0', HUIYIN_LOG_LEVEL: 'silent', HUIYIN_WORKER: 'off' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('does not seed the demo, and refuses to start while a demo account keeps the demo password', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const config = loadConfig(env);
      const stop = await serve(config);
      await stop();
      // An empty database: the start says how to set up a county instead of the demo.
      const said = log.mock.calls.map((c) => String(c[0])).join('\n');
      expect(said).toContain('npx huiyin init --region <code> --centre "<service centre name>" --admin <username>');
      expect(said).not.toMatch(/demo seeded/);
      let h = await openDatabase(config);
      expect(await createPeopleRepo(h.db).hasAnyUser()).toBe(false);
      const make = factories(h.db);
      await make.district();
      const unit = await make.unit();
      const demo = await make.user({ username: 'dispatcher', roles: ['dispatcher'], unitIds: [unit], demo: true });
      await h.close();

      await expect(serve(config)).rejects.toThrow(/demo accounts still have the demo password: dispatcher/);

      h = await openDatabase(config);
      await createPeopleRepo(h.db).setPasswordHash(demo.id, await hashPassword('Another-Pass-2026'));
      await h.close();
      const again = await serve(config);
      await again();
    } finally {
      log.mockRestore();
    }
  }, 120_000);
});
