import type { FormInstance } from 'antd';

/** One rule helper for every form: see forms/zodRule.ts. */
export { zodRule } from '../../forms/zodRule.ts';

/** Field errors of an API validation failure (or of a whole-schema check), for form.setFields. */
export function fieldErrors<V>(
  fields: readonly { path: string; message: string }[],
  known: readonly string[],
): Parameters<FormInstance<V>['setFields']>[0] {
  const out = new Map<string, string[]>();
  for (const f of fields) {
    if (!known.includes(f.path)) continue;
    out.set(f.path, [...(out.get(f.path) ?? []), f.message]);
  }
  // The paths are the form's own field names (the forms name their fields as the API does).
  return [...out].map(([path, errors]) => ({ name: path.split('.'), errors })) as Parameters<FormInstance<V>['setFields']>[0];
}

/** The `fields` of an ApiError (validation details), or none. */
export function apiFields(e: unknown): { path: string; message: string }[] {
  const f = (e as { fields?: unknown } | null)?.fields;
  return Array.isArray(f)
    ? f.filter((x): x is { path: string; message: string } => typeof x?.path === 'string' && typeof x?.message === 'string')
    : [];
}
