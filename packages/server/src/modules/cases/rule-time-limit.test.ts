import { createChinaCalendar, dueAt } from '@huiyin/core';
import { expect, it } from 'vitest';
import { actOn, registerCase } from '../../testing/case-actions.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { addOfficer } from '../admin/test-helpers.ts';

/**
 * A catalog rule's own time limit belongs to the dispatch to the rule's lead unit: re-dispatched
 * to a unit the rule does not name, the case goes back to the region's limit; 会商 minutes naming
 * the rule's unit take the rule's limit like a dispatch.
 */

const answerBy = async (h: Harness, id: number): Promise<string> => {
  const res = await h.req('dispatcher', 'GET', `/api/v1/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return new Date((res.json() as { answerBy: string }).answerBy).toISOString();
};

describeEachDb('a catalog rule’s time limit follows the dispatch', (get) => {
  it('dispatch to the rule’s unit, re-dispatch elsewhere, 会商 minutes back to the rule’s unit', async () => {
    const h = get();
    const { env, water } = { env: h.org.units['env']!, water: h.org.units['water']! };
    const admin = await addOfficer(h, 'yhrulelimit', 'admin', 'centre');
    const added = await h.req(admin, 'POST', '/api/v1/admin/routing-rules', {
      categoryCode: 'env.noise',
      regionPrefix: '140802001',
      unitId: env,
      timeLimitDays: 2,
    });
    expect(added.statusCode, added.body).toBe(201);
    await h.make.user({ username: 'envhandler', roles: ['handler'], unitIds: [env] });

    const c = await registerCase(h, 'clerk', {
      type: 'help',
      content: '中城街道夜间施工噪声扰民',
      categoryCode: 'env.noise',
      regionCode: '140802001',
      requester: { phone: '13900007777' },
    });
    const regional = await answerBy(h, c.id);
    const started = await h.db.db.selectFrom('cases').select('answer_started_at').where('id', '=', c.id).executeTakeFirstOrThrow();
    const ruleDue = dueAt(started.answer_started_at, { unit: 'workingDays', value: 2 }, createChinaCalendar()).toISOString();
    expect(ruleDue < regional).toBe(true);

    // To the rule's unit: its 2 working days.
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: env });
    expect(await answerBy(h, c.id)).toBe(ruleDue);

    // Returned and re-dispatched to a unit the rule does not name: the region's limit again.
    await actOn(h, 'envhandler', c.id, { action: 'return', reason: '施工噪声由住建部门管理' });
    await actOn(h, 'dispatcher', c.id, { action: 'decideReturn', approve: true });
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: water });
    expect(await answerBy(h, c.id)).toBe(regional);

    // Returned again; the 会商 minutes name the rule's unit as lead: the rule's limit, like a dispatch.
    await actOn(h, 'handler2', c.id, { action: 'return', reason: '不属于水务职责' });
    await actOn(h, 'dispatcher', c.id, { action: 'convene', unitIds: [env, water], agenda: '噪声扰民由谁承办' });
    await actOn(h, 'dispatcher', c.id, { action: 'recordMinutes', leadUnitId: env, decision: '由生态环境分局牵头办理' });
    expect(await answerBy(h, c.id)).toBe(ruleDue);
  });
});
