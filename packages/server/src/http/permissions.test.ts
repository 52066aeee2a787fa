import { beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoAccounts } from '../seed/demo-org.ts';
import { OUTAGE_COMPLAINT, actOn, caseVersion, registerCase } from '../testing/case-actions.ts';
import { expectError } from '../testing/errors.ts';
import { describeEachDb, type Harness } from '../testing/harness.ts';
import { multipartPng } from '../testing/multipart.ts';

/**
 * Every route checks who is asking (401), what their role allows (403) and which cases their
 * units or regions cover (404, indistinguishable from a case that does not exist).
 */

const REQUESTER = { name: '王杏桃', phone: '13812345678' };

const outage = { ...OUTAGE_COMPLAINT, requester: REQUESTER };

async function signIn(h: Harness, username: string) {
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

async function tokenOf(h: Harness, username: string): Promise<string> {
  const me = await h.req(username, 'GET', '/api/v1/me');
  expect(me.statusCode, me.body).toBe(200);
  return h.tokens[username]!;
}

async function upload(h: Harness, username: string | null, caseId: number | string, headers: Record<string, string> = {}) {
  const m = multipartPng();
  const auth = username === null ? {} : { authorization: `Bearer ${await tokenOf(h, username)}` };
  return h.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/attachments`,
    headers: { ...auth, ...m.headers, ...headers },
    payload: m.payload,
  });
}

/** What must not move when a request is refused. */
async function stateOf(h: Harness, id: number) {
  const db = h.db.db;
  const c = await db.selectFrom('cases').select(['version', 'status', 'lead_unit_id']).where('id', '=', id).executeTakeFirstOrThrow();
  const n = async (t: 'case_events' | 'outbox' | 'attachments') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('case_id', '=', id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { ...c, events: await n('case_events'), outbox: await n('outbox'), attachments: await n('attachments') };
}

async function listIds(h: Harness, as: string, query = ''): Promise<number[]> {
  const res = await h.req(as, 'GET', `/api/v1/cases?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: number }[]).map((i) => i.id);
}

const staffRoutes = (caseId: number, attachmentId: string) =>
  [
    ['GET', '/api/v1/me'],
    ['GET', '/api/v1/units'],
    ['GET', '/api/v1/cases'],
    ['GET', `/api/v1/cases/${caseId}`],
    ['POST', '/api/v1/cases'],
    ['POST', `/api/v1/cases/${caseId}/actions`],
    ['GET', `/api/v1/attachments/${attachmentId}`],
    ['POST', '/api/v1/users'],
  ] as const;

const routeBodies: Record<string, unknown> = {
  '/api/v1/cases': { type: 'help', content: '求助', regionCode: '140802', requester: REQUESTER },
  '/api/v1/users': { username: 'intruder', displayName: '入侵者', password: 'long-enough-password', roles: ['admin'] },
};

