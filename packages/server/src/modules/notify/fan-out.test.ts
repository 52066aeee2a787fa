import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actOn, answerCase, registerCase, submitCase } from '../../testing/case-actions.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { createDeliveryWorker } from './delivery-worker.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { startHttpReceiver, type HttpReceiver } from './test-receivers.ts';

/** Topics → recipients: who hears of what, in which language, and what a broken message does. */
async function titlesOf(h: Harness, username: string): Promise<string[]> {
  const r = await sql<{
    title: string;
  }>`select n.title from notifications n join users u on u.id = n.user_id where u.username = ${username} order by n.id`.execute(h.db.db);
  // Messages are delivered side by side: compare as sets.
  return r.rows.map((x) => x.title).sort();
}

describeEachDb('fan-out: topics to recipients', (get) => {
  let sms: HttpReceiver;
  beforeAll(async () => {
    sms = await startHttpReceiver();
  });
  afterAll(async () => {
    await sms?.close();
  });

  it('case events reach the audience they name: units (handlers and heads), roles of the region or of a unit; never the actor; English for a user who chose it', async () => {
    const h = get();
    await sql`update users set lang = 'en' where username = 'handler'`.execute(h.db.db);
    const worker = createDeliveryWorker({ db: h.db.db, clock: h.clock, channels: {} });
    const c = await registerCase(h, 'clerk', {
      type: 'complaint',
      content: '超市出售过期食品',
      categoryCode: 'market.food',
      regionCode: '140802',
      requester: { phone: '13955550000' },
    });
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['market'], assistUnitIds: [h.org.units['water']] });
    await actOn(h, 'handler', c.id, { action: 'sign' });
    await actOn(h, 'handler', c.id, { action: 'requestExtension', days: 3, reason: '需要抽检，检测报告需五个工作日' });
    await worker.drain();

    expect(await titlesOf(h, 'dispatcher')).toEqual([`新诉求待派单 ${c.trackingNo}`, `延期申请待审批 ${c.trackingNo}`].sort());
    expect(await titlesOf(h, 'handler')).toEqual([`Case dispatched to you: ${c.trackingNo}`]);
    expect(await titlesOf(h, 'handler2')).toEqual([`新派单 ${c.trackingNo}`]);
    expect(await titlesOf(h, 'unithead')).toEqual([`新派单 ${c.trackingNo}`, `延期申请待审批 ${c.trackingNo}`].sort());
    expect(await titlesOf(h, 'approvalhead')).toEqual([]);
    expect(await titlesOf(h, 'clerk')).toEqual([]);
    expect(await titlesOf(h, 'supervisor')).toEqual([]);
    const body = await sql<{
      body: string;
    }>`select body from notifications n join users u on u.id = n.user_id where u.username = 'handler'`.execute(h.db.db);
    expect(body.rows[0]!.body).toMatch(/^Case .* was dispatched to your unit; sign for it by 2026-03-1\d \d\d:\d\d\.$/);
  });

  it('other topics: referrals to inspectors of the region, late milestones to the cadre and the supervisors and livelihood officers of the region, letters to their cadre, unknown topics generically', async () => {
    const h = get();
    const worker = createDeliveryWorker({ db: h.db.db, clock: h.clock, channels: {} });
    const now = h.clock.now();
    await h.db.db.transaction().execute(async (trx) => {
      const outbox = createOutboxRepo(trx);
      await outbox.enqueue(
        {
          topic: 'safety_net.referral',
          caseId: null,
          payload: { referralId: 1, audience: [{ kind: 'role', role: 'inspector', regionCode: '140802' }] },
        },
        now,
      );
      const late = {
        id: 'milestone-7-red',
        projectId: 3,
        milestoneId: 7,
        projectTitle: '北七村供水管网',
        milestone: '管道铺设',
        plannedDate: '2026-02-01',
        light: 'red' as const,
        regionCode: '140311',
      };
      await outbox.enqueue(
        { topic: 'livelihood.milestone_late', caseId: null, payload: { ...late, to: 'cadre', userId: h.org.users['leader']! } },
        now,
      );
      await outbox.enqueue({ topic: 'livelihood.milestone_late', caseId: null, payload: { ...late, to: 'supervisors' } }, now);
      await outbox.enqueue(
        {
          topic: 'livelihood.assigned',
          caseId: null,
          payload: {
            projectId: 3,
            userId: h.org.users['leader2']!,
            letterNo: '郊民实〔2026〕3号',
            title: '北七村供水管网',
            dueDate: '2026-12-31',
          },
        },
        now,
      );
      // A topic this version does not know (a newer server wrote it): written behind the typed enqueue's back.
      await trx
        .insertInto('outbox')
        .values({
          id: randomUUID(),
          topic: 'something.new',
          case_id: null,
          payload: { userId: h.org.users['admin'] },
          created_at: now,
          available_at: now,
          sent_at: null,
          last_error: null,
        })
        .execute();
      // Nobody to tell: expanded with no deliveries.
      await outbox.enqueue(
        {
          topic: 'livelihood.answer',
          caseId: null,
          payload: { id: 'x-1', channel: 'sms', to: '13900000000', text: '您反映的问题已列入民生实事' },
        },
        now,
      );
    });
    const r = await worker.drain();
    expect(r.expanded).toBe(6);
    expect(await titlesOf(h, 'inspector')).toEqual(['问题线索移交']);
    expect(await titlesOf(h, 'leader')).toEqual(['节点严重滞后：北七村供水管网']);
    expect(await titlesOf(h, 'minsheng')).toEqual(['节点严重滞后：北七村供水管网']);
    expect(await titlesOf(h, 'supervisor')).toEqual([]); // 盐湖区's supervisor does not cover 阳泉市郊区
    expect(await titlesOf(h, 'leader2')).toEqual(['交办书 郊民实〔2026〕3号']);
    expect(await titlesOf(h, 'admin')).toEqual(['新消息']);
    const links = await sql<{
      link: string | null;
    }>`select link from notifications n join users u on u.id = n.user_id where u.username = 'leader2'`.execute(h.db.db);
    expect(links.rows[0]!.link).toBe('/admin/livelihood/projects/3');
    const left = await sql<{ n: number }>`select count(*)::int as n from outbox where sent_at is null`.execute(h.db.db);
    expect(left.rows[0]!.n).toBe(0);
  });

  it('several workers at once: every message expanded once, every delivery sent once', async () => {
    const h = get();
    const before = sms.received.length;
    const phones: string[] = [];
    for (let i = 0; i < 12; i++) {
      const phone = `1396666${String(i).padStart(4, '0')}`;
      phones.push(phone);
      expect(
        (
          await h.req(null, 'POST', '/api/v1/public/cases', {
            type: 'help',
            content: `并发投递 ${i}`,
            regionCode: '140802',
            requester: { phone },
          })
        ).statusCode,
      ).toBe(201);
    }
    const workers = [1, 2, 3].map(() => createDeliveryWorker({ db: h.db.db, clock: h.clock, channels: { smsGatewayUrl: sms.url } }));
    const results = await Promise.all(workers.map((w) => w.drain()));
    expect(results.reduce((n, r) => n + r.expanded, 0)).toBe(12);
    const got = sms.received.slice(before);
    expect(got.map((m) => m.body['to']).sort()).toEqual(phones);
    expect(new Set(got.map((m) => m.body['id'])).size).toBe(12);
    const counts = await sql<{
      n: number;
    }>`select count(*)::int as n from deliveries d join outbox o on o.id = d.outbox_id where o.payload->>'trackingNo' is not null and d.channel = 'sms' and d.recipient like '1396666%'`.execute(
      h.db.db,
    );
    expect(counts.rows[0]!.n).toBe(12);
    for (const w of workers) await w.stop();
  });

  it('an approved refusal (不予受理) is told by SMS without a rating link; an answer gets one', async () => {
    const h = get();
    const linked: number[] = [];
    const worker = createDeliveryWorker({
      db: h.db.db,
      clock: h.clock,
      channels: { smsGatewayUrl: sms.url },
      followUpLink: (c) => {
        linked.push(c.caseId);
        return Promise.resolve(`https://12345.example.gov.cn/f/link-${c.caseId}`);
      },
    });
    const refused = await submitCase(h, {
      type: 'help',
      content: '要求法院改判',
      regionCode: '140802',
      requester: { phone: '13955552222' },
    });
    await actOn(h, 'dispatcher', refused.id, {
      action: 'refuse',
      reasonCode: 'in_litigation',
      text: '该纠纷已由法院立案受理，请按诉讼程序办理',
    });
    await actOn(h, 'supervisor', refused.id, { action: 'reviewReply', approve: true });
    const answered = await submitCase(h, { type: 'help', content: '路灯不亮', regionCode: '140802', requester: { phone: '13955553333' } });
    await answerCase(h, answered.id, { unitId: h.org.units['market'], handler: 'handler', text: '已修好路灯' });
    await worker.drain();
    const to = (phone: string) => sms.received.filter((m) => m.body['to'] === phone).map((m) => String(m.body['text']));
    const refusalSms = to('13955552222').find((t) => t.includes('不予受理'));
    expect(refusalSms).toBeDefined();
    expect(refusalSms).not.toContain('/f/');
    expect(to('13955553333').some((t) => t.includes(`/f/link-${answered.id}`))).toBe(true);
    expect(linked).not.toContain(refused.id);
    // Staff read a refusal as a refusal: the supervisor is asked to review it, in words (never the action's key).
    const supervisorTitles = await titlesOf(h, 'supervisor');
    expect(supervisorTitles).toContain(`不予受理待审核 ${refused.trackingNo}`);
    expect(supervisorTitles.some((t) => t.startsWith('工单动态'))).toBe(false);
    // A refusal sent back tells the dispatchers it waits for dispatch again, not that an answer needs revising.
    const sentBack = await submitCase(h, { type: 'help', content: '楼上漏水', regionCode: '140802', requester: { phone: '13955554444' } });
    await actOn(h, 'dispatcher', sentBack.id, { action: 'refuse', reasonCode: 'no_content', text: '来电未说明具体诉求' });
    await actOn(h, 'supervisor', sentBack.id, { action: 'reviewReply', approve: false, note: '有具体诉求，请派单' });
    await worker.drain();
    const dispatcherTitles = await titlesOf(h, 'dispatcher');
    expect(dispatcherTitles).toContain(`不予受理未通过审核 ${sentBack.trackingNo}`);
    expect(dispatcherTitles).not.toContain(`答复被退回 ${sentBack.trackingNo}`);
    await worker.stop();
  });

  it('a message that cannot be expanded waits and is tried again, without holding up the others', async () => {
    const h = get();
    let broken = true;
    const worker = createDeliveryWorker({
      db: h.db.db,
      clock: h.clock,
      channels: { smsGatewayUrl: sms.url },
      followUpLink: () => {
        if (broken) throw new Error('follow-up links unavailable');
        return null;
      },
    });
    const c = await submitCase(h, { type: 'help', content: '路面塌陷', regionCode: '140802', requester: { phone: '13955551111' } });
    await answerCase(h, c.id, { unitId: h.org.units['market'], handler: 'handler', text: '已修复路面' });
    const r = await worker.drain();
    expect(r.expanded).toBe(3); // register, dispatch, sign; the reply's message failed
    const replyMsg = await sql<{
      attempts: number;
      last_error: string;
      available_at: Date;
      sent_at: Date | null;
    }>`select attempts, last_error, available_at, sent_at from outbox where case_id = ${c.id} and topic = 'case.reply'`.execute(h.db.db);
    expect(replyMsg.rows[0]).toMatchObject({ attempts: 1, last_error: 'follow-up links unavailable', sent_at: null });
    expect(replyMsg.rows[0]!.available_at.getTime() - h.clock.now().getTime()).toBe(30_000);
    expect(sms.received.filter((m) => m.body['to'] === '13955551111')).toHaveLength(1);

    broken = false;
    h.clock.advance(30_000);
    expect((await worker.drain()).expanded).toBe(1);
    const texts = sms.received.filter((m) => m.body['to'] === '13955551111').map((m) => String(m.body['text']));
    expect(texts).toHaveLength(2);
    expect(texts.some((t) => t.includes('已修复路面'))).toBe(true);
  });
  it('a message of a known topic whose payload does not match its schema is not delivered in part: it fails, is retried and keeps its error', async () => {
    const h = get();
    const worker = createDeliveryWorker({ db: h.db.db, clock: h.clock, channels: {} });
    await worker.drain();
    const now = h.clock.now();
    const id = randomUUID();
    // A rating.bad without its notice and tracking number (written by hand, or by a writer that drifted from core's union).
    await h.db.db
      .insertInto('outbox')
      .values({
        id,
        topic: 'rating.bad',
        case_id: null,
        payload: { audience: [] },
        created_at: now,
        available_at: now,
        sent_at: null,
        last_error: null,
      })
      .execute();
    const r = await worker.drain();
    expect(r.expanded).toBe(0);
    const row = await h.db.db
      .selectFrom('outbox')
      .select(['attempts', 'last_error', 'sent_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 1, sent_at: null });
    expect(row.last_error).toMatch(/rating\.bad.*does not match its schema/s);
    expect(await h.db.db.selectFrom('deliveries').select('id').where('outbox_id', '=', id).execute()).toEqual([]);
  });
});
