import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { multipart } from '../../testing/multipart.ts';
import { openSealedText } from '../../outbox/sealed-text.ts';
import { createDeliveryWorker, type DeliveryWorker } from '../notify/delivery-worker.ts';
import { startHttpReceiver, type HttpReceiver } from '../notify/test-receivers.ts';
import { addSecurityAdmin, login } from './test-helpers.ts';

/** A people workbook filled from the downloaded template. */
async function peopleFile(h: Harness, as: string, rows: readonly (readonly string[])[]): Promise<Buffer> {
  const tpl = await h.req(as, 'GET', '/api/v1/admin/users/template.xlsx');
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

// With an SMS gateway configured (HUIYIN_SMS_GATEWAY_URL); without one, sms=true is refused (import-people.test.ts).
describeEachDb(
  'people import: one-time passwords by SMS',
  (get) => {
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

    it('with sms=true a new person with a mobile phone gets the one-time password by SMS, sealed in the outbox; the others get it printed', async () => {
      const h = get();
      const sec = await addSecurityAdmin(h, 'yhsecsms', 'centre');
      const r = await upload(
        h,
        sec,
        false,
        await peopleFile(h, sec, [
          ['孙短信', 'sunduanxin', '13935910077', '受理员', '运城市盐湖区政务服务中心'],
          ['周打印', 'zhoudayin', '', '受理员', '运城市盐湖区政务服务中心'],
        ]),
        '&sms=true',
      );
      expect(r).toMatchObject({ applied: true, created: 2 });
      const [bySms, printed] = r.oneTimePasswords;
      expect(bySms).toEqual({ row: 2, username: 'sunduanxin', displayName: '孙短信', password: null, smsTo: '139****0077' });
      expect(printed).toMatchObject({ username: 'zhoudayin', smsTo: null, password: expect.any(String) });
      // (The outbox keeps the previous test's message too: only this one's.)
      const outbox = (
        await h.db.db.selectFrom('outbox').select(['topic', 'payload']).where('topic', '=', 'people.one_time_password').execute()
      ).filter((m) => (m.payload as { to?: string }).to === '13935910077');
      expect(outbox).toHaveLength(1);
      const payload = outbox[0]!.payload as { to: string; sealed: string; userId: number };
      expect(payload.to).toBe('13935910077');
      // Sealed: the database holds no text; the SMS sender opens it to a text with a password that signs in.
      expect(JSON.stringify(payload)).not.toMatch(/一次性密码/);
      const text = openSealedText(payload.sealed);
      const password = /一次性密码：(\S+?)。/.exec(text)?.[1];
      expect(password, text).toBeDefined();
      const signIn = await login(h, 'sunduanxin', password);
      expect(signIn.statusCode, signIn.body).toBe(200);
      expect(signIn.json()).toMatchObject({ passwordChangeRequired: true });
    });
  },
  { smsChannel: true },
);
