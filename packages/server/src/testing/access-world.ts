import { randomUUID } from 'node:crypto';
import { roles, type Role } from '@huiyin/core';
import type { LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../seed/demo-org.ts';
import { hashPassword } from '../modules/people/password.ts';
import { createPeopleRepo } from '../modules/people/people.repo.ts';
import type { Harness } from './harness.ts';
import { multipartPng } from './multipart.ts';

/**
 * The world the access matrix (http/access-matrix.test.ts) runs in: on the demo organisation, one
 * account per role in county A (运城市盐湖区 140802) and the same kinds of objects in county A
 * ("in scope") and county B (阳泉市郊区 140311, "out of scope"), built through the API.
 */

export type MatrixRole = Role | 'anonymous';
export const matrixRoles: readonly MatrixRole[] = [...roles, 'anonymous'];
export type Side = 'in' | 'out';
export const sides: readonly Side[] = ['in', 'out'];

export const REGION: Record<Side, string> = { in: '140802', out: '140311' };
/** Text every object of a side carries, so a list can be checked for what it must not show. */
export const MARK: Record<Side, string> = { in: '甲县样本', out: '乙县样本' };

/** One request of the matrix. */
export interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** A multipart body (payload and content-type). */
  form?: { payload: Buffer; headers: Record<string, string> };
  /** A server-sent event stream: only the status and headers are read. */
  stream?: boolean;
  /** Sent without any credential whoever the column is (sign-out, which would end the column's session). */
  anonymous?: boolean;
  /** An Excel answer: its cells' text is what a list check reads. */
  xlsx?: boolean;
  /** Headers of its own (an API key), beside the column's credential. */
  headers?: Record<string, string>;
}

/** The objects of one county. */
export interface SideObjects {
  region: string;
  centre: number;
  water: number;
  /** A case dispatched to the county's water bureau. */
  caseId: number;
  trackingNo: string;
  /** The last four digits of the requester's phone. */
  phone4: string;
  attachmentId: string;
  /** A safety-net case decided with a written answer (answer.pdf). */
  letterCaseId: number;
  letterTrackingNo: string;
  referralId: number;
  barrierId: number;
  /** A bad-rating rectification notice of the water bureau. */
  noticeId: number;
  noticeCaseId: number;
  listId: number;
  matterId: number;
  originatorId: number;
  /** A project assigned by letter to the county's cadre, published, with a progress photo. */
  projectId: number;
  projectOriginatorId: number;
  photoId: number;
  /** A candidate project for edits. */
  candidateId: number;
  userId: number;
  unitId: number;
  routingRuleId: number;
  deliveryId: number;
}

export interface World {
  h: Harness;
  /** The account of each role in county A (anonymous: none). */
  account: Record<Role, string>;
  /** The builders of county A (demo accounts there) and county B (made here). */
  builders: Record<
    Side,
    { clerk: string; dispatcher: string; supervisor: string; handler: string; officer: string; livelihood: string; cadre: string }
  >;
  cadreId: Record<Side, number>;
  o: Record<Side, SideObjects>;
  /** A policy article (national). */
  policyId: number;
  /** A request as `as` (a username, or null for nobody), from a source address of its own. */
  call(as: string | null, r: Req): Promise<LightMyRequestResponse>;
  fresh: Fresh;
}

let seq = 0;
const next = () => ++seq;

function expectStatus(res: LightMyRequestResponse, status: number, what: string): void {
  if (res.statusCode !== status) throw new Error(`access world: ${what} answered ${res.statusCode} ${res.body.slice(0, 500)}`);
}

/** Builds objects a mutating route consumes, one per request. */
export interface Fresh {
  dispatchedCase(side: Side): Promise<{ id: number; version: number }>;
  repliedCase(side: Side): Promise<number>;
  notice(side: Side, appealed?: boolean): Promise<number>;
  matter(side: Side): Promise<number>;
  unit(side: Side): Promise<number>;
  routingRule(side: Side): Promise<number>;
  deadDelivery(side: Side): Promise<number>;
  username(): string;
  categoryCode(): string;
  /** A date no one else uses, for calendar overrides. */
  date(): string;
}

