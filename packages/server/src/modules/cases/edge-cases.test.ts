import { expect, it } from 'vitest';
import { actOn, registerCase } from '../../testing/case-actions.ts';
import { describeEachDb } from '../../testing/harness.ts';
import { addOfficer, addSecurityAdmin } from '../admin/test-helpers.ts';

/** The corners a review found: each one a user would notice. */
const streetLight = { type: 'help', content: '路灯不亮', regionCode: '140802', requester: { phone: '13900003333' } };

describeEachDb('lifecycle edge cases', (get) => {
  it('a merge of a merge still brings the final answer to the first requester', async () => {
    const h = get();
    const b = await registerCase(h, 'clerk', { ...streetLight, requester: { phone: '13900000001' } });
    const a = await registerCase(h, 'clerk', { ...streetLight, requester: { phone: '13900000002' } });
    const c = await registerCase(h, 'clerk', { ...streetLight, requester: { phone: '13900000003' } });
    await actOn(h, 'dispatcher', b.id, { action: 'merge', masterId: a.id });
    await actOn(h, 'dispatcher', a.id, { action: 'merge', masterId: c.id });
    expect((await h.req('dispatcher', 'GET', `/api/v1/cases/${b.id}`)).json().masterId).toBe(c.id);
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    await actOn(h, 'handler2', c.id, { action: 'sign' });
    await actOn(h, 'handler2', c.id, { action: 'reply', outcome: 'resolved', text: '路灯已修复' });
    const tb = (await h.req(null, 'GET', `/api/v1/track/${b.trackingNo}?phone=0001`)).json();
    expect(tb.answer.text).toBe('路灯已修复');
    expect(tb.timeline.at(-1).text).toContain('路灯已修复');
  });

  it('a dispatcher cannot send a case to a unit outside the centre’s regions', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', streetLight);
    const res = await h.req('dispatcher', 'POST', `/api/v1/cases/${c.id}/actions`, {
      version: 1,
      action: 'dispatch',
      leadUnitId: h.org.units['jqWater'],
    });
    expect(res.statusCode).toBe(400);
    expect((await h.req('dispatcher', 'GET', `/api/v1/cases/${c.id}`)).json().status).toBe('registered');
  });

  it('an extension request left open by the answer does not survive a reopen', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', streetLight);
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    await actOn(h, 'handler2', c.id, { action: 'sign' });
    await actOn(h, 'handler2', c.id, { action: 'requestExtension', days: 10, reason: '需要施工' });
    const replied = await actOn(h, 'handler2', c.id, { action: 'reply', outcome: 'resolved', text: '已修复' });
    expect(replied.pendingExtension).toBeNull();
    await actOn(h, 'supervisor', c.id, { action: 'followUp', solved: false, satisfaction: 'dissatisfied' });
    await actOn(h, 'supervisor', c.id, { action: 'reopen', reason: '未修好' });
    const asked = await actOn(h, 'handler2', c.id, { action: 'requestExtension', days: 3, reason: '再次施工' });
    expect(asked.pendingExtension.days).toBe(3);
  });

  it('an answer given on the spot and found unsatisfying is reopened to dispatch', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', { ...streetLight, type: 'consultation' });
    await actOn(h, 'clerk', c.id, { action: 'reply', outcome: 'resolved', text: '已当场解答' });
    await actOn(h, 'supervisor', c.id, { action: 'followUp', solved: false, satisfaction: 'dissatisfied' });
    const reopened = await actOn(h, 'supervisor', c.id, { action: 'reopen', reason: '解答不准确，需转办' });
    expect(reopened.status).toBe('registered');
    // Back with dispatch: the supervisor may only cite the rules meanwhile.
    expect(reopened.allowedActions).toEqual(['cite']);
    expect((await h.req('dispatcher', 'GET', `/api/v1/cases/${c.id}`)).json().allowedActions).toContain('dispatch');
  });

  it('a safety-net case gets the safety-net limit (2 working days), not its type’s', async () => {
    const h = get();
    // Monday 09:00 -> Wednesday 17:30 Beijing.
    const c = await registerCase(h, 'officer', { ...streetLight, channel: 'safety_net', failedMatter: { name: '居住证办理' } });
    expect(c.answerBy).toBe('2026-03-11T09:30:00.000Z');
  });

  it('a return after the sign-for limit is refused', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', streetLight);
    await actOn(h, 'dispatcher', c.id, { action: 'dispatch', leadUnitId: h.org.units['water'] });
    h.clock.advance(2 * 86400_000);
    h.resetSessions();
    const late = await h.req('handler2', 'POST', `/api/v1/cases/${c.id}/actions`, { version: 2, action: 'return', reason: '不归我们管' });
    expect(late.statusCode).toBe(409);
    expect((await h.req('handler2', 'GET', `/api/v1/cases/${c.id}`)).json().allowedActions).toEqual(['sign', 'cite']);
    h.clock.set('2026-03-09T01:00:00Z');
    h.resetSessions();
  });

  it('the regionCode filter of a city does not match another city that shares digits', async () => {
    const h = get();
    const res = await h.req('dispatcher', 'GET', '/api/v1/cases?regionCode=140800&pageSize=200');
    const items = res.json().items as { regionCode: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.regionCode.startsWith('1408'))).toBe(true);
    const none = (await h.req('dispatcher', 'GET', '/api/v1/cases?regionCode=140000&pageSize=5')).json().items;
    expect(none.length).toBeGreaterThan(0);
  });

  it('ten wrong guesses lock a tracking number for the hour, whatever X-Forwarded-For says', async () => {
    const h = get();
    const c = await registerCase(h, 'clerk', { ...streetLight, requester: { phone: '13900004444' } });
    for (let i = 0; i < 10; i++) {
      const r = await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=${String(1000 + i)}`, undefined, {
        'x-forwarded-for': `10.0.0.${i}`,
      });
      expect(r.statusCode).toBe(404);
    }
    const locked = await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=4444`, undefined, { 'x-forwarded-for': '10.9.9.9' });
    expect(locked.statusCode).toBe(429);
    h.clock.advance(3600_000 + 1);
    expect((await h.req(null, 'GET', `/api/v1/track/${c.trackingNo}?phone=4444`)).statusCode).toBe(200);
    h.clock.set('2026-03-09T01:00:00Z');
    h.resetSessions();
  });

  it('an admin changes settings and creates accounts only in their own regions', async () => {
    const h = get();
    // 盐湖区's own system admin (the demo's `admin` sits in the province's office and covers both counties).
    const yhAdmin = await addOfficer(h, 'yhadmin', 'admin', 'centre');
    const tl = await h.req(yhAdmin, 'PUT', '/api/v1/settings/time-limits/140311', { sign: { unit: 'workingDays', value: 2 } });
    expect(tl.statusCode).toBe(403);
    const intruder = {
      username: 'intruder',
      displayName: '越权',
      password: 'Long-enough-pw',
      roles: ['dispatcher'],
      unitIds: [h.org.units['jqCentre']],
    };
    // Accounts are the security admin's: the system admin is refused, and 盐湖区's security admin knows no 郊区 unit.
    expect((await h.req('admin', 'POST', '/api/v1/users', intruder)).statusCode).toBe(403);
    const sec = await addSecurityAdmin(h, 'yhsec', 'centre');
    expect((await h.req(sec, 'POST', '/api/v1/users', intruder)).statusCode).toBe(400);
    expect((await h.req(null, 'POST', '/api/v1/auth/login', { username: 'intruder', password: 'long-enough-pw' })).statusCode).toBe(401);
  });
});
