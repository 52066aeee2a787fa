import type { IsoDate } from '../calendar/iso-date.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';

/**
 * A project's progress and the lights of its milestones. Progress is the weighted sum of the
 * milestones' own percentages (weights need not add up to 100: they are normalised), as in
 * Decidim's accountability results; a project without milestones has progress 0.
 */
export interface MilestoneState {
  weight: number;
  /** 0-100, the last reported percent. */
  percent: number;
}

export function projectProgress(milestones: readonly MilestoneState[]): number {
  const total = milestones.reduce((s, m) => s + Math.max(0, m.weight), 0);
  if (total <= 0) return 0;
  const done = milestones.reduce((s, m) => s + Math.max(0, m.weight) * clampPercent(m.percent), 0);
  // One decimal place; never shows 100 unless every weighted milestone is at 100.
  const p = Math.floor((done / total) * 10) / 10;
  return p;
}

export function clampPercent(p: number): number {
  return Math.min(100, Math.max(0, p));
}

/**
 * green: on time; yellow (黄灯): past its planned date by up to `redAfterWorkingDays` working
 * days; red (红灯): later than that; done: reported at 100%.
 */
export const milestoneLights = ['done', 'green', 'yellow', 'red'] as const;
export type MilestoneLight = (typeof milestoneLights)[number];

export interface LightRule {
  /** Working days past the planned date after which a yellow milestone turns red. */
  redAfterWorkingDays: number;
}

export const defaultLightRule: LightRule = { redAfterWorkingDays: 10 };

/**
 * The light of a milestone on `today` (ISO dates, China time). `plannedDate` is the last day
 * the milestone may be reached on: it is late from the next day on.
 */
export function milestoneLight(
  m: { plannedDate: IsoDate; percent: number },
  today: IsoDate,
  calendar: WorkCalendar,
  rule: LightRule = defaultLightRule,
): MilestoneLight {
  if (m.percent >= 100) return 'done';
  if (today <= m.plannedDate) return 'green';
  const redFrom = calendar.addWorkingDays(m.plannedDate, rule.redAfterWorkingDays);
  return today > redFrom ? 'red' : 'yellow';
}

/** Lights order by urgency: a notice is due when a milestone's light gets worse. */
export function lightRank(l: MilestoneLight): number {
  return l === 'red' ? 2 : l === 'yellow' ? 1 : 0;
}
