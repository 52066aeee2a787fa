import { defaultLivelihoodAreas, type MilestoneLight, type PublicProject } from '@huiyin/core';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.ts';
import { zh as texts } from '../../i18n/public-projects.ts';
import type { MessageKey } from '../../i18n/messages.ts';

/** The answer of GET /api/v1/public/projects?regionCode=. */
export interface PublicProjectList {
  region: { code: string; name: string };
  items: PublicProject[];
}

/** Without a region the server answers for the county with the most published projects. */
export function fetchPublicProjects(regionCode: string | undefined, lang: string): Promise<PublicProjectList> {
  const query = regionCode === undefined ? '' : `?regionCode=${encodeURIComponent(regionCode)}`;
  return api<PublicProjectList>(`/api/v1/public/projects${query}`, { lang });
}

export function fetchPublicProject(id: number, lang: string): Promise<PublicProject> {
  return api<PublicProject>(`/api/v1/public/projects/${id}`, { lang });
}

export function photoUrl(photoId: number): string {
  return `/api/v1/public/project-photos/${photoId}`;
}

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'error'; error: unknown };

/** Loads again whenever `key` changes; the second value asks again (after an error). */
export function useLoad<T>(load: () => Promise<T>, key: string): [Loaded<T>, () => void] {
  const [value, setValue] = useState<Loaded<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setValue({ state: 'loading' });
    load().then(
      (data) => live && setValue({ state: 'ready', data }),
      (error: unknown) => live && setValue({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
    // `load` is a new function each render; `key` says what it loads.
  }, [key, attempt]);
  return [value, useCallback(() => setAttempt((a) => a + 1), [])];
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
