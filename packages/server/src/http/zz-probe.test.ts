import { it } from 'vitest';
import { describeEachDb } from '../testing/harness.ts';

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
function mp(parts: { name: string; filename?: string; type?: string; data: Buffer | string }[], boundary = 'XXBOUNDARYXX') {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describeEachDb('probe', (get) => {
  it('probe', async () => {
    const h = get();
    const reg = await h.req('clerk', 'POST', '/api/v1/cases', { type: 'complaint', content: 'x停水', regionCode: '140802', requester: { name: '王', phone: '13812345678' } });
    const id = reg.json().id;
    const auth = { authorization: `Bearer ${(await h.req('clerk','GET','/api/v1/me')) && h.tokens['clerk']}` };
    h.app.log.error = ((o: unknown) => console.log('LOGGED', o)) as never;
    const m = mp([{ name: 'file', filename: 'a.png', data: png }]);
    for (const [label, headers, body] of [
      ['no boundary', { 'content-type': 'multipart/form-data' }, m.body],
      ['truncated', m.headers, m.body.subarray(0, 150)],
      ['garbage', m.headers, Buffer.from('garbage garbage')],
      ['empty', m.headers, Buffer.alloc(0)],
    ] as const) {
      const r = await h.app.inject({ method: 'POST', url: `/api/v1/cases/${id}/attachments`, headers: { ...auth, ...headers }, payload: body });
      console.log(label, r.statusCode, r.body);
    }
  });
});
