import { beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { answerCase, registerCase, waterCase } from '../../testing/case-actions.ts';
import { createTrackingService } from '../cases/tracking.service.ts';
import { createWiredCaseService } from '../../main/case-wiring.ts';
import { createGuessLimiter } from '../cases/guess-limiter.ts';
import { createDeadlines } from '../settings/deadlines.ts';
import { createFollowUpService } from './follow-up.service.ts';

/** The one-time SMS follow-up link: rate once, refused when used again or expired. */
describeEachDb(
  'follow-up links',
  (get) => {
    let water = 0;
    beforeAll(async () => {
      const h = get();
      await h.make.category('water.outage', '停水');
      ({ water } = await h.make.waterDesk());
    });

    it('lets the citizen rate once through the link; a second use and an expired link are refused and change nothing', async () => {
      const h = get();
      const guesses = createGuessLimiter(h.clock);
      const deadlines = createDeadlines(h.db.db, h.clock);
      const followUp = createFollowUpService({
        db: h.db.db,
        clock: h.clock,
        cases: createWiredCaseService({ db: h.db.db, clock: h.clock, deadlines, guesses }),
        tracking: createTrackingService(h.db.db, guesses),
      });
      const reg = await registerCase(h, 'clerk', waterCase('小区路灯不亮', { name: '孙女士', phone: '13935912388' }));
      const id = reg.id;
      await answerCase(h, id, { unitId: water, text: '已修复路灯' });

      const { token } = await followUp.create(id);
      const seen = await h.req(null, 'GET', `/api/v1/follow-up/${token}`);
      expect(seen.statusCode, seen.body).toBe(200);
      expect(seen.json()).toMatchObject({ trackingNo: reg.trackingNo, canRate: true });
      expect(seen.body).not.toContain('13935912388');

      const bad = await h.req(null, 'POST', `/api/v1/follow-up/${token}`, { solved: true, satisfaction: 'super' });
      expect(bad.statusCode).toBe(400);
      const rated = await h.req(null, 'POST', `/api/v1/follow-up/${token}`, {
        solved: true,
        satisfaction: 'very_satisfied',
        comment: '修得很快',
      });
      expect(rated.statusCode, rated.body).toBe(200);
      expect(rated.json().status).toBe('closed');
      const followUps = async () =>
        (
          await h.db.db
            .selectFrom('case_events')
            .select(['action', 'actor_role'])
            .where('case_id', '=', id)
            .where('action', '=', 'followUp')
            .execute()
        ).length;
      expect(await followUps()).toBe(1);

      // Used twice: refused, nothing recorded.
      expect(
        (await h.req(null, 'POST', `/api/v1/follow-up/${token}`, { solved: false, satisfaction: 'very_dissatisfied' })).statusCode,
      ).toBe(409);
      expect((await h.req(null, 'GET', `/api/v1/follow-up/${token}`)).statusCode).toBe(409);
      expect(await followUps()).toBe(1);

      // Expired: 410; unknown: 404; malformed: 400.
      const reg2 = await registerCase(h, 'clerk', waterCase('楼下垃圾未清运', { name: '李先生', phone: '13935912377' }));
      const id2 = reg2.id;
      await answerCase(h, id2, { unitId: water, text: '已清运' });
      const late = await followUp.create(id2);
      h.clock.advance(8 * 86_400_000);
      h.resetSessions();
      expect((await h.req(null, 'POST', `/api/v1/follow-up/${late.token}`, { solved: true, satisfaction: 'satisfied' })).statusCode).toBe(
        410,
      );
      expect((await h.req(null, 'GET', `/api/v1/follow-up/${'A'.repeat(43)}`)).statusCode).toBe(404);
      expect((await h.req(null, 'GET', '/api/v1/follow-up/short')).statusCode).toBe(400);
      expect(
        (await h.db.db.selectFrom('case_events').select('id').where('case_id', '=', id2).where('action', '=', 'followUp').execute()).length,
      ).toBe(0);
    });

    it("the worker's hook puts a working link into the answer SMS", async () => {
      const h = get();
      const { followUpLinkHook } = await import('../../main/worker.ts');
      const { loadConfig } = await import('../../config.ts');
      const config = loadConfig({ HUIYIN_PUBLIC_URL: 'https://12345.example.gov.cn', HUIYIN_DATA_DIR: h.dataDir }, h.dataDir);
      const reg = await registerCase(h, 'clerk', waterCase('小区井盖缺失', { name: '冯女士', phone: '13935912344' }));
      const id = reg.id;
      await answerCase(h, id, { unitId: water, text: '已补装井盖' });
      const hook = followUpLinkHook({ db: h.db.db, clock: h.clock, config })!;
      const url = await h.db.db.transaction().execute(async (trx) => await hook({ caseId: id, trackingNo: reg.trackingNo }, trx));
      expect(url).toMatch(/^https:\/\/12345\.example\.gov\.cn\/f\/[A-Za-z0-9_-]{43}$/);
      const token = url!.split('/').pop()!;
      expect((await h.req(null, 'GET', `/api/v1/follow-up/${token}`)).json()).toMatchObject({
        trackingNo: reg.trackingNo,
        canRate: true,
      });
    });
  },
  { org: 'none' },
);
