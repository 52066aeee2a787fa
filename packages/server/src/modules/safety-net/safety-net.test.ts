import { expect, it } from 'vitest';
import { actOn, caseVersion, registerCase } from '../../testing/case-actions.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { auditEntries } from '../admin/test-helpers.ts';

const MIN = 60_000;
const DAY = 86_400_000;

/** A safety-net registration of a matter that failed at a window (of the unit, when given). */
function failedMatter(matter: string, unitId?: number) {
  return {
    type: 'help',
    channel: 'safety_net',
    content: `${matter}在窗口没有办成，群众来办不成事反映窗口反映。`,
    regionCode: '140802',
    requester: { name: '李群众', phone: '13800001234' },
    failedMatter: { name: matter, unitId, window: '综合窗口', visits: 2 },
  };
}

async function policy(h: Harness, docNumber: string, extra: Record<string, unknown> = {}): Promise<number> {
  const res = await h.req('admin', 'POST', '/api/v1/policies', {
    title: '不动产登记暂行条例',
    docNumber,
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第十六条',
    body: '申请人应当提交登记申请书、申请人身份证明、相关的不动产权属来源证明材料。',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

/** Counts that must not move when a request is refused. */
async function footprint(h: Harness, caseId: number) {
  const count = async (
    table: 'case_events' | 'outbox' | 'referrals' | 'rectification_notices' | 'policy_barriers' | 'consultations' | 'case_citations',
  ) =>
    Number(
      (
        await h.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('case_id', '=', caseId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const c = await h.db.db.selectFrom('cases').select(['status', 'version']).where('id', '=', caseId).executeTakeFirstOrThrow();
  return {
    ...c,
    events: await count('case_events'),
    outbox: await count('outbox'),
    referrals: await count('referrals'),
    notices: await count('rectification_notices'),
    barriers: await count('policy_barriers'),
    consultations: await count('consultations'),
    citations: await count('case_citations'),
  };
}

describeEachDb('safety-net window', (get) => {
  it('refuses bad input with a clear error and changes nothing', async () => {
    const h = get();
    const c = await registerCase(h, 'safetynet', failedMatter('不动产转移登记', h.org.units['housing']));
    const before = await footprint(h, c.id);
    const v = await caseVersion(h, c.id);
    const post = (body: Record<string, unknown>) => h.req('safetynet', 'POST', `/api/v1/cases/${c.id}/actions`, { version: v, ...body });

    const cannot = { action: 'decide', outcome: 'cannot', text: '不能办理', rootCause: { kind: 'policy_barrier', finding: '上位法限制' } };
    const refused: { name: string; body: Record<string, unknown>; status: number; field?: string }[] = [
      {
        name: 'a decision without a root cause',
        body: { action: 'decide', outcome: 'done', text: '已办结' },
        status: 400,
        field: 'rootCause',
      },
      { name: 'a cannot-be-done answer without a citation', body: cannot, status: 400, field: 'citations' },
      { name: 'citing an article that does not exist', body: { ...cannot, citations: [999_999] }, status: 400 },
      {
        name: 'misconduct without the staff member’s name',
        body: {
          action: 'decide',
          outcome: 'done',
          text: '已办',
          rootCause: { kind: 'staff_conduct', conduct: 'misconduct', finding: '索要好处' },
        },
        status: 400,
        field: 'rootCause.staffName',
      },
      {
        name: 'conduct on a non-conduct cause',
        body: {
          action: 'decide',
          outcome: 'done',
          text: '已办',
          rootCause: { kind: 'policy_barrier', conduct: 'subjective', finding: 'x' },
        },
        status: 400,
      },
      { name: 'a consultation with no invitees', body: { action: 'convene', unitIds: [], agenda: '会商' }, status: 400 },
      {
        name: 'a consultation with a unit that does not exist',
        body: { action: 'convene', unitIds: [999_999], agenda: '会商' },
        status: 400,
      },
      // Regular-case actions do not apply to a safety-net case.
      { name: 'dispatch', body: { action: 'dispatch', leadUnitId: h.org.units['housing'] }, status: 409 },
      {
        name: 'minutes without an open consultation',
        body: { action: 'recordMinutes', leadUnitId: h.org.units['housing'], decision: '由住建局办理' },
        status: 409,
      },
    ];
    for (const r of refused) {
      const res = await post(r.body);
      expect(res.statusCode, r.name).toBe(r.status);
      if (r.field)
        expect(
          res.json().error.details.fields.map((f: { path: string }) => f.path),
          r.name,
        ).toContain(r.field);
    }
    expect(await footprint(h, c.id)).toEqual(before);

    // Registration: a safety-net case names the failed matter; others may not carry one.
    const help = { type: 'help', content: '没办成', regionCode: '140802', requester: { phone: '13800001234' } };
    const badRegistrations: [string, Record<string, unknown>][] = [
      ['safetynet', { ...help, channel: 'safety_net' }],
      ['clerk', { ...help, content: '咨询', failedMatter: { name: 'x' } }],
      ['safetynet', { ...help, channel: 'safety_net', failedMatter: { name: '公积金提取', unitId: 999_999 } }],
    ];
    for (const [as, body] of badRegistrations) {
      expect((await h.req(as, 'POST', '/api/v1/cases', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('cannot be done: the negative-answer filing is reviewed by the supervisor, the letter explains why, the barrier enters the ledger', async () => {
    const h = get();
    const t0 = h.clock.now().getTime();
    const p = await policy(h, '国务院令第656号');
    const c = await registerCase(h, 'safetynet', failedMatter('不动产首次登记', h.org.units['housing']));
    h.clock.set(new Date(t0 + 30 * MIN));
    let detail = await actOn(h, 'safetynet', c.id, {
      action: 'decide',
      outcome: 'cannot',
      text: '该房屋尚未取得规划验收手续，依法不能办理首次登记。',
      alternatives: '请先向住建部门申请补办规划核实，取得后可在本窗口绿色通道当日办理。',
      citations: [p],
      rootCause: { kind: 'policy_barrier', finding: '历史遗留房屋缺少规划验收，现行规定无法办理' },
    });
    expect(detail.status).toBe('reply_review');
    // Written within 3 working days of registration (Monday 09:00 -> Thursday 17:30).
    expect(detail.answerBy).toBe('2026-03-12T09:30:00.000Z');
    // The citizen does not see it before the review.
    let track = (await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=1234`)).json();
    expect(track.answer).toBeNull();
    expect(track.writtenAnswer).toBe(false);
    expect((await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}/answer.pdf?phone=1234`)).statusCode).toBe(404);
    // Staff can print the draft letter for the review.
    expect((await h.req('supervisor', 'GET', `/api/v1/cases/${c.id}/answer.pdf`)).statusCode).toBe(200);
    // The officer may not approve their own negative answer.
    await actOn(h, 'safetynet', c.id, { action: 'reviewReply', approve: true }, { status: 403 });
    detail = await actOn(h, 'supervisor', c.id, { action: 'reviewReply', approve: true, note: '依据充分' });
    expect(detail.status).toBe('replied');
    track = (await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=1234`)).json();
    expect(track.answer.text).toContain('规划验收');
    expect(track.writtenAnswer).toBe(true);

    const ledger = (await h.req('supervisor', 'GET', '/api/v1/safety-net/barriers')).json();
    const entry = ledger.items.find((b: { caseId: number }) => b.caseId === c.id);
    expect(entry).toMatchObject({ matterName: '不动产首次登记', policyIds: [p], status: 'open' });
    const patched = await h.req('supervisor', 'PATCH', `/api/v1/safety-net/barriers/${entry.id}`, {
      proposal: '建议出台历史遗留房屋办证专项政策',
      status: 'proposed',
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'proposed', proposal: '建议出台历史遗留房屋办证专项政策' });
    expect((await h.req('handler', 'GET', '/api/v1/safety-net/barriers')).statusCode).toBe(403);

    // A repealed article is flagged wherever it is cited.
    const repeal = await h.req('admin', 'PATCH', `/api/v1/policies/${p}`, { repealedOn: '2026-03-01' });
    expect(repeal.statusCode, repeal.body).toBe(200);
    detail = (await h.req('safetynet', 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(detail.citations).toEqual([expect.objectContaining({ policyId: p, repealed: true })]);
  });

  it('misconduct is referred to discipline inspection: inspectors alone read it, and every read is logged', async () => {
    const h = get();
    const c = await registerCase(h, 'safetynet', failedMatter('个体工商户营业执照变更', h.org.units['approval']));
    await actOn(h, 'safetynet', c.id, {
      action: 'decide',
      outcome: 'done',
      text: '已当场办理变更登记。',
      rootCause: { kind: 'staff_conduct', conduct: 'misconduct', finding: '窗口人员暗示需要“打点”才能加快办理', staffName: '赵某某' },
    });
    for (const who of ['admin', 'supervisor', 'safetynet', 'leader', 'approvalhead', 'clerk']) {
      expect((await h.req(who, 'GET', '/api/v1/safety-net/referrals')).statusCode, who).toBe(404);
    }
    const list = await h.req('inspector', 'GET', '/api/v1/safety-net/referrals');
    expect(list.statusCode).toBe(200);
    const [referral] = list.json().items;
    expect(referral).toMatchObject({
      caseId: c.id,
      staffName: '赵某某',
      conduct: 'misconduct',
      unit: { id: h.org.units['approval'] },
      status: 'open',
    });
    for (const who of ['admin', 'supervisor']) {
      expect((await h.req(who, 'GET', `/api/v1/safety-net/referrals/${referral.id}`)).statusCode).toBe(404);
      expect((await h.req(who, 'PATCH', `/api/v1/safety-net/referrals/${referral.id}`, { status: 'concluded' })).statusCode).toBe(404);
    }
    const one = (await h.req('inspector', 'GET', `/api/v1/safety-net/referrals/${referral.id}`)).json();
    expect(one.views.map((v: { what: string }) => v.what)).toEqual(['detail']);
    const updated = await h.req('inspector', 'PATCH', `/api/v1/safety-net/referrals/${referral.id}`, {
      status: 'investigating',
      note: '已约谈',
    });
    expect(updated.json()).toMatchObject({ status: 'investigating', note: '已约谈' });
    expect(updated.json().views).toHaveLength(2);
    // Every read of the ledger is in the audit log too (the refused ones above read nothing); the change as well.
    const reads = await auditEntries(h, 'discipline.read');
    expect(reads.map((e) => [e.actor_name, e.target_id, e.region_code])).toEqual([
      ['inspector', null, expect.any(String)],
      ['inspector', String(referral.id), '140802'],
      ['inspector', String(referral.id), '140802'],
    ]);
    expect(await auditEntries(h, 'discipline.update')).toMatchObject([
      { actor_name: 'inspector', target_id: String(referral.id), detail: { status: 'investigating', from: 'open' } },
    ]);
    // The staff member's name is nowhere in the case the centre sees.
    const detail = await h.req('supervisor', 'GET', `/api/v1/cases/${c.id}`);
    expect(detail.body).not.toContain('赵某某');
  });

  it('flags a matter failing three times in 90 days as a service gap, with its cases', async () => {
    const h = get();
    const t0 = h.clock.now().getTime();
    const ids: number[] = [];
    for (const [i, name] of ['社保关系转移', '社保关系 转移', '社保关系转移'].entries()) {
      h.clock.set(new Date(t0 + i * 20 * DAY));
      h.resetSessions();
      ids.push((await registerCase(h, 'safetynet', failedMatter(name, h.org.units['hrss']))).id);
    }
    await registerCase(h, 'safetynet', failedMatter('公积金提取'));
    await registerCase(h, 'safetynet', failedMatter('公积金提取'));
    let gaps = (await h.req('supervisor', 'GET', '/api/v1/safety-net/gaps')).json();
    expect(gaps.rule).toEqual({ threshold: 3, windowDays: 90 });
    const gap = gaps.items.find((g: { matterName: string }) => g.matterName === '社保关系转移');
    expect(gap).toMatchObject({ count: 3 });
    expect(gap.cases.map((x: { id: number }) => x.id).sort()).toEqual(ids.sort());
    expect(gaps.items.some((g: { matterName: string }) => g.matterName === '公积金提取')).toBe(false);
    expect((await h.req('handler', 'GET', '/api/v1/safety-net/gaps')).statusCode).toBe(403);

    // The rule is configurable (admin): two failures now make a gap.
    expect((await h.req('supervisor', 'PUT', '/api/v1/safety-net/gap-rule', { threshold: 2, windowDays: 90 })).statusCode).toBe(403);
    expect((await h.req('admin', 'PUT', '/api/v1/safety-net/gap-rule', { threshold: 1, windowDays: 90 })).statusCode).toBe(400);
    expect((await h.req('admin', 'PUT', '/api/v1/safety-net/gap-rule', { threshold: 2, windowDays: 90 })).statusCode).toBe(200);
    gaps = (await h.req('safetynet', 'GET', '/api/v1/safety-net/gaps')).json();
    expect(gaps.items.some((g: { matterName: string }) => g.matterName === '公积金提取')).toBe(true);

    // Later than the window, the old failures drop out.
    await h.req('admin', 'PUT', '/api/v1/safety-net/gap-rule', { threshold: 3, windowDays: 90 });
    h.clock.set(new Date(t0 + 100 * DAY));
    h.resetSessions();
    gaps = (await h.req('supervisor', 'GET', '/api/v1/safety-net/gaps')).json();
    expect(gaps.items.some((g: { matterName: string }) => g.matterName === '社保关系转移')).toBe(false);

    const analysis = (await h.req('supervisor', 'GET', '/api/v1/safety-net/analysis')).json();
    expect(analysis.total).toBeGreaterThanOrEqual(5);
    expect(analysis.byMatter[0]).toMatchObject({ count: 3 });
  });
});
