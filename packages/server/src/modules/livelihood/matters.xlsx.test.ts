import { defaultLivelihoodAreas, type LivelihoodArea } from '@huiyin/core';
import ExcelJS from 'exceljs';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  MATTER_IMPORT_MAX_ERRORS,
  MATTER_IMPORT_MAX_ROWS,
  buildMatterExport,
  buildMatterTemplate,
  matterExportHeaders,
  matterImportColumns,
  readMatterWorkbook,
  type MatterExportRow,
} from './matters.xlsx.ts';
import { createRegionResolver, type RegionRecord } from './region-resolver.ts';

const HEADERS = [
  '事项标题*',
  '事项描述',
  '所属区域*',
  '领域*',
  '反映人类型*',
  '反映人*',
  '联系电话',
  '地址',
  '统一社会信用代码',
  '收集日期',
  '走访人',
];
const areas: readonly LivelihoodArea[] = defaultLivelihoodAreas;

const regions: RegionRecord[] = [
  { code: '140000', name: '山西省', parentCode: null, level: 1 },
  { code: '140300', name: '阳泉市', parentCode: '140000', level: 2 },
  { code: '140311', name: '郊区', parentCode: '140300', level: 3 },
  { code: '140311201', name: '西南舁乡', parentCode: '140311', level: 4 },
  { code: '140311201201', name: '北七村', parentCode: '140311201', level: 5 },
  { code: '140311201202', name: '南七村', parentCode: '140311201', level: 5 },
  { code: '140311100', name: '河底镇', parentCode: '140311', level: 4 },
  { code: '140311100203', name: '北七村', parentCode: '140311100', level: 5 },
];
const resolveRegion = createRegionResolver(regions);
const zhCtx = { areas, resolveRegion, lang: 'zh' as const };

type Cell = ExcelJS.CellValue;

async function workbook(
  rows: Cell[][],
  opts: { headers?: Cell[]; before?: Cell[][]; sheet?: string; edit?: (ws: ExcelJS.Worksheet) => void } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(opts.sheet ?? '民生事项');
  for (const r of opts.before ?? []) ws.addRow(r);
  ws.addRow(opts.headers ?? HEADERS);
  for (const r of rows) ws.addRow(r);
  opts.edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A row in HEADERS order from the fields given. */
function row(
  f: Partial<
    Record<
      'title' | 'description' | 'region' | 'area' | 'kind' | 'name' | 'phone' | 'address' | 'creditCode' | 'collectedOn' | 'collectedBy',
      Cell
    >
  >,
): Cell[] {
  return [
    f.title ?? null,
    f.description ?? null,
    f.region ?? null,
    f.area ?? null,
    f.kind ?? null,
    f.name ?? null,
    f.phone ?? null,
    f.address ?? null,
    f.creditCode ?? null,
    f.collectedOn ?? null,
    f.collectedBy ?? null,
  ];
}

const person = {
  title: '村口道路破损',
  region: '西南舁乡北七村',
  area: '保障和改善基本民生',
  kind: '个人',
  name: '王五',
  phone: '13912345678',
};

/** A zip written by hand (stored or deflated entries), with an optional lie about the size. */
function zip(entries: { name: string; data: Buffer; deflate?: boolean; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.deflate ? deflateRawSync(e.data) : e.data;
    const crc = crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** A minimal workbook as another program might write it: inline strings, no styles, deflated. */
function handWrittenXlsx(headers: Cell[], rows: Cell[][], afterSheetData = ''): Buffer {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const cell = (v: Cell, ref: string) =>
    v === null || v === undefined
      ? ''
      : typeof v === 'number'
        ? `<c r="${ref}"><v>${v}</v></c>`
        : `<c r="${ref}" t="inlineStr"><is><t>${esc(String(v))}</t></is></c>`;
  const letters = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letters(Math.floor(i / 26) - 1) + letters(i % 26));
  const xmlRows = [headers, ...rows]
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cell(v, `${letters(j)}${i + 1}`)).join('')}</row>`)
    .join('');
  const ns =
    'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const file = (name: string, text: string) => ({ name, data: Buffer.from(text), deflate: true });
  return zip([
    file(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    file(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    file(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns}><sheets><sheet name="民生事项" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    file(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    file(
      'xl/worksheets/sheet1.xml',
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${xmlRows}</sheetData>${afterSheetData}</worksheet>`,
    ),
  ]);
}

