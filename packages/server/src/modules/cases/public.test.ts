import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { buildApp } from '../../main/app.ts';
import { submitCase } from '../../testing/case-actions.ts';
import { expectError } from '../../testing/errors.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { PNG, multipart } from '../../testing/multipart.ts';

/**
 * The citizen extras: the public page configuration, and photos sent without signing in right
 * after submitting a request (tracking number + full phone, 30 minutes, 5 photos, images only).
 */

const PHONE = '13935901234';

const photo = (i = 1) => ({ name: 'photos', filename: `photo-${i}.png`, type: 'image/png', data: PNG });

/** A manhole cover gone: a request submitted without signing in. */
const manhole = {
  type: 'help',
  content: '小区门口的下水道井盖丢了，晚上很危险',
  categoryCode: 'water.outage',
  regionCode: '140802',
  address: '盐湖区解放路 1 号',
  requester: { name: '张女士', phone: PHONE },
};

function upload(h: Harness, trackingNo: string, parts: Parameters<typeof multipart>[0], query = '', lang = 'zh-CN') {
  const m = multipart(parts);
  return h.app.inject({
    method: 'POST',
    url: `/api/v1/public/cases/${trackingNo}/photos${query}`,
    headers: { ...m.headers, 'accept-language': lang },
    payload: m.payload,
  });
}

/** Files stored under the data directory (nothing may be left behind by a refused upload). */
function storedFiles(h: Harness): number {
  const root = path.join(h.dataDir, 'attachments');
  if (!existsSync(root)) return 0;
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).length;
}

