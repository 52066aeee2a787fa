import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, isoDate, type IsoDate } from '../calendar/iso-date.ts';
import { createChinaCalendar } from '../calendar/china-calendar.ts';
import { assignmentLetterNo, batchName, chineseNumber, defaultLetterPrefix } from './vocabulary.ts';
import { lightRank, milestoneLight, projectProgress } from './progress.ts';

const calendar = createChinaCalendar();
const milestone = fc.record({ weight: fc.integer({ min: 1, max: 100 }), percent: fc.integer({ min: 0, max: 100 }) });

describe('project progress: the weighted sum of its milestones', () => {
  it('stays within 0-100 and is 100 exactly when every milestone is', () => {
    fc.assert(
      fc.property(fc.array(milestone, { minLength: 1, maxLength: 12 }), (ms) => {
        const p = projectProgress(ms);
        expect(p).toBeGreaterThanOrEqual(0);
        expect(p).toBeLessThanOrEqual(100);
        expect(p === 100).toBe(ms.every((m) => m.percent === 100));
      }),
    );
  });

  it('never goes down when one milestone moves forward', () => {
    fc.assert(
      fc.property(fc.array(milestone, { minLength: 1, maxLength: 12 }), fc.nat(), fc.integer({ min: 0, max: 100 }), (ms, i, more) => {
        const k = i % ms.length;
        const after = ms.map((m, j) => (j === k ? { ...m, percent: Math.min(100, m.percent + more) } : m));
        expect(projectProgress(after)).toBeGreaterThanOrEqual(projectProgress(ms));
      }),
    );
  });

  it('weighs milestones by their weight, whatever the scale', () => {
    expect(
      projectProgress([
        { weight: 20, percent: 100 },
        { weight: 50, percent: 50 },
        { weight: 30, percent: 0 },
      ]),
    ).toBe(45);
    expect(
      projectProgress([
        { weight: 2, percent: 100 },
        { weight: 5, percent: 50 },
        { weight: 3, percent: 0 },
      ]),
    ).toBe(45);
    expect(projectProgress([])).toBe(0);
  });
});

describe('milestone lights', () => {
  const day = fc.integer({ min: 0, max: 700 }).map((n) => addCalendarDays(isoDate('2026-01-01'), n));

  it('done at 100%, green up to the planned date, then yellow, then red: never back', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 30 }), (planned, percent, redAfter) => {
        let worst = 0;
        for (let d = 0; d < 80; d++) {
          const today = addCalendarDays(planned, d - 10) as IsoDate;
          const light = milestoneLight({ plannedDate: planned, percent }, today, calendar, { redAfterWorkingDays: redAfter });
          expect(light === 'green').toBe(today <= planned);
          expect(lightRank(light)).toBeGreaterThanOrEqual(worst);
          worst = lightRank(light);
          expect(milestoneLight({ plannedDate: planned, percent: 100 }, today, calendar)).toBe('done');
        }
      }),
    );
  });

  it('counts working days: late on 2026-09-30 turns red after the National Day holiday, not during it', () => {
    const m = { plannedDate: isoDate('2026-09-25'), percent: 40 };
    const rule = { redAfterWorkingDays: 5 };
    expect(milestoneLight(m, isoDate('2026-09-28'), calendar, rule)).toBe('yellow');
    expect(milestoneLight(m, isoDate('2026-10-07'), calendar, rule)).toBe('yellow'); // 10-01..10-07 are holidays
    expect(milestoneLight(m, isoDate('2026-10-13'), calendar, rule)).toBe('red');
  });
});

describe('livelihood names', () => {
  it('writes batches and letter numbers the way a party office does', () => {
    expect([1, 2, 10, 12, 20, 46].map(chineseNumber)).toEqual(['一', '二', '十', '十二', '二十', '四十六']);
    expect(batchName(1)).toBe('第一批');
    expect(defaultLetterPrefix('郊区')).toBe('郊党办交');
    expect(defaultLetterPrefix('阳泉市郊区')).toBe('郊党办交');
    expect(defaultLetterPrefix('盂县')).toBe('盂党办交');
    expect(assignmentLetterNo('郊党办交', 2026, 12)).toBe('郊党办交〔2026〕12号');
  });
});