function excelSerial(iso: string): number {
  return (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

describe('readMatterWorkbook', () => {
  it('reads good rows of each originator type into matter inputs', async () => {
    const data = await workbook([
      row({ ...person, description: '  约 300 米路面破损  ', phone: '139 1234 5678', collectedOn: '2026-05-12', collectedBy: '李四' }),
      row({
        title: '自来水水压低',
        region: '郊区河底镇北七村',
        area: 'livelihood',
        kind: '住户',
        name: '赵六',
        address: '北七村三组 12 号',
      }),
      row({
        title: '办证跑腿多',
        region: '140311201',
        area: '深化"放管服效"改革',
        kind: '企业',
        name: '阳泉市某某商贸有限公司',
        creditCode: '91140300 mA0k12345x',
        phone: '0353-2021234',
      }),
      row({ title: '增设路灯', region: 140311201202, area: '加强基层治理', kind: 'household', name: '钱七', phone: 13800138000 }),
    ]);
    const { rows, errors } = await readMatterWorkbook(data, zhCtx);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(rows[0]!.input).toEqual({
      title: '村口道路破损',
      description: '约 300 米路面破损',
      regionCode: '140311201201',
      areaCode: 'livelihood',
      collectedOn: '2026-05-12',
      collectedBy: '李四',
      originators: [{ kind: 'person', name: '王五', phone: '13912345678' }],
    });
    expect(rows[1]!.input).toMatchObject({
      regionCode: '140311100203',
      areaCode: 'livelihood',
      originators: [{ kind: 'household', name: '赵六', address: '北七村三组 12 号' }],
    });
    expect(rows[2]!.input).toMatchObject({
      regionCode: '140311201',
      areaCode: 'service_reform',
      originators: [{ kind: 'enterprise', name: '阳泉市某某商贸有限公司', creditCode: '91140300MA0K12345X', phone: '0353-2021234' }],
    });
    expect(rows[3]!.input).toMatchObject({
      regionCode: '140311201202',
      areaCode: 'governance',
      originators: [{ kind: 'household', phone: '13800138000' }],
    });
  });

  it('reads dates written in three ways, date cells and serial numbers, and rejects others', async () => {
    const dates: Cell[] = [
      '2026-05-12',
      '2026/5/12',
      '2026年5月12日',
      new Date(Date.UTC(2026, 4, 12)),
      excelSerial('2026-05-12'),
      '20260512',
      '2026-05-12 08:30',
    ];
    const good = await readMatterWorkbook(
      await workbook(dates.map((d, i) => row({ ...person, title: `事项${i}`, collectedOn: d }))),
      zhCtx,
    );
    expect(good.errors).toEqual([]);
    expect(good.rows.map((r) => r.input.collectedOn)).toEqual(dates.map(() => '2026-05-12'));

    const bad = await readMatterWorkbook(
      await workbook(['2026-02-30', '上周三', '2026/13/1'].map((d, i) => row({ ...person, title: `事项${i}`, collectedOn: d }))),
      zhCtx,
    );
    expect(bad.rows).toEqual([]);
    expect(bad.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '收集日期'],
      [3, '收集日期'],
      [4, '收集日期'],
    ]);
    expect(bad.errors[0]!.reason).toContain('不是有效的日期');
    expect(bad.errors[1]!.reason).toContain('2026年5月12日');
  });

  it('reads the cached date of a formula and the date of a 1904 workbook', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('民生事项');
    ws.addRow(HEADERS);
    ws.addRow(row({ ...person, collectedOn: excelSerial('2026-05-12') - 1462 }));
    ws.addRow(row({ ...person, title: '另一件', collectedOn: { formula: 'DATE(2026,5,12)', result: '2026-05-12' } }));
    const { rows, errors } = await readMatterWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), zhCtx);
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.input.collectedOn)).toEqual(['2026-05-12', '2026-05-12']);
  });

  it('reads a workbook written by another program (inline strings, no styles)', async () => {
    const { rows, errors } = await readMatterWorkbook(
      handWrittenXlsx(HEADERS, [row({ ...person, collectedOn: excelSerial('2026-05-12') })]),
      zhCtx,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        input: {
          title: '村口道路破损',
          regionCode: '140311201201',
          areaCode: 'livelihood',
          collectedOn: '2026-05-12',
          originators: [{ kind: 'person', name: '王五', phone: '13912345678' }],
        },
      },
    ]);
  });

  it('reads rich text, formulas and hyperlinks as their text', async () => {
    const data = await workbook([
      row({
        ...person,
        title: { richText: [{ text: '村口', font: { bold: true } }, { text: '道路破损' }] },
        name: { formula: '"王"&"五"', result: '王五' },
        description: { text: '详见网页', hyperlink: 'https://example.org/' },
      }),
    ]);
    const { rows, errors } = await readMatterWorkbook(data, zhCtx);
    expect(errors).toEqual([]);
    expect(rows[0]!.input).toMatchObject({ title: '村口道路破损', description: '详见网页', originators: [{ name: '王五' }] });
  });

  it('reports a formula without a saved result and error cells', async () => {
    const data = await workbook([
      row({ ...person, name: { formula: 'A1&B1' } as Cell }),
      row({ ...person, title: '另一件', phone: { error: '#N/A' } }),
    ]);
    const { errors } = await readMatterWorkbook(data, zhCtx);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '反映人*'],
      [3, '联系电话'],
    ]);
    expect(errors[0]!.reason).toContain('公式');
  });

  it('skips empty rows and rows filled only in unknown columns, keeping Excel row numbers', async () => {
    const data = await workbook([['1', ...row(person)], ['2'], [null, null, '   '], ['4', ...row({ ...person, title: '第二件' })], ['5']], {
      headers: ['序号', ...HEADERS],
    });
    const { rows, errors } = await readMatterWorkbook(data, zhCtx);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.row, r.input.title])).toEqual([
      [2, '村口道路破损'],
      [5, '第二件'],
    ]);
  });

  it('finds the header below a title row, in any column order, with synonyms', async () => {
    const headers = ['姓名', '手机号', '所属区域', '问题描述', '领域', '事项标题', '反映人类型（必填）'];
    const data = await workbook([['王五', '13912345678', '北七村', '描述', '推动高质量发展', '标题一', '个人']], {
      headers,
      before: [['2026年第一批民生事项问题清单'], []],
    });
    const { rows, errors } = await readMatterWorkbook(data, zhCtx);
    expect(errors).toEqual([{ row: 4, column: '所属区域*', reason: expect.stringContaining('不唯一') }]);
    expect(rows).toEqual([]);
    const fixed = await workbook([['王五', '13912345678', '南七村', '描述', '推动高质量发展', '标题一', '个人']], {
      headers,
      before: [['2026年第一批民生事项问题清单'], []],
    });
    const ok = await readMatterWorkbook(fixed, zhCtx);
    expect(ok.errors).toEqual([]);
    expect(ok.rows).toEqual([
      {
        row: 4,
        input: {
          title: '标题一',
          description: '描述',
          regionCode: '140311201202',
          areaCode: 'development',
          originators: [{ kind: 'person', name: '王五', phone: '13912345678' }],
        },
      },
    ]);
  });

  it('names the missing headers of a wrong sheet', async () => {
    const { rows, errors } = await readMatterWorkbook(await workbook([['a', 'b', 'c']], { headers: ['事项标题', '描述', '区域'] }), zhCtx);
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, '领域*'],
      [1, '反映人类型*'],
      [1, '反映人*'],
    ]);
    expect(errors[0]!.reason).toContain('表头缺少');
    const none = await readMatterWorkbook(await workbook([['x']], { headers: ['姓名', '年龄'] }), { ...zhCtx, lang: 'en' });
    expect(none.errors).toHaveLength(4);
    expect(none.errors[0]!.reason).toContain('the header lacks');
  });

  it('answers a file that is not a workbook with one error at row 0', async () => {
    const cases: [string, Buffer, string][] = [
      ['empty', Buffer.alloc(0), '空'],
      ['random bytes', Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 7919 + 13) % 256)), 'xlsx'],
      ['csv renamed', Buffer.from(`${HEADERS.join(',')}\n村口道路破损,,北七村,保障和改善基本民生,个人,王五,13912345678\n`), 'CSV'],
      ['broken zip', Buffer.from('PK\u0003\u0004 not really a zip file at all'), 'xlsx'],
      ['zip that is not xlsx', zip([{ name: 'readme.txt', data: Buffer.from('hello') }]), 'xlsx'],
      ['word document', zip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>'), deflate: true }]), 'xlsx'],
      [
        'ods',
        zip([
          { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
          { name: 'content.xml', data: Buffer.from('<x/>') },
        ]),
        '.ods',
      ],
      ['old xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), '.xls'],
      [
        'xlsx with broken parts',
        zip([
          { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet') },
          { name: '[Content_Types].xml', data: Buffer.from('<') },
        ]),
        '',
      ],
      ['too big', Buffer.alloc(11 * 1024 * 1024, 1), 'MB'],
    ];
    for (const [what, data, hint] of cases) {
      const { rows, errors } = await readMatterWorkbook(data, zhCtx);
      expect(rows, what).toEqual([]);
      expect(errors, what).toHaveLength(1);
      expect(errors[0], what).toMatchObject({ row: 0, column: '' });
      expect(errors[0]!.reason, what).toContain(hint);
    }
    const en = await readMatterWorkbook(Buffer.from('a,b\n1,2\n'), { ...zhCtx, lang: 'en' });
    expect(en.errors[0]!.reason).toContain('CSV');
  });

  it('refuses a zip bomb, even one whose headers understate the size', async () => {
    const huge = Buffer.alloc(200 * 1024 * 1024);
    const bomb = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: huge, deflate: true, declaredSize: 1000 },
    ]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const { rows, errors } = await readMatterWorkbook(bomb, zhCtx);
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ row: 0, column: '', reason: expect.stringContaining('解压后过大') }]);
  });

  it('is not slowed down by a data validation over the whole sheet, and refuses huge merges', async () => {
    const data = await workbook([row(person)], {
      edit: (ws) => {
        const dv = (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } }).dataValidations;
        dv.add('A1:XFD1048576', { type: 'textLength', operator: 'lessThan', formulae: [200], allowBlank: true });
      },
    });
    const t0 = performance.now();
    const { rows, errors } = await readMatterWorkbook(data, zhCtx);
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(1);
    expect(performance.now() - t0).toBeLessThan(5000);

    const merged = handWrittenXlsx(HEADERS, [row(person)], '<mergeCells count="1"><mergeCell ref="M3:ZZ9999"/></mergeCells>');
    const refused = await readMatterWorkbook(merged, zhCtx);
    expect(refused.errors).toEqual([{ row: 0, column: '', reason: expect.stringContaining('合并单元格') }]);
    const many = Array.from({ length: 6000 }, (_, i) => `<mergeCell ref="M${i * 2 + 3}:N${i * 2 + 3}"/>`).join('');
    const wide = handWrittenXlsx(HEADERS, [[...row(person), ...Array.from({ length: 1100 }, () => 'x')]]);
    expect((await readMatterWorkbook(wide, zhCtx)).errors).toEqual([{ row: 0, column: '', reason: expect.stringContaining('多余的列') }]);
    const tooMany = await readMatterWorkbook(
      handWrittenXlsx(HEADERS, [row(person)], `<mergeCells count="6000">${many}</mergeCells>`),
      zhCtx,
    );
    expect(tooMany.errors).toEqual([{ row: 0, column: '', reason: expect.stringContaining('合并单元格') }]);
  });

  it('gives a vertically merged cell its value on every row it covers', async () => {
    const data = await workbook(
      [
        row(person),
        row({ ...person, title: '第二件', region: null, area: null }),
        row({ ...person, title: '第三件', region: null, area: null }),
      ],
      {
        edit: (ws) => {
          ws.mergeCells('C2:C4');
          ws.mergeCells('D2:D4');
        },
      },
    );
    const { rows, errors } = await readMatterWorkbook(data, zhCtx);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.input.regionCode, r.input.areaCode])).toEqual(Array(3).fill(['140311201201', 'livelihood']));
  });

  it('reports unknown and ambiguous regions, unknown areas and types', async () => {
    const data = await workbook([
      row({ ...person, region: '火星村' }),
      row({ ...person, title: '二', region: '北七村' }),
      row({ ...person, title: '三', area: '环境保护' }),
      row({ ...person, title: '四', kind: '外星人' }),
      row({ ...person, title: '五', kind: '案件' }),
      row({ ...person, title: '六', region: '南七村', area: 'poverty' }),
    ]);
    const { rows, errors } = await readMatterWorkbook(data, zhCtx);
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '所属区域*'],
      [3, '所属区域*'],
      [4, '领域*'],
      [5, '反映人类型*'],
      [6, '反映人类型*'],
    ]);
    expect(errors[0]!.reason).toContain('找不到区域“火星村”');
    expect(errors[1]!.reason).toContain('山西省阳泉市郊区西南舁乡北七村');
    expect(errors[1]!.reason).toContain('山西省阳泉市郊区河底镇北七村');
    expect(errors[2]!.reason).toContain('保障和改善基本民生');
  });

  it('checks the originator: a person needs a valid phone, a household an address or phone', async () => {
    const data = await workbook([
      row({ ...person, phone: null }),
      row({ ...person, title: '二', phone: '12345' }),
      row({ ...person, title: '三', kind: '住户', phone: null }),
      row({ ...person, title: '四', kind: '企业', creditCode: '1234' }),
      row({ ...person, title: '五', creditCode: '91140300MA0K12345X' }),
      row({ ...person, title: '六', creditCode: Number('911403001234567890') }),
      row({ ...person, title: '', name: null, region: null }),
      row({ ...person, title: '长'.repeat(101) }),
    ]);
    const { rows, errors } = await readMatterWorkbook(data, zhCtx);
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, '联系电话'],
      [3, '联系电话'],
      [4, '地址'],
      [5, '统一社会信用代码'],
      [6, '统一社会信用代码'],
      [7, '统一社会信用代码'],
      [8, '事项标题*'],
      [8, '所属区域*'],
      [8, '反映人*'],
      [9, '事项标题*'],
    ]);
    expect(errors[0]!.reason).toContain('联系电话必填');
    expect(errors[1]!.reason).toContain('不是有效的手机号');
    expect(errors[2]!.reason).toContain('至少填一项');
    expect(errors[3]!.reason).toContain('18 位统一社会信用代码');
    expect(errors[4]!.reason).toContain('只有企业');
    expect(errors[5]!.reason).toContain('文本格式');
    expect(errors[6]!.reason).toBe('必填项为空');
    expect(errors[9]!.reason).toBe('不能超过 100 字');
  });

  it('gives English reasons when asked', async () => {
    const { errors } = await readMatterWorkbook(await workbook([row({ ...person, phone: null, area: '无' })]), { ...zhCtx, lang: 'en' });
    expect(errors.map((e) => e.reason)).toEqual([
      expect.stringContaining('unknown area'),
      'a person needs a phone number (to be answered)',
    ]);
  });

  it('reports a row that repeats an earlier one', async () => {
    const { rows, errors } = await readMatterWorkbook(await workbook([row(person), row({ ...person, title: '别的' }), row(person)]), zhCtx);
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ row: 4, column: '', reason: '与第 2 行内容完全相同（重复行）' }]);
  });

  it('lists at most MATTER_IMPORT_MAX_ERRORS errors and counts the rest', async () => {
    const data = await workbook(
      Array.from({ length: MATTER_IMPORT_MAX_ERRORS + 200 }, (_, i) => row({ ...person, title: `事项${i}`, phone: null })),
    );
    const { errors } = await readMatterWorkbook(data, zhCtx);
    expect(errors).toHaveLength(MATTER_IMPORT_MAX_ERRORS + 1);
    expect(errors.at(-1)).toEqual({ row: 0, column: '', reason: '另有 200 处错误未列出，请先改正以上错误' });
  });

  it(`refuses more than ${MATTER_IMPORT_MAX_ROWS} rows`, async () => {
    const data = await workbook(Array.from({ length: MATTER_IMPORT_MAX_ROWS + 1 }, (_, i) => [`事项${i}`]));
    const { rows, errors } = await readMatterWorkbook(data, zhCtx);
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ row: 0, column: '', reason: expect.stringContaining(`最多导入 ${MATTER_IMPORT_MAX_ROWS} 行`) }]);
  });

  it('reads 10,000 rows well within 10 seconds', async () => {
    const villages = ['西南舁乡北七村', '南七村', '郊区河底镇北七村', '140311201202', '西南舁乡'];
    const kinds = ['个人', '住户', '企业'];
    const t0 = performance.now();
    const rowsIn = Array.from({ length: 10_000 }, (_, i) =>
      row({
        title: `第${i}号事项：村道破损需要修缮`,
        description: `具体情况说明，第 ${i} 行。路面破损约 ${i % 500} 米，雨天积水，群众出行不便。`,
        region: villages[i % villages.length]!,
        area: areas[i % areas.length]!.zh,
        kind: kinds[i % 3]!,
        name: i % 3 === 2 ? `阳泉市第${i}商贸有限公司` : `群众${i}`,
        phone: `139${String(i).padStart(8, '0')}`,
        address: `北七村${i % 20}组`,
        collectedOn: i % 2 === 0 ? new Date(Date.UTC(2026, 4, 1 + (i % 28))) : `2026/5/${1 + (i % 28)}`,
        collectedBy: `走访干部${i % 40}`,
      }),
    );
    const data = await workbook(rowsIn);
    const built = performance.now() - t0;
    const t1 = performance.now();
    const { rows, errors } = await readMatterWorkbook(data, zhCtx);
    const read = performance.now() - t1;
    console.log(
      `[matters.xlsx] 10,000 rows: workbook of ${(data.length / 1024 / 1024).toFixed(2)} MB written in ${built.toFixed(0)} ms, read and validated in ${read.toFixed(0)} ms`,
    );
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(10_000);
    expect(rows[9_999]).toMatchObject({ row: 10_001, input: { originators: [{ kind: 'person', name: '群众9999' }] } });
  });
});

