import ExcelJS from 'exceljs';
import { policyInputSchema } from '@huiyin/core';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoPolicies, demoPolicyKeys, policyKey, seedDemoPolicies } from '../../seed/demo-policies.ts';
import { registerCase } from '../../testing/case-actions.ts';
import { expectError } from '../../testing/errors.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';
import type { PolicyListItem, PolicyView } from '@huiyin/core';
import { XLSX_MIME } from './policies.xlsx.ts';
import { snippetOf } from './snippet.ts';

const HEADERS = ['标题', '文号', '发布机关', '效力层级', '条款号', '条文内容', '生效日期', '废止日期', '标签'];
const FOOD_78 = '国家市场监督管理总局令第78号';
const FOOD_RENEWAL = policyKey(FOOD_78, '第三十二条');
const WATER_STOP = policyKey('国务院令第158号', '第二十二条');
const FOOD_2015 = '国家食品药品监督管理总局令第17号';

async function search(h: Harness, params: Record<string, string>, as = 'clerk'): Promise<PolicyListItem[]> {
  const res = await h.req(as, 'GET', `/api/v1/policies?${new URLSearchParams(params).toString()}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: PolicyListItem[] }).items;
}

async function policyCount(h: Harness): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from policies`.execute(h.db.db);
  return Number(r.rows[0]!.n);
}

/** Everything written to the library, to show a refused request changed nothing. */
async function libraryState(h: Harness): Promise<string> {
  const rows = await h.db.db
    .selectFrom('policies')
    .select([
      'id',
      'title',
      'doc_number',
      'article_no',
      'body',
      'tags',
      sql<string>`search_terms::text`.as('terms'),
      sql<string | null>`repealed_on::text`.as('repealed_on'),
    ])
    .orderBy('id')
    .execute();
  return JSON.stringify(rows);
}

async function workbook(rows: (string | Date | number | null)[][], headers = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('政策条文');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(h: Harness, data: Buffer, as = 'admin', filename = 'policies.xlsx') {
  const body = multipart([{ name: 'file', filename, type: XLSX_MIME, data }]);
  return h.req(as, 'POST', '/api/v1/policies/import', body.payload, body.headers);
}

const sampleArticle = {
  title: '阳泉市二次供水设施管理规定',
  docNumber: '阳政发〔2025〕99号',
  issuer: '阳泉市人民政府',
  level: 'rule',
  articleNo: '第七条',
  body: '二次供水设施管理单位应当每半年对水箱进行一次清洗消毒，清洗前应当提前公告，清洗期间因此停水的，应当不超过八小时。',
  effectiveFrom: '2025-01-01',
  tags: ['二次供水', '停水'],
};

describe('snippets', () => {
  it('cuts about 80 characters around the first match and marks it with 【】', () => {
    const body = `${'甲'.repeat(100)}停水通知${'乙'.repeat(100)}`;
    const s = snippetOf(body, '停水');
    expect(s).toContain('【停水】');
    expect(s.startsWith('…') && s.endsWith('…')).toBe(true);
    expect(s.replace(/[…【】]/g, '').length).toBeLessThanOrEqual(80);
    expect(snippetOf('短文本，含有证明。', '证明')).toBe('短文本，含有【证明】。');
    expect(snippetOf('没有匹配的内容', '停水')).toBe('没有匹配的内容');
    expect(snippetOf(`${'丙'.repeat(90)}末尾停水`, '停水').endsWith('【停水】')).toBe(true);
    // Not the whole query: the longest piece of its longest word that occurs.
    expect(snippetOf('城市自来水供水企业，城市供水管理', '城市供水条列')).toBe('城市自来水供水企业，【城市供水】管理');
    expect(snippetOf('申请延续，不得要求提供备案证明。', '延续 备案证明')).toBe('申请延续，不得要求提供【备案证明】。');
    expect(snippetOf('Line one\n\n  line   two WiFi', 'wifi')).toBe('Line one line two 【WiFi】');
  });
});

describe('the demo library', () => {
  it('has at least 32 valid articles with distinct keys, some repealed', () => {
    expect(demoPolicies.length).toBeGreaterThanOrEqual(32);
    for (const p of demoPolicies) expect(policyInputSchema.safeParse(p).success, `${p.docNumber} ${p.articleNo}`).toBe(true);
    expect(new Set(demoPolicies.map((p) => policyKey(p.docNumber, p.articleNo))).size).toBe(demoPolicies.length);
    expect(demoPolicies.filter((p) => p.repealedOn !== undefined).length).toBeGreaterThanOrEqual(1);
    const renewal = demoPolicies.find((p) => policyKey(p.docNumber, p.articleNo) === FOOD_RENEWAL)!;
    expect(renewal.body).toContain('不得要求申请人提供备案证明');
    const keys = new Set(demoPolicies.map((p) => policyKey(p.docNumber, p.articleNo)));
    for (const key of Object.values(demoPolicyKeys)) expect(keys.has(key), key).toBe(true);
  });
});

describeEachDb('policy library', (get) => {
  let ids: Map<string, number>;
  beforeAll(async () => {
    const h = get();
    ids = await seedDemoPolicies(h.db.db, h.clock.now());
  });

  it('seeds idempotently, returning ids by document and article number', async () => {
    const h = get();
    expect(ids.size).toBe(demoPolicies.length);
    const again = await seedDemoPolicies(h.db.db, h.clock.now());
    expect([...again.entries()].sort()).toEqual([...ids.entries()].sort());
    expect(await policyCount(h)).toBe(demoPolicies.length);
  });

  it('finds two-character words: 停水, 证明, 备案', async () => {
    const h = get();
    const water = await search(h, { q: '停水' });
    expect(water.slice(0, 4).map((i) => i.id)).toContain(ids.get(WATER_STOP));
    expect(water.filter((i) => i.match === 'terms').length).toBeGreaterThanOrEqual(3);
    for (const i of water.filter((x) => x.match === 'terms')) {
      expect(i.score).toBeGreaterThanOrEqual(1);
      expect(`${i.title}${i.snippet}${i.tags.join('')}`).toContain('停水');
    }
    expect(water[0]!.snippet).toContain('【停水】');

    const proof = await search(h, { q: '证明', pageSize: '100' });
    const proofTerms = proof.filter((i) => i.match === 'terms');
    expect(proofTerms.length).toBeGreaterThanOrEqual(8);
    const texts = new Map(
      demoPolicies.map((p) => [`${p.docNumber}|${p.articleNo ?? ''}`, `${p.title}${p.body}${(p.tags ?? []).join('')}`]),
    );
    for (const i of proofTerms) expect(texts.get(policyKey(i.docNumber, i.articleNo))).toContain('证明');
    expect(proofTerms.map((i) => i.id)).toContain(ids.get(policyKey('国办发〔2020〕42号', '二（一）')));

    const filing = await search(h, { q: '备案' });
    expect(filing.map((i) => i.id)).toContain(ids.get(FOOD_RENEWAL));
    expect(filing.find((i) => i.id === ids.get(FOOD_RENEWAL))!.snippet).toMatch(/【备案】/);

    // The window's question: does a renewal need a filing certificate?
    const story = await search(h, { q: '延续 备案证明' });
    expect(story.slice(0, 2).map((i) => i.docNumber)).toContain(FOOD_78);
    expect(story.find((i) => i.id === ids.get(FOOD_RENEWAL))!.snippet).toContain('备案证明');
  });

  it('finds a title with a wrong character (fuzzy), after every exact match', async () => {
    const h = get();
    const typo = await search(h, { q: '城市供水条列' });
    expect(typo.length).toBeGreaterThan(0);
    expect(typo.every((i) => i.match === 'fuzzy' && i.score < 1)).toBe(true);
    expect(typo[0]!.title).toBe('城市供水条例');

    const partial = await search(h, { q: '市场主题登记' });
    expect(partial.map((i) => i.title)).toContain('中华人民共和国市场主体登记管理条例');

    const mixed = await search(h, { q: '不动产登计暂行条例' });
    expect(mixed[0]!.title).toBe('不动产登记暂行条例');

    // Exact matches rank before fuzzy ones.
    const both = await search(h, { q: '供水', pageSize: '50' });
    const firstFuzzy = both.findIndex((i) => i.match === 'fuzzy');
    if (firstFuzzy >= 0) expect(both.slice(firstFuzzy).every((i) => i.match === 'fuzzy')).toBe(true);
    expect(both[0]!.match).toBe('terms');
  });

  it('leaves repealed articles out unless asked, and always flags them', async () => {
    const h = get();
    const current = await search(h, { q: '食品经营许可 延续', pageSize: '50' });
    expect(current.length).toBeGreaterThan(0);
    expect(current.some((i) => i.docNumber === FOOD_2015)).toBe(false);
    expect(current.every((i) => !i.repealed)).toBe(true);

    const all = await search(h, { q: '食品经营许可 延续', includeRepealed: 'true', pageSize: '50' });
    const old = all.find((i) => i.docNumber === FOOD_2015);
    expect(old).toMatchObject({ repealed: true, repealedOn: '2023-12-01' });
    expect(all.filter((i) => i.docNumber !== FOOD_2015).every((i) => !i.repealed)).toBe(true);

    const one = await h.req('clerk', 'GET', `/api/v1/policies/${old!.id}`);
    expect(one.json()).toMatchObject({ repealed: true, repealedOn: '2023-12-01', effectiveFrom: '2015-10-01' });
    const newest = await search(h, { includeRepealed: 'true', pageSize: '100' });
    expect(newest.filter((i) => i.repealed).map((i) => i.docNumber)).toEqual(expect.arrayContaining([FOOD_2015, '国务院令第1号']));
  });

  it('lists the newest without a query, filters by tag and unit', async () => {
    const h = get();
    const newest = await search(h, { pageSize: '10' });
    expect(newest).toHaveLength(10);
    expect(newest.map((i) => i.id)).toEqual([...newest.map((i) => i.id)].sort((a, b) => b - a));
    expect(newest.every((i) => i.score === 0 && i.match === null)).toBe(true);

    const tagged = await search(h, { tag: '容缺受理' });
    expect(tagged.length).toBe(2);
    expect(tagged.every((i) => i.tags.includes('容缺受理'))).toBe(true);
    expect((await search(h, { tag: '容缺受理', q: '终止办理' })).map((i) => i.articleNo)).toEqual(['第八条']);

    const water = h.org.units['water']!;
    expect(await search(h, { unitId: String(water) })).toHaveLength(0);
    const id = ids.get(WATER_STOP)!;
    expect((await h.req('admin', 'PATCH', `/api/v1/policies/${id}`, { unitIds: [water] })).statusCode).toBe(200);
    expect((await search(h, { unitId: String(water) })).map((i) => i.id)).toEqual([id]);
    expectError(await h.req('admin', 'PATCH', `/api/v1/policies/${id}`, { unitIds: [999_999] }), 400, 'validation_failed');
  });

  it('answers one article in full with how many cases cite it', async () => {
    const h = get();
    const id = ids.get(FOOD_RENEWAL)!;
    const before = (await h.req('officer', 'GET', `/api/v1/policies/${id}`)).json() as PolicyView;
    expect(before).toMatchObject({
      id,
      docNumber: FOOD_78,
      articleNo: '第三十二条',
      level: 'rule',
      repealed: false,
      citedBy: 0,
      effectiveFrom: '2023-12-01',
      repealedOn: null,
    });
    expect(before.body).toContain('备案证明');

    const c = await registerCase(h, 'clerk', {
      type: 'help',
      content: '学校内小卖部食品经营许可证延续被要求提供备案证明',
      categoryCode: 'market.food',
      regionCode: '140802',
      requester: { phone: '13900003333' },
    });
    await h.db.db
      .insertInto('case_citations')
      .values({ case_id: c.id, policy_id: id, cited_by: null, note: null, created_at: h.clock.now() })
      .execute();
    expect((await h.req('officer', 'GET', `/api/v1/policies/${id}`)).json().citedBy).toBe(1);

    expectError(await h.req('clerk', 'GET', '/api/v1/policies/999999'), 404, 'not_found');
    expectError(await h.req('clerk', 'GET', '/api/v1/policies/abc'), 400, 'validation_failed');
    expectError(await h.req(null, 'GET', '/api/v1/policies?q=停水'), 401, 'unauthorized');
    expectError(await h.req('clerk', 'GET', '/api/v1/policies?pageSize=1000'), 400, 'validation_failed');
  });

  it('lets an admin add an article, searchable at once; others get 403 and nothing is written', async () => {
    const h = get();
    const before = await libraryState(h);
    for (const as of ['clerk', 'officer', 'supervisor', 'leader'])
      expectError(await h.req(as, 'POST', '/api/v1/policies', sampleArticle), 403, 'forbidden');
    expect(await libraryState(h)).toBe(before);

    const res = await h.req('admin', 'POST', '/api/v1/policies', sampleArticle);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as PolicyView;
    expect(created).toMatchObject({ ...sampleArticle, repealed: false, repealedOn: null, citedBy: 0, unitIds: [] });
    expect(created.createdBy).toBe(h.org.users['admin']);

    const found = await search(h, { q: '清洗消毒' });
    expect(found.map((i) => i.id)).toEqual([created.id]);
    expect(found[0]!.snippet).toContain('【清洗消毒】');
    expect((await search(h, { q: '阳政发' })).map((i) => i.id)).toContain(created.id);
    expect((await search(h, { q: '二次供水' })).map((i) => i.id)).toContain(created.id);
  });

  it('refuses bad input with 400 and writes nothing', async () => {
    const h = get();
    const before = await libraryState(h);
    const { title: _title, ...noTitle } = sampleArticle;
    const cases: unknown[] = [
      { ...noTitle, articleNo: '第八条' },
      { ...sampleArticle, articleNo: '第九条', effectiveFrom: '2025-02-30' },
      { ...sampleArticle, articleNo: '第十条', effectiveFrom: '2025-03-01', repealedOn: '2025-01-01' },
      { ...sampleArticle, articleNo: '第十一条', level: 'decree' },
      { ...sampleArticle, articleNo: '第十二条', extra: 1 },
      { ...sampleArticle, articleNo: '第十三条', body: '' },
    ];
    for (const body of cases) {
      const err = expectError(await h.req('admin', 'POST', '/api/v1/policies', body), 400, 'validation_failed');
      expect((err.details as { fields: unknown[] }).fields.length).toBeGreaterThan(0);
    }
    const repealedEarly = expectError(await h.req('admin', 'POST', '/api/v1/policies', cases[2]), 400, 'validation_failed');
    expect(repealedEarly.details).toMatchObject({ fields: [{ path: 'repealedOn' }] });
    expect(await libraryState(h)).toBe(before);
  });

  it('refuses a second article with the same document and article number (409)', async () => {
    const h = get();
    const before = await libraryState(h);
    const err = expectError(await h.req('admin', 'POST', '/api/v1/policies', { ...sampleArticle, body: '另一段正文' }), 409, 'conflict');
    expect(err.message).toContain('阳政发〔2025〕99号');
    expect(err.details).toMatchObject({ reason: 'article_exists', fields: [{ path: 'articleNo', code: 'article_exists' }] });
    expect(typeof err.details!['existingId']).toBe('number');
    const dupFood = expectError(
      await h.req('admin', 'POST', '/api/v1/policies', {
        title: '食品经营许可和备案管理办法',
        docNumber: FOOD_78,
        issuer: '国家市场监督管理总局',
        articleNo: '第三十二条',
        body: '重复',
      }),
      409,
      'conflict',
    );
    expect(dupFood.details!['existingId']).toBe(ids.get(FOOD_RENEWAL));
    expect(await libraryState(h)).toBe(before);
  });

  it('lets an admin change and repeal an article; search follows', async () => {
    const h = get();
    const id = ids.get(policyKey('运政办发〔2022〕30号', '第十九条'))!;
    const before = await libraryState(h);
    expectError(await h.req('dispatcher', 'PATCH', `/api/v1/policies/${id}`, { body: '改' }), 403, 'forbidden');
    expectError(await h.req('admin', 'PATCH', `/api/v1/policies/${id}`, { repealedOn: '2020-01-01' }), 400, 'validation_failed');
    expectError(await h.req('admin', 'PATCH', `/api/v1/policies/${id}`, { docNumber: 'x' }), 400, 'validation_failed');
    expectError(await h.req('admin', 'PATCH', '/api/v1/policies/999999', { body: '改' }), 404, 'not_found');
    expect(await libraryState(h)).toBe(before);

    const patched = await h.req('admin', 'PATCH', `/api/v1/policies/${id}`, {
      body: '承办单位应当在收到工单后1个工作日内签收，逾期未签收的由督办机构催办。',
      tags: ['12345', '签收', '催办'],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ id, tags: ['12345', '签收', '催办'] });
    expect((await search(h, { q: '催办' })).map((i) => i.id)).toContain(id);
    expect((await search(h, { q: '退单申请' })).map((i) => i.id)).not.toContain(id);

    // Repealed yesterday (Beijing): out of the default search, flagged when included.
    const repeal = await h.req('admin', 'PATCH', `/api/v1/policies/${id}`, { repealedOn: '2026-03-08' });
    expect(repeal.json()).toMatchObject({ repealed: true, repealedOn: '2026-03-08' });
    expect((await search(h, { q: '催办' })).map((i) => i.id)).not.toContain(id);
    expect((await search(h, { q: '催办', includeRepealed: 'true' })).find((i) => i.id === id)).toMatchObject({ repealed: true });
    // Repealed from tomorrow: still in force today.
    expect((await h.req('admin', 'PATCH', `/api/v1/policies/${id}`, { repealedOn: '2026-03-10' })).json()).toMatchObject({
      repealed: false,
    });
    expect((await search(h, { q: '催办' })).map((i) => i.id)).toContain(id);
    expect((await h.req('admin', 'PATCH', `/api/v1/policies/${id}`, { repealedOn: null })).json()).toMatchObject({
      repealed: false,
      repealedOn: null,
    });
  });

  it('serves the Excel import template to admins', async () => {
    const h = get();
    expectError(await h.req('clerk', 'GET', '/api/v1/policies/import-template.xlsx'), 403, 'forbidden');
    const res = await h.req('admin', 'GET', '/api/v1/policies/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(String(res.headers['content-disposition'])).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('政策条文')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const validation = ws.getCell('D2').dataValidation;
    expect(validation.type).toBe('list');
    expect(String(validation.formulae[0])).toContain('法律,行政法规,规章,规范性文件,办事指南');
    expect(ws.getCell('D500').dataValidation.type).toBe('list');
    expect(ws.getCell('A2').value).toBeTruthy();
    expect(ws.getColumn(6).width).toBeGreaterThan(ws.getColumn(4).width!);

    // The example row left in place is skipped (it must not overwrite the real article); filled in, the template imports.
    const before = await libraryState(h);
    expect(expectError(await upload(h, res.rawPayload), 400, 'validation_failed').message).toContain('示例');
    ws.addRow([
      '阳泉市城市节约用水管理办法',
      '阳泉市人民政府令第40号',
      '阳泉市人民政府',
      '规章',
      '第九条',
      '用水单位应当安装计量水表，按照计划用水。',
      '2025-05-01',
      null,
      '节约用水',
    ]);
    const filled = await upload(h, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(filled.json()).toEqual({ imported: 1, updated: 0, errors: [] });
    expect(await libraryState(h)).not.toBe(before);
    const water = (await h.req('clerk', 'GET', `/api/v1/policies/${ids.get(WATER_STOP)}`)).json() as PolicyView;
    expect(water.body).not.toContain('示例');
  });

  it('imports a good workbook in full, and updates the same articles on a second import', async () => {
    const h = get();
    const rows = [
      [
        '阳泉市物业服务管理办法',
        '阳泉市人民政府令第30号',
        '阳泉市人民政府',
        '规章',
        '第十二条',
        '物业服务企业应当在小区显著位置公示收费项目和标准，不得擅自提高收费标准。',
        new Date(Date.UTC(2024, 0, 1)),
        null,
        '物业、收费',
      ],
      [
        '阳泉市物业服务管理办法',
        '阳泉市人民政府令第30号',
        '阳泉市人民政府',
        'rule',
        '第十三条',
        '物业服务企业不得以业主拖欠物业费为由停止供水供电。',
        '2024/1/1',
        '',
        '物业,停水',
      ],
      [
        '老年人优待办事指南',
        '阳民指〔2024〕1号',
        '阳泉市民政局',
        '办事指南',
        null,
        '年满六十五周岁的老年人凭居民身份证即可办理老年人优待证，无需提供其他证明。',
        '2024年3月1日',
        null,
        '老年人、优待证、证明',
      ],
    ];
    const res = await upload(h, await workbook(rows));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 3, updated: 0, errors: [] });
    const found = await search(h, { q: '拖欠物业费' });
    expect(found[0]).toMatchObject({
      title: '阳泉市物业服务管理办法',
      articleNo: '第十三条',
      level: 'rule',
      effectiveFrom: '2024-01-01',
      tags: ['物业', '停水'],
    });
    const guide = (await search(h, { q: '优待证' }))[0]!;
    expect(guide).toMatchObject({ level: 'guide', articleNo: '', effectiveFrom: '2024-03-01', tags: ['老年人', '优待证', '证明'] });

    rows[0]![5] = '物业服务企业应当在小区显著位置公示收费项目、标准和投诉电话。';
    const again = await upload(h, await workbook(rows));
    expect(again.json()).toEqual({ imported: 0, updated: 3, errors: [] });
    expect((await search(h, { q: '投诉电话' })).map((i) => i.articleNo)).toContain('第十二条');
  });

  it('imports nothing when one row is bad, and reports each bad cell', async () => {
    const h = get();
    const before = await libraryState(h);
    const rows = [
      [
        '运城市停车收费管理办法',
        '运政发〔2025〕1号',
        '运城市人民政府',
        '规章',
        '第一条',
        '为规范停车收费，制定本办法。',
        '2025-01-01',
        null,
        '停车',
      ],
      [
        '运城市停车收费管理办法',
        '运政发〔2025〕1号',
        '运城市人民政府',
        '规章',
        '第二条',
        '本办法适用于本市城区。',
        '2025-13-45',
        null,
        '停车',
      ],
      ['运城市停车收费管理办法', '运政发〔2025〕1号', '运城市人民政府', '章程', '第三条', '', '2025-01-01', '2024-01-01', '停车'],
      [null, '运政发〔2025〕1号', '运城市人民政府', '规章', '第一条', '重复的一行。', null, null, null],
      [
        '运城市停车收费管理办法',
        '运政发〔2025〕1号',
        '运城市人民政府',
        '规章',
        '第五条',
        '第五条正文。',
        '2025-01-01',
        null,
        'x'.repeat(21),
      ],
      ['运城市停车收费管理办法', '运政发〔2025〕1号', '运城市人民政府', '规章', '第一条', '与第 2 行重复。', null, null, null],
    ];
    const res = await upload(h, await workbook(rows));
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as { imported: number; updated: number; errors: { row: number; column: string; reason: string }[] };
    expect(report.imported).toBe(0);
    expect(report.updated).toBe(0);
    const at = (row: number, column: string) => report.errors.find((e) => e.row === row && e.column === column);
    expect(at(3, '生效日期')?.reason).toContain('日期');
    expect(at(4, '效力层级')?.reason).toContain('章程');
    expect(at(4, '条文内容')?.reason).toBe('必填项为空');
    expect(at(4, '废止日期')?.reason).toBe('废止日期早于生效日期');
    expect(at(5, '标题')?.reason).toBe('必填项为空');
    expect(at(6, '标签')?.reason).toContain('20');
    expect(at(7, '条款号')?.reason).toContain('第 2 行');
    expect(report.errors.some((e) => e.row === 2)).toBe(false);
    expect(await libraryState(h)).toBe(before);
    expect(await search(h, { q: '规范停车收费' })).toHaveLength(0);
  });

  it('answers a file that is not a usable workbook with 400', async () => {
    const h = get();
    const before = await libraryState(h);
    const notXlsx = expectError(
      await upload(h, Buffer.from('标题,文号\n城市供水条例,国务院令第158号\n'), 'admin', 'policies.csv'),
      400,
      'validation_failed',
    );
    expect(notXlsx.message).toContain('xlsx');
    expectError(await upload(h, Buffer.from('PK\u0003\u0004 not really a zip file at all')), 400, 'validation_failed');
    const missing = expectError(
      await upload(h, await workbook([['标题', '国务院令第1号', '国务院']], ['标题', '文号', '发布机关'])),
      400,
      'validation_failed',
    );
    expect(missing.message).toContain('条文内容');
    expectError(await upload(h, await workbook([])), 400, 'validation_failed');
    expectError(await h.req('admin', 'POST', '/api/v1/policies/import', { file: 'x' }), 415, 'unsupported_media_type');
    const empty = multipart([{ name: 'note', data: 'no file here' }]);
    expectError(await h.req('admin', 'POST', '/api/v1/policies/import', empty.payload, empty.headers), 400, 'validation_failed');
    expectError(await upload(h, await workbook([]), 'clerk'), 403, 'forbidden');
    // The import's own 5 MB limit holds, whatever the app's upload limit (1 MB in tests).
    expectError(await upload(h, Buffer.alloc(2 * 1024 * 1024, 1)), 400, 'validation_failed');
    expectError(await upload(h, Buffer.alloc(5 * 1024 * 1024 + 10, 1)), 413, 'payload_too_large');
    expect(await libraryState(h)).toBe(before);
  });
});
