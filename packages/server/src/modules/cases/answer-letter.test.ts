import { expect, it } from 'vitest';
import { actOn, answerCase, registerCase, OUTAGE_COMPLAINT } from '../../testing/case-actions.ts';
import { expectError } from '../../testing/errors.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { popplerAvailable, pdfText } from '../../testing/pdf.ts';
import { auditEntries, auditSeq } from '../admin/test-helpers.ts';
import { createPeopleRepo } from '../people/people.repo.ts';

/** The letter as the API answers it: a PDF, inline; its squeezed text when poppler is there. */
async function letter(h: Harness, as: string | null, url: string): Promise<string> {
  const res = await h.req(as, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toContain('inline');
  expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  return popplerAvailable() ? pdfText(res.rawPayload) : '';
}

const NOTES = {
  dispatch: '请重点核查小区二次供水设施',
  returned: '该小区供水由物业自管',
  kept: '物业自管设施仍由水务局监管',
  review: '答复依据充分，同意发出',
};

describeEachDb(
  'the answer letter (答复意见书) of every answered case',
  (get) => {
    it('a unit’s answer: the staff copy has the full name, the timeline and the internal notes; the citizen copy the masked name and none of them', async () => {
      const h = get();
      const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
      await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'], note: NOTES.dispatch });
      await actOn(h, 'handler2', c.id, { action: 'return', reason: NOTES.returned });
      await actOn(h, 'dispatcher', c.id, { action: 'decideReturn', approve: false, note: NOTES.kept });
      await actOn(h, 'handler2', c.id, { action: 'sign' });
      await actOn(h, 'handler2', c.id, {
        action: 'reply',
        outcome: 'explained',
        text: '经核查，停水系市政管网改造所致，预计本周五恢复供水。',
        policyBasis: '《城市供水条例》第二十二条',
      });

      // In review the answer is not given yet: no letter (409 for staff, 404 on the tracking page).
      const early = expectError(await h.req('dispatcher', 'GET', `/api/v1/cases/${c.id}/answer.pdf`), 409, 'conflict');
      expect(early.message).toContain('尚未答复');
      expectError(await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}/answer.pdf?phone=2345`), 404, 'not_found');
      expect((await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=2345`)).json().writtenAnswer).toBe(false);

      await actOn(h, 'supervisor', c.id, { action: 'reviewReply', approve: true, note: NOTES.review });
      expect((await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=2345`)).json().writtenAnswer).toBe(true);

      const seq = await auditSeq(h);
      const staff = await letter(h, 'dispatcher', `/api/v1/cases/${c.id}/answer.pdf`);
      const staffCopy = await letter(h, 'dispatcher', `/api/v1/cases/${c.id}/answer.pdf?copy=staff`);
      const citizenCopy = await letter(h, 'dispatcher', `/api/v1/cases/${c.id}/answer.pdf?copy=citizen`);
      const tracked = await letter(h, null, `/api/v1/track/${c.trackingNo}/answer.pdf?phone=2345`);
      const entries = await auditEntries(h, 'export.answer_letter', seq);
      expect(entries.map((e) => (e.detail as { copy: string }).copy)).toEqual(['staff', 'staff', 'citizen']);
      expect(entries[0]).toMatchObject({ actor_name: 'dispatcher', target_type: 'case', target_id: String(c.id) });
      expectError(await h.req('dispatcher', 'GET', `/api/v1/cases/${c.id}/answer.pdf?copy=everyone`), 400, 'validation_failed');

      if (!popplerAvailable()) return;
      const handler = (await createPeopleRepo(h.db.db).findById(h.org.users['handler2']!))!;
      expect(staffCopy).toBe(staff);
      for (const words of [
        c.trackingNo,
        '答复意见书',
        '王杏桃：',
        '经盐湖区水务局办理，现答复如下',
        '预计本周五恢复供水',
        '办理结果：解释说明',
        '政策依据',
        '《城市供水条例》第二十二条',
        '附件1：办理过程',
        '登记受理',
        '附件2：内部办理意见',
        ...Object.values(NOTES),
        `承办人：${handler.displayName}`,
        '本件为存档联',
      ]) {
        expect(staff, words).toContain(words);
      }
      if (handler.phone) expect(staff).toContain(handler.phone);

      expect(tracked).toBe(citizenCopy);
      for (const words of [
        c.trackingNo,
        '王**：',
        '预计本周五恢复供水',
        '办理结果：解释说明',
        '《城市供水条例》第二十二条',
        '咨询电话：12345',
      ]) {
        expect(citizenCopy, words).toContain(words);
      }
      for (const secret of ['王杏桃', ...Object.values(NOTES), '附件', '内部', handler.displayName, '存档联', '13935912345']) {
        expect(citizenCopy, secret).not.toContain(secret);
      }
      if (handler.phone) expect(citizenCopy).not.toContain(handler.phone);
    });

    it('an answer on the spot (即时办结) and an approved refusal (不予受理) have letters too; the citizen downloads theirs from the tracking page', async () => {
      const h = get();
      const spot = await registerCase(h, 'clerk', { ...OUTAGE_COMPLAINT, type: 'consultation', content: '停水期间哪里可以取水？' });
      await actOn(h, 'clerk', spot.id, { action: 'reply', outcome: 'resolved', text: '可到社区服务中心临时供水点取水。' });
      expect((await h.req(null, 'GET', `/api/v1/track/${spot.trackingNo}?phone=2345`)).json().writtenAnswer).toBe(true);
      const spotStaff = await letter(h, 'clerk', `/api/v1/cases/${spot.id}/answer.pdf`);
      const spotCitizen = await letter(h, null, `/api/v1/track/${spot.trackingNo}/answer.pdf?phone=2345`);

      const refused = await registerCase(h, 'clerk', { ...OUTAGE_COMPLAINT, content: '与邻居的供水纠纷已起诉' });
      await actOn(h, 'clerk', refused.id, {
        action: 'refuse',
        reasonCode: 'in_litigation',
        text: '该纠纷已由法院立案受理，请按诉讼程序办理',
      });
      expectError(await h.req('clerk', 'GET', `/api/v1/cases/${refused.id}/answer.pdf`), 409, 'conflict');
      await actOn(h, 'supervisor', refused.id, { action: 'reviewReply', approve: true, note: '属涉诉事项，同意不予受理' });
      expect((await h.req(null, 'GET', `/api/v1/track/${refused.trackingNo}?phone=2345`)).json().writtenAnswer).toBe(true);
      const refusedStaff = await letter(h, 'supervisor', `/api/v1/cases/${refused.id}/answer.pdf?copy=staff`);
      const refusedCitizen = await letter(h, null, `/api/v1/track/${refused.trackingNo}/answer.pdf?phone=2345`);
      // The wrong digits find nothing.
      expectError(await h.req(null, 'GET', `/api/v1/track/${refused.trackingNo}/answer.pdf?phone=9999`), 404, 'not_found');

      if (!popplerAvailable()) return;
      for (const words of ['当即办理（即时办结）', '可到社区服务中心临时供水点取水', '办理结果：已解决', '王杏桃：'])
        expect(spotStaff).toContain(words);
      expect(spotCitizen).toContain('王**：');
      expect(spotCitizen).toContain('当即办理（即时办结）');
      expect(spotCitizen).not.toContain('王杏桃');
      for (const words of ['不予受理的答复意见书', '涉诉涉仲裁', '该纠纷已由法院立案受理', '属涉诉事项，同意不予受理', '王杏桃：']) {
        expect(refusedStaff, words).toContain(words);
      }
      for (const words of ['不予受理的答复意见书', '涉诉涉仲裁', '该纠纷已由法院立案受理', '王**：'])
        expect(refusedCitizen, words).toContain(words);
      for (const secret of ['属涉诉事项', '王杏桃', '附件']) expect(refusedCitizen, secret).not.toContain(secret);
      // The printed case sheet's timeline names the refusal's reason too.
      const sheet = await letter(h, 'supervisor', `/api/v1/cases/${refused.id}/sheet.pdf`);
      expect(sheet).toContain('09:00不予受理李受理不予受理理由：涉诉涉仲裁');
      expect(sheet).not.toContain('refuse');
    });

    it('a merged case’s requester gets the master’s answer in their letter', async () => {
      const h = get();
      const master = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
      const dup = await registerCase(h, 'clerk', {
        ...OUTAGE_COMPLAINT,
        content: '同一小区也停水了',
        requester: { name: '赵大伟', phone: '13935917788' },
      });
      await actOn(h, 'dispatcher', dup.id, { action: 'merge', masterId: master.id });
      expectError(await h.req(null, 'GET', `/api/v1/track/${dup.trackingNo}/answer.pdf?phone=7788`), 404, 'not_found');
      await answerCase(h, master.id, { text: '管网已抢修完毕，已恢复供水。' });
      expect((await h.req(null, 'GET', `/api/v1/track/${dup.trackingNo}?phone=7788`)).json().writtenAnswer).toBe(true);
      const citizen = await letter(h, null, `/api/v1/track/${dup.trackingNo}/answer.pdf?phone=7788`);
      const staff = await letter(h, 'dispatcher', `/api/v1/cases/${dup.id}/answer.pdf`);
      if (!popplerAvailable()) return;
      for (const words of [dup.trackingNo, '已与同一事项合并办理', '管网已抢修完毕，已恢复供水', '赵**：']) {
        expect(citizen, words).toContain(words);
      }
      // The master's tracking number is another requester's: only the staff copy names it.
      expect(citizen).not.toContain(master.trackingNo);
      expect(citizen).not.toContain('赵大伟');
      expect(staff).toContain('赵大伟：');
      expect(staff).toContain('并单');
      expect(staff).toContain(`与诉求${master.trackingNo}为同一事项，已合并办理`);
    });

    it('a refusal as a repeat of an open case: the citizen copy does not name the other requester’s case', async () => {
      const h = get();
      const open = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
      const repeat = await registerCase(h, 'clerk', {
        ...OUTAGE_COMPLAINT,
        content: '还是停水，已经反映过了',
        requester: { name: '赵大伟', phone: '13935917788' },
      });
      await actOn(h, 'clerk', repeat.id, {
        action: 'refuse',
        reasonCode: 'repeat_of_open',
        text: '与在办工单重复，将一并办理',
        linkedCaseId: open.id,
      });
      await actOn(h, 'supervisor', repeat.id, { action: 'reviewReply', approve: true });
      const citizen = await letter(h, null, `/api/v1/track/${repeat.trackingNo}/answer.pdf?phone=7788`);
      const staff = await letter(h, 'supervisor', `/api/v1/cases/${repeat.id}/answer.pdf?copy=staff`);
      if (!popplerAvailable()) return;
      for (const words of [repeat.trackingNo, '与正在办理的诉求重复', '与在办工单重复，将一并办理', '赵**：'])
        expect(citizen, words).toContain(words);
      expect(citizen).not.toContain(open.trackingNo);
      expect(staff).toContain(`已在诉求${open.trackingNo}中办理`);
    });

    it('not answered: 409 with a clear message; another county’s case: 404, as GET /cases/{id}', async () => {
      const h = get();
      const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
      const res = expectError(await h.req('dispatcher', 'GET', `/api/v1/cases/${c.id}/answer.pdf?copy=citizen`), 409, 'conflict');
      expect(res.message).toContain('该诉求尚未答复，暂无答复意见书');
      expectError(await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}/answer.pdf?phone=2345`), 404, 'not_found');

      // Answered in 临猗县: the demo county's staff do not see it.
      await h.make.district('140821', '临猗县');
      const centre = await h.make.unit({ name: '临猗县政务服务中心', kind: 'centre', regionCode: '140821' });
      const clerk = await h.make.user({ username: 'clerk.linyi.letter', roles: ['clerk'], unitIds: [centre] });
      const far = await registerCase(h, clerk.username, { ...OUTAGE_COMPLAINT, categoryCode: undefined, regionCode: '140821' });
      await actOn(h, clerk.username, far.id, { action: 'reply', outcome: 'resolved', text: '已答复' });
      await letter(h, clerk.username, `/api/v1/cases/${far.id}/answer.pdf`);
      for (const who of ['dispatcher', 'supervisor', 'handler2']) {
        for (const copy of ['', '?copy=citizen']) {
          expectError(await h.req(who, 'GET', `/api/v1/cases/${far.id}/answer.pdf${copy}`), 404, 'not_found');
        }
      }
      expectError(await h.req('dispatcher', 'GET', '/api/v1/cases/999999/answer.pdf'), 404, 'not_found');
    });
  },
  { org: 'demo' },
);
