import { defaultLivelihoodAreas, type MilestoneLight, type PublicProject, type publicProjectsSchema } from '@huiyin/core';
import type { z } from 'zod';
import { query } from '../../api/client.ts';
import { useApiQuery } from '../../api/query.ts';
import { zh as texts } from '../../i18n/public-projects.ts';
import type { MessageKey } from '../../i18n/messages.ts';

/** The answer of GET /api/v1/public/projects?regionCode=. */
export type PublicProjectList = z.infer<typeof publicProjectsSchema>;

/** Without a region the server answers for the county with the most published projects. */
export function usePublicProjects(regionCode: string | undefined) {
  return useApiQuery<PublicProjectList>(['public', 'projects', regionCode ?? null], `/api/v1/public/projects${query({ regionCode })}`);
}

/** One published project; `id` null (not a number in the address) asks nothing. */
export function usePublicProject(id: number | null) {
  return useApiQuery<PublicProject>(['public', 'project', id], `/api/v1/public/projects/${id}`, { enabled: id !== null });
}

export function photoUrl(photoId: number): string {
  return `/api/v1/public/project-photos/${photoId}`;
}

/** Published projects are either being delivered or accepted (验收销号). */
export type PublicStatus = 'inProgress' | 'accepted';
export function publicStatus(p: PublicProject): PublicStatus {
  return p.status === 'accepted' ? 'accepted' : 'inProgress';
}

/** The area's name in the UI language; an area added by an admin shows its code. */
export function areaKey(code: string): MessageKey | null {
  const key = `pub.area.${code}`;
  return key in texts ? (key as MessageKey) : null;
}

/** The five default areas first, in their order, then any other code. */
export function areaOrder(code: string): number {
  const i = defaultLivelihoodAreas.findIndex((a) => a.code === code);
  return i < 0 ? defaultLivelihoodAreas.length : i;
}

export const lightColors: Record<MilestoneLight, string> = {
  green: '#389e0d',
  yellow: '#d48806',
  red: '#cf1322',
  done: '#1677ff',
};

/** The worst light of the milestones (red over yellow over green); done when all are done. */
export function projectLight(p: PublicProject): MilestoneLight | null {
  if (p.milestones.length === 0) return null;
  const lights = new Set(p.milestones.map((m) => m.light));
  if (lights.has('red')) return 'red';
  if (lights.has('yellow')) return 'yellow';
  if (lights.has('green')) return 'green';
  return 'done';
}

/** A calendar day (YYYY-MM-DD) from an ISO date or a date-time, in Beijing time. */
export function day(iso: string | null | undefined): string {
  if (!iso) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** 37.5 → "37.5", 40 → "40". */
export function percentText(p: number): string {
  const v = Math.round(Math.min(100, Math.max(0, p)) * 10) / 10;
  return String(v);
}
