import { createHash } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { OUTAGE_COMPLAINT, actOn, registerCase } from '../../testing/case-actions.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';

const CALLER = '13935967890';
const consultation = (content: string, extra: Record<string, unknown> = {}) => ({
  type: 'consultation',
  channel: 'hotline',
  content,
  regionCode: '140802',
  requester: { name: '赵来电', phone: CALLER },
  ...extra,
});

async function issueKey(h: Harness, name = '呼叫中心 CTI') {
  const res = await h.req('admin', 'POST', '/api/v1/admin/api-keys', { name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; key: string; prefix: string };
}

async function caseCount(h: Harness): Promise<number> {
  const r = await h.db.db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const call = (h: Harness, headers: Record<string, string>, body: Record<string, unknown>) =>
  h.app.inject({ method: 'POST', url: '/api/v1/hotline/calls', headers, payload: body });

describeEachDb('hotline desk: API keys, calls, caller history, answer or refuse at registration', (get) => {
  let n = 0;
  const callBody = (extra: Record<string, unknown> = {}) => ({
    callId: `CALL-${++n}-${Date.now()}`,
    callerNumber: CALLER,
    agentUsername: 'clerk',
    startedAt: '2026-03-09T01:00:00Z',
    ...extra,
  });

  it('a key is shown once and kept only as its SHA-256; the list never shows it; issuing and revoking are audited', async () => {
    const h = get();
    const k = await issueKey(h);
    expect(k.key).toMatch(/^hk_[A-Za-z0-9_-]{43}$/);
    expect(k.key.startsWith(k.prefix)).toBe(true);
    const row = await h.db.db.selectFrom('api_keys').selectAll().where('id', '=', k.id).executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(createHash('sha256').update(k.key).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(k.key);
    const list = await h.req('admin', 'GET', '/api/v1/admin/api-keys');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(k.key);
    expect(list.json().items[0]).toMatchObject({ id: k.id, prefix: k.prefix, lastUsedAt: null, revokedAt: null });
    // Only the system admin issues keys.
    expect((await h.req('clerk', 'POST', '/api/v1/admin/api-keys', { name: '受理员的' })).statusCode).toBe(403);
    expect((await h.req('secadmin', 'GET', '/api/v1/admin/api-keys')).statusCode).toBe(403);

    // Used: last used is recorded. Revoked: 401 from then on.
    expect((await call(h, { 'x-api-key': k.key }, callBody())).statusCode).toBe(200);
    const used = (await h.req('admin', 'GET', '/api/v1/admin/api-keys')).json().items.find((x: { id: number }) => x.id === k.id);
    expect(used.lastUsedAt).not.toBeNull();
    const revoked = await h.req('admin', 'POST', `/api/v1/admin/api-keys/${k.id}/revoke`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await call(h, { authorization: `Bearer ${k.key}` }, callBody());
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthorized');
    const audit = await h.db.db
      .selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('target_type', '=', 'api_key')
      .where('target_id', '=', String(k.id))
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['apikey.create', 'apikey.revoke']);
  });

  it('the call route takes a key and nothing else, and the key opens no other route', async () => {
    const h = get();
    const k = await issueKey(h);
    // No key, a session (the clerk's bearer token or the admin's): 401.
    expect((await call(h, {}, callBody())).statusCode).toBe(401);
    expect((await call(h, { authorization: `Bearer ${h.tokens['clerk'] ?? ''}` }, callBody())).statusCode).toBe(401);
    const asAdmin = await h.req('admin', 'POST', '/api/v1/hotline/calls', callBody());
    expect(asAdmin.statusCode).toBe(401);
    expect((await call(h, { 'x-api-key': 'hk_' + 'x'.repeat(43) }, callBody())).statusCode).toBe(401);
    // The key elsewhere: nobody is signed in.
    for (const headers of [{ authorization: `Bearer ${k.key}` }, { 'x-api-key': k.key }]) {
      const other = await h.app.inject({ method: 'GET', url: '/api/v1/cases', headers });
      expect(other.statusCode).toBe(401);
      const hist = await h.app.inject({ method: 'POST', url: '/api/v1/hotline/caller-history', headers, payload: { phone: CALLER } });
      expect(hist.statusCode).toBe(401);
    }
    // Bad body: 400; an unknown agent, or one who does not register cases: 404 naming the field.
    const bad = await call(h, { 'x-api-key': k.key }, { callId: 'has space', callerNumber: '12', agentUsername: 'clerk' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['callId', 'callerNumber', 'startedAt']);
    const nobody = await call(h, { 'x-api-key': k.key }, callBody({ agentUsername: 'no-such-agent' }));
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json().error.details.fields[0].path).toBe('agentUsername');
    expect((await call(h, { 'x-api-key': k.key }, callBody({ agentUsername: 'handler' }))).statusCode).toBe(404);
    // The same call id twice: the same answer, one notice.
    const body = callBody();
    const first = await call(h, { 'x-api-key': k.key }, body);
    const again = await call(h, { 'x-api-key': k.key }, body);
    expect(first.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const clerkId = h.org.users['clerk']!;
    const notices = await h.db.db
      .selectFrom('notifications')
      .select(['link', 'title', 'body'])
      .where('user_id', '=', clerkId)
      .where('topic', '=', 'hotline.call')
      .execute();
    expect(notices.filter((x) => x.link?.includes(encodeURIComponent(body.callId)))).toHaveLength(1);
    expect(notices[0]!.title).toContain('139****7890');
  });

  it('即时办结: registered and answered in one request, the case ends replied and the citizen gets the answer', async () => {
    const h = get();
    const k = await issueKey(h);
    expect((await call(h, { 'x-api-key': k.key }, callBody({ callId: 'CALL-ANSWER-1' }))).statusCode).toBe(200);
    const res = await h.req(
      'clerk',
      'POST',
      '/api/v1/cases',
      consultation('咨询居住证办理需要哪些材料', {
        callId: 'CALL-ANSWER-1',
        recordingUrl: 'https://cti.example.cn/rec/1.wav',
        answerNow: { text: '携带身份证和居住证明到户籍窗口办理', policyBasis: '《居住证暂行条例》第九条' },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as { id: number; status: string; version: number };
    expect(c.status).toBe('replied');
    expect(c.version).toBe(2);
    const row = await h.db.db.selectFrom('cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ call_id: 'CALL-ANSWER-1', recording_url: 'https://cti.example.cn/rec/1.wav', reply_outcome: 'resolved' });
    expect(row.policy_basis).toBe('《居住证暂行条例》第九条');
    const events = await h.db.db.selectFrom('case_events').select('action').where('case_id', '=', c.id).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['register', 'reply']);
    const reply = await h.db.db
      .selectFrom('outbox')
      .select('payload')
      .where('case_id', '=', c.id)
      .where('topic', '=', 'case.reply')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(reply.payload)).toContain('"requester"');
    const detail = await h.req('clerk', 'GET', `/api/v1/cases/${c.id}`);
    expect(detail.json()).toMatchObject({
      status: 'replied',
      call: { callId: 'CALL-ANSWER-1', recordingUrl: 'https://cti.example.cn/rec/1.wav' },
    });
  });

  it('a following action that is refused leaves no case behind (one transaction)', async () => {
    const h = get();
    await h.make.user({ username: 'grid1', roles: ['grid_worker'], unitIds: [h.org.units['centre']!] });
    const before = await caseCount(h);
    // A grid worker registers but may not answer on the spot: 403, nothing written.
    const r1 = await h.req('grid1', 'POST', '/api/v1/cases', consultation('网格员上报咨询事项', { answerNow: { text: '已当场解答' } }));
    expect(r1.statusCode, r1.body).toBe(403);
    // A repeat naming a case that does not exist, an unknown reason, a refusal on the safety-net window: 400.
    const r2 = await h.req(
      'clerk',
      'POST',
      '/api/v1/cases',
      consultation('重复反映停水', { refuse: { reasonCode: 'repeat_of_open', text: '已有在办工单', linkedCaseId: 999999 } }),
    );
    expect(r2.statusCode, r2.body).toBe(400);
    expect(r2.json().error.details.fields[0].path).toBe('linkedCaseId');
    const r3 = await h.req('clerk', 'POST', '/api/v1/cases', consultation('内容', { refuse: { reasonCode: 'bogus', text: '不受理' } }));
    expect(r3.statusCode).toBe(400);
    const r4 = await h.req('clerk', 'POST', '/api/v1/cases', {
      ...consultation('两者都要', { answerNow: { text: '答复' }, refuse: { reasonCode: 'other', text: '不受理' } }),
    });
    expect(r4.statusCode).toBe(400);
    expect(await caseCount(h)).toBe(before);
    const sequences = await h.db.db.selectFrom('case_events').select('case_id').where('case_id', '>', 0).execute();
    const caseIds = new Set((await h.db.db.selectFrom('cases').select('id').execute()).map((x) => x.id));
    expect(sequences.every((e) => caseIds.has(e.case_id))).toBe(true);
  });

  it('不予受理 at registration: to the supervisor’s review, a repeat linked to the open case; approval closes it as refused', async () => {
    const h = get();
    const open = await registerCase(h, 'clerk', { ...OUTAGE_COMPLAINT, requester: { phone: '13935960001' } });
    const res = await h.req('clerk', 'POST', '/api/v1/cases', {
      ...OUTAGE_COMPLAINT,
      channel: 'hotline',
      requester: { phone: '13935960001' },
      refuse: { reasonCode: 'repeat_of_open', text: '已有在办工单，正在处理', linkedCaseId: open.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    const refused = res.json() as { id: number; status: string };
    expect(refused.status).toBe('reply_review');
    const closed = await actOn(h, 'supervisor', refused.id, { action: 'reviewReply', approve: true });
    expect(closed.status).toBe('closed');
    const merged = await h.db.db
      .selectFrom('case_events')
      .select(['action', 'payload'])
      .where('case_id', '=', open.id)
      .where('action', '=', 'mergedIn')
      .execute();
    expect(merged).toHaveLength(1);
  });

  it('caller history: open cases first, repeat callers flagged, only what the agent may see, phones masked for others', async () => {
    const h = get();
    const phone = '13935961111';
    const answered = await h.req('clerk', 'POST', '/api/v1/cases', {
      ...consultation('第一次来电咨询', { answerNow: { text: '已当场解答' } }),
      requester: { phone },
    });
    expect(answered.statusCode).toBe(201);
    let hist = (await h.req('clerk', 'POST', '/api/v1/hotline/caller-history', { phone })).json();
    expect(hist).toMatchObject({ phone, openCount: 0, recentCount: 1, repeat: false });
    const open = await registerCase(h, 'clerk', { ...OUTAGE_COMPLAINT, requester: { phone } });
    hist = (await h.req('dispatcher', 'POST', '/api/v1/hotline/caller-history', { phone })).json();
    expect(hist).toMatchObject({ openCount: 1, recentCount: 2, repeat: true });
    expect(hist.items.map((x: { id: number }) => x.id)).toEqual([open.id, answered.json().id]);
    expect(hist.items[0]).toMatchObject({ open: true, status: 'registered', trackingNo: open.trackingNo });
    expect(hist.items[1]).toMatchObject({ open: false, status: 'replied' });
    // Thirty days later the answered one no longer counts, but the open one still flags the caller.
    h.clock.advance(31 * 24 * 3600 * 1000);
    h.resetSessions();
    hist = (await h.req('clerk', 'POST', '/api/v1/hotline/caller-history', { phone })).json();
    expect(hist).toMatchObject({ openCount: 1, recentCount: 0, repeat: true });
    // A clerk of another county sees none of them; a role that does not register is refused.
    await h.make.user({ username: 'jqclerk', roles: ['clerk'], unitIds: [h.org.units['jqOffice']!] });
    const other = (await h.req('jqclerk', 'POST', '/api/v1/hotline/caller-history', { phone })).json();
    expect(other).toMatchObject({ items: [], openCount: 0, repeat: false });
    expect((await h.req('leader', 'POST', '/api/v1/hotline/caller-history', { phone })).statusCode).toBe(403);
    expect((await h.req('clerk', 'POST', '/api/v1/hotline/caller-history', { phone: '12' })).statusCode).toBe(400);
    // Never in an address (addresses are logged): the old GET is gone.
    expect((await h.req('clerk', 'GET', `/api/v1/hotline/caller-history?phone=${phone}`)).statusCode).toBe(404);
  });
});

describeEachDb('hotline desk: a call pops on the agent’s screen (server-sent events)', (get) => {
  let base = '';
  beforeAll(async () => {
    base = await get().app.listen({ port: 0, host: '127.0.0.1' });
  });

  it('the announced call reaches that agent’s stream only, with the history and a link to the prefilled form', async () => {
    const h = get();
    await registerCase(h, 'clerk', { ...OUTAGE_COMPLAINT, requester: { phone: CALLER } });
    const k = await issueKey(h);
    const open = async (username: string) => {
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'huiyin-demo' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const ac = new AbortController();
      const res = await fetch(`${base}/api/v1/notifications/stream`, {
        headers: { cookie, accept: 'text/event-stream' },
        signal: ac.signal,
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const seen: string[] = [];
      void (async () => {
        const dec = new TextDecoder();
        try {
          for (;;) {
            const { value, done } = await reader.read();
            if (done) return;
            seen.push(dec.decode(value, { stream: true }));
          }
        } catch {
          /* closed */
        }
      })();
      return { text: () => seen.join(''), close: () => ac.abort() };
    };
    const clerk = await open('clerk');
    const dispatcher = await open('dispatcher');
    const waitFor = async (s: { text(): string }, what: string) => {
      for (let i = 0; i < 250 && !s.text().includes(what); i++) await new Promise((r) => setTimeout(r, 20));
      return s.text();
    };
    await waitFor(clerk, 'event: ready');
    await waitFor(dispatcher, 'event: ready');
    const res = await fetch(`${base}/api/v1/hotline/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': k.key },
      body: JSON.stringify({ callId: 'SSE-CALL-1', callerNumber: CALLER, agentUsername: 'clerk', startedAt: '2026-03-09T01:00:00Z' }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const text = await waitFor(clerk, 'hotline.call');
    const line = text.split('\n').find((l) => l.startsWith('data: ') && l.includes('hotline.call'))!;
    const notice = JSON.parse(line.slice(6)) as { topic: string; title: string; body: string; link: string };
    expect(notice.title).toBe('来电 139****7890（重复来电）');
    expect(notice.body).toContain('在办 1 件');
    // The link carries the call id only: the number is neither stored in the notice's link nor in the browser's history.
    expect(notice.link).toBe('/admin/cases/new?callId=SSE-CALL-1');
    expect(line).not.toContain(CALLER);
    await new Promise((r) => setTimeout(r, 300));
    expect(dispatcher.text()).not.toContain('hotline.call');
    clerk.close();
    dispatcher.close();
  });
});
