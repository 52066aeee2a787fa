import type { ListView, LivelihoodArea, photoIdsSchema, ProjectView } from '@huiyin/core';
import type { QueryKey } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { api, apiUpload, query } from '../../../api/client.ts';
import { FormInvalid } from '../../../components/FormDialog.tsx';
import { useApiMutation, useApiQuery } from '../../../api/query.ts';
import { useSession } from '../../../api/session.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/** The livelihood section's helpers: roles, areas, lists, photos, form checks. */

/** Upload photos of a project (field `files`, any number of parts); their ids. */
export async function uploadPhotos(projectId: number, files: File[]): Promise<number[]> {
  if (files.length === 0) return [];
  const form = new FormData();
  for (const f of files) form.append('files', f, f.name);
  const r = await apiUpload<z.infer<typeof photoIdsSchema>>(`/api/v1/projects/${projectId}/photos`, form);
  return r.ids;
}

/** What a change touches in this section, by query-key prefix. */
export const lvKeys = {
  /** A matter added, merged, imported or answered: the matter lists, the matters, duplicates and the lists' counts. */
  matters: [
    ['livelihood', 'matters'],
    ['livelihood', 'matter'],
    ['livelihood', 'duplicates'],
    ['livelihood', 'lists'],
    ['livelihood', 'list'],
  ] as QueryKey[],
  /** A step of a project (created, assigned, signed, reported, answered, accepted): it, the lists it is on, the duty lists, its matters and the public pages. */
  project: (id: number): QueryKey[] => [
    ['livelihood', 'project', id],
    ['livelihood', 'projects'],
    ['livelihood', 'lists'],
    ['livelihood', 'list'],
    ['livelihood', 'duty'],
    ['livelihood', 'matters'],
    ['livelihood', 'matter'],
    ['public'],
  ],
  /** A list created, its selection meeting recorded or published: the lists, their projects and the public pages. */
  lists: [['livelihood', 'lists'], ['livelihood', 'list'], ['livelihood', 'projects'], ['livelihood', 'matters'], ['public']] as QueryKey[],
};

/** The props of a dialog that takes one step of a project: it, and what happens after. */
export interface ProjectDialogProps {
  project: ProjectView;
  onCancel: () => void;
  onDone: (p: ProjectView) => void;
}

/**
 * A step of project `project` (`/api/v1/projects/:id/<step>`): its answer, the project as it now
 * is, is shown at once; the lists, duty lists, matters and public pages it touches load again.
 */
export function useProjectStep(project: { id: number }, step: string, method = 'POST') {
  return useApiMutation(
    (body: unknown) => api<ProjectView>(`/api/v1/projects/${project.id}/${step}`, { method, body }),
    lvKeys.project(project.id),
    () => ['livelihood', 'project', project.id],
  );
}

export const photoUrl = (projectId: number, photoId: number) => `/api/v1/projects/${projectId}/photos/${photoId}`;

/** What the signed-in user may do in this section (the server decides; this only hides buttons). */
export function useLvRoles() {
  const { me } = useSession();
  const roles = me?.roles ?? [];
  const has = (...r: string[]) => roles.some((x) => r.includes(x));
  return {
    me,
    /** The region the user works in (of their first unit). */
    home: me?.units[0]?.regionCode.slice(0, 6) ?? '',
    manage: has('livelihood_officer', 'admin'),
    addMatters: has('livelihood_officer', 'admin', 'clerk', 'grid_worker'),
    /** May read another cadre's duty list. */
    readOthers: has('livelihood_officer', 'admin', 'supervisor'),
    /** A cadre (leader) with no other livelihood role: the duty list is their page. */
    cadreOnly: has('leader') && !has('livelihood_officer', 'admin', 'supervisor', 'clerk', 'grid_worker'),
  };
}

/** The focus areas (few, rarely changed: loaded once per page load) and their names in the UI language. */
export function useAreas() {
  const { lang } = useI18n();
  const areas =
    useApiQuery<{ items: LivelihoodArea[] }>(['livelihood', 'areas'], '/api/v1/livelihood/areas', { staleTime: Infinity }).data?.items ??
    noAreas;
  const label = (code: string | null | undefined) => {
    if (!code) return '—';
    const a = areas.find((x) => x.code === code);
    return a ? (lang === 'zh' ? a.zh : a.en) : code;
  };
  return { areas, label, options: areas.map((a) => ({ value: a.code, label: lang === 'zh' ? a.zh : a.en })) };
}

/**
 * Check a body with its core schema and put every problem beside its (possibly nested) field;
 * the data when it passes. Problems of fields the form does not have are returned as text.
 */
export function validate<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  body: unknown,
  fields: readonly string[],
  /** Texts in the UI language by the field's last name, for the schema's own (developer) messages. */
  messages: Record<string, string> = {},
): { data: z.output<S> } | { error: string | null } {
  const res = schema.safeParse(body);
  if (res.success) return { data: res.data };
  const seen = new Set<string>();
  const set: { name: (string | number)[]; errors: string[] }[] = [];
  const other: string[] = [];
  for (const issue of res.error.issues) {
    const name = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const key = name.join('.');
    if (seen.has(key)) continue;
    seen.add(key);
    const text = messages[String(name[name.length - 1] ?? '')] ?? issue.message;
    if (fields.includes(String(name[0] ?? ''))) set.push({ name, errors: [text] });
    else other.push(text);
  }
  form.setFields(set);
  return { error: other.length > 0 ? other.join('；') : null };
}

/** `validate` for a FormDialog's submit: the data, or a FormInvalid with the text of problems of no field. */
export function valid<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  body: unknown,
  fields: readonly string[],
  messages: Record<string, string> = {},
): z.output<S> {
  const checked = validate(form, schema, body, fields, messages);
  if ('data' in checked) return checked.data;
  throw new FormInvalid(checked.error);
}

const noAreas: LivelihoodArea[] = [];
const noLists: ListView[] = [];

export const percent = (score: number) => `${Math.round(score * 100)}%`;

export const day = (d: unknown): string | undefined =>
  d && typeof (d as { format?: unknown }).format === 'function' ? (d as { format: (f: string) => string }).format('YYYY-MM-DD') : undefined;

/** The lists of the user's region (and above and below) as choices: 2026 第一批 · title. */
export function useListOptions() {
  const { t } = useI18n();
  const { home } = useLvRoles();
  const lists =
    useApiQuery<{ items: ListView[] }>(
      ['livelihood', 'lists', { regionCode: home }],
      `/api/v1/livelihood/lists${query({ regionCode: home })}`,
    ).data?.items ?? noLists;
  return {
    lists,
    options: lists.map((l) => ({
      value: l.id,
      label: `${l.regionName} ${t('lv.batchOf', { year: l.year, n: l.batch, name: l.batchName })} · ${l.title}`,
    })),
  };
}