describe('buildMatterTemplate', () => {
  const ctx = { areas, regionExamples: ['西南舁乡', '郊区西南舁乡北七村'] };

  it('has the headers, notes, drop-downs, an example row and a guide', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildMatterTemplate(ctx)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('民生事项')!;
    const header = ws.getRow(1).values as Cell[];
    expect(header.slice(1)).toEqual(HEADERS);
    expect(matterImportColumns.map((c) => c.header)).toEqual(HEADERS);
    expect(ws.getCell('A1').note).toBeTruthy();
    const validations = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    expect(validations['D2']).toMatchObject({ type: 'list', formulae: ["'下拉选项'!$A$1:$A$5"] });
    expect(validations['E100']).toMatchObject({ type: 'list', formulae: ['"个人,住户,企业"'] });
    const lists = wb.getWorksheet('下拉选项')!;
    expect(lists.state).toBe('hidden');
    expect(lists.getColumn(1).values.slice(1)).toEqual(areas.map((a) => a.zh));
    expect(ws.getCell('A2').font?.color?.argb).toBe('FF808080');
    const guide = wb.getWorksheet('填写说明')!;
    const guideText = JSON.stringify(guide.getSheetValues());
    expect(guideText).toContain('巩固拓展脱贫攻坚成果');
    expect(guideText).toContain('郊区西南舁乡北七村');
  });

  it('imports nothing from the untouched template and says why', async () => {
    const { rows, errors } = await readMatterWorkbook(await buildMatterTemplate(ctx), zhCtx);
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ row: 0, column: '', reason: expect.stringContaining('没有数据行') }]);
  });

  it('round-trips: two rows filled in below the example are read back', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildMatterTemplate(ctx)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('民生事项')!;
    ws.getRow(3).values = row({ ...person, collectedOn: new Date(Date.UTC(2026, 4, 12)) });
    ws.getRow(4).values = row({
      title: '小区缺少充电桩',
      region: '郊区西南舁乡',
      area: '推动高质量发展',
      kind: '企业',
      name: '某某物业公司',
      collectedOn: '2026年5月13日',
    });
    const { rows, errors } = await readMatterWorkbook(Buffer.from(await wb.xlsx.writeBuffer()), zhCtx);
    expect(errors).toEqual([]);
    expect(
      rows.map((r) => [r.row, r.input.title, r.input.regionCode, r.input.areaCode, r.input.collectedOn, r.input.originators[0]!.kind]),
    ).toEqual([
      [3, '村口道路破损', '140311201201', 'livelihood', '2026-05-12', 'person'],
      [4, '小区缺少充电桩', '140311201', 'development', '2026-05-13', 'enterprise'],
    ]);
  });

  it('builds with no areas at all (no drop-down for 领域)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildMatterTemplate({ areas: [], regionExamples: [] })) as unknown as ExcelJS.Buffer);
    const validations = (wb.getWorksheet('民生事项') as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    expect(validations['D2']).toBeUndefined();
    expect(validations['E2']).toMatchObject({ type: 'list' });
  });
});

