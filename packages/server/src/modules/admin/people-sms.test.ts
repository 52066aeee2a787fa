import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';
import { createDeliveryWorker, type DeliveryWorker } from '../notify/delivery-worker.ts';
import { startHttpReceiver, type HttpReceiver } from '../notify/test-receivers.ts';
import { addSecurityAdmin, login } from './test-helpers.ts';

describeEachDb('people import: one-time passwords by SMS', (get) => {
  let sms: HttpReceiver;
  let worker: DeliveryWorker;

  beforeAll(async () => {
    const h = get();
    sms = await startHttpReceiver({ path: '/sms' });
    worker = createDeliveryWorker({ db: h.db.db, clock: h.clock, channels: { smsGatewayUrl: sms.url }, policy: { sendTimeoutMs: 400 } });
  });
  afterAll(async () => {
    await worker?.stop();
    await sms?.close();
  });

  it('the gateway gets the text with the password; the outbox and the deliveries keep it only sealed', async () => {
    const h = get();
    const sec = await addSecurityAdmin(h, 'yhsecgw', 'centre');
    const tpl = await h.req(sec, 'GET', '/api/v1/admin/users/template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as never);
    wb.getWorksheet('人员')!.getRow(2).values = ['吴短信', 'wuduanxin', '13935910088', '派单员', '运城市盐湖区政务服务中心'];
    const form = multipart([{ name: 'file', filename: 'p.xlsx', data: Buffer.from(await wb.xlsx.writeBuffer()) }]);
    const res = await h.req(sec, 'POST', '/api/v1/admin/users/import?dryRun=false&sms=true', form.payload, form.headers);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().oneTimePasswords).toEqual([
      { row: 2, username: 'wuduanxin', displayName: '吴短信', password: null, smsTo: '139****0088' },
    ]);

    await worker.drain();
    const got = sms.received.filter((m) => m.body['to'] === '13935910088');
    expect(got).toHaveLength(1);
    const text = String(got[0]!.body['text']);
    expect(text).toContain('wuduanxin');
    const password = /一次性密码：(\S+?)。/.exec(text)?.[1];
    expect(password, text).toBeDefined();

    // Nothing in the database holds the password in clear.
    const stored = await sql<{ payload: unknown }>`
      select payload from outbox where topic = 'people.one_time_password'
      union all select payload from deliveries where topic = 'people.one_time_password'`.execute(h.db.db);
    expect(stored.rows).toHaveLength(2);
    expect(JSON.stringify(stored.rows)).not.toContain(password!);
    const audit = await sql<{ detail: unknown }>`select detail from audit_log`.execute(h.db.db);
    expect(JSON.stringify(audit.rows)).not.toContain(password!);

    const signIn = await login(h, 'wuduanxin', password);
    expect(signIn.statusCode, signIn.body).toBe(200);
    expect(signIn.json()).toMatchObject({ passwordChangeRequired: true });
  });
});