describeEachDb('permissions', (get) => {
  /** Cases of 盐湖区 led by 水务局, one assisted by 市场监督管理局, and one of 阳泉市郊区. */
  const f = { water: 0, assisted: 0, jiaoqu: 0, jiaoquNo: '', attachment: '' };

  beforeAll(async () => {
    const h = get();
    const water = h.org.units['water']!;
    const market = h.org.units['market']!;
    f.water = (await registerCase(h, 'clerk', outage)).id;
    await actOn(h, 'dispatcher', f.water, { action: 'dispatch', leadUnitId: water });
    f.assisted = (await registerCase(h, 'dispatcher', { ...outage, regionCode: '140802001' })).id;
    await actOn(h, 'dispatcher', f.assisted, { action: 'dispatch', leadUnitId: water, assistUnitIds: [market] });
    const jq = await h.req(null, 'POST', '/api/v1/public/cases', {
      type: 'help',
      content: '村里自来水管爆裂',
      regionCode: '140311',
      requester: { name: '赵大妈', phone: '0353-5021234' },
    });
    expect(jq.statusCode, jq.body).toBe(201);
    f.jiaoqu = jq.json().id;
    f.jiaoquNo = jq.json().trackingNo;
    const up = await upload(h, 'handler2', f.water);
    expect(up.statusCode, up.body).toBe(201);
    f.attachment = up.json().items[0].id;
  });

  it('no credential, a garbage token or a malformed header: 401 on every staff route, and nothing is created', async () => {
    const h = get();
    const before = await stateOf(h, f.water);
    const users = await h.db.db.selectFrom('users').select('id').execute();
    const cases = await h.db.db.selectFrom('cases').select('id').execute();
    const credentials: (Record<string, string> | null)[] = [
      null,
      { authorization: 'Bearer garbage' },
      { authorization: `Bearer ${'A'.repeat(43)}` },
      { authorization: 'Basic YWRtaW46aHVpeWluLWRlbW8=' },
      { authorization: '' },
      { cookie: `huiyin_session=${'B'.repeat(43)}` },
    ];
    for (const headers of credentials) {
      for (const [method, url] of staffRoutes(f.water, f.attachment)) {
        const body = method === 'POST' ? (routeBodies[url] ?? { action: 'sign', version: before.version }) : undefined;
        expectError(await h.req(null, method, url, body, headers ?? {}), 401, 'unauthorized');
      }
      expectError(await upload(h, null, f.water, headers ?? {}), 401, 'unauthorized');
    }
    expect(await stateOf(h, f.water)).toEqual(before);
    expect(await h.db.db.selectFrom('users').select('id').execute()).toEqual(users);
    expect(await h.db.db.selectFrom('cases').select('id').execute()).toEqual(cases);
  });

  it('login: a wrong password or unknown user is 401 in the error shape, alike, with no cookie', async () => {
    const h = get();
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'admin', password: 'huiyin-demo-wrong' },
    });
    const err = expectError(wrong, 401, 'unauthorized');
    expect(wrong.json()).toEqual({ error: { code: 'unauthorized', message: err.message } });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const nobody = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nobody', password: 'huiyin-demo-wrong' },
    });
    expect(nobody.statusCode).toBe(401);
    // The answer does not tell whether the account exists.
    expect(nobody.json()).toEqual(wrong.json());
  });

  it('login sets an HttpOnly session cookie that works without a bearer token, and logout invalidates it', async () => {
    const h = get();
    const res = await signIn(h, 'dispatcher');
    const cookie = res.cookies.find((c) => c.name === 'huiyin_session');
    expect(cookie, JSON.stringify(res.headers['set-cookie'])).toBeDefined();
    expect(cookie!.httpOnly).toBe(true);
    expect(cookie!.path).toBe('/');
    expect(String(cookie!.sameSite).toLowerCase()).toBe('lax');
    expect(cookie!.value).toBe(res.json().token);
    const sessionCookie = { cookie: `huiyin_session=${cookie!.value}` };

    const me = await h.req(null, 'GET', '/api/v1/me', undefined, sessionCookie);
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ username: 'dispatcher', roles: ['dispatcher'] });
    // The cookie carries the whole identity: the dispatcher's cases are listed with it.
    const list = await h.req(null, 'GET', '/api/v1/cases', undefined, sessionCookie);
    expect(list.statusCode).toBe(200);
    expect((list.json().items as { id: number }[]).map((i) => i.id)).toContain(f.water);

    // A browser sends its page's Origin with every POST (browser-hardening.ts refuses a cookie without it).
    const out = await h.req(null, 'POST', '/api/v1/auth/logout', undefined, { ...sessionCookie, origin: 'http://localhost:80' });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'huiyin_session');
    expect(cleared?.value ?? '').toBe('');
    expectError(await h.req(null, 'GET', '/api/v1/me', undefined, sessionCookie), 401, 'unauthorized');
    // The same session is gone for the bearer token too.
    expectError(await h.req(null, 'GET', '/api/v1/me', undefined, { authorization: `Bearer ${cookie!.value}` }), 401, 'unauthorized');
    // Other sessions of other people are untouched.
    expect((await h.req('dispatcher', 'GET', '/api/v1/me')).statusCode).toBe(200);
  });

  it('a handler of another unit gets 404 for a case led by 水务局: get, actions, attachments, list; handler2 gets it', async () => {
    const h = get();
    const before = await stateOf(h, f.water);
    const missing = await h.req('handler', 'GET', '/api/v1/cases/987654321');
    for (const user of ['handler', 'unithead']) {
      const res = await h.req(user, 'GET', `/api/v1/cases/${f.water}`);
      expectError(res, 404, 'not_found');
      // Exactly what a case that does not exist looks like.
      expect(res.json()).toEqual(missing.json());
      expectError(
        await h.req(user, 'POST', `/api/v1/cases/${f.water}/actions`, { version: before.version, action: 'sign' }),
        404,
        'not_found',
      );
      expectError(
        await h.req(user, 'POST', `/api/v1/cases/${f.water}/actions`, { version: before.version, action: 'return', reason: '不归我们管' }),
        404,
        'not_found',
      );
      expectError(await upload(h, user, f.water), 404, 'not_found');
      expectError(await h.req(user, 'GET', `/api/v1/attachments/${f.attachment}`), 404, 'not_found');
      expect(await listIds(h, user)).not.toContain(f.water);
      const trackingNo = (await h.db.db.selectFrom('cases').select('tracking_no').where('id', '=', f.water).executeTakeFirstOrThrow())
        .tracking_no;
      expect(await listIds(h, user, `&q=${trackingNo}`)).toEqual([]);
      // Searching by the requester's phone finds only the case market assists, not water's own.
      expect(await listIds(h, user, `&q=${REQUESTER.phone}`)).toEqual([f.assisted]);
    }
    expect(await stateOf(h, f.water)).toEqual(before);

    const own = await h.req('handler2', 'GET', `/api/v1/cases/${f.water}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().allowedActions).toEqual(expect.arrayContaining(['sign', 'return']));
    expect(await listIds(h, 'handler2')).toContain(f.water);
    const dl = await h.req('handler2', 'GET', `/api/v1/attachments/${f.attachment}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
  });

  it('an assisting unit finds the case in its list', async () => {
    const h = get();
    expect(await listIds(h, 'handler')).toContain(f.assisted);
    expect(await listIds(h, 'unithead')).toContain(f.assisted);
  });

  // Turn into `it` once db/connect.ts parses int8[] (oid 1016) to numbers; passes on PGlite today.
  it('an assisting unit opens the case (200) but cannot sign, return or answer it (403)', async () => {
    const h = get();
    const seen = await h.req('handler', 'GET', `/api/v1/cases/${f.assisted}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().assistUnits).toEqual([{ id: h.org.units['market'], name: '盐湖区市场监督管理局' }]);
    expect(seen.json().allowedActions).toEqual([]);
    const listed = await h.req('handler', 'GET', '/api/v1/cases?pageSize=200');
    const item = (listed.json().items as { id: number; assistUnits: unknown }[]).find((i) => i.id === f.assisted);
    expect(item?.assistUnits).toEqual([{ id: h.org.units['market'], name: '盐湖区市场监督管理局' }]);

    let before = await stateOf(h, f.assisted);
    expectError(
      await h.req('handler', 'POST', `/api/v1/cases/${f.assisted}/actions`, { version: before.version, action: 'sign' }),
      403,
      'forbidden',
    );
    expectError(
      await h.req('unithead', 'POST', `/api/v1/cases/${f.assisted}/actions`, { version: before.version, action: 'sign' }),
      403,
      'forbidden',
    );
    expectError(
      await h.req('handler', 'POST', `/api/v1/cases/${f.assisted}/actions`, {
        version: before.version,
        action: 'return',
        reason: '不归我们管',
      }),
      403,
      'forbidden',
    );
    expect(await stateOf(h, f.assisted)).toEqual(before);

    await actOn(h, 'handler2', f.assisted, { action: 'sign' });
    before = await stateOf(h, f.assisted);
    expect(before.status).toBe('in_progress');
    expectError(
      await h.req('handler', 'POST', `/api/v1/cases/${f.assisted}/actions`, {
        version: before.version,
        action: 'reply',
        outcome: 'resolved',
        text: '已处理',
      }),
      403,
      'forbidden',
    );
    expectError(
      await h.req('handler', 'POST', `/api/v1/cases/${f.assisted}/actions`, {
        version: before.version,
        action: 'requestExtension',
        days: 3,
        reason: '协办需要时间',
      }),
      403,
      'forbidden',
    );
    expect(await stateOf(h, f.assisted)).toEqual(before);
  });

  it('盐湖区 staff see 盐湖区 cases; 阳泉市郊区’s leader gets 404 for them and sees only 郊区', async () => {
    const h = get();
    // The demo's admin sits in the province's office (the root): both counties are theirs.
    expect((await h.req('admin', 'GET', `/api/v1/cases/${f.jiaoqu}`)).statusCode).toBe(200);
    for (const user of ['dispatcher', 'clerk', 'supervisor', 'officer']) {
      for (const id of [f.water, f.assisted])
        expect((await h.req(user, 'GET', `/api/v1/cases/${id}`)).statusCode, `${user} ${id}`).toBe(200);
      const ids = await listIds(h, user);
      expect(ids, user).toEqual(expect.arrayContaining([f.water, f.assisted]));
      expect(ids, user).not.toContain(f.jiaoqu);
      expectError(await h.req(user, 'GET', `/api/v1/cases/${f.jiaoqu}`), 404, 'not_found');
    }
    const before = await stateOf(h, f.water);
    for (const id of [f.water, f.assisted]) expectError(await h.req('leader', 'GET', `/api/v1/cases/${id}`), 404, 'not_found');
    expectError(
      await h.req('leader', 'POST', `/api/v1/cases/${f.water}/actions`, {
        version: before.version,
        action: 'close',
        reason: '领导要求办结',
      }),
      404,
      'not_found',
    );
    expectError(await upload(h, 'leader', f.water), 404, 'not_found');
    expectError(await h.req('leader', 'GET', `/api/v1/attachments/${f.attachment}`), 404, 'not_found');
    const leaderList = await h.req('leader', 'GET', '/api/v1/cases?pageSize=200');
    const items = leaderList.json().items as { id: number; regionCode: string }[];
    expect(items.map((i) => i.id)).toEqual([f.jiaoqu]);
    expect(await listIds(h, 'leader', '&regionCode=140802')).toEqual([]);
    expect(await stateOf(h, f.water)).toEqual(before);
  });

  it('the discipline inspector sees no case at all', async () => {
    const h = get();
    const total = (await h.db.db.selectFrom('cases').select('id').execute()).length;
    expect(total).toBeGreaterThanOrEqual(3);
    const list = await h.req('inspector', 'GET', '/api/v1/cases');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ items: [], nextCursor: null });
    for (const id of [f.water, f.assisted, f.jiaoqu]) {
      expectError(await h.req('inspector', 'GET', `/api/v1/cases/${id}`), 404, 'not_found');
      expectError(
        await h.req('inspector', 'POST', `/api/v1/cases/${id}/actions`, { version: await caseVersion(h, id), action: 'sign' }),
        404,
        'not_found',
      );
    }
    expectError(await h.req('inspector', 'GET', `/api/v1/attachments/${f.attachment}`), 404, 'not_found');
    expectError(await upload(h, 'inspector', f.water), 404, 'not_found');
  });

  it('phone masking: admin and leader see 138****5678 style, dispatcher and the handling unit see the number in the detail (lists mask it)', async () => {
    const h = get();
    const masked = '138****5678';
    for (const user of ['admin']) {
      const detail = await h.req(user, 'GET', `/api/v1/cases/${f.water}`);
      expect(detail.json().requester.phone).toBe(masked);
      expect(detail.body).not.toContain(REQUESTER.phone);
      const list = await h.req(user, 'GET', '/api/v1/cases?pageSize=200');
      const item = (list.json().items as { id: number; requester: { phone: string } }[]).find((i) => i.id === f.water)!;
      expect(item.requester.phone).toBe(masked);
      expect(list.body).not.toContain(REQUESTER.phone);
    }
    // The leader sees 郊区's landline masked the same way.
    const jq = await h.req('leader', 'GET', `/api/v1/cases/${f.jiaoqu}`);
    expect(jq.statusCode).toBe(200);
    expect(jq.json().requester.phone).toBe('0353-***1234');
    expect(jq.body).not.toContain('5021234');

    for (const user of ['dispatcher', 'clerk', 'supervisor', 'handler2']) {
      const detail = await h.req(user, 'GET', `/api/v1/cases/${f.water}`);
      expect(detail.json().requester.phone, user).toBe(REQUESTER.phone);
      const list = await h.req(user, 'GET', '/api/v1/cases?pageSize=200');
      const item = (list.json().items as { id: number; requester: { phone: string } }[]).find((i) => i.id === f.water)!;
      expect(item.requester.phone, user).toBe(masked);
    }
  });

  it('roles: clerk cannot dispatch, handler cannot register, only admin creates users', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', outage);
    const before = await stateOf(h, c.id);
    const dispatch = { action: 'dispatch', leadUnitId: h.org.units['water'] };
    const refused: [string, Record<string, unknown>][] = [
      ['clerk', dispatch],
      ['supervisor', dispatch],
      ['admin', { action: 'merge', masterId: f.water }],
    ];
    for (const [user, body] of refused) {
      expectError(await h.req(user, 'POST', `/api/v1/cases/${c.id}/actions`, { version: before.version, ...body }), 403, 'forbidden');
    }
    expect(await stateOf(h, c.id)).toEqual(before);

    const casesBefore = (await h.db.db.selectFrom('cases').select('id').execute()).length;
    const body = { type: 'help', content: '求助', regionCode: '140802', requester: REQUESTER };
    for (const user of ['handler', 'handler2', 'unithead', 'supervisor', 'inspector', 'leader', 'admin']) {
      expectError(await h.req(user, 'POST', '/api/v1/cases', body), 403, 'forbidden');
    }
    expect((await h.db.db.selectFrom('cases').select('id').execute()).length).toBe(casesBefore);
    for (const user of ['clerk', 'dispatcher', 'officer'])
      expect((await h.req(user, 'POST', '/api/v1/cases', body)).statusCode, user).toBe(201);

    const usersBefore = await h.db.db.selectFrom('users').select('username').orderBy('id').execute();
    const newUser = {
      username: 'newadmin',
      displayName: '新管理员',
      password: 'Long-enough-password',
      roles: ['admin'],
      unitIds: [h.org.units['centre']],
    };
    // Accounts are the security admin's (三员分立): the system admin is refused like everyone else.
    for (const a of demoAccounts.filter((x) => x.username !== 'secadmin')) {
      expectError(await h.req(a.username, 'POST', '/api/v1/users', newUser), 403, 'forbidden');
    }
    expect(await h.db.db.selectFrom('users').select('username').orderBy('id').execute()).toEqual(usersBefore);
    const created = await h.req('secadmin', 'POST', '/api/v1/users', newUser);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ username: 'newadmin', roles: ['admin'] });
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'newadmin', password: newUser.password },
    });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().user.roles).toEqual(['admin']);
  });

  it('only the supervisor may reviewReply, followUp, reopen and close', async () => {
    const h = get();
    const others = ['dispatcher', 'clerk', 'officer', 'admin', 'handler2'];
    const water = h.org.units['water']!;

    // reviewReply on an explained answer waiting for review.
    const review = (await registerCase(h, 'clerk', outage)).id;
    await actOn(h, 'dispatcher', review, { action: 'dispatch', leadUnitId: water });
    await actOn(h, 'handler2', review, { action: 'sign' });
    await actOn(h, 'handler2', review, {
      action: 'reply',
      outcome: 'explained',
      text: '依规定不能办理',
      policyBasis: '《城市供水条例》第二十二条',
    });
    let before = await stateOf(h, review);
    expect(before.status).toBe('reply_review');
    for (const user of others) {
      expectError(
        await h.req(user, 'POST', `/api/v1/cases/${review}/actions`, { version: before.version, action: 'reviewReply', approve: true }),
        403,
        'forbidden',
      );
    }
    expectError(
      await h.req('leader', 'POST', `/api/v1/cases/${review}/actions`, { version: before.version, action: 'reviewReply', approve: true }),
      404,
      'not_found',
    );
    expect(await stateOf(h, review)).toEqual(before);
    expect((await actOn(h, 'supervisor', review, { action: 'reviewReply', approve: true })).status).toBe('replied');

    // followUp, then reopen, on an answered case.
    before = await stateOf(h, review);
    for (const user of others) {
      expectError(
        await h.req(user, 'POST', `/api/v1/cases/${review}/actions`, {
          version: before.version,
          action: 'followUp',
          solved: true,
          satisfaction: 'very_satisfied',
        }),
        403,
        'forbidden',
      );
    }
    expect(await stateOf(h, review)).toEqual(before);
    await actOn(h, 'supervisor', review, { action: 'followUp', solved: false, satisfaction: 'dissatisfied' });
    before = await stateOf(h, review);
    for (const user of others) {
      expectError(
        await h.req(user, 'POST', `/api/v1/cases/${review}/actions`, { version: before.version, action: 'reopen', reason: '群众不满意' }),
        403,
        'forbidden',
      );
      expectError(
        await h.req(user, 'POST', `/api/v1/cases/${review}/actions`, { version: before.version, action: 'close', reason: '到此为止' }),
        403,
        'forbidden',
      );
    }
    expect(await stateOf(h, review)).toEqual(before);
    expect((await actOn(h, 'supervisor', review, { action: 'reopen', reason: '群众不满意' })).status).toBe('in_progress');

    // close on an answered case.
    await actOn(h, 'handler2', review, { action: 'reply', outcome: 'partly', text: '已部分恢复' });
    before = await stateOf(h, review);
    for (const user of others) {
      expectError(
        await h.req(user, 'POST', `/api/v1/cases/${review}/actions`, { version: before.version, action: 'close', reason: '到此为止' }),
        403,
        'forbidden',
      );
    }
    expect(await stateOf(h, review)).toEqual(before);
    expect((await actOn(h, 'supervisor', review, { action: 'close', reason: '三次回访联系不上群众' })).status).toBe('closed');
  });

  it('the public sees only the tracking view: right number and last 4 digits, no personal data, no internal notes', async () => {
    const h = get();
    const market = h.org.units['market']!;
    const water = h.org.units['water']!;
    const c = await registerCase(h, 'clerk', outage);
    const internal = [
      '内部派单备注甲',
      '内部退单理由乙',
      '内部审核意见丙',
      '内部延期理由丁',
      '内部延期审批戊',
      '内部驳回意见己',
      '内部签收备注庚',
    ];
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: market, note: internal[0] });
    await actOn(h, 'handler', c.id, { action: 'return', reason: internal[1] });
    await actOn(h, 'dispatcher', c.id, { action: 'decideReturn', approve: true, note: internal[2] });
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: water });
    await actOn(h, 'handler2', c.id, { action: 'sign', note: internal[6] });
    await actOn(h, 'handler2', c.id, { action: 'requestExtension', days: 3, reason: internal[3] });
    await actOn(h, 'dispatcher', c.id, { action: 'decideExtension', approve: true, note: internal[4] });
    await actOn(h, 'handler2', c.id, { action: 'reply', outcome: 'explained', text: '初稿答复', policyBasis: '《城市供水条例》' });
    await actOn(h, 'supervisor', c.id, { action: 'reviewReply', approve: false, note: internal[5] });
    await actOn(h, 'handler2', c.id, {
      action: 'reply',
      outcome: 'explained',
      text: '依规定不能办理，可申请临时供水',
      policyBasis: '《城市供水条例》第二十二条',
    });
    await actOn(h, 'supervisor', c.id, { action: 'reviewReply', approve: true });

    const tracked = await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=5678`);
    expect(tracked.statusCode, tracked.body).toBe(200);
    const view = tracked.json();
    expect(view.status).toBe('replied');
    expect(view.answer.text).toBe('依规定不能办理，可申请临时供水');
    expect(Object.keys(view).sort()).toEqual([
      'answer',
      'answerBy',
      'canRate',
      'createdAt',
      'rating',
      'status',
      'timeline',
      'title',
      'trackingNo',
      'type',
      'writtenAnswer',
    ]);
    const text = tracked.body;
    for (const secret of [
      ...internal,
      '初稿答复',
      REQUESTER.name,
      REQUESTER.phone,
      '138****5678',
      '王派单',
      '刘承办',
      '张承办',
      '孙督办',
      '李受理',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
    expect(view.timeline.map((e: { action: string }) => e.action)).not.toContain('return');
    expect(view.timeline.map((e: { action: string }) => e.action)).not.toContain('requestExtension');

    const wrong = await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=1234`);
    expectError(wrong, 404, 'not_found');
    const unknown = await h.req(null, 'GET', '/api/v1/track/140802-2026-999999?phone=5678');
    expect(wrong.json()).toEqual(unknown.json());
    // Another requester's tracking number does not open with this phone.
    expectError(await h.req(null, 'GET', `/api/v1/track/${f.jiaoquNo}?phone=5678`), 404, 'not_found');
    expectError(
      await h.req(null, 'POST', `/api/v1/track/${c.trackingNo}/rating`, { phone: '1234', solved: true, satisfaction: 'satisfied' }),
      404,
      'not_found',
    );
    // The staff view stays closed to the public.
    expectError(await h.req(null, 'GET', `/api/v1/cases/${c.id}`), 401, 'unauthorized');
  });
});

describeEachDb('sessions expire by the clock', (get) => {
  it('a session works until 12 hours have passed and then gets 401 everywhere, bearer and cookie alike', async () => {
    const h = get();
    const login = await signIn(h, 'dispatcher');
    const token = login.json().token as string;
    expect(new Date(login.json().expiresAt).getTime() - h.clock.now().getTime()).toBe(12 * 3600_000);
    const bearer = { authorization: `Bearer ${token}` };
    const cookie = { cookie: `huiyin_session=${token}` };
    const c = await h.req(
      null,
      'POST',
      '/api/v1/cases',
      { type: 'help', content: '求助', regionCode: '140802', requester: REQUESTER },
      bearer,
    );
    expect(c.statusCode, c.body).toBe(201);
    const caseId = c.json().id as number;

    h.clock.advance(12 * 3600_000 - 1000);
    expect((await h.req(null, 'GET', '/api/v1/me', undefined, bearer)).statusCode).toBe(200);
    expect((await h.req(null, 'GET', '/api/v1/me', undefined, cookie)).statusCode).toBe(200);

    h.clock.advance(2000);
    const before = await stateOf(h, caseId);
    const routes = [
      ['GET', '/api/v1/me', undefined],
      ['GET', '/api/v1/units', undefined],
      ['GET', '/api/v1/cases', undefined],
      ['GET', `/api/v1/cases/${caseId}`, undefined],
      ['POST', '/api/v1/cases', { type: 'help', content: '求助', regionCode: '140802', requester: REQUESTER }],
      ['POST', `/api/v1/cases/${caseId}/actions`, { version: before.version, action: 'dispatch', leadUnitId: h.org.units['water'] }],
    ] as const;
    for (const headers of [bearer, cookie]) {
      for (const [method, url, body] of routes) expectError(await h.req(null, method, url, body, headers), 401, 'unauthorized');
    }
    const m = multipartPng();
    expectError(
      await h.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/attachments`,
        headers: { ...bearer, ...m.headers },
        payload: m.payload,
      }),
      401,
      'unauthorized',
    );
    expect(await stateOf(h, caseId)).toEqual(before);

    // Signing in again gives a fresh 12 hours.
    const again = await signIn(h, 'dispatcher');
    expect((await h.req(null, 'GET', '/api/v1/me', undefined, { authorization: `Bearer ${again.json().token}` })).statusCode).toBe(200);
  });
});
