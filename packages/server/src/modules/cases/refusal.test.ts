import { expect, it } from 'vitest';
import { OUTAGE_COMPLAINT, actOn, caseVersion, registerCase } from '../../testing/case-actions.ts';
import { expectError, fieldsOf } from '../../testing/errors.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { requesterSmsText } from '../notify/templates.ts';

async function track(h: Harness, trackingNo: string) {
  const res = await h.req(null, 'GET', `/api/v1/track/${trackingNo}?phone=2345`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { status: string; timeline: { action: string; text: string }[]; canRate: boolean };
}

async function metrics(h: Harness): Promise<Record<string, number>> {
  const rows = await h.db.db.selectFrom('case_daily_stats').select(['metric', 'count']).execute();
  const out: Record<string, number> = {};
  for (const r of rows) out[r.metric] = (out[r.metric] ?? 0) + Number(r.count);
  return out;
}

async function topics(h: Harness, caseId: number): Promise<string[]> {
  const rows = await h.db.db.selectFrom('outbox').select(['topic', 'payload']).where('case_id', '=', caseId).orderBy('id').execute();
  return rows.map((r) => r.topic);
}

const LITIGATION = { action: 'refuse', reasonCode: 'in_litigation', text: '该纠纷已由法院立案受理，请按诉讼程序办理' };

describeEachDb(
  '不予受理 (refuse)',
  (get) => {
    it('refuse -> review approves: closed as refused, counted under refused only, the citizen sees the reason and gets the SMS', async () => {
      const h = get();
      const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
      const before = await metrics(h);
      const detail = await h.req('clerk', 'GET', `/api/v1/cases/${c.id}`);
      expect(detail.json().allowedActions).toContain('refuse');

      const pending = await actOn(h, 'clerk', c.id, LITIGATION);
      expect(pending.status).toBe('reply_review');
      // Under review the citizen sees nothing of it.
      let t = await track(h, c.trackingNo);
      expect(JSON.stringify(t.timeline)).not.toContain('法院');
      // Only a supervisor decides; a clerk may not.
      await actOn(h, 'clerk', c.id, { action: 'reviewReply', approve: true }, { status: 403 });

      const closed = await actOn(h, 'supervisor', c.id, { action: 'reviewReply', approve: true, note: '属涉诉事项' });
      expect(closed.status).toBe('closed');
      expect(closed.allowedActions).toEqual([]);
      t = await track(h, c.trackingNo);
      expect(t.status).toBe('closed');
      expect(t.canRate).toBe(false);
      expect(t.timeline.at(-1)!.text).toBe('不予受理（涉诉涉仲裁）：该纠纷已由法院立案受理，请按诉讼程序办理');

      const after = await metrics(h);
      expect((after['refused'] ?? 0) - (before['refused'] ?? 0)).toBe(1);
      for (const m of ['replied', 'replied_on_time', 'solved', 'closed', 'satisfied']) expect(after[m] ?? 0, m).toBe(before[m] ?? 0);

      // The requester hears of it through the outbox like an answer (case.reviewReply to the requester).
      const msgs = await h.db.db.selectFrom('outbox').select(['topic', 'payload']).where('case_id', '=', c.id).execute();
      const review = msgs.filter((m) => m.topic === 'case.reviewReply');
      expect(review).toHaveLength(1);
      expect(JSON.stringify(review[0]!.payload)).toContain('"requester"');
      const ev = await h.db.db
        .selectFrom('case_events')
        .select(['payload'])
        .where('case_id', '=', c.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(ev.payload['text']).toBe('不予受理（涉诉涉仲裁）：该纠纷已由法院立案受理，请按诉讼程序办理');
      const sms = requesterSmsText({
        trackingNo: c.trackingNo,
        action: 'reviewReply',
        status: 'closed',
        event: ev.payload,
        followUpLink: null,
      });
      expect(sms).toBe(`【回音】您的诉求（编号 ${c.trackingNo}）已答复：不予受理（涉诉涉仲裁）：该纠纷已由法院立案受理，请按诉讼程序办理`);

      // Terminal: nothing more happens to it.
      await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] }, { status: 409 });
    });

    it('review rejects: back to registered, then dispatched as usual; nothing counted', async () => {
      const h = get();
      const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
      const before = await metrics(h);
      await actOn(h, 'dispatcher', c.id, { action: 'refuse', reasonCode: 'other_jurisdiction', text: '属临猗县管辖' });
      const back = await actOn(h, 'supervisor', c.id, { action: 'reviewReply', approve: false, note: '属本区管辖，请派单' });
      expect(back.status).toBe('registered');
      const after = await metrics(h);
      expect(after['refused'] ?? 0).toBe(before['refused'] ?? 0);
      const t = await track(h, c.trackingNo);
      expect(t.status).toBe('registered');
      expect(JSON.stringify(t.timeline)).not.toContain('临猗');
      const dispatched = await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
      expect(dispatched.status).toBe('dispatched');
      // An answer reviewed later is an answer again, not a refusal.
      expect(await topics(h, c.id)).toContain('case.refuse');
    });

    it('bad input: no reason, no text, a short or long text, unknown reason -> 400 and nothing changes', async () => {
      const h = get();
      const c = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
      const version = await caseVersion(h, c.id);
      const post = (body: Record<string, unknown>) => h.req('clerk', 'POST', `/api/v1/cases/${c.id}/actions`, { version, ...body });
      const cases: Record<string, unknown>[] = [
        { action: 'refuse', text: '没有理由的不予受理' },
        { action: 'refuse', reasonCode: 'in_litigation' },
        { action: 'refuse', reasonCode: 'in_litigation', text: '   ' },
        { action: 'refuse', reasonCode: 'in_litigation', text: '诉' },
        { action: 'refuse', reasonCode: 'in_litigation', text: '诉'.repeat(501) },
        { action: 'refuse', reasonCode: 'busy', text: '人手不够' },
        { action: 'refuse', reasonCode: 'repeat_of_open', text: '重复诉求' },
        { action: 'refuse', reasonCode: 'in_litigation', text: '已起诉', linkedCaseId: 1 },
      ];
      for (const body of cases) expectError(await post(body), 400, 'validation_failed');
      expect(
        fieldsOf(expectError(await post({ action: 'refuse', reasonCode: 'repeat_of_open', text: '重复诉求' }), 400, 'validation_failed')),
      ).toContain('linkedCaseId');
      expect(await caseVersion(h, c.id)).toBe(version);
      const events = await h.db.db.selectFrom('case_events').select('action').where('case_id', '=', c.id).execute();
      expect(events.map((e) => e.action)).toEqual(['register']);
      // Not allowed once dispatched, nor by a handler.
      await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
      await actOn(h, 'dispatcher', c.id, LITIGATION, { status: 409 });
      await actOn(h, 'handler2', c.id, LITIGATION, { status: 409 });
    });

    it('repeat_of_open: linked to the open case on approval; a closed, merged, own or out-of-scope case is refused', async () => {
      const h = get();
      const open = await registerCase(h, 'clerk', OUTAGE_COMPLAINT);
      const repeat = await registerCase(h, 'clerk', { ...OUTAGE_COMPLAINT, content: '还是停水，已经反映过了' });

      // A closed case (itself refused and approved).
      const done = await registerCase(h, 'clerk', { ...OUTAGE_COMPLAINT, content: '无实质内容' });
      await actOn(h, 'clerk', done.id, { action: 'refuse', reasonCode: 'no_content', text: '来电未说明诉求' });
      await actOn(h, 'supervisor', done.id, { action: 'reviewReply', approve: true });

      // A case in another county, outside the clerk's scope.
      await h.make.district('140821', '临猗县');
      const linyiCentre = await h.make.unit({ name: '临猗县政务服务中心', kind: 'centre', regionCode: '140821' });
      const linyiClerk = await h.make.user({ username: 'clerk.linyi', roles: ['clerk'], unitIds: [linyiCentre] });
      const far = await registerCase(h, linyiClerk.username, { ...OUTAGE_COMPLAINT, categoryCode: undefined, regionCode: '140821' });

      const version = await caseVersion(h, repeat.id);
      const post = (linkedCaseId: number) =>
        h.req('clerk', 'POST', `/api/v1/cases/${repeat.id}/actions`, {
          version,
          action: 'refuse',
          reasonCode: 'repeat_of_open',
          text: '与在办工单重复',
          linkedCaseId,
        });
      for (const id of [done.id, far.id, repeat.id, 999999]) {
        expect(fieldsOf(expectError(await post(id), 400, 'validation_failed'))).toEqual(['linkedCaseId']);
      }
      expect(await caseVersion(h, repeat.id)).toBe(version);

      const pending = await actOn(h, 'clerk', repeat.id, {
        action: 'refuse',
        reasonCode: 'repeat_of_open',
        text: '与在办工单重复，将一并办理',
        linkedCaseId: open.id,
      });
      expect(pending.status).toBe('reply_review');
      await actOn(h, 'supervisor', repeat.id, { action: 'reviewReply', approve: true });
      const linked = await h.db.db
        .selectFrom('case_events')
        .select(['action', 'payload'])
        .where('case_id', '=', open.id)
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      expect(linked.action).toBe('mergedIn');
      expect(linked.payload).toMatchObject({ caseId: repeat.id, trackingNo: repeat.trackingNo, refused: true });
      const t = await track(h, repeat.trackingNo);
      expect(t.timeline.at(-1)!.text).toBe('不予受理（重复诉求（已有在办工单））：与在办工单重复，将一并办理');
      // The open case goes on.
      expect((await track(h, open.trackingNo)).status).toBe('registered');
    });
  },
  { org: 'demo' },
);
