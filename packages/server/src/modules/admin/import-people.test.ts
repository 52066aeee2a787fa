import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';
import { addSecurityAdmin, adminState, auditEntries, auditSeq, login } from './test-helpers.ts';

/** A people workbook filled from the downloaded template (its header row and sheet kept). */
async function peopleFile(h: Harness, as: string, rows: readonly (readonly string[])[]): Promise<Buffer> {
  const tpl = await h.req(as, 'GET', '/api/v1/admin/users/template.xlsx');
  expect(tpl.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(tpl.rawPayload as never);
  const ws = wb.getWorksheet('人员')!;
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getRow(i + 2).getCell(j + 1).value = v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(h: Harness, as: string, dryRun: boolean, data: Buffer, extra = '') {
  const form = multipart([{ name: 'file', filename: 'people.xlsx', data }]);
  const res = await h.req(as, 'POST', `/api/v1/admin/users/import?dryRun=${dryRun}${extra}`, form.payload, form.headers);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describeEachDb('admin: people from Excel (the security admin’s)', (get) => {
  it('template has roles and units as drop-downs and no password column; preview, apply with one-time passwords, update by username', async () => {
    const h = get();
    const sec = await addSecurityAdmin(h, 'yhsecimp', 'centre');
    const tpl = await h.req(sec, 'GET', '/api/v1/admin/users/template.xlsx');
    const twb = new ExcelJS.Workbook();
    await twb.xlsx.load(tpl.rawPayload as never);
    expect(twb.worksheets.map((w) => w.name)).toEqual(['人员', '填写说明', '下拉选项']);
    expect(twb.getWorksheet('人员')!.getRow(1).values).toEqual([undefined, '姓名', '用户名', '手机号码', '角色', '所属单位']);
    const lists = twb.getWorksheet('下拉选项')!;
    expect(lists.getColumn(1).values).toContain('受理员');
    expect(lists.getColumn(2).values).toContain('盐湖区水务局');
    expect(lists.getColumn(2).values).not.toContain('阳泉市郊区政务服务中心');
    // The system admin has no say over accounts.
    expect((await h.req('admin', 'GET', '/api/v1/admin/users/template.xlsx')).statusCode).toBe(403);

    const file = await peopleFile(h, sec, [
      ['赵受理', 'zhaoshouli', '139 3591 0001', '受理员', '运城市盐湖区政务服务中心'],
      ['钱派单', 'qianpaidan', '', '派单员、督办员', '运城市盐湖区政务服务中心；盐湖区水务局'],
      ['张承办', 'handler', '', '承办人', '盐湖区市场监督管理局'],
      ['李受理', 'clerk', '', '受理员', '运城市盐湖区政务服务中心'],
    ]);
    const handlerBefore = await h.db.db.selectFrom('users').selectAll().where('username', '=', 'handler').executeTakeFirstOrThrow();
    const state = await adminState(h);
    const preview = await upload(h, sec, true, file);
    expect(preview).toMatchObject({ dryRun: true, applied: false, created: 2, updated: 0, errors: [], oneTimePasswords: [] });
    expect(preview.rows.map((r: { action: string }) => r.action)).toEqual(['create', 'create', expect.any(String), expect.any(String)]);
    expect(await adminState(h)).toBe(state);

    const seq = await auditSeq(h);
    const applied = await upload(h, sec, false, file);
    expect(applied).toMatchObject({ applied: true, created: 2 });
    expect(applied.oneTimePasswords.map((p: { username: string }) => p.username)).toEqual(['zhaoshouli', 'qianpaidan']);
    const zhao = applied.oneTimePasswords[0];
    expect(zhao).toMatchObject({ row: 2, displayName: '赵受理' });
    const users = await h.db.db
      .selectFrom('users')
      .select(['id', 'username', 'roles', 'phone', 'must_change_password', 'password_hash'])
      .where('username', 'in', ['zhaoshouli', 'qianpaidan'])
      .orderBy('username')
      .execute();
    expect(users.map((u) => [u.username, u.roles, u.phone, u.must_change_password])).toEqual([
      ['qianpaidan', ['dispatcher', 'supervisor'], null, true],
      ['zhaoshouli', ['clerk'], '13935910001', true],
    ]);
    expect(users.every((u) => !u.password_hash.includes(zhao.password))).toBe(true);
    const qian = users.find((u) => u.username === 'qianpaidan')!;
    const units = await h.db.db.selectFrom('unit_members').select('unit_id').where('user_id', '=', qian.id).orderBy('unit_id').execute();
    expect(units.map((u) => u.unit_id).sort()).toEqual([h.org.units['centre']!, h.org.units['water']!].sort());
    // The handler's row was unchanged or updated: never its password.
    const handlerAfter = await h.db.db.selectFrom('users').selectAll().where('username', '=', 'handler').executeTakeFirstOrThrow();
    expect(handlerAfter.password_hash).toBe(handlerBefore.password_hash);

    // The new clerk signs in with the one-time password and must change it first.
    const signIn = await login(h, 'zhaoshouli', zhao.password);
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json()).toMatchObject({ passwordChangeRequired: true });

    // Audited: an entry per account and a summary, never a password.
    const entries = (await auditEntries(h, '', seq)).filter((e) => !e.action.startsWith('auth.'));
    expect(entries.map((e) => e.action)).toEqual(['user.create', 'user.create', 'import.users']);
    expect(entries[0]!.detail).toMatchObject({ username: 'zhaoshouli', roles: ['clerk'], via: 'import' });
    expect(entries[2]!.detail).toMatchObject({ created: 2, rows: 4 });
    expect(JSON.stringify(entries)).not.toContain(zhao.password);

    // Again: the two people are unchanged; a changed phone and roles are an update, the password stays.
    const again = await upload(
      h,
      sec,
      false,
      await peopleFile(h, sec, [
        ['赵受理', 'zhaoshouli', '13935910001', '受理员', '运城市盐湖区政务服务中心'],
        ['钱派单', 'qianpaidan', '13935910002', '派单员', '运城市盐湖区政务服务中心'],
      ]),
    );
    expect(again).toMatchObject({ applied: true, created: 0, updated: 1, unchanged: 1, oneTimePasswords: [] });
    const qianAfter = await h.db.db.selectFrom('users').selectAll().where('username', '=', 'qianpaidan').executeTakeFirstOrThrow();
    expect(qianAfter).toMatchObject({ roles: ['dispatcher'], phone: '13935910002', password_hash: qian.password_hash });
  });

  it('with sms=true and no SMS gateway configured: 400 naming the option, nothing written (the passwords would be lost)', async () => {
    const h = get();
    const sec = await addSecurityAdmin(h, 'yhsecnosms', 'centre');
    const file = await peopleFile(h, sec, [['孙无网', 'sunwuwang', '13935910066', '受理员', '运城市盐湖区政务服务中心']]);
    const state = await adminState(h);
    const form = multipart([{ name: 'file', filename: 'people.xlsx', data: file }]);
    const res = await h.req(sec, 'POST', '/api/v1/admin/users/import?dryRun=false&sms=true', form.payload, form.headers);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed' });
    expect(res.body).toMatch(/短信/);
    expect(await adminState(h)).toBe(state);
    expect(await h.db.db.selectFrom('outbox').select('id').where('topic', '=', 'people.one_time_password').execute()).toEqual([]);
    // Without the option the same file imports, the password shown once.
    const ok = await upload(h, sec, false, file);
    expect(ok.oneTimePasswords).toEqual([expect.objectContaining({ username: 'sunwuwang', smsTo: null, password: expect.any(String) })]);
  });

  it('two imports of the same new people at once: one creates them, the other waits and finds them unchanged; never a 500', async () => {
    const h = get();
    const sec = await addSecurityAdmin(h, 'yhsecrace', 'centre');
    const file = await peopleFile(h, sec, [
      ['郑并发', 'zhengbingfa', '', '受理员', '运城市盐湖区政务服务中心'],
      ['王并发', 'wangbingfa', '', '派单员', '运城市盐湖区政务服务中心'],
    ]);
    const send = () => {
      const form = multipart([{ name: 'file', filename: 'people.xlsx', data: file }]);
      return h.req(sec, 'POST', '/api/v1/admin/users/import?dryRun=false', form.payload, form.headers);
    };
    const settled = await Promise.allSettled([send(), send()]);
    const res = settled.map((r) => (r.status === 'fulfilled' ? r.value : null));
    expect(res.map((r) => r?.statusCode)).toEqual([200, 200]);
    const reports = res.map((r) => r!.json()).sort((a, b) => b.created - a.created);
    expect(reports[0]).toMatchObject({ applied: true, created: 2, unchanged: 0 });
    expect(reports[0].oneTimePasswords).toHaveLength(2);
    expect(reports[1]).toMatchObject({ applied: true, created: 0, unchanged: 2, oneTimePasswords: [] });
    const made = await h.db.db.selectFrom('users').select('username').where('username', 'in', ['zhengbingfa', 'wangbingfa']).execute();
    expect(made).toHaveLength(2);
  });

  it('a username taken by another transaction while the import writes: 409, the import writes nothing (PostgreSQL: PGlite runs one transaction at a time)', async () => {
    const h = get();
    if (h.kind !== 'postgres') return;
    const sec = await addSecurityAdmin(h, 'yhsecrace3', 'centre');
    const file = await peopleFile(h, sec, [
      ['冯先导', 'fengxiandao', '', '受理员', '运城市盐湖区政务服务中心'],
      ['冯抢注', 'fengqiangzhu', '', '受理员', '运城市盐湖区政务服务中心'],
    ]);
    const form = multipart([{ name: 'file', filename: 'people.xlsx', data: file }]);
    let res: Awaited<ReturnType<Harness['req']>> | undefined;
    await h.db.db.transaction().execute(async (trx) => {
      // Not committed yet: the import does not see it, and its insert waits on the unique index.
      await trx
        .insertInto('users')
        .values({ username: 'fengqiangzhu', display_name: '别人', password_hash: 'x', phone: null, roles: ['clerk'] })
        .execute();
      const pending = h.req(sec, 'POST', '/api/v1/admin/users/import?dryRun=false', form.payload, form.headers).then((r) => (res = r));
      await new Promise((r) => setTimeout(r, 1500));
      expect(res).toBeUndefined();
      void pending;
    });
    await expect.poll(() => res?.statusCode, { timeout: 10_000 }).toBe(409);
    expect(res!.json().error).toMatchObject({ code: 'conflict' });
    expect(res!.body).toMatch(/fengqiangzhu/);
    expect(await h.db.db.selectFrom('users').select('id').where('username', '=', 'fengxiandao').execute()).toEqual([]);
  });

  it('bad rows import nothing: unknown unit, a role the importer may not grant, two officer roles, a duplicate username, a bad phone', async () => {
    const h = get();
    const sec = await addSecurityAdmin(h, 'yhsecbad', 'centre');
    const file = await peopleFile(h, sec, [
      ['甲', 'jia01', '', '受理员', '不存在的单位'],
      ['乙', 'yi01', '', '安全管理员', '运城市盐湖区政务服务中心'],
      ['丙', 'bing01', '', '系统管理员、安全审计员', '运城市盐湖区政务服务中心'],
      ['丁', 'jia01', '', '受理员', '运城市盐湖区政务服务中心'],
      ['戊', 'wu01', '12', '受理员', '运城市盐湖区政务服务中心'],
      ['己', 'ji01', '', '厨师', '阳泉市郊区政务服务中心'],
      ['庚', 'leader', '', '受理员', '运城市盐湖区政务服务中心'],
    ]);
    const state = await adminState(h);
    const seq = await auditSeq(h);
    const r = await upload(h, sec, false, file);
    expect(r).toMatchObject({ applied: false, created: 0, rows: [], oneTimePasswords: [] });
    const cells = r.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(cells).toEqual(['2:所属单位', '3:角色', '4:角色', '5:用户名', '6:手机号码', '7:角色', '7:所属单位', '8:用户名']);
    expect(r.errors[0].reason).toMatch(/不存在的单位/);
    expect(r.errors[1].reason).toMatch(/全域安全管理员/);
    expect(r.errors[2].reason).toMatch(/不能由同一账号兼任/);
    expect(r.errors[3].reason).toMatch(/第 2 行/);
    // The leader of 阳泉市郊区 is outside this security admin's regions.
    expect(r.errors[7].reason).toMatch(/管辖范围以外/);
    expect(await adminState(h)).toBe(state);
    // The refused grants are in the audit log as denied attempts, like the manual path's (nothing else is).
    const denied = (await auditEntries(h, 'user.', seq)).map((e) => [
      e.action,
      e.outcome,
      e.target_id,
      e.region_code,
      (e.detail as { reason?: string }).reason,
    ]);
    const centreRegion = (
      await h.db.db.selectFrom('units').select('region_code').where('id', '=', h.org.units['centre']!).executeTakeFirstOrThrow()
    ).region_code;
    expect(denied).toEqual([
      ['user.create', 'denied', 'yi01', centreRegion, 'security_admin_needs_root'],
      ['user.create', 'denied', 'bing01', centreRegion, 'officer_conflict'],
    ]);
    // A preview records nothing.
    const seq2 = await auditSeq(h);
    await upload(h, sec, true, file);
    expect(await auditEntries(h, 'user.', seq2)).toEqual([]);
  });
});
