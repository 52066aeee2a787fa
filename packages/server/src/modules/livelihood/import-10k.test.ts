import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';

/**
 * A season of field visits in one upload: 10,000 rows through the API (parse, validate every row,
 * resolve regions, insert in chunks). The time is printed, not asserted (speed belongs to
 * benchmarks); the count and the all-or-nothing rule are asserted.
 */
describeEachDb('livelihood: importing 10,000 matters', (get) => {
  it('imports 10,000 rows in one request, and none when one row among them is bad', async () => {
    const h = get();
    const towns = ['荫营镇', '河底镇', '平坦镇', '西南舁乡', '杨家庄乡', '李家庄乡', '旧街乡'];
    const needs = ['路灯损坏', '道路坑洼', '自来水停水', '排水不畅', '缺少公厕', '公交不便', '网络信号差', '垃圾清运不及时'];
    async function workbook(badRow: number | null): Promise<Buffer> {
      const res = await h.req('minsheng', 'GET', '/api/v1/matters/import-template.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const ws = wb.worksheets[0]!;
      const cols = new Map<string, number>();
      ws.getRow(1).eachCell((c, i) => cols.set(String(c.text).replace(/[*＊\s]/g, ''), i));
      for (let r = ws.rowCount; r >= 2; r--) ws.spliceRows(r, 1);
      for (let i = 0; i < 10_000; i++) {
        const row = ws.getRow(i + 2);
        const town = towns[i % towns.length]!;
        row.getCell(cols.get('事项标题')!).value = `${town}第${i + 1}号：${needs[i % needs.length]}`;
        row.getCell(cols.get('所属区域')!).value = i === badRow ? '没有这个乡' : town;
        row.getCell(cols.get('领域')!).value = '保障和改善基本民生';
        row.getCell(cols.get('反映人类型')!).value = '个人';
        row.getCell(cols.get('反映人')!).value = `村民${i + 1}`;
        row.getCell(cols.get('联系电话')!).value = `139${String(10_000_000 + i).padStart(8, '0')}`;
        row.getCell(cols.get('收集日期')!).value = '2026-05-01';
      }
      return Buffer.from(await wb.xlsx.writeBuffer());
    }
    const upload = async (data: Buffer) => {
      const body = multipart([{ name: 'file', filename: 'visits.xlsx', data }]);
      const t0 = performance.now();
      const res = await h.req('minsheng', 'POST', '/api/v1/matters/import', body.payload, body.headers);
      return { res, ms: Math.round(performance.now() - t0) };
    };

    const bad = await upload(await workbook(7_777));
    expect(bad.res.json().imported).toBe(0);
    expect(bad.res.json().errors).toEqual([expect.objectContaining({ row: 7_779 })]);
    expect((await h.req('minsheng', 'GET', '/api/v1/matters?pageSize=1')).json().total).toBe(0);

    const good = await upload(await workbook(null));
    expect(good.res.statusCode, good.res.body.slice(0, 300)).toBe(200);
    expect(good.res.json()).toEqual({ imported: 10_000, errors: [] });
    expect((await h.req('minsheng', 'GET', '/api/v1/matters?regionCode=140311&pageSize=1')).json().total).toBe(10_000);
    console.log(`[import-10k ${h.kind}] refused (one bad row): ${bad.ms} ms; imported 10,000 rows: ${good.ms} ms`);
  });
});
