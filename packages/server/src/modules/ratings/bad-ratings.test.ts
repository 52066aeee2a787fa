import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { actOn, answerCase, registerCase, waterCase } from '../../testing/case-actions.ts';

async function repliedCase(h: Harness, content: string) {
  const { id } = await registerCase(h, 'clerk', waterCase(content, { name: '周先生', phone: '13935912366' }, { type: 'complaint' }));
  await answerCase(h, id);
  return id;
}

/** A bad rating must be rectified within 15 working days; the unit may appeal a malicious one. */
describeEachDb('bad ratings: rectification and appeal (申诉复核)', (get) => {
  it('issues a notice due in 15 working days; an appeal voided by the supervisor no longer counts; one that stands goes back to be rectified', async () => {
    const h = get();
    const notices = async () =>
      (await h.req('handler2', 'GET', '/api/v1/safety-net/rectifications')).json().items as {
        id: number;
        caseId: number;
        kind: string;
        status: string;
        dueAt: string;
        satisfaction: string | null;
        appeal: unknown;
      }[];
    const rated = async () => {
      const rows = await h.db.db
        .selectFrom('case_daily_stats')
        .select(['metric', 'count'])
        .where('unit_id', '=', h.org.units['water']!)
        .where('metric', 'in', ['rated', 'satisfied'])
        .execute();
      return Object.fromEntries(
        ['rated', 'satisfied'].map((m) => [m, rows.filter((r) => r.metric === m).reduce((s, r) => s + Number(r.count), 0)]),
      );
    };

    const a = await repliedCase(h, '供水公司答复敷衍');
    await actOn(h, 'supervisor', a, { action: 'followUp', solved: false, satisfaction: 'very_dissatisfied', comment: '根本没人来' });
    const good = await repliedCase(h, '水压低');
    await actOn(h, 'supervisor', good, { action: 'followUp', solved: true, satisfaction: 'satisfied' });
    const mine = (await notices()).filter((n) => n.kind === 'bad_rating');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ caseId: a, status: 'issued', satisfaction: 'very_dissatisfied', appeal: null });
    // 2026-03-09 + 15 working days = 2026-03-30 (a Monday, no holiday between).
    expect(mine[0]!.dueAt.slice(0, 10)).toBe('2026-03-30');
    expect(await rated()).toEqual({ rated: 2, satisfied: 1 });
    const noticeId = mine[0]!.id;

    // The unit appeals once; only a supervisor decides.
    expect((await h.req('handler', 'POST', `/api/v1/rectifications/${noticeId}/appeal`, { reason: '与本单位无关' })).statusCode).toBe(404);
    const appealed = await h.req('handler2', 'POST', `/api/v1/rectifications/${noticeId}/appeal`, {
      reason: '该群众诉求已于当日办结，评价时情绪激动，系恶意差评',
    });
    expect(appealed.statusCode, appealed.body).toBe(200);
    expect((await h.req('handler2', 'POST', `/api/v1/rectifications/${noticeId}/appeal`, { reason: '再次申诉' })).statusCode).toBe(409);
    expect(
      (await h.req('dispatcher', 'POST', `/api/v1/rectifications/${noticeId}/appeal-decision`, { voided: true, note: '同意' })).statusCode,
    ).toBe(403);
    const decided = await h.req('supervisor', 'POST', `/api/v1/rectifications/${noticeId}/appeal-decision`, {
      voided: true,
      note: '经核查录音，评价与办理无关，认定为恶意差评',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'voided', decision: 'rating_voided' });
    expect(await rated()).toEqual({ rated: 1, satisfied: 1 });
    expect(
      (await h.req('supervisor', 'POST', `/api/v1/rectifications/${noticeId}/appeal-decision`, { voided: false, note: '改判' })).statusCode,
    ).toBe(409);

    // Another bad rating: the appeal is rejected, so the unit must rectify and answer it.
    const b = await repliedCase(h, '停水不通知');
    await actOn(h, 'supervisor', b, { action: 'followUp', solved: false, satisfaction: 'dissatisfied' });
    const second = (await notices()).find((n) => n.caseId === b)!;
    await h.req('handler2', 'POST', `/api/v1/rectifications/${second.id}/appeal`, { reason: '不是恶意' });
    const stands = await h.req('supervisor', 'POST', `/api/v1/rectifications/${second.id}/appeal-decision`, {
      voided: false,
      note: '评价属实，请整改',
    });
    expect(stands.json()).toMatchObject({ status: 'issued', decision: 'rating_stands' });
    const answered = await h.req('handler2', 'POST', `/api/v1/safety-net/rectifications/${second.id}/answer`, {
      response: '已建立停水提前告知制度，并向群众当面致歉',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect((await notices()).find((n) => n.id === second.id)).toMatchObject({ status: 'answered', appeal: { decision: 'rating_stands' } });
  });
});