export async function buildWorld(h: Harness): Promise<World> {
  const db = h.db.db;
  const people = createPeopleRepo(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const tokens = new Map<string, Promise<string>>();
  let address = 0;
  const addr = () => {
    address += 1;
    return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
  };

  async function signIn(username: string): Promise<string> {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: DEMO_PASSWORD },
      remoteAddress: addr(),
    });
    expectStatus(res, 200, `sign-in of ${username}`);
    return res.json().token as string;
  }
  function token(username: string): Promise<string> {
    let t = tokens.get(username);
    if (!t) {
      t = signIn(username);
      tokens.set(username, t);
    }
    return t;
  }

  async function call(as: string | null, r: Req): Promise<LightMyRequestResponse> {
    const auth = { ...(as === null || r.anonymous ? {} : { authorization: `Bearer ${await token(as)}` }), ...r.headers };
    const base = { method: r.method, url: r.url, remoteAddress: addr() };
    if (r.stream) {
      const res = await h.app.inject({ ...base, headers: auth, payloadAsStream: true });
      res.stream().destroy();
      return res;
    }
    if (r.form) return h.app.inject({ ...base, headers: { ...auth, ...r.form.headers }, payload: r.form.payload });
    return h.app.inject({ ...base, headers: auth, ...(r.body === undefined ? {} : { payload: r.body as Record<string, unknown> }) });
  }
  async function ok(as: string | null, r: Req, status = 200) {
    const res = await call(as, r);
    expectStatus(res, status, `${as ?? 'anonymous'} ${r.method} ${r.url}`);
    return res.json();
  }

  async function addUser(username: string, role: Role, unitId: number): Promise<number> {
    const id = await people.insertUser({ username, displayName: `矩阵${role}`, passwordHash, phone: null, roles: [role], demo: true });
    await people.addMemberships(id, [unitId]);
    return id;
  }

  const units = h.org.units;
  // The matrix accounts, one per role, in county A.
  const account = {} as Record<Role, string>;
  for (const role of roles) {
    const unit =
      role === 'handler' || role === 'unit_head' ? units['water']! : role === 'inspector' ? units['discipline']! : units['centre']!;
    account[role] = `m_${role}`;
    await addUser(account[role], role, unit);
  }
  // County B's builders (the demo has only its office and water bureau there).
  await addUser('b_clerk', 'clerk', units['jqCentre']!);
  await addUser('b_dispatcher', 'dispatcher', units['jqCentre']!);
  await addUser('b_supervisor', 'supervisor', units['jqCentre']!);
  await addUser('b_officer', 'safety_net_officer', units['jqCentre']!);
  await addUser('b_handler', 'handler', units['jqWater']!);
  const builders: World['builders'] = {
    in: {
      clerk: account.clerk,
      dispatcher: account.dispatcher,
      supervisor: account.supervisor,
      handler: account.handler,
      officer: account.safety_net_officer,
      livelihood: account.livelihood_officer,
      cadre: account.leader,
    },
    out: {
      clerk: 'b_clerk',
      dispatcher: 'b_dispatcher',
      supervisor: 'b_supervisor',
      handler: 'b_handler',
      officer: 'b_officer',
      livelihood: 'minsheng',
      cadre: 'leader',
    },
  };
  const cadreId: Record<Side, number> = {
    in: (await db.selectFrom('users').select('id').where('username', '=', account.leader).executeTakeFirstOrThrow()).id,
    out: h.org.users['leader']!,
  };
  const waterOf: Record<Side, number> = { in: units['water']!, out: units['jqWater']! };
  const centreOf: Record<Side, number> = { in: units['centre']!, out: units['jqCentre']! };

  const policy = await ok(
    'admin',
    {
      method: 'POST',
      url: '/api/v1/policies',
      body: {
        title: '不动产登记暂行条例',
        docNumber: '国务院令第656号',
        issuer: '国务院',
        level: 'regulation',
        articleNo: '第十四条',
        body: '因买卖、设定抵押权等申请不动产登记的，应当由当事人双方共同申请。',
      },
    },
    201,
  );
  const policyId = policy.id as number;

  const act = async (as: string, id: number, body: Record<string, unknown>) => {
    const version = (await db.selectFrom('cases').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    return ok(as, { method: 'POST', url: `/api/v1/cases/${id}/actions`, body: { version, ...body } });
  };
  const register = async (side: Side, as: string, body: Record<string, unknown> = {}) =>
    (await ok(
      as,
      {
        method: 'POST',
        url: '/api/v1/cases',
        body: {
          type: 'help',
          content: `${MARK[side]}：小区停水三天未恢复 ${next()}`,
          categoryCode: 'water.outage',
          regionCode: REGION[side],
          requester: { name: '王杏桃', phone: '13935912345' },
          ...body,
        },
      },
      201,
    )) as { id: number; trackingNo: string };

  const fresh: Fresh = {
    async dispatchedCase(side) {
      const b = builders[side];
      const c = await register(side, b.clerk);
      const d = await act(b.dispatcher, c.id, { action: 'dispatch', leadUnitId: waterOf[side] });
      return { id: c.id, version: d.version as number };
    },
    async repliedCase(side) {
      const b = builders[side];
      const c = await fresh.dispatchedCase(side);
      await act(b.handler, c.id, { action: 'sign' });
      await act(b.handler, c.id, { action: 'reply', outcome: 'resolved', text: '已处理' });
      return c.id;
    },
    async notice(side, appealed = false) {
      const b = builders[side];
      const id = await fresh.repliedCase(side);
      await act(b.supervisor, id, { action: 'followUp', solved: false, satisfaction: 'very_dissatisfied', comment: '没人来' });
      const row = await db
        .selectFrom('rectification_notices')
        .select('id')
        .where('case_id', '=', id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      if (appealed) await ok(b.handler, { method: 'POST', url: `/api/v1/rectifications/${row.id}/appeal`, body: { reason: '恶意差评' } });
      return row.id;
    },
    async matter(side) {
      const m = await ok(
        builders[side].livelihood,
        {
          method: 'POST',
          url: '/api/v1/matters',
          body: {
            title: `${MARK[side]}：村道路灯不亮 ${next()}`,
            regionCode: REGION[side],
            areaCode: 'livelihood',
            originators: [{ kind: 'person', name: '李大山', phone: '13935300001' }],
          },
        },
        201,
      );
      return m.id as number;
    },
    async unit(side) {
      const u = await ok(
        'admin',
        {
          method: 'POST',
          url: '/api/v1/admin/units',
          body: { name: `${MARK[side]}临时单位${next()}`, kind: 'bureau', regionCode: REGION[side], parentId: centreOf[side] },
        },
        201,
      );
      return u.id as number;
    },
    async routingRule(side) {
      const unitId = await fresh.unit(side);
      const r = await ok(
        'admin',
        {
          method: 'POST',
          url: '/api/v1/admin/routing-rules',
          body: { categoryCode: 'water.quality', regionPrefix: REGION[side], unitId },
        },
        201,
      );
      return r.id as number;
    },
    async deadDelivery(side) {
      const outbox = await db.selectFrom('outbox').select('id').orderBy('created_at', 'desc').limit(1).executeTakeFirstOrThrow();
      const recipient = `1393590${String(next()).padStart(4, '0')}`;
      const row = await db
        .insertInto('deliveries')
        .values({
          message_id: randomUUID(),
          outbox_id: outbox.id,
          topic: 'case.dispatched',
          channel: 'sms',
          recipient,
          region_code: REGION[side],
          payload: JSON.stringify({ to: recipient, text: '测试' }) as never,
          status: 'dead',
          attempts: 10,
          next_attempt_at: h.clock.now(),
          last_error: 'HTTP 500',
          created_at: h.clock.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    username: () => `matrix_user_${next()}`,
    categoryCode: () => `matrix${next()}`,
    date: () => {
      const d = new Date(Date.UTC(2027, 0, 1) + next() * 86_400_000);
      return d.toISOString().slice(0, 10);
    },
  };

  async function sideObjects(side: Side): Promise<SideObjects> {
    const b = builders[side];
    const c = await fresh.dispatchedCase(side);
    const trackingNo = (await db.selectFrom('cases').select('tracking_no').where('id', '=', c.id).executeTakeFirstOrThrow()).tracking_no;
    const att = await ok(b.clerk, { method: 'POST', url: `/api/v1/cases/${c.id}/attachments`, form: multipartPng() }, 201);

    // A safety-net case decided done, with the referral of misconduct.
    const failed = (name: string) => ({
      channel: 'safety_net',
      title: `${MARK[side]}：${name}`,
      failedMatter: { name: `${MARK[side]}${name}`, unitId: waterOf[side], window: '综合窗口', visits: 2 },
      categoryCode: 'water.outage',
    });
    const letter = await register(side, b.officer, failed('用水报装'));
    await act(b.officer, letter.id, {
      action: 'decide',
      outcome: 'done',
      text: '已当场办理报装。',
      rootCause: { kind: 'staff_conduct', conduct: 'misconduct', finding: `${MARK[side]}：窗口人员索要好处`, staffName: '赵某某' },
    });
    const referral = await db.selectFrom('referrals').select('id').where('case_id', '=', letter.id).executeTakeFirstOrThrow();
    // A policy barrier: cannot be done, reviewed by the supervisor.
    const barrierCase = await register(side, b.officer, failed('历史遗留房屋登记'));
    await act(b.officer, barrierCase.id, {
      action: 'decide',
      outcome: 'cannot',
      text: '依法不能办理。',
      citations: [policyId],
      rootCause: { kind: 'policy_barrier', finding: `${MARK[side]}：现行规定无法办理` },
    });
    await act(b.supervisor, barrierCase.id, { action: 'reviewReply', approve: true, note: '依据充分' });
    const barrier = await db.selectFrom('policy_barriers').select('id').where('case_id', '=', barrierCase.id).executeTakeFirstOrThrow();
    const noticeId = await fresh.notice(side);
    const noticeCaseId = (
      await db.selectFrom('rectification_notices').select('case_id').where('id', '=', noticeId).executeTakeFirstOrThrow()
    ).case_id;

    // Livelihood: a list, two matters, a project selected, published, assigned to the cadre, with a photo.
    const list = await ok(
      b.livelihood,
      {
        method: 'POST',
        url: '/api/v1/livelihood/lists',
        body: { regionCode: REGION[side], title: `${MARK[side]}民生清单`, batch: 1, year: 2026 },
      },
      201,
    );
    const matterId = await fresh.matter(side);
    // A second matter, so that the county's duplicates and lists have more than one.
    await fresh.matter(side);
    const projectMatter = await fresh.matter(side);
    const candidateMatter = await fresh.matter(side);
    const matterView = await ok(b.livelihood, { method: 'GET', url: `/api/v1/matters/${matterId}` });
    const project = await ok(
      b.livelihood,
      {
        method: 'POST',
        url: '/api/v1/projects',
        body: {
          listId: list.id,
          title: `${MARK[side]}：自来水管网改造`,
          matterIds: [projectMatter],
          leadUnitId: waterOf[side],
          budget: 100,
          startDate: '2026-05-01',
          dueDate: '2026-10-31',
          milestones: [{ title: '管网铺设', plannedDate: '2026-08-31', weight: 100 }],
        },
      },
      201,
    );
    const candidate = await ok(
      b.livelihood,
      {
        method: 'POST',
        url: '/api/v1/projects',
        body: { listId: list.id, title: `${MARK[side]}：路灯改造`, matterIds: [candidateMatter] },
      },
      201,
    );
    await ok(b.livelihood, {
      method: 'POST',
      url: `/api/v1/livelihood/lists/${list.id}/selection`,
      body: {
        heldAt: '2026-04-20T09:00:00+08:00',
        attendees: '常委会成员',
        scores: [{ projectId: project.id, votes: 9, priority: 1, peopleAffected: 500 }],
        selectedIds: [project.id],
      },
    });
    await ok(b.livelihood, { method: 'POST', url: `/api/v1/livelihood/lists/${list.id}/publish` });
    await ok(b.livelihood, {
      method: 'POST',
      url: `/api/v1/projects/${project.id}/assign`,
      body: { cadreUserId: cadreId[side], dueDate: '2026-10-31' },
    });
    await ok(b.cadre, { method: 'POST', url: `/api/v1/projects/${project.id}/sign` });
    const photo = await ok(b.cadre, { method: 'POST', url: `/api/v1/projects/${project.id}/photos`, form: multipartPng() }, 201);
    const view = await ok(b.cadre, { method: 'GET', url: `/api/v1/projects/${project.id}` });
    await ok(b.cadre, {
      method: 'POST',
      url: `/api/v1/projects/${project.id}/progress`,
      body: { milestoneId: view.milestones[0].id, percent: 50, text: '铺设过半', photoIds: photo.ids },
    });

    const userId = await addUser(`matrix_target_${side}`, 'clerk', centreOf[side]);
    return {
      region: REGION[side],
      centre: centreOf[side],
      water: waterOf[side],
      caseId: c.id,
      trackingNo,
      phone4: '2345',
      attachmentId: att.items[0].id as string,
      letterCaseId: letter.id,
      letterTrackingNo: letter.trackingNo,
      referralId: referral.id,
      barrierId: barrier.id,
      noticeId,
      noticeCaseId,
      listId: list.id as number,
      matterId,
      originatorId: matterView.originators[0].id as number,
      projectId: project.id as number,
      projectOriginatorId: view.originators.unanswered[0].id as number,
      photoId: photo.ids[0] as number,
      candidateId: candidate.id as number,
      userId,
      unitId: await fresh.unit(side),
      routingRuleId: await fresh.routingRule(side),
      deliveryId: await fresh.deadDelivery(side),
    };
  }

  const o = { in: await sideObjects('in'), out: await sideObjects('out') };
  return { h, account, builders, cadreId, o, policyId, call, fresh };
}
