import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { OUTAGE_COMPLAINT, registerCase } from '../testing/case-actions.ts';
import { expectError, fieldsOf } from '../testing/errors.ts';
import { describeEachDb, type Harness } from '../testing/harness.ts';
import { PNG, multipart } from '../testing/multipart.ts';

/**
 * Every class of bad input gets a 4xx in the one error shape {error: {code, message, details?}},
 * never a 500, and changes nothing: no case, event, outbox row, attachment or stored file appears,
 * and the case keeps its version and status.
 */

const HAN = /\p{Script=Han}/u;

const validCase = OUTAGE_COMPLAINT;

/** A body refused as invalid in `field` (400 validation_failed). */
const invalid = (name: string, body: unknown, field: string) => ({
  name,
  body,
  status: 400,
  code: 'validation_failed',
  field,
});

/** A raw request (body sent byte for byte) as a demo user. */
async function raw(
  h: Harness,
  as: string,
  method: 'GET' | 'POST',
  url: string,
  payload: string | Buffer | undefined,
  headers: Record<string, string>,
) {
  const me = await h.req(as, 'GET', '/api/v1/me');
  expect(me.statusCode).toBe(200);
  return h.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${h.tokens[as]}`, ...headers },
    ...(payload === undefined ? {} : { payload }),
  });
}

function count(n: { n: string | number | bigint }): number {
  return Number(n.n);
}

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/** Everything a failed request must leave as it was. */
async function world(h: Harness, caseId?: number) {
  const db = h.db.db;
  const n = (t: 'cases' | 'case_events' | 'outbox' | 'attachments' | 'users') =>
    db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
      .then(count);
  const c =
    caseId === undefined
      ? undefined
      : await db.selectFrom('cases').select(['version', 'status', 'lead_unit_id']).where('id', '=', caseId).executeTakeFirstOrThrow();
  const caseEvents =
    caseId === undefined
      ? undefined
      : await db
          .selectFrom('case_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('case_id', '=', caseId)
          .executeTakeFirstOrThrow()
          .then(count);
  return {
    cases: await n('cases'),
    events: await n('case_events'),
    outbox: await n('outbox'),
    attachments: await n('attachments'),
    users: await n('users'),
    files: filesUnder(path.join(h.dataDir, 'attachments')).length,
    case: c,
    caseEvents,
  };
}

async function version(h: Harness, id: number): Promise<number> {
  const res = await h.req('dispatcher', 'GET', `/api/v1/cases/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json().version as number;
}