async function attachmentsOf(h: Harness, id: number) {
  const res = await h.req('dispatcher', 'GET', `/api/v1/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { attachments: { id: string; fileName: string; mimeType: string }[] }).attachments;
}

describeEachDb('public: page config and photos with a new request', (get) => {
  it('config: no tile URL configured is null, and the districts with a service centre are listed', async () => {
    const h = get();
    const res = await h.req(null, 'GET', '/api/v1/public/config');
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      mapTileUrl: string | null;
      maxPhotos: number;
      serviceRegions: { code: string; name: string; fullName: string }[];
    };
    expect(body.mapTileUrl).toBeNull();
    expect(body.maxPhotos).toBe(5);
    expect(body.serviceRegions.map((r) => r.code)).toEqual(['140311', '140802']);
    expect(body.serviceRegions.find((r) => r.code === '140802')).toEqual({ code: '140802', name: '盐湖区', fullName: '运城市盐湖区' });

    const withTiles = await buildApp({
      db: h.db.db,
      clock: h.clock,
      dataDir: h.dataDir,
      mapTileUrl: 'https://tiles.example.test/{z}/{x}/{y}.png',
    });
    try {
      const r = await withTiles.inject({ method: 'GET', url: '/api/v1/public/config' });
      expect(r.json()).toMatchObject({ mapTileUrl: 'https://tiles.example.test/{z}/{x}/{y}.png' });
    } finally {
      await withTiles.close();
    }
  });

  it('the right phone and an image: 201, and the photo is in the staff case detail', async () => {
    const h = get();
    const c = await submitCase(h, manhole);
    // The phone as typed on a phone keyboard, with spaces: normalised like at submission.
    const res = await upload(h, c.trackingNo, [{ name: 'phone', data: '139 3590 1234' }, photo()]);
    expect(res.statusCode, res.body).toBe(201);
    const { items } = res.json() as { items: { id: string; fileName: string; mimeType: string }[] };
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ fileName: 'photo-1.png', mimeType: 'image/png' });

    const attachments = await attachmentsOf(h, c.id);
    expect(attachments.map((a) => a.id)).toEqual([items[0]!.id]);
    const file = await h.req('dispatcher', 'GET', `/api/v1/attachments/${items[0]!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(PNG)).toBe(true);

    // The phone may come as a query parameter too.
    const viaQuery = await upload(h, c.trackingNo, [photo(2)], `?phone=${PHONE}`);
    expect(viaQuery.statusCode, viaQuery.body).toBe(201);
    expect(await attachmentsOf(h, c.id)).toHaveLength(2);

    // Recorded in the case's history as the citizen's.
    const events = await h.db.db
      .selectFrom('case_events')
      .select(['action', 'actor_role', 'actor_id'])
      .where('case_id', '=', c.id)
      .where('action', '=', 'attach')
      .execute();
    expect(events).toEqual([
      { action: 'attach', actor_role: 'citizen', actor_id: null },
      { action: 'attach', actor_role: 'citizen', actor_id: null },
    ]);
  });

  it('a wrong phone or an unknown number is 404 and stores nothing; a missing phone or a bad number is 400', async () => {
    const h = get();
    const c = await submitCase(h, manhole);
    const files = storedFiles(h);
    const wrong = expectError(await upload(h, c.trackingNo, [{ name: 'phone', data: '13935909999' }, photo()]), 404, 'not_found');
    expect(wrong.message).toMatch(/未找到/);
    // The last four digits alone are not enough here.
    expectError(await upload(h, c.trackingNo, [{ name: 'phone', data: '1234' }, photo()]), 400, 'validation_failed');
    expectError(await upload(h, '140802-2026-999999', [{ name: 'phone', data: PHONE }, photo()]), 404, 'not_found');
    const missing = expectError(await upload(h, c.trackingNo, [photo()]), 400, 'validation_failed');
    expect(JSON.stringify(missing)).toContain('phone');
    expectError(await upload(h, 'not-a-number', [{ name: 'phone', data: PHONE }, photo()]), 400, 'validation_failed');
    expect(storedFiles(h)).toBe(files);
    expect(await attachmentsOf(h, c.id)).toEqual([]);
  });

  it('only images: a text file or a PDF is 415, a JSON body is 415, and nothing is stored', async () => {
    const h = get();
    const c = await submitCase(h, manhole);
    const files = storedFiles(h);
    const text = expectError(
      await upload(h, c.trackingNo, [
        { name: 'phone', data: PHONE },
        { name: 'photos', filename: 'photo.jpg', type: 'image/jpeg', data: '这不是图片，只是一段文字。\n'.repeat(20) },
      ]),
      415,
      'unsupported_media_type',
    );
    expect(text.message).toMatch(/只能上传图片/);
    // One bad file fails the whole upload, the good one with it.
    expectError(
      await upload(h, c.trackingNo, [
        { name: 'phone', data: PHONE },
        photo(),
        {
          name: 'photos',
          filename: 'scan.pdf',
          type: 'application/pdf',
          data: '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n',
        },
      ]),
      415,
      'unsupported_media_type',
    );
    const json = await h.app.inject({
      method: 'POST',
      url: `/api/v1/public/cases/${c.trackingNo}/photos?phone=${PHONE}`,
      payload: { photo: 'x' },
    });
    expectError(json, 415, 'unsupported_media_type');
    expect(storedFiles(h)).toBe(files);
    expect(await attachmentsOf(h, c.id)).toEqual([]);
  });

  it('at most 5 photos per request: the 6th is refused (409), 6 in one upload too (413)', async () => {
    const h = get();
    const c = await submitCase(h, manhole);
    const five = await upload(h, c.trackingNo, [{ name: 'phone', data: PHONE }, photo(1), photo(2), photo(3), photo(4), photo(5)]);
    expect(five.statusCode, five.body).toBe(201);
    const files = storedFiles(h);
    const sixth = expectError(await upload(h, c.trackingNo, [{ name: 'phone', data: PHONE }, photo(6)]), 409, 'conflict');
    expect(sixth.message).toMatch(/最多上传 5 张/);
    expect(storedFiles(h)).toBe(files);

    const other = await submitCase(h, manhole);
    expectError(
      await upload(h, other.trackingNo, [{ name: 'phone', data: PHONE }, ...[1, 2, 3, 4, 5, 6].map(photo)]),
      413,
      'payload_too_large',
    );
    expect(await attachmentsOf(h, other.id)).toEqual([]);
    expect(await attachmentsOf(h, c.id)).toHaveLength(5);
  });

  it('after 30 minutes the upload is closed (403, with the reason, in the caller language)', async () => {
    const h = get();
    const c = await submitCase(h, manhole);
    h.clock.advance(29 * 60_000);
    const inTime = await upload(h, c.trackingNo, [{ name: 'phone', data: PHONE }, photo()]);
    expect(inTime.statusCode, inTime.body).toBe(201);
    h.clock.advance(2 * 60_000);
    const late = expectError(await upload(h, c.trackingNo, [{ name: 'phone', data: PHONE }, photo(2)]), 403, 'forbidden');
    expect(late.message).toContain('30 分钟');
    const lateEn = expectError(await upload(h, c.trackingNo, [{ name: 'phone', data: PHONE }, photo(2)], '', 'en'), 403, 'forbidden');
    expect(lateEn.message).toContain('within 30 minutes');
    expect(await attachmentsOf(h, c.id)).toHaveLength(1);
  });

  it('is rate-limited (20 a minute) in the error shape', async () => {
    const h = get();
    let last: LightMyRequestResponse | undefined;
    for (let i = 0; i < 25; i++) {
      last = await upload(h, '140802-2026-999998', [{ name: 'phone', data: PHONE }, photo()]);
      if (last.statusCode === 429) break;
    }
    expectError(last!, 429, 'rate_limited');
  });
});
