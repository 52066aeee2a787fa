import { expect, it } from 'vitest';
import { actOn } from '../../testing/case-actions.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { pdfText } from '../../testing/pdf.ts';

/**
 * The article's first story (seeds/000): a shop inside a school is refused its food-business
 * licence renewal for lack of a filing certificate; the safety-net window calls in the approval
 * section heads, the rules show no certificate is needed, the licence is issued, and the case
 * closes done in under two hours, with the cause recorded and the section told to rectify.
 */
const MIN = 60_000;

async function addPolicy(h: Harness, body: Record<string, unknown>): Promise<number> {
  const res = await h.req('admin', 'POST', '/api/v1/policies', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as number;
}

describeEachDb('safety-net window: the food-licence story', (get) => {
  it('registers, consults, cites, decides done in under two hours, notifies and tells the citizen each step', async () => {
    const h = get();
    const t0 = h.clock.now().getTime();
    const approval = h.org.units['approval']!;
    const market = h.org.units['market']!;
    const renewal = await addPolicy(h, {
      title: '食品经营许可和备案管理办法',
      docNumber: '国家市场监督管理总局令第92号',
      issuer: '国家市场监督管理总局',
      level: 'rule',
      articleNo: '第三十一条',
      body: '食品经营者需要延续依法取得的食品经营许可有效期的，应当在有效期届满前九十个工作日至十五个工作日期间提出延续申请，提交延续申请书，市场监管部门不得要求申请人另行提供备案证明等材料。',
      tags: ['食品经营', '许可延续'],
    });

    // Registration at the safety-net window.
    const reg = await h.req('safetynet', 'POST', '/api/v1/cases', {
      type: 'help',
      channel: 'safety_net',
      title: '校内超市食品经营许可证换证被要求出示备案证明',
      content: '商户在学校内开办小超市，食品经营许可证到期换证，窗口要求出示备案证明，跑了几家单位都开不出来。',
      categoryCode: 'market.license',
      regionCode: '140802',
      requester: { name: '王杏桃', phone: '13935912345' },
      failedMatter: {
        name: '食品经营许可证延续',
        unitId: approval,
        window: '审批局食品经营许可窗口',
        visits: 3,
        whatWasSaid: '校内超市需出示备案证明，否则不能换证',
      },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const c = reg.json() as { id: number; trackingNo: string; answerBy: string };
    // General safety-net case: 2 working days, at the end of the afternoon session.
    expect(c.answerBy).toBe('2026-03-11T09:30:00.000Z');
    let detail = (await h.req('safetynet', 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(detail.safetyNet.failedMatter).toMatchObject({ name: '食品经营许可证延续', unit: { id: approval }, visits: 3 });
    expect(detail.allowedActions).toEqual(expect.arrayContaining(['convene', 'decide', 'cite']));
    expect(detail.allowedActions).not.toContain('dispatch');

    // Consultation: the approval and market section heads are called in, and told at once.
    h.clock.set(new Date(t0 + 10 * MIN));
    detail = await actOn(h, 'safetynet', c.id, {
      action: 'convene',
      unitIds: [approval, market],
      agenda: '校内超市食品经营许可证延续是否需要备案证明',
    });
    expect(detail.status).toBe('in_progress');
    expect(detail.safetyNet.kind).toBe('complex');
    expect(detail.safetyNet.consultations[0].pending.map((u: { id: number }) => u.id).sort()).toEqual([approval, market].sort());
    const convened = await h.db.db
      .selectFrom('outbox')
      .select(['payload'])
      .where('case_id', '=', c.id)
      .where('topic', '=', 'case.convene')
      .execute();
    expect(convened).toHaveLength(1);
    expect(convened[0]!.payload['audience']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'unit_head', unitId: approval }),
        expect.objectContaining({ role: 'unit_head', unitId: market }),
      ]),
    );
    const pending = (await h.req('approvalhead', 'GET', '/api/v1/safety-net/consultations/pending')).json();
    expect(pending.items.map((k: { caseId: number }) => k.caseId)).toEqual([c.id]);

    // The approval head finds the rule and gives the unit's opinion; the market head has not answered yet.
    h.clock.set(new Date(t0 + 40 * MIN));
    const found = (await h.req('approvalhead', 'GET', `/api/v1/policies?q=${encodeURIComponent('备案')}`)).json();
    expect(found.items.map((p: { id: number }) => p.id)).toContain(renewal);
    detail = await actOn(h, 'approvalhead', c.id, {
      action: 'recordOpinion',
      opinion: '经查《食品经营许可和备案管理办法》，延续申请无需备案证明，可当场换发。',
    });
    expect(detail.safetyNet.consultations[0].pending.map((u: { id: number }) => u.id)).toEqual([market]);
    await actOn(h, 'approvalhead', c.id, { action: 'recordOpinion', opinion: '再说一次' }, { status: 403 });
    await actOn(h, 'handler', c.id, { action: 'recordOpinion', opinion: '承办人不能代表科室' }, { status: 403 });
    await actOn(h, 'unithead', c.id, { action: 'recordOpinion', opinion: '同意审批局意见。' });

    h.clock.set(new Date(t0 + 60 * MIN));
    await actOn(h, 'safetynet', c.id, { action: 'cite', policyId: renewal, note: '延续无需备案证明' });
    detail = await actOn(h, 'safetynet', c.id, {
      action: 'recordMinutes',
      leadUnitId: approval,
      assistUnitIds: [market],
      decision: '该超市不在开具备案证明的范围内，由审批局当场换发许可证。',
    });
    expect(detail.safetyNet.consultations[0].minutes).toMatchObject({ leadUnit: { id: approval }, assistUnits: [{ id: market }] });

    // Done in 1 h 50 min, with the root cause: the window misread the rule.
    h.clock.set(new Date(t0 + 110 * MIN));
    detail = await actOn(h, 'safetynet', c.id, {
      action: 'decide',
      outcome: 'done',
      text: '该超市不在开具备案证明的范围内，可以直接准许颁发许可证，已当场换发新证。',
      doneBy: '审批局食品经营许可科当场换发新证',
      citations: [renewal],
      rootCause: { kind: 'staff_conduct', conduct: 'subjective', finding: '窗口工作人员误读规定，要求提供不必要的备案证明' },
    });
    expect(detail.status).toBe('replied');
    expect(detail.safetyNet.decision).toMatchObject({
      outcome: 'done',
      minutesToDecision: 110,
      rootCause: { kind: 'staff_conduct', conduct: 'subjective' },
    });
    expect(detail.safetyNet.decision.minutesToDecision).toBeLessThan(120);
    expect(detail.safetyNet.decision.letterNo).toMatch(/^盐政服答〔2026〕\d+号$/);
    expect(detail.citations).toEqual([expect.objectContaining({ policyId: renewal, repealed: false })]);
    expect(detail.reply.policyBasis).toContain('食品经营许可和备案管理办法');
    expect(detail.safetyNet.rectifications).toEqual([
      expect.objectContaining({ unit: expect.objectContaining({ id: approval }), status: 'issued' }),
    ]);
    // Subjective conduct is not referred unless the officer asks: the inspector's ledger stays empty.
    expect((await h.req('inspector', 'GET', '/api/v1/safety-net/referrals')).json().items).toEqual([]);

    // The approval section sees and answers its rectification notice.
    const notices = (await h.req('approvalhead', 'GET', '/api/v1/safety-net/rectifications')).json();
    expect(notices.items).toHaveLength(1);
    const answered = await h.req('approvalhead', 'POST', `/api/v1/safety-net/rectifications/${notices.items[0].id}/answer`, {
      response: '已组织窗口人员学习办法，更新一次性告知单。',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(
      (await h.req('approvalhead', 'POST', `/api/v1/safety-net/rectifications/${notices.items[0].id}/answer`, { response: '再答一次' }))
        .statusCode,
    ).toBe(409);

    // The written answer: a real PDF with the document number, the matter and the policy basis.
    const pdf = await h.req('safetynet', 'GET', `/api/v1/cases/${c.id}/answer.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('食品经营许可证延续');
    expect(text).toContain(detail.safetyNet.decision.letterNo);
    expect(text).toContain('政策依据');
    expect(text).toContain('1小时50分钟');

    // The citizen follows every step and can download the letter.
    const track = (await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=2345`)).json();
    expect(track.timeline.map((e: { action: string }) => e.action)).toEqual(['register', 'convene', 'recordMinutes', 'decide']);
    expect(track.timeline[0].text).toContain('办不成事反映窗口');
    expect(track.timeline[2].text).toContain('盐湖区行政审批服务管理局');
    expect(track.timeline[3].text).toContain('已当场换发新证');
    expect(track.writtenAnswer).toBe(true);
    const publicPdf = await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}/answer.pdf?phone=2345`);
    expect(publicPdf.statusCode).toBe(200);
    expect((await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}/answer.pdf?phone=9999`)).statusCode).toBe(404);

    // Follow-up: satisfied, closed, with its root cause on record.
    h.clock.set(new Date(t0 + 26 * 60 * MIN));
    const closed = await actOn(h, 'supervisor', c.id, {
      action: 'followUp',
      solved: true,
      satisfaction: 'very_satisfied',
      comment: '感谢办不成事反映窗口',
    });
    expect(closed.status).toBe('closed');
    expect(closed.safetyNet.decision.rootCause.kind).toBe('staff_conduct');
  });
});
