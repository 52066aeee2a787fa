import { beforeAll, expect, it } from 'vitest';
import { verifyAuditChains } from '../modules/audit/verify.ts';
import { describeEachDb, type Harness } from '../testing/harness.ts';

/** A district, its centre with a clerk and a dispatcher, and the bureau they dispatch to: nothing more is raced on. */
async function smallOrg(h: Harness): Promise<{ bureau: number }> {
  await h.make.district();
  const centre = await h.make.unit({ name: '盐湖区政务服务中心', kind: 'centre' });
  const bureau = await h.make.unit({ name: '盐湖区水务局', parentId: centre });
  await h.make.user({ username: 'clerk', roles: ['clerk'], unitIds: [centre] });
  await h.make.user({ username: 'dispatcher', roles: ['dispatcher'], unitIds: [centre] });
  return { bureau };
}

/**
 * PGlite is one connection: the driver must hand it to one transaction at a time. 50 writes
 * fired at once must all commit whole, with distinct consecutive tracking numbers and intact
 * event chains; 50 actions racing on one case version must let exactly one through.
 */
describeEachDb(
  'concurrent writes',
  (get) => {
    let org: { bureau: number };
    beforeAll(async () => {
      org = await smallOrg(get());
    });

    it('50 concurrent registrations all commit, numbered 1..50 without gaps or duplicates', async () => {
      const h = get();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          h.req(null, 'POST', '/api/v1/public/cases', {
            type: 'help',
            content: `并发写入测试 ${i}：路灯不亮`,
            regionCode: '140802',
            requester: { phone: `139${String(i).padStart(8, '0')}` },
          }),
        ),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
      const seqs = results.map((r) => Number((r.json().trackingNo as string).slice(-6))).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      const events = await h.db.db
        .selectFrom('case_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(events.n)).toBe(50);
      const outbox = await h.db.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(outbox.n)).toBe(50);
      expect((await verifyAuditChains(h.db.db)).firstBroken).toBeNull();
    });

    it('50 concurrent actions on one version: exactly one wins, the rest get version_conflict, one event is written', async () => {
      const h = get();
      const c = (
        await h.req('clerk', 'POST', '/api/v1/cases', {
          type: 'help',
          content: '并发派单测试',
          regionCode: '140802',
          requester: { phone: '13900000000' },
        })
      ).json();
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          h.req('dispatcher', 'POST', `/api/v1/cases/${c.id}/actions`, { action: 'dispatch', version: 1, leadUnitId: org.bureau }),
        ),
      );
      const codes = results.map((r) => r.statusCode);
      expect(codes.filter((s) => s === 200)).toHaveLength(1);
      expect(codes.filter((s) => s === 409)).toHaveLength(49);
      expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'version_conflict')).toBe(true);
      const events = await h.db.db.selectFrom('case_events').select('action').where('case_id', '=', c.id).execute();
      expect(events.map((e) => e.action)).toEqual(['register', 'dispatch']);
    });
  },
  { org: 'none' },
);
