import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { actOn, answerCase, registerCase, waterCase } from '../../testing/case-actions.ts';

/** The rating rules read the real follow-ups: a burst of ratings keyed in by one account is flagged. */
describeEachDb(
  'supervision: flagged ratings',
  (get) => {
    it('flags nine top ratings keyed in by one account within minutes, with the evidence, and counts them for the unit', async () => {
      const h = get();
      await h.make.category('water.outage', '停水');
      const { water, users } = await h.make.waterDesk(['clerk', 'dispatcher', 'supervisor', 'handler2']);
      const ids: number[] = [];
      for (let i = 0; i < 9; i++) {
        const { id } = await registerCase(
          h,
          'clerk',
          waterCase(`楼道照明维修 ${i}`, { name: '吴女士', phone: `1393591${String(2000 + i)}` }),
        );
        ids.push(id);
        await answerCase(h, id, { unitId: water, text: '已修复' });
      }
      h.clock.advance(2 * 86_400_000);
      h.resetSessions();
      for (const id of ids) {
        await actOn(h, 'supervisor', id, { action: 'followUp', solved: true, satisfaction: 'very_satisfied' });
        h.clock.advance(20_000);
      }
      const flags = (await h.req('supervisor', 'GET', '/api/v1/supervision/rating-flags')).json();
      expect(flags.ratings).toBe(9);
      const burst = flags.items.find((f: { kind: string }) => f.kind === 'burst_by_one_account');
      expect(burst).toBeDefined();
      expect(burst.userId).toBe(users.supervisor);
      expect([...burst.caseIds].sort((a: number, b: number) => a - b)).toEqual([...ids].sort((a, b) => a - b));
      expect(burst.summary.zh.length).toBeGreaterThan(0);
      const overview = (await h.req('supervisor', 'GET', '/api/v1/supervision/overview')).json();
      expect(overview.units.find((u: { unitId: number }) => u.unitId === water).flaggedRatings).toBe(9);
      expect(overview.totals.flaggedRatings).toBe(9);
      expect((await h.req('handler2', 'GET', '/api/v1/supervision/rating-flags')).statusCode).toBe(403);
    });
  },
  { org: 'none' },
);
