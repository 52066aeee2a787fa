import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { addMatter } from '../../testing/livelihood.ts';

/** Lists nest by region; bad input is refused with a clear error and changes nothing. */
describeEachDb('livelihood: nested lists and refused input', (get) => {
  it('a district reads the lists above it as inherited; it cannot create them', async () => {
    const h = get();
    const admin = h.org.users['admin']!;
    const now = h.clock.now();
    for (const [region, title] of [
      ['140000', '省清单'],
      ['140300', '市清单'],
    ] as const) {
      await h.db.db
        .insertInto('livelihood_lists')
        .values({
          region_code: region,
          title,
          year: 2026,
          batch: 1,
          status: 'published',
          published_at: now,
          selection: null,
          created_by: admin,
          created_at: now,
        })
        .execute();
    }
    expect(
      (await h.req('minsheng', 'POST', '/api/v1/livelihood/lists', { regionCode: '140000', title: '越权', batch: 2, year: 2026 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await h.req('clerk', 'POST', '/api/v1/livelihood/lists', { regionCode: '140311', title: '无权', batch: 1, year: 2026 })).statusCode,
    ).toBe(403);
    const own = await h.req('minsheng', 'POST', '/api/v1/livelihood/lists', {
      regionCode: '140311',
      title: '区清单',
      batch: 1,
      year: 2026,
    });
    expect(own.statusCode).toBe(201);
    expect(
      (await h.req('minsheng', 'POST', '/api/v1/livelihood/lists', { regionCode: '140311', title: '重复', batch: 1, year: 2026 }))
        .statusCode,
    ).toBe(409);
    const seen = (await h.req('minsheng', 'GET', '/api/v1/livelihood/lists?regionCode=140311')).json().items as {
      title: string;
      inherited: boolean;
    }[];
    expect(seen.map((l) => [l.title, l.inherited]).sort()).toEqual(
      [
        ['区清单', false],
        ['市清单', true],
        ['省清单', true],
      ].sort(),
    );
    // Another county's officer does not see the district's list.
    expect((await h.req('minsheng', 'GET', `/api/v1/livelihood/lists/${own.json().id}`)).statusCode).toBe(200);
    expect((await h.req('dispatcher', 'GET', `/api/v1/livelihood/lists/${own.json().id}`)).statusCode).toBe(404);
    // Publishing needs a selection meeting first; a list does not skip to published.
    expect((await h.req('minsheng', 'POST', `/api/v1/livelihood/lists/${own.json().id}/publish`)).statusCode).toBe(409);
    expect((await h.req('minsheng', 'PATCH', `/api/v1/livelihood/lists/${own.json().id}`, { status: 'published' })).statusCode).toBe(409);
    expect((await h.req('minsheng', 'PATCH', `/api/v1/livelihood/lists/${own.json().id}`, { status: 'selecting' })).json().status).toBe(
      'selecting',
    );
  });

  it('refuses bad matters with field errors and writes nothing', async () => {
    const h = get();
    const count = async () =>
      Number(
        (
          await h.db.db
            .selectFrom('matters')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const good = {
      title: '村口路灯不亮',
      regionCode: '140311200',
      areaCode: 'livelihood',
      originators: [{ kind: 'person', name: '王五', phone: '13935300009' }],
    };
    const cases: [unknown, number, string][] = [
      [{ ...good, areaCode: 'nope' }, 400, 'areaCode'],
      [{ ...good, regionCode: '140802' }, 403, 'outside'],
      [{ ...good, regionCode: '140311999' }, 400, 'regionCode'],
      [{ ...good, originators: [{ kind: 'person', name: '王五' }] }, 400, 'phone'],
      [{ ...good, originators: [{ kind: 'household', name: '赵六' }] }, 400, 'address'],
      [{ ...good, originators: [] }, 400, 'originators'],
      [{ ...good, originators: [{ kind: 'case' }] }, 400, 'caseId'],
      [{ ...good, title: '' }, 400, 'title'],
      [{ ...good, extra: 1 }, 400, 'extra'],
    ];
    for (const [body, status, hint] of cases) {
      const r = await h.req('minsheng', 'POST', '/api/v1/matters', body);
      expect(r.statusCode, `${hint}: ${r.body}`).toBe(status);
      expect(r.body).toContain(hint);
    }
    expect(await count()).toBe(before);
    expect((await h.req('leader', 'POST', '/api/v1/matters', good)).statusCode).toBe(403);
    expect((await h.req('minsheng', 'POST', '/api/v1/matters', good)).statusCode).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('refuses bad project input: unknown matters, an empty selection, progress out of range', async () => {
    const h = get();
    const list = (
      await h.req('minsheng', 'POST', '/api/v1/livelihood/lists', { regionCode: '140311', title: '第二批', batch: 2, year: 2026 })
    ).json();
    const m = await addMatter(h, 'minsheng', {
      title: '修缮村委会',
      regionCode: '140311200',
      areaCode: 'governance',
      listId: list.id,
      originators: [{ kind: 'person', name: '钱七', phone: '13935300010' }],
    });
    const bad: [unknown, number][] = [
      [{ listId: list.id, title: '项目', matterIds: [999999] }, 400],
      [{ listId: list.id, title: '项目', matterIds: [] }, 400],
      [{ listId: list.id, title: '项目', matterIds: [m.id], startDate: '2026-09-01', dueDate: '2026-08-01' }, 400],
      [{ listId: 999999, title: '项目', matterIds: [m.id] }, 404],
      [{ listId: list.id, title: '项目', matterIds: [m.id], leadUnitId: h.org.units['market'] }, 400],
    ];
    for (const [body, status] of bad) expect((await h.req('minsheng', 'POST', '/api/v1/projects', body)).statusCode).toBe(status);
    const p = (await h.req('minsheng', 'POST', '/api/v1/projects', { listId: list.id, title: '村委会修缮', matterIds: [m.id] })).json();
    expect(
      (
        await h.req('minsheng', 'POST', `/api/v1/livelihood/lists/${list.id}/selection`, {
          heldAt: '2026-04-20T09:00:00+08:00',
          attendees: '常委会',
          scores: [{ projectId: p.id, votes: 3, priority: 2, peopleAffected: 10 }],
          selectedIds: [],
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await h.req('minsheng', 'POST', `/api/v1/livelihood/lists/${list.id}/selection`, {
          heldAt: '2026-04-20T09:00:00+08:00',
          attendees: '常委会',
          scores: [{ projectId: p.id, votes: 3, priority: 9, peopleAffected: 10 }],
          selectedIds: [p.id],
        })
      ).statusCode,
    ).toBe(400);
    const milestones = await h.req('minsheng', 'PUT', `/api/v1/projects/${p.id}/milestones`, {
      milestones: [{ title: '完工', plannedDate: '2026-12-01', weight: 1 }],
    });
    expect(milestones.statusCode).toBe(200);
    // Progress before assignment is refused; so is a milestone of another project.
    expect(
      (
        await h.req('minsheng', 'POST', `/api/v1/projects/${p.id}/progress`, {
          milestoneId: milestones.json().milestones[0].id,
          percent: 10,
          text: '开工',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await h.req('minsheng', 'POST', `/api/v1/projects/${p.id}/progress`, {
          milestoneId: milestones.json().milestones[0].id,
          percent: -1,
          text: '开工',
        })
      ).statusCode,
    ).toBe(400);
    expect((await h.req('minsheng', 'GET', `/api/v1/projects/${p.id}/assignment-letter.pdf`)).statusCode).toBe(404);
  });

  it('the short path of the contract: project from matter ids, assigned at once, reported, accepted with everyone reachable answered', async () => {
    const h = get();
    const m = await addMatter(h, 'minsheng', {
      title: '旧街乡卫生院缺少B超设备',
      regionCode: '140311203',
      areaCode: 'livelihood',
      originators: [
        { kind: 'person', name: '孙八', phone: '13935300011' },
        { kind: 'enterprise', name: '旧街乡合作社', phone: '13935300012' },
      ],
    });
    // No list named: the project goes on the county's open list (one is opened when there is none).
    const p = await h.req('minsheng', 'POST', '/api/v1/projects', {
      title: '旧街乡卫生院设备更新',
      matterIds: [m.id],
      dueDate: '2026-12-31',
      milestones: [{ title: '采购安装', plannedDate: '2026-12-31', weight: 1 }],
    });
    expect(p.statusCode, p.body).toBe(201);
    const id = p.json().id as number;
    const assigned = await h.req('minsheng', 'POST', `/api/v1/projects/${id}/assign`, {
      cadreUserId: h.org.users['leader3'],
      dueDate: '2026-12-31',
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json().letterNo).toMatch(/^郊党办交〔2026〕\d+号$/);
    expect((await h.req('admin', 'GET', `/api/v1/projects/${id}/assignment-letter.pdf`)).statusCode).toBe(200);
    expect((await h.req('leader3', 'GET', `/api/v1/projects/${id}/assignment-letter.pdf`)).statusCode).toBe(200);
    const ms = assigned.json().milestones as { id: number }[];
    // Reporting progress, the cadre takes the project on: the letter counts as signed for.
    const reported = await h.req('leader3', 'POST', `/api/v1/projects/${id}/progress`, {
      milestoneId: ms[0]!.id,
      percent: 100,
      text: '设备已安装使用',
    });
    expect(reported.json()).toMatchObject({ status: 'signed', progress: 100 });
    const accepted = await h.req('minsheng', 'POST', `/api/v1/projects/${id}/accept`, { findings: '设备到位' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().originators).toMatchObject({ total: 2, answered: 2 });
    const sms = await h.db.db.selectFrom('outbox').select('payload').where('topic', '=', 'livelihood.answer').execute();
    expect(sms.map((s) => (s.payload as { to: string }).to)).toEqual(expect.arrayContaining(['13935300011', '13935300012']));
  });

  it("keeps other counties' matters out of a project, counts only mobiles as reachable by SMS, and leaves no list behind a refused project", async () => {
    const h = get();
    const other = await addMatter(h, 'clerk', {
      title: '盐湖区小区路灯不亮',
      regionCode: '140802',
      areaCode: 'livelihood',
      originators: [{ kind: 'person', name: '张三', phone: '13912345678' }],
    });
    const mine = await addMatter(h, 'minsheng', {
      title: '旧街乡敬老院需要改造',
      regionCode: '140311203',
      areaCode: 'livelihood',
      originators: [
        { kind: 'household', name: '座机户', phone: '0353-5551234' },
        { kind: 'person', name: '手机户', phone: '13935300031' },
      ],
    });
    const listsBefore = await h.db.db.selectFrom('livelihood_lists').select('id').execute();
    // A matter of another county: not there for this officer, and no list is opened for it.
    expect((await h.req('minsheng', 'POST', '/api/v1/projects', { title: '越界', matterIds: [other.id] })).statusCode).toBe(400);
    expect(await h.db.db.selectFrom('livelihood_lists').select('id').execute()).toHaveLength(listsBefore.length);
    const p = await h.req('minsheng', 'POST', '/api/v1/projects', { title: '敬老院改造', matterIds: [mine.id] });
    expect(p.statusCode, p.body).toBe(201);
    const patched = await h.req('minsheng', 'PATCH', `/api/v1/projects/${p.json().id}`, { matterIds: [mine.id, other.id] });
    expect(patched.statusCode).toBe(400);
    expect(patched.body).not.toContain('13912345678');
    expect(
      (await h.db.db.selectFrom('matters').select('project_id').where('id', '=', other.id).executeTakeFirstOrThrow()).project_id,
    ).toBeNull();
    // A landline cannot take an SMS: that household must be answered in person.
    const view = (await h.req('minsheng', 'GET', `/api/v1/projects/${p.json().id}`)).json();
    const byName = Object.fromEntries(view.originators.unanswered.map((o: { name: string; reachable: boolean }) => [o.name, o.reachable]));
    expect(byName).toEqual({ 座机户: false, 手机户: true });
  });
});
