import { expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { expectError } from '../../testing/errors.ts';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { addOfficer, auditEntries, auditSeq } from '../admin/test-helpers.ts';

/** What the national settings hold, to show a refusal leaves them unchanged. */
async function nationalState(h: Harness): Promise<string> {
  const db = h.db.db;
  const [overrides, categories, settings, areas, policies] = await Promise.all([
    db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute(),
    db.selectFrom('categories').selectAll().orderBy('code').execute(),
    db.selectFrom('app_settings').select(['key', 'value']).orderBy('key').execute(),
    db.selectFrom('livelihood_areas').selectAll().orderBy('code').execute(),
    db.selectFrom('policies').select(['id', 'title', 'unit_ids']).orderBy('id').execute(),
  ]);
  return JSON.stringify({ overrides, categories, settings, areas, policies });
}

function national(res: LightMyRequestResponse) {
  const err = expectError(res, 403, 'forbidden');
  expect(err.message).toMatch(/national|全国|national setting/i);
}

const article = (docNumber: string, unitIds?: number[]) => ({
  title: '二次供水设施管理规定',
  docNumber,
  issuer: '人民政府',
  level: 'rule',
  articleNo: '第七条',
  body: '二次供水设施管理单位应当每半年对水箱进行一次清洗消毒。',
  ...(unitIds ? { unitIds } : {}),
});

/**
 * Issue 12: national settings (the holiday calendar, categories, the escalation and gap rules,
 * the livelihood settings and areas, national policy articles) only by a system admin of the root
 * region; regional ones (time limits, regional articles) by the admin of that region. Every change
 * is in the audit log.
 */
describeEachDb('national and regional settings', (get) => {
  it('a county admin cannot change any national setting: 403 and nothing changes', async () => {
    const h = get();
    const yh = await addOfficer(h, 'yhadmin', 'admin', 'centre');
    const before = await nationalState(h);
    const seq = await auditSeq(h);
    national(await h.req(yh, 'PUT', '/api/v1/settings/calendar/overrides/2026-03-10', { kind: 'holiday', name: '地方节日' }));
    national(await h.req(yh, 'POST', '/api/v1/admin/categories', { code: 'traffic', nameZh: '交通出行', nameEn: 'Traffic' }));
    national(await h.req(yh, 'PATCH', '/api/v1/admin/categories/water.outage', { nameZh: '改名' }));
    national(await h.req(yh, 'PUT', '/api/v1/supervision/escalation-rule', { leaderAfterWorkingDays: 9 }));
    national(await h.req(yh, 'PUT', '/api/v1/safety-net/gap-rule', { threshold: 5, windowDays: 30 }));
    national(
      await h.req(yh, 'PUT', '/api/v1/livelihood/settings', { duplicateThreshold: 0.5, duplicateWindowDays: 90, redAfterWorkingDays: 5 }),
    );
    national(await h.req(yh, 'PUT', '/api/v1/livelihood/areas', { items: [{ code: 'roads', zh: '道路', en: 'Roads' }] }));
    national(await h.req(yh, 'POST', '/api/v1/policies', article('晋政发〔2026〕1号')));
    // A regional article: only for units of the admin's own regions.
    expectError(await h.req(yh, 'POST', '/api/v1/policies', article('郊政发〔2026〕1号', [h.org.units['jqWater']!])), 403, 'forbidden');
    expect(await nationalState(h)).toBe(before);
    expect(await auditEntries(h, 'settings.', seq)).toEqual([]);
    expect(await auditEntries(h, 'catalog.', seq)).toEqual([]);
    expect(await auditEntries(h, 'policy.', seq)).toEqual([]);

    // Its own region's settings are the county admin's: time limits and an article for its units.
    const tl = await h.req(yh, 'PUT', '/api/v1/settings/time-limits/140802', {
      answer: { consultation: { unit: 'workingDays', value: 1 } },
    });
    expect(tl.statusCode, tl.body).toBe(200);
    expectError(
      await h.req(yh, 'PUT', '/api/v1/settings/time-limits/140311', { answer: { consultation: { unit: 'workingDays', value: 1 } } }),
      403,
      'forbidden',
    );
    const regional = await h.req(yh, 'POST', '/api/v1/policies', article('盐政发〔2026〕1号', [h.org.units['water']!]));
    expect(regional.statusCode, regional.body).toBe(201);
    expect(await auditEntries(h, 'settings.time_limits.set', seq)).toMatchObject([
      { actor_name: 'yhadmin', target_id: '140802', region_code: '140802', outcome: 'ok' },
    ]);
    expect(await auditEntries(h, 'policy.create', seq)).toMatchObject([
      { actor_name: 'yhadmin', target_id: String(regional.json().id), region_code: '140802' },
    ]);
    // A national article the root wrote is not the county admin's to edit.
    const nat = await h.req('admin', 'POST', '/api/v1/policies', article('晋政发〔2026〕2号'));
    expect(nat.statusCode, nat.body).toBe(201);
    national(await h.req(yh, 'PATCH', `/api/v1/policies/${nat.json().id}`, { title: '改名' }));
    // Nor may it turn its regional article into a national one.
    national(await h.req(yh, 'PATCH', `/api/v1/policies/${regional.json().id}`, { unitIds: [] }));
  });

  it('the root admin changes the national settings, each change in the audit log with no region', async () => {
    const h = get();
    const seq = await auditSeq(h);
    const put = await h.req('admin', 'PUT', '/api/v1/settings/calendar/overrides/2026-03-10', { kind: 'holiday', name: '地方节日' });
    expect(put.statusCode, put.body).toBe(200);
    expect((await h.req('admin', 'DELETE', '/api/v1/settings/calendar/overrides/2026-03-10')).statusCode).toBe(204);
    expect(
      (await h.req('admin', 'POST', '/api/v1/admin/categories', { code: 'traffic', nameZh: '交通出行', nameEn: 'Traffic' })).statusCode,
    ).toBe(201);
    expect((await h.req('admin', 'PATCH', '/api/v1/admin/categories/traffic', { nameZh: '交通' })).statusCode).toBe(200);
    const rule = await h.req('admin', 'PUT', '/api/v1/supervision/escalation-rule', { leaderAfterWorkingDays: 9 });
    expect(rule.statusCode, rule.body).toBe(200);
    expect((await h.req('dispatcher', 'GET', '/api/v1/supervision/escalation-rule')).json()).toEqual({ leaderAfterWorkingDays: 9 });
    expect((await h.req('admin', 'PUT', '/api/v1/safety-net/gap-rule', { threshold: 5, windowDays: 30 })).statusCode).toBe(200);
    const s = await h.req('admin', 'PUT', '/api/v1/livelihood/settings', {
      duplicateThreshold: 0.5,
      duplicateWindowDays: 90,
      redAfterWorkingDays: 5,
    });
    expect(s.statusCode, s.body).toBe(200);
    const entries = await auditEntries(h, '', seq);
    const mine = entries.filter((e) => e.actor_name === 'admin');
    expect(mine.map((e) => e.action)).toEqual([
      'settings.calendar.set',
      'settings.calendar.remove',
      'catalog.category.create',
      'catalog.category.update',
      'settings.escalation.set',
      'settings.gap_rule.set',
      'settings.livelihood.set',
    ]);
    expect(mine.every((e) => e.region_code === null && e.outcome === 'ok' && e.source_ip)).toBe(true);
    expect(mine[0]).toMatchObject({ target_type: 'calendar_day', target_id: '2026-03-10', detail: { kind: 'holiday', name: '地方节日' } });
    expect(mine[4]!.detail).toMatchObject({ after: { leaderAfterWorkingDays: 9 } });
  });
});
