import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';

/**
 * Review findings on the hotline desk: a call id is the telephony system's (two keys may use the
 * same), the popped form reads the number from the agent's own call (never from the address),
 * and a case names an announced call of its agent or region, at most one case per call.
 */

const CALLER = '13935967001';

async function issueKey(h: Harness, name: string) {
  const res = await h.req('admin', 'POST', '/api/v1/admin/api-keys', { name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; key: string };
}

/** A key of the county 140802 only (issued by a county admin in production), written directly. */
async function countyKey(h: Harness): Promise<string> {
  const key = `hk_county${'c'.repeat(35)}`;
  await h.db.db
    .insertInto('api_keys')
    .values({
      name: '盐湖区话务系统',
      prefix: key.slice(0, 11),
      key_hash: createHash('sha256').update(key).digest('hex'),
      scope: 'hotline.calls',
      region_code: '140802',
      created_by: null,
      created_at: new Date(),
      last_used_at: null,
      revoked_at: null,
      revoked_by: null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return key;
}

const announce = (h: Harness, key: string, callId: string, agentUsername: string, callerNumber = CALLER) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/hotline/calls',
    headers: { 'x-api-key': key },
    payload: { callId, callerNumber, agentUsername, startedAt: '2026-03-09T01:00:00Z' },
  });

const consultation = (extra: Record<string, unknown>) => ({
  type: 'consultation',
  channel: 'hotline',
  content: '咨询社保卡补办流程',
  regionCode: '140802',
  requester: { name: '钱来电', phone: CALLER },
  ...extra,
});

async function hotlineNotices(h: Harness, userId: number) {
  return h.db.db
    .selectFrom('notifications')
    .select(['link', 'title'])
    .where('user_id', '=', userId)
    .where('topic', '=', 'hotline.call')
    .execute();
}

describeEachDb('hotline calls: per key, the agent’s own number, one case per call', (get) => {
  it('two telephony systems may number their calls alike: each call pops its own agent’s screen', async () => {
    const h = get();
    const clerk2 = await h.make.user({ username: 'clerk_b', roles: ['clerk'], unitIds: [h.org.units['centre']!] });
    const a = await issueKey(h, '话务系统甲');
    const b = await issueKey(h, '话务系统乙');
    const first = await announce(h, a.key, 'CTI-0001', 'clerk');
    expect(first.statusCode, first.body).toBe(200);
    const second = await announce(h, b.key, 'CTI-0001', 'clerk_b', '13935967002');
    expect(second.statusCode, second.body).toBe(200);
    // Its own agent, not the other system's (whose username it must not learn).
    expect(second.json().agentUsername).toBe('clerk_b');
    expect(await hotlineNotices(h, clerk2.id)).toHaveLength(1);
    // Each system's repeat is still a repeat: the same answer, nobody told again.
    expect((await announce(h, b.key, 'CTI-0001', 'clerk_b', '13935967002')).json()).toEqual(second.json());
    expect(await hotlineNotices(h, clerk2.id)).toHaveLength(1);
    expect((await hotlineNotices(h, h.org.users['clerk']!)).filter((n) => n.link?.endsWith('CTI-0001'))).toHaveLength(1);
  });

  it('the pop link carries the call id only; the agent reads the number of the own call, nobody else does', async () => {
    const h = get();
    const k = await issueKey(h, '话务系统');
    expect((await announce(h, k.key, 'CTI-POP-1', 'clerk')).statusCode).toBe(200);
    const notices = await hotlineNotices(h, h.org.users['clerk']!);
    expect(notices.map((n) => n.link)).toContain('/admin/cases/new?callId=CTI-POP-1');
    expect(JSON.stringify(notices)).not.toContain(CALLER);
    const mine = await h.req('clerk', 'GET', '/api/v1/hotline/calls/CTI-POP-1');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject({ callId: 'CTI-POP-1', callerNumber: CALLER });
    // Another agent (even of the same unit), an unknown call, a role that does not register.
    expect((await h.req('dispatcher', 'GET', '/api/v1/hotline/calls/CTI-POP-1')).statusCode).toBe(404);
    expect((await h.req('clerk', 'GET', '/api/v1/hotline/calls/CTI-POP-2')).statusCode).toBe(404);
    expect((await h.req('leader', 'GET', '/api/v1/hotline/calls/CTI-POP-1')).statusCode).toBe(403);
  });

  it('a case names a call announced to its agent or region, and one call makes one case (409 naming the first)', async () => {
    const h = get();
    const count = async () =>
      Number(
        (
          await h.db.db
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    // A call id nobody announced, a recording without a call: 400 naming the field.
    const unknown = await h.req('clerk', 'POST', '/api/v1/cases', consultation({ callId: 'NEVER-ANNOUNCED' }));
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json().error.details.fields[0].path).toBe('callId');
    const bare = await h.req('clerk', 'POST', '/api/v1/cases', consultation({ recordingUrl: 'https://evil.example.com/x.wav' }));
    expect(bare.statusCode, bare.body).toBe(400);
    expect(bare.json().error.details.fields[0].path).toBe('recordingUrl');
    expect(await count()).toBe(before);

    // A county key's call: the county's agents may register it, another county's may not.
    const key = await countyKey(h);
    expect((await announce(h, key, 'CTI-CASE-1', 'clerk')).statusCode).toBe(200);
    await h.make.user({ username: 'jq_clerk', roles: ['clerk'], unitIds: [h.org.units['jqOffice']!] });
    const elsewhere = await h.req('jq_clerk', 'POST', '/api/v1/cases', consultation({ callId: 'CTI-CASE-1', regionCode: '140311' }));
    expect(elsewhere.statusCode, elsewhere.body).toBe(400);

    const body = consultation({ callId: 'CTI-CASE-1', recordingUrl: 'https://cti.example.cn/rec/CTI-CASE-1.wav' });
    const first = await h.req('clerk', 'POST', '/api/v1/cases', body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await h.req('clerk', 'POST', '/api/v1/cases', body);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.details).toMatchObject({ caseId: first.json().id, trackingNo: first.json().trackingNo });
    expect(again.json().error.message).toContain(first.json().trackingNo);

    // Two submits at the same moment: one case.
    expect((await announce(h, key, 'CTI-CASE-2', 'clerk')).statusCode).toBe(200);
    const both = await Promise.all([1, 2].map(() => h.req('clerk', 'POST', '/api/v1/cases', consultation({ callId: 'CTI-CASE-2' }))));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await count()).toBe(before + 2);
  });
});
