import { expect, it } from 'vitest';
import { registerCase } from '../../testing/case-actions.ts';
import { describeEachDb } from '../../testing/harness.ts';

const consultation = (content: string, regionCode: string) => ({
  type: 'consultation',
  content,
  regionCode,
  requester: { phone: '13900001111' },
});

/** Admin settings change real deadlines: a holiday override and a region's own time limits. */
describeEachDb('settings: calendar overrides and time limits', (get) => {
  it('the calendar lists 2026’s Spring Festival and make-up Saturdays', async () => {
    const h = get();
    const res = await h.req('dispatcher', 'GET', '/api/v1/settings/calendar?year=2026');
    expect(res.statusCode).toBe(200);
    const days = res.json().days as { date: string; kind: string }[];
    expect(days.filter((d) => d.kind === 'holiday').map((d) => d.date)).toContain('2026-02-17');
    expect(days.filter((d) => d.kind === 'makeupWorkday').map((d) => d.date)).toEqual(expect.arrayContaining(['2026-02-14', '2026-02-28']));
  });

  it('an admin’s holiday override moves the deadline of cases registered afterwards; only admins may set it', async () => {
    const h = get();
    // Monday 2026-03-09 09:00: a consultation is due in 2 working days -> Wednesday 03-11 17:30 Beijing.
    const before = await registerCase(h, 'clerk', consultation('咨询办证材料', '140802'));
    expect(before.answerBy).toBe('2026-03-11T09:30:00.000Z');
    expect(
      (await h.req('dispatcher', 'PUT', '/api/v1/settings/calendar/overrides/2026-03-10', { kind: 'holiday', name: '地方节日' }))
        .statusCode,
    ).toBe(403);
    const put = await h.req('admin', 'PUT', '/api/v1/settings/calendar/overrides/2026-03-10', { kind: 'holiday', name: '地方节日' });
    expect(put.statusCode, put.body).toBe(200);
    const after = await registerCase(h, 'clerk', consultation('咨询办证材料', '140802'));
    expect(after.answerBy).toBe('2026-03-12T09:30:00.000Z');
    expect((await h.req('admin', 'PUT', '/api/v1/settings/calendar/overrides/2026-02-30', { kind: 'holiday' })).statusCode).toBe(400);
    expect((await h.req('admin', 'DELETE', '/api/v1/settings/calendar/overrides/2026-03-10')).statusCode).toBe(204);
  });

  it('a region’s own time limit applies to its cases and its townships, and a bad policy is refused', async () => {
    const h = get();
    const bad = await h.req('admin', 'PUT', '/api/v1/settings/time-limits/140802', {
      answer: { consultation: { unit: 'workingDays', value: -1 } },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await h.req('admin', 'PUT', '/api/v1/settings/time-limits/140802', {
      answer: { consultation: { unit: 'workingDays', value: 1 } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().effective.answer.consultation).toEqual({ unit: 'workingDays', value: 1 });
    expect(ok.json().effective.answer.complaint).toEqual({ unit: 'workingDays', value: 15 });
    const c = await registerCase(h, 'clerk', consultation('咨询', '140802001'));
    expect(c.answerBy).toBe('2026-03-10T09:30:00.000Z');
    const other = await h.req('dispatcher', 'GET', '/api/v1/settings/time-limits/140311');
    expect(other.json().effective.answer.consultation).toEqual({ unit: 'workingDays', value: 2 });
  });
});
