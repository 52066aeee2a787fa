import { expect, it } from 'vitest';
import { OUTAGE_COMPLAINT, actOn, registerCase } from '../../testing/case-actions.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';

async function track(h: Harness, trackingNo: string) {
  const res = await h.req(null, 'GET', `/api/v1/track/${trackingNo}?phone=2345`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { status: string; timeline: { action: string; text: string }[]; answer: unknown; canRate: boolean };
}

describeEachDb('case lifecycle', (get) => {
  it('answer: register -> dispatch -> sign -> reply -> follow-up closes, and the citizen sees each step', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    expect(c.trackingNo).toMatch(/^140802-2026-\d{6}$/);
    expect(c.status).toBe('registered');
    expect((await track(h, c.trackingNo)).timeline.map((e) => e.action)).toEqual(['register']);

    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    let t = await track(h, c.trackingNo);
    expect(t.status).toBe('dispatched');
    expect(t.timeline.at(-1)!.text).toContain('盐湖区水务局');

    await actOn(h, 'handler2', c.id, { action: 'sign' });
    expect((await track(h, c.trackingNo)).status).toBe('in_progress');

    const replied = await actOn(h, 'handler2', c.id, { action: 'reply', outcome: 'resolved', text: '已恢复供水' });
    expect(replied.status).toBe('replied');
    t = await track(h, c.trackingNo);
    expect(t.canRate).toBe(true);
    expect(t.timeline.at(-1)!.text).toContain('已恢复供水');

    const closed = await actOn(h, 'supervisor', c.id, { action: 'followUp', solved: true, satisfaction: 'satisfied' });
    expect(closed.status).toBe('closed');
    t = await track(h, c.trackingNo);
    expect(t.status).toBe('closed');
    expect(t.timeline.map((e) => e.action)).toEqual(['register', 'dispatch', 'sign', 'reply', 'followUp']);
    expect(closed.timeline.map((e: { action: string }) => e.action)).toEqual(['register', 'dispatch', 'sign', 'reply', 'followUp']);
    expect(closed.regionName).toBe('山西省 运城市 盐湖区');
  });

  it('return and re-dispatch: the approved return goes back to the dispatcher, the citizen never sees the return itself', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['market'] });
    const returned = await actOn(h, 'handler', c.id, { action: 'return', reason: '供水不属于市场监管职责' });
    expect(returned.status).toBe('returned');
    expect(returned.returnCount).toBe(1);
    const back = await actOn(h, 'dispatcher', c.id, { action: 'decideReturn', approve: true });
    expect(back.status).toBe('registered');
    expect(back.leadUnit).toBeNull();
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    await actOn(h, 'handler2', c.id, { action: 'sign' });
    const t = await track(h, c.trackingNo);
    expect(t.status).toBe('in_progress');
    expect(t.timeline.map((e) => e.action)).toEqual(['register', 'dispatch', 'decideReturn', 'dispatch', 'sign']);
    expect(JSON.stringify(t)).not.toContain('供水不属于市场监管职责');
  });

  it('a rejected return leaves the case with the unit', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    await actOn(h, 'handler2', c.id, { action: 'return', reason: '不归我们管' });
    const kept = await actOn(h, 'dispatcher', c.id, { action: 'decideReturn', approve: false, note: '派单目录明确属于水务局' });
    expect(kept.status).toBe('dispatched');
    expect(kept.leadUnit.id).toBe(h.org.units['water']);
  });

  it('extension: approval moves the answer deadline by working days and the citizen is told', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    const signed = await actOn(h, 'handler2', c.id, { action: 'sign' });
    const before = new Date(signed.answerBy).getTime();
    const asked = await actOn(h, 'handler2', c.id, { action: 'requestExtension', days: 5, reason: '需要更换主管道' });
    expect(asked.pendingExtension.days).toBe(5);
    expect(asked.allowedActions).not.toContain('requestExtension');
    const approved = await actOn(h, 'dispatcher', c.id, { action: 'decideExtension', approve: true });
    expect(approved.pendingExtension).toBeNull();
    const after = new Date(approved.answerBy).getTime();
    // 5 working days are at least 7 calendar days when a weekend lies between.
    expect(after - before).toBeGreaterThanOrEqual(7 * 86400_000);
    const t = await track(h, c.trackingNo);
    expect(t.timeline.at(-1)!.text).toContain('5');
  });

  it('explained answer goes through review: the citizen sees it only after the supervisor approves', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    await actOn(h, 'handler2', c.id, { action: 'sign' });
    const noBasis = await h.req('handler2', 'POST', `/api/v1/cases/${c.id}/actions`, {
      version: 3,
      action: 'reply',
      outcome: 'explained',
      text: '不能办',
    });
    expect(noBasis.statusCode).toBe(400);
    const filed = await actOn(h, 'handler2', c.id, {
      action: 'reply',
      outcome: 'explained',
      text: '依规定不能办理',
      policyBasis: '《城市供水条例》第二十二条',
    });
    expect(filed.status).toBe('reply_review');
    let t = await track(h, c.trackingNo);
    expect(t.answer).toBeNull();
    expect(JSON.stringify(t)).not.toContain('依规定不能办理');

    const rejected = await actOn(h, 'supervisor', c.id, { action: 'reviewReply', approve: false, note: '政策依据引用不准确' });
    expect(rejected.status).toBe('in_progress');
    await actOn(h, 'handler2', c.id, {
      action: 'reply',
      outcome: 'explained',
      text: '依规定不能办理，可申请临时供水',
      policyBasis: '《城市供水条例》第二十二条',
    });
    const approved = await actOn(h, 'supervisor', c.id, { action: 'reviewReply', approve: true });
    expect(approved.status).toBe('replied');
    t = await track(h, c.trackingNo);
    expect(t.status).toBe('replied');
    expect(t.timeline.at(-1)!.text).toContain('可申请临时供水');
  });

  it('dissatisfied -> reopen -> reply -> close with reason', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    await actOn(h, 'handler2', c.id, { action: 'sign' });
    await actOn(h, 'handler2', c.id, { action: 'reply', outcome: 'partly', text: '已部分恢复' });
    const unhappy = await actOn(h, 'supervisor', c.id, {
      action: 'followUp',
      solved: false,
      satisfaction: 'dissatisfied',
      comment: '还是没水',
    });
    expect(unhappy.status).toBe('replied');
    expect(unhappy.allowedActions).toEqual(expect.arrayContaining(['reopen', 'close']));
    expect(unhappy.allowedActions).not.toContain('followUp');
    const reopened = await actOn(h, 'supervisor', c.id, { action: 'reopen', reason: '群众反映仍未解决' });
    expect(reopened.status).toBe('in_progress');
    expect(reopened.reopenCount).toBe(1);
    expect(reopened.leadUnit.id).toBe(h.org.units['water']);
    await actOn(h, 'handler2', c.id, { action: 'reply', outcome: 'resolved', text: '已彻底恢复供水' });
    const noReason = await h.req('supervisor', 'POST', `/api/v1/cases/${c.id}/actions`, { version: reopened.version + 1, action: 'close' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.fields[0].path).toBe('reason');
    const closed = await actOn(h, 'supervisor', c.id, { action: 'close', reason: '三次回访联系不上群众，按规定办结' });
    expect(closed.status).toBe('closed');
    const t = await track(h, c.trackingNo);
    expect(t.timeline.map((e) => e.action)).toEqual(['register', 'dispatch', 'sign', 'reply', 'followUp', 'reopen', 'reply', 'close']);
    // History is kept: both answers stay in the staff timeline.
    expect(closed.timeline.filter((e: { action: string }) => e.action === 'reply')).toHaveLength(2);
  });

  it('merge: the merged case’s requester receives the master’s answer', async () => {
    const h = get();
    const master = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    const dup = await registerCase(h, 'clerk', { ...OUTAGE_COMPLAINT, requester: { name: '李大爷', phone: '13812349876' } });
    const merged = await actOn(h, 'dispatcher', dup.id, { action: 'merge', masterId: master.id });
    expect(merged.status).toBe('merged');
    expect(merged.masterId).toBe(master.id);
    await actOn(h, 'dispatcher', master.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    await actOn(h, 'handler2', master.id, { action: 'sign' });
    await actOn(h, 'handler2', master.id, { action: 'reply', outcome: 'resolved', text: '管网已修复，恢复供水' });
    const dupTrack = await h.req(null, 'GET', `/api/v1/track/${dup.trackingNo}?phone=9876`);
    expect(dupTrack.statusCode).toBe(200);
    const texts = (dupTrack.json().timeline as { action: string; text: string }[]).map((e) => e.action);
    expect(texts).toEqual(['register', 'merge', 'masterReplied']);
    expect(dupTrack.json().timeline.at(-1).text).toContain('管网已修复');
    const masterView = (await h.req('dispatcher', 'GET', `/api/v1/cases/${master.id}`)).json();
    expect(masterView.mergedCases).toEqual([{ id: dup.id, trackingNo: dup.trackingNo }]);
    const outbox = await h.db.db.selectFrom('outbox').select(['topic']).where('case_id', '=', dup.id).execute();
    expect(outbox.map((o) => o.topic)).toContain('case.masterReplied');
  });

  it('the citizen rates the answer from the tracking page', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    await actOn(h, 'handler2', c.id, { action: 'sign' });
    await actOn(h, 'handler2', c.id, { action: 'reply', outcome: 'resolved', text: '已恢复供水' });
    const wrongPhone = await h.req(null, 'POST', `/api/v1/track/${c.trackingNo}/rating`, {
      phone: '0000',
      solved: true,
      satisfaction: 'satisfied',
    });
    expect(wrongPhone.statusCode).toBe(404);
    const rated = await h.req(null, 'POST', `/api/v1/track/${c.trackingNo}/rating`, {
      phone: '2345',
      solved: true,
      satisfaction: 'very_satisfied',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().status).toBe('closed');
    const again = await h.req(null, 'POST', `/api/v1/track/${c.trackingNo}/rating`, {
      phone: '2345',
      solved: true,
      satisfaction: 'very_satisfied',
    });
    expect(again.statusCode).toBe(409);
    const staff = (await h.req('supervisor', 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(staff.timeline.at(-1).actorRole).toBe('citizen');
  });
});