describe('buildMatterExport', () => {
  const rows: MatterExportRow[] = [
    {
      id: 7,
      title: '村口道路破损',
      description: '雨天积水\u0007严重',
      regionPath: '阳泉市郊区西南舁乡北七村',
      areaName: '保障和改善基本民生',
      status: 'open',
      originatorCount: 2,
      originators: '王五（个人）、赵六（住户）',
      collectedOn: '2026-05-12',
      collectedBy: '李四',
      projectTitle: null,
      mergedIntoId: null,
    },
    {
      id: 8,
      title: '路灯不亮',
      description: null,
      regionPath: '阳泉市郊区河底镇',
      areaName: '加强基层治理',
      status: 'merged',
      originatorCount: 0,
      originators: '',
      collectedOn: '2026-05-13',
      collectedBy: null,
      projectTitle: '郊区路灯改造',
      mergedIntoId: 7,
    },
  ];

  it('writes a titled, frozen, filtered sheet with Chinese headers and real dates', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildMatterExport(rows, { title: '郊区民生事项问题清单（2026年第一批）' })) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('民生事项')!;
    expect(ws.getCell('A1').value).toBe('郊区民生事项问题清单（2026年第一批）');
    expect((ws.getRow(2).values as Cell[]).slice(1)).toEqual([...matterExportHeaders]);
    expect(matterExportHeaders).toContain('所属区域');
    expect(ws.actualRowCount).toBe(2 + rows.length);
    expect(ws.getCell('B3').value).toBe('村口道路破损');
    expect(ws.getCell('C3').value).toBe('雨天积水严重');
    expect(ws.getCell('D3').value).toBe('阳泉市郊区西南舁乡北七村');
    expect(ws.getCell('F3').value).toBe('待立项');
    expect(ws.getCell('F4').value).toBe('已合并');
    expect(ws.getCell('I3').value).toEqual(new Date(Date.UTC(2026, 4, 12)));
    expect(ws.getCell('L4').value).toBe(7);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(2).width).toBeGreaterThan(20);
  });

  it('writes an empty list', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildMatterExport([], { title: '空' })) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('民生事项')!.actualRowCount).toBe(2);
  });
});
