import {
  isoDate,
  lightRank,
  milestoneLight,
  type LightRule,
  type MilestoneLight,
  type MilestoneView,
  type ProjectListItem,
  type PublicProject,
  type ReportView,
  type WorkCalendar,
  batchName,
} from '@huiyin/core';
import type { MilestoneRow, ProjectRow, ReportRow } from './projects.repo.ts';

/**
 * Where a project is done, in words, from the regions of its matters: one village
 * (西南舁乡北岭村), several villages of one township (西南舁乡（7个村）), a few townships
 * (平坦镇、河底镇), or else the project's own region.
 */
export function placeOf(matterRegions: readonly string[], names: ReadonlyMap<string, string>, fallback: string): string {
  const codes = [...new Set(matterRegions)];
  if (codes.length === 0) return fallback;
  const towns = [...new Set(codes.map((c) => c.slice(0, 9)).filter((c) => c.length === 9))];
  if (towns.length === 1 && codes.every((c) => c.length >= 9)) {
    const town = names.get(towns[0]!) ?? '';
    const villages = codes.filter((c) => c.length === 12);
    if (villages.length === 1 && codes.length === 1) return `${town}${names.get(villages[0]!) ?? ''}`;
    if (villages.length > 1) return `${town}（${villages.length}个村、社区）`;
    return town || fallback;
  }
  if (towns.length > 1 && towns.length <= 3 && codes.every((c) => c.length >= 9)) return towns.map((t) => names.get(t) ?? t).join('、');
  return fallback;
}

/** Views of a project shared by the staff pages, the duty list and the public page. */
export function milestoneView(m: MilestoneRow, today: string, calendar: WorkCalendar, rule: LightRule): MilestoneView {
  return {
    id: m.id,
    title: m.title,
    plannedDate: m.plannedDate,
    weight: m.weight,
    reason: m.reason,
    percent: m.percent,
    light: milestoneLight({ plannedDate: isoDate(m.plannedDate), percent: m.percent }, isoDate(today), calendar, rule),
    doneOn: m.doneOn,
  };
}

/** The worst light of the milestones of a project being delivered (null before assignment). */
export function worstLight(p: ProjectRow, milestones: readonly MilestoneView[]): MilestoneLight | null {
  if (milestones.length === 0 || !['assigned', 'signed', 'accepted'].includes(p.status)) return null;
  if (milestones.every((m) => m.light === 'done')) return 'done';
  return milestones.reduce<MilestoneLight>((w, m) => (lightRank(m.light) > lightRank(w) ? m.light : w), 'green');
}

export function projectListItem(p: ProjectRow, milestones: readonly MilestoneView[]): ProjectListItem {
  return {
    id: p.id,
    listId: p.listId,
    regionCode: p.regionCode,
    regionName: p.regionName,
    title: p.title,
    areaCode: p.areaCode,
    status: p.status,
    leadUnit: p.leadUnitId !== null ? { id: p.leadUnitId, name: p.leadUnitName ?? '' } : null,
    cadre: p.cadreUserId !== null ? { id: p.cadreUserId, name: p.cadreName ?? '' } : null,
    dueDate: p.dueDate,
    progress: p.progress,
    light: worstLight(p, milestones),
    letterNo: p.letterNo,
    matterCount: p.matterCount,
    originatorCount: p.originatorCount,
    score: p.votes !== null ? { votes: p.votes, priority: p.priority ?? 0, peopleAffected: p.peopleAffected ?? 0 } : null,
  };
}

export function reportView(r: ReportRow): ReportView {
  return {
    id: r.id,
    milestoneId: r.milestoneId,
    milestoneTitle: r.milestoneTitle,
    percent: r.percent,
    text: r.text,
    photoIds: r.photoIds,
    reportedBy: r.reportedBy,
    createdAt: r.createdAt.toISOString(),
  };
}

/** What the public sees: no names, no phones, no reporters; report dates only. */
export function publicProject(
  p: ProjectRow,
  milestones: readonly MilestoneView[],
  reports: readonly ReportRow[],
  toDate: (d: Date) => string,
  place: string,
): PublicProject {
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    regionCode: p.regionCode,
    regionName: p.regionName,
    place,
    listTitle: p.listTitle,
    batchName: batchName(p.listBatch),
    areaCode: p.areaCode,
    status: p.status,
    leadUnit: p.leadUnitName,
    dueDate: p.dueDate,
    progress: p.progress,
    milestones: milestones.map((m) => ({ title: m.title, plannedDate: m.plannedDate, percent: m.percent, light: m.light })),
    lastReports: reports.map((r) => ({
      milestoneTitle: r.milestoneTitle,
      percent: r.percent,
      text: r.text,
      photoIds: r.photoIds,
      date: toDate(r.createdAt),
    })),
    acceptedOn: p.acceptedAt ? toDate(p.acceptedAt) : null,
    originatorCount: p.originatorCount,
  };
}