describeEachDb('bad input', (get) => {
  it('registration: each bad body is a 4xx in the error shape naming the field, and creates nothing', async () => {
    const h = get();
    const long = '诉'.repeat(10_001);
    const bad: { name: string; body?: unknown; raw?: string; status: number; code: string; field?: string }[] = [
      { name: 'malformed JSON', raw: '{"type": "complaint", "content": ', status: 400, code: 'bad_request' },
      { name: 'a JSON array', raw: JSON.stringify([validCase]), status: 400, code: 'validation_failed', field: '' },
      { name: 'a JSON string', raw: JSON.stringify('小区停水'), status: 400, code: 'validation_failed', field: '' },
      { name: 'JSON null', raw: 'null', status: 400, code: 'validation_failed', field: '' },
      invalid('content of the wrong type', { ...validCase, content: 123 }, 'content'),
      invalid('urgent of the wrong type', { ...validCase, urgent: 'yes' }, 'urgent'),
      invalid('an unknown request type', { ...validCase, type: 'praise' }, 'type'),
      invalid('content missing', { ...validCase, content: undefined }, 'content'),
      invalid('content only blanks', { ...validCase, content: '   ' }, 'content'),
      invalid('requester missing', { ...validCase, requester: undefined }, 'requester'),
      invalid('phone missing', { ...validCase, requester: { name: '王杏桃' } }, 'requester.phone'),
      invalid('an unknown top-level field', { ...validCase, priority: 'high' }, 'priority'),
      invalid(
        'an unknown nested field',
        { ...validCase, requester: { ...validCase.requester, idCard: '140802199001011234' } },
        'requester.idCard',
      ),
      invalid('content over 10,000 characters', { ...validCase, content: long }, 'content'),
      invalid('a phone that is too short', { ...validCase, requester: { phone: '1393591234' } }, 'requester.phone'),
      invalid('a phone that is not a number', { ...validCase, requester: { phone: 'call me' } }, 'requester.phone'),
      invalid('a foreign phone', { ...validCase, requester: { phone: '+1 415 555 0100' } }, 'requester.phone'),
      invalid('a region code that does not exist', { ...validCase, regionCode: '140899' }, 'regionCode'),
      invalid('a malformed region code', { ...validCase, regionCode: '1408' }, 'regionCode'),
      invalid('a region outside the clerk’s service area', { ...validCase, regionCode: '140311' }, 'regionCode'),
      invalid('a category that does not exist', { ...validCase, categoryCode: 'water.flood' }, 'categoryCode'),
      invalid('lat without lng', { ...validCase, lat: 35.02 }, 'lat'),
      invalid('lat out of range', { ...validCase, lat: 135, lng: 111 }, 'lat'),
      invalid('a channel staff do not use', { ...validCase, channel: 'fax' }, 'channel'),
      { name: 'a body over 256 KiB', body: { ...validCase, content: 'x'.repeat(300 * 1024) }, status: 413, code: 'payload_too_large' },
    ];
    const before = await world(h);
    for (const b of bad) {
      const res =
        b.raw !== undefined
          ? await raw(h, 'clerk', 'POST', '/api/v1/cases', b.raw, { 'content-type': 'application/json' })
          : await h.req('clerk', 'POST', '/api/v1/cases', b.body);
      const err = expectError(res, b.status, b.code);
      if (b.field !== undefined) expect(fieldsOf(err), b.name).toContain(b.field);
      expect(await world(h), b.name).toEqual(before);
    }
  });

  it('registration limits are where they say: 10,000 characters, a landline and a township code are accepted', async () => {
    const h = get();
    const res = await h.req('clerk', 'POST', '/api/v1/cases', {
      ...validCase,
      content: '诉'.repeat(10_000),
      regionCode: '140802001',
      requester: { phone: '0359-2021234' },
      lat: 35.02,
      lng: 111.0,
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('content types the API does not take: XML is 415, an empty JSON body is 400', async () => {
    const h = get();
    const before = await world(h);
    expectError(
      await raw(h, 'clerk', 'POST', '/api/v1/cases', '<case/>', { 'content-type': 'application/xml' }),
      415,
      'unsupported_media_type',
    );
    expectError(await raw(h, 'clerk', 'POST', '/api/v1/cases', '', { 'content-type': 'application/json' }), 400, 'bad_request');
    expectError(await raw(h, 'clerk', 'POST', '/api/v1/cases', 'content=停水', { 'content-type': 'text/plain' }), 400, 'validation_failed');
    expectError(
      await raw(h, 'clerk', 'POST', '/api/v1/cases', '{"__proto__": {"admin": true}}', { 'content-type': 'application/json' }),
      400,
      'bad_request',
    );
    expect(await world(h)).toEqual(before);
  });

  it('a case id in the path that is not a positive integer is 400; an unknown one is 404', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', validCase);
    const before = await world(h, c.id);
    for (const id of ['abc', '1.5', '-1', '0', '99999999999999999999']) {
      expectError(await h.req('dispatcher', 'GET', `/api/v1/cases/${id}`), 400, 'validation_failed');
      expectError(
        await h.req('dispatcher', 'POST', `/api/v1/cases/${id}/actions`, {
          action: 'dispatch',
          version: 1,
          leadUnitId: h.org.units['water'],
        }),
        400,
        'validation_failed',
      );
      const m = multipart([{ name: 'file', filename: 'a.png', data: PNG }]);
      expectError(await raw(h, 'dispatcher', 'POST', `/api/v1/cases/${id}/attachments`, m.payload, m.headers), 400, 'validation_failed');
    }
    expectError(await h.req('dispatcher', 'GET', '/api/v1/cases/987654321'), 404, 'not_found');
    expectError(await h.req('dispatcher', 'POST', '/api/v1/cases/987654321/actions', { action: 'sign', version: 1 }), 404, 'not_found');
    expectError(await h.req('dispatcher', 'GET', '/api/v1/attachments/not-a-uuid'), 400, 'validation_failed');
    expectError(await h.req('dispatcher', 'GET', '/api/v1/attachments/00000000-0000-4000-8000-000000000000'), 404, 'not_found');
    expectError(await h.req('dispatcher', 'GET', '/api/v1/no-such-route'), 404, 'not_found');
    expect(await world(h, c.id)).toEqual(before);
  });

  it('a malformed percent-escape in the path answers in the error shape', async () => {
    const h = get();
    const res = await h.req('dispatcher', 'GET', '/api/v1/cases/%ZZ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
  });

  it('ids are plain positive whole numbers: 0x1, 1e0, -1 and 0 are refused', async () => {
    const h = get();
    for (const id of ['0x1', '1e0', '-1', '0', '1.5']) {
      const res = await h.req('dispatcher', 'GET', `/api/v1/cases/${id}`);
      expect(res.statusCode, id).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
  });

  it('actions: each bad body is a 4xx and leaves the case, its events and the outbox as they were', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', validCase);
    // Another pair of cases, one merged into the other, to merge into.
    const master = await registerCase(h, 'clerk', validCase);
    const other = await registerCase(h, 'clerk', validCase);
    await h
      .req('dispatcher', 'POST', `/api/v1/cases/${other.id}/actions`, { version: 1, action: 'merge', masterId: master.id })
      .then((r) => expect(r.statusCode, r.body).toBe(200));
    const water = h.org.units['water']!;
    const url = `/api/v1/cases/${c.id}/actions`;
    const bad: { name: string; body?: unknown; raw?: string; status: number; code: string; field?: string }[] = [
      { name: 'malformed JSON', raw: '{"action": "dispatch"', status: 400, code: 'bad_request' },
      { name: 'a JSON array', raw: '[{"action": "sign", "version": 1}]', status: 400, code: 'validation_failed', field: '' },
      { name: 'a JSON string', raw: '"dispatch"', status: 400, code: 'validation_failed', field: '' },
      invalid('an unknown action', { action: 'destroy', version: 1 }, 'action'),
      invalid('no action', { version: 1, leadUnitId: water }, 'action'),
      invalid('no version', { action: 'dispatch', leadUnitId: water }, 'version'),
      invalid('a version of the wrong type', { action: 'dispatch', version: 'latest', leadUnitId: water }, 'version'),
      invalid('dispatch without its lead unit', { action: 'dispatch', version: 1 }, 'leadUnitId'),
      invalid('dispatch with a non-numeric unit', { action: 'dispatch', version: 1, leadUnitId: 'water' }, 'leadUnitId'),
      invalid('dispatch with an unknown field', { action: 'dispatch', version: 1, leadUnitId: water, priority: 1 }, 'priority'),
      invalid('dispatch to a unit that does not exist', { action: 'dispatch', version: 1, leadUnitId: 987654 }, 'leadUnitId'),
      invalid('reply without text', { action: 'reply', version: 1, outcome: 'resolved' }, 'text'),
      invalid(
        'an explained reply without its policy basis',
        { action: 'reply', version: 1, outcome: 'explained', text: '不能办' },
        'policyBasis',
      ),
      invalid('a note over 2,000 characters', { action: 'dispatch', version: 1, leadUnitId: water, note: 'x'.repeat(2001) }, 'note'),
      invalid('merge into itself', { action: 'merge', version: 1, masterId: c.id }, 'masterId'),
      invalid('merge into a case that does not exist', { action: 'merge', version: 1, masterId: 987654321 }, 'masterId'),
      invalid('merge into a merged case', { action: 'merge', version: 1, masterId: other.id }, 'masterId'),
      { name: 'a stale version', body: { action: 'dispatch', version: 7, leadUnitId: water }, status: 409, code: 'version_conflict' },
      {
        name: 'an action the state does not allow',
        body: { action: 'followUp', version: 1, solved: true, satisfaction: 'satisfied' },
        status: 409,
        code: 'illegal_transition',
      },
      {
        name: 'a body over 256 KiB',
        body: { action: 'dispatch', version: 1, leadUnitId: water, note: 'x'.repeat(300 * 1024) },
        status: 413,
        code: 'payload_too_large',
      },
    ];
    const before = await world(h, c.id);
    expect(before.case).toMatchObject({ version: 1, status: 'registered', lead_unit_id: null });
    for (const b of bad) {
      const res =
        b.raw !== undefined
          ? await raw(h, 'dispatcher', 'POST', url, b.raw, { 'content-type': 'application/json' })
          : await h.req('dispatcher', 'POST', url, b.body);
      const err = expectError(res, b.status, b.code);
      if (b.field !== undefined) expect(fieldsOf(err), b.name).toContain(b.field);
      expect(await world(h, c.id), b.name).toEqual(before);
    }
  });

  it('a stale version is 409 version_conflict with both versions, and changes nothing', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', validCase);
    const water = h.org.units['water']!;
    const ok = await h.req('dispatcher', 'POST', `/api/v1/cases/${c.id}/actions`, { version: 1, action: 'dispatch', leadUnitId: water });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().version).toBe(2);
    const before = await world(h, c.id);
    // A second dispatcher still holding version 1 tries to decide differently.
    const stale = await h.req('handler2', 'POST', `/api/v1/cases/${c.id}/actions`, { version: 1, action: 'sign' });
    const err = expectError(stale, 409, 'version_conflict');
    expect(err.details).toEqual({ currentVersion: 2, yourVersion: 1 });
    expect(await world(h, c.id)).toEqual(before);
    expect(before.case).toMatchObject({ version: 2, status: 'dispatched' });
  });

  it('an action the state does not allow is 409 illegal_transition naming the state and the action', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', validCase);
    const url = `/api/v1/cases/${c.id}/actions`;
    const before = await world(h, c.id);
    let err = expectError(await h.req('dispatcher', 'POST', url, { version: 1, action: 'sign' }), 409, 'illegal_transition');
    expect(err.details).toMatchObject({ status: 'registered', action: 'sign' });
    err = expectError(
      await h.req('supervisor', 'POST', url, { version: 1, action: 'close', reason: '无需办理' }),
      409,
      'illegal_transition',
    );
    expect(err.details).toMatchObject({ status: 'registered', action: 'close' });
    err = expectError(
      await h.req('dispatcher', 'POST', url, { version: 1, action: 'decideReturn', approve: true }),
      409,
      'illegal_transition',
    );
    expect(err.details).toMatchObject({ status: 'registered', action: 'decideReturn' });
    expect(await world(h, c.id)).toEqual(before);

    await h
      .req('dispatcher', 'POST', url, { version: 1, action: 'dispatch', leadUnitId: h.org.units['water'] })
      .then((r) => expect(r.statusCode).toBe(200));
    const dispatched = await world(h, c.id);
    err = expectError(
      await h.req('dispatcher', 'POST', url, { version: 2, action: 'dispatch', leadUnitId: h.org.units['market'] }),
      409,
      'illegal_transition',
    );
    expect(err.details).toMatchObject({ status: 'dispatched', action: 'dispatch' });
    err = expectError(
      await h.req('handler2', 'POST', url, { version: 2, action: 'reply', outcome: 'resolved', text: '已恢复' }),
      409,
      'illegal_transition',
    );
    expect(err.details).toMatchObject({ status: 'dispatched', action: 'reply' });
    expect(await world(h, c.id)).toEqual(dispatched);
  });

  it('Accept-Language: English when asked, Chinese by default, for the message and the field details', async () => {
    const h = get();
    const url = '/api/v1/cases';
    const zhDefault = expectError(await raw(h, 'clerk', 'POST', url, '{oops', { 'content-type': 'application/json' }), 400, 'bad_request');
    expect(zhDefault.message).toMatch(/^请求格式有误/);
    const zhAsked = expectError(
      await raw(h, 'clerk', 'POST', url, '{oops', { 'content-type': 'application/json', 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' }),
      400,
      'bad_request',
    );
    expect(zhAsked.message).toMatch(/^请求格式有误/);
    const en = expectError(
      await raw(h, 'clerk', 'POST', url, '{oops', { 'content-type': 'application/json', 'accept-language': 'en-US,en;q=0.9' }),
      400,
      'bad_request',
    );
    expect(en.message).toMatch(/^The request is malformed/);
    expect(en.message).not.toMatch(HAN);

    const body = { ...validCase, content: 123 };
    const zhV = expectError(await h.req('clerk', 'POST', url, body), 400, 'validation_failed');
    expect(zhV.message).toMatch(HAN);
    const zhField = (zhV.details as { fields: { path: string; message: string }[] }).fields.find((f) => f.path === 'content')!;
    expect(zhField.message).toMatch(HAN);
    const enV = expectError(await h.req('clerk', 'POST', url, body, { 'accept-language': 'en' }), 400, 'validation_failed');
    expect(enV.message).toBe('The request did not pass validation');
    const enField = (enV.details as { fields: { path: string; message: string }[] }).fields.find((f) => f.path === 'content')!;
    expect(enField.message).not.toMatch(HAN);
    expect(enField.message).toMatch(/expected string/i);

    const notFoundEn = expectError(
      await h.req('clerk', 'GET', '/api/v1/cases/987654321', undefined, { 'accept-language': 'en' }),
      404,
      'not_found',
    );
    expect(notFoundEn.message).not.toMatch(HAN);
    const notFoundZh = expectError(await h.req('clerk', 'GET', '/api/v1/cases/987654321'), 404, 'not_found');
    expect(notFoundZh.message).toMatch(/^未找到该记录/);
    const unauthEn = expectError(await h.req(null, 'GET', '/api/v1/me', undefined, { 'accept-language': 'en' }), 401, 'unauthorized');
    expect(unauthEn.message).toMatch(/^Sign in first/);
  });

  it('list and tracking queries: bad parameters are 400, unknown parameters are named', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', validCase);
    for (const q of [
      'pageSize=abc',
      'pageSize=0',
      'pageSize=100000',
      'status=bogus',
      'type=praise',
      'from=yesterday',
      'cursor=garbage',
      'unitId=water',
      'due=soon',
    ]) {
      expectError(await h.req('dispatcher', 'GET', `/api/v1/cases?${q}`), 400, 'validation_failed');
    }
    const unknown = expectError(await h.req('dispatcher', 'GET', '/api/v1/cases?sort=phone'), 400, 'validation_failed');
    expect(fieldsOf(unknown)).toContain('sort');
    // Odd search text is a search, not an error.
    for (const q of ["'", '\\', "a'b\\c:*!&|()", '停水\u0000', '%_']) {
      const res = await h.req('dispatcher', 'GET', `/api/v1/cases?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, `${q}: ${res.body}`).toBe(200);
    }
    expectError(await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}`), 400, 'validation_failed');
    expectError(await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=12`), 400, 'validation_failed');
    expectError(await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=2345&extra=1`), 400, 'validation_failed');
    expectError(await h.req(null, 'GET', '/api/v1/track/not-a-number?phone=2345'), 400, 'validation_failed');
    expectError(await h.req(null, 'GET', '/api/v1/track/140802-2026-999999?phone=2345'), 404, 'not_found');
  });

  it('sign-in, user and public bodies: bad input is a 4xx, never a 500, and creates nothing', async () => {
    const h = get();
    const before = await world(h);
    expectError(await h.req(null, 'POST', '/api/v1/auth/login', { username: 'admin' }), 400, 'validation_failed');
    expectError(
      await h.req(null, 'POST', '/api/v1/auth/login', { username: 'admin', password: 'huiyin-demo', remember: true }),
      400,
      'validation_failed',
    );
    // A NUL character is refused by the login schema before any query (PostgreSQL could not store it).
    expectError(
      await h.req(null, 'POST', '/api/v1/auth/login', { username: 'adm\u0000in', password: 'huiyin-demo' }),
      400,
      'validation_failed',
    );
    const newClerk = { username: 'newclerk', displayName: '新用户', password: 'Long-enough-pw', roles: ['clerk'] };
    for (const body of [
      { ...newClerk, username: 'Bad Name' },
      { ...newClerk, password: 'short' },
      { ...newClerk, roles: ['emperor'] },
      { ...newClerk, unitIds: [987654] },
    ]) {
      expectError(await h.req('secadmin', 'POST', '/api/v1/users', body), 400, 'validation_failed');
    }
    expectError(
      await h.req('secadmin', 'POST', '/api/v1/users', {
        ...newClerk,
        username: 'clerk',
        displayName: '重名',
        unitIds: [h.org.units['centre']],
      }),
      409,
      'conflict',
    );
    expectError(await h.req(null, 'POST', '/api/v1/public/cases', { ...validCase, channel: 'window' }), 400, 'validation_failed');
    // 太原市 has no service centre in the demo organisation.
    const noCentre = expectError(
      await h.req(null, 'POST', '/api/v1/public/cases', { ...validCase, regionCode: '140105', categoryCode: undefined }),
      400,
      'validation_failed',
    );
    expect(fieldsOf(noCentre)).toContain('regionCode');
    expectError(await h.req(null, 'POST', '/api/v1/public/cases', { ...validCase, requester: { phone: '123' } }), 400, 'validation_failed');
    expect(await world(h)).toEqual(before);
  });

  it('uploads: a text file named .jpg is 415 and stores nothing', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', validCase);
    const before = await world(h, c.id);
    const m = multipart([{ name: 'file', filename: 'photo.jpg', type: 'image/jpeg', data: '这不是图片，只是一段文字。\n'.repeat(20) }]);
    expectError(await raw(h, 'clerk', 'POST', `/api/v1/cases/${c.id}/attachments`, m.payload, m.headers), 415, 'unsupported_media_type');
    // An executable in disguise is refused the same way.
    const exe = multipart([
      { name: 'file', filename: 'photo.png', type: 'image/png', data: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]) },
    ]);
    expectError(
      await raw(h, 'clerk', 'POST', `/api/v1/cases/${c.id}/attachments`, exe.payload, exe.headers),
      415,
      'unsupported_media_type',
    );
    expect(await world(h, c.id)).toEqual(before);
  });

  it('uploads: a file over the limit is 413 and stores nothing', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', validCase);
    const before = await world(h, c.id);
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
    const m = multipart([{ name: 'file', filename: 'big.png', type: 'image/png', data: big }]);
    expectError(await raw(h, 'clerk', 'POST', `/api/v1/cases/${c.id}/attachments`, m.payload, m.headers), 413, 'payload_too_large');
    expect(await world(h, c.id)).toEqual(before);
  });

  it('uploads: a body that is not multipart is 415, a broken multipart body is 400, an empty one names the file field', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', validCase);
    const url = `/api/v1/cases/${c.id}/attachments`;
    const before = await world(h, c.id);
    expectError(await h.req('clerk', 'POST', url, { file: PNG.toString('base64') }), 415, 'unsupported_media_type');
    expectError(await raw(h, 'clerk', 'POST', url, PNG, { 'content-type': 'image/png' }), 415, 'unsupported_media_type');
    expectError(await raw(h, 'clerk', 'POST', url, PNG, { 'content-type': 'application/octet-stream' }), 415, 'unsupported_media_type');
    const m = multipart([{ name: 'file', filename: 'a.png', type: 'image/png', data: PNG }]);
    expectError(await raw(h, 'clerk', 'POST', url, m.payload, { 'content-type': 'multipart/form-data' }), 400, 'bad_request');
    expectError(await raw(h, 'clerk', 'POST', url, m.payload.subarray(0, 120), m.headers), 400, 'bad_request');
    expectError(await raw(h, 'clerk', 'POST', url, Buffer.from('no parts here at all'), m.headers), 400, 'bad_request');
    const fieldOnly = multipart([{ name: 'note', data: '只有文字' }]);
    const err = expectError(await raw(h, 'clerk', 'POST', url, fieldOnly.payload, fieldOnly.headers), 400, 'validation_failed');
    expect(fieldsOf(err)).toEqual(['file']);
    expect(await world(h, c.id)).toEqual(before);
  });

  it('uploads are all or nothing: one bad file, or too many files, and none of them is stored', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', validCase);
    const url = `/api/v1/cases/${c.id}/attachments`;
    const before = await world(h, c.id);
    const mixed = multipart([
      { name: 'file', filename: 'good.png', type: 'image/png', data: PNG },
      { name: 'file', filename: 'bad.jpg', type: 'image/jpeg', data: 'plain text' },
    ]);
    expectError(await raw(h, 'clerk', 'POST', url, mixed.payload, mixed.headers), 415, 'unsupported_media_type');
    expect(await world(h, c.id)).toEqual(before);
    const tooMany = multipart(Array.from({ length: 6 }, (_, i) => ({ name: 'file', filename: `p${i}.png`, type: 'image/png', data: PNG })));
    expectError(await raw(h, 'clerk', 'POST', url, tooMany.payload, tooMany.headers), 413, 'payload_too_large');
    expect(await world(h, c.id)).toEqual(before);
    const goodThenHuge = multipart([
      { name: 'file', filename: 'good.png', type: 'image/png', data: PNG },
      { name: 'file', filename: 'huge.png', type: 'image/png', data: Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]) },
    ]);
    expectError(await raw(h, 'clerk', 'POST', url, goodThenHuge.payload, goodThenHuge.headers), 413, 'payload_too_large');
    expect(await world(h, c.id)).toEqual(before);
  });

  it('uploads: a valid PNG is 201, recorded once, and downloadable with its type by a user in scope', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', validCase);
    const before = await world(h, c.id);
    const m = multipart([{ name: 'file', filename: '现场照片.png', type: 'application/octet-stream', data: PNG }]);
    const res = await raw(h, 'clerk', 'POST', `/api/v1/cases/${c.id}/attachments`, m.payload, m.headers);
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json().items as { id: string; fileName: string; mimeType: string; sizeBytes: number }[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ fileName: '现场照片.png', mimeType: 'image/png', sizeBytes: PNG.length });
    const after = await world(h, c.id);
    expect(after).toMatchObject({ attachments: before.attachments + 1, files: before.files + 1, caseEvents: before.caseEvents! + 1 });
    // Attaching is recorded but is not a case action: version and status stay.
    expect(after.case).toEqual(before.case);

    const dl = await h.req('dispatcher', 'GET', `/api/v1/attachments/${items[0]!.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(String(dl.headers['content-disposition'])).toContain(encodeURIComponent('现场照片.png'));
    expect(dl.rawPayload.equals(PNG)).toBe(true);

    const detail = (await h.req('supervisor', 'GET', `/api/v1/cases/${c.id}`)).json();
    expect(detail.attachments.map((a: { id: string }) => a.id)).toEqual([items[0]!.id]);
    expect(detail.timeline.at(-1).action).toBe('attach');
  });

  it('uploads to a closed case are 409 illegal_transition and store nothing', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', validCase);
    const url = `/api/v1/cases/${c.id}/actions`;
    await h
      .req('clerk', 'POST', url, { version: 1, action: 'reply', outcome: 'resolved', text: '当场解答' })
      .then((r) => expect(r.statusCode, r.body).toBe(200));
    await h
      .req('supervisor', 'POST', url, { version: 2, action: 'followUp', solved: true, satisfaction: 'satisfied' })
      .then((r) => expect(r.json().status).toBe('closed'));
    expect(await version(h, c.id)).toBe(3);
    const before = await world(h, c.id);
    const m = multipart([{ name: 'file', filename: 'late.png', data: PNG }]);
    const err = expectError(
      await raw(h, 'clerk', 'POST', `/api/v1/cases/${c.id}/attachments`, m.payload, m.headers),
      409,
      'illegal_transition',
    );
    expect(err.details).toMatchObject({ status: 'closed', action: 'attach' });
    expect(await world(h, c.id)).toEqual(before);
  });
});
