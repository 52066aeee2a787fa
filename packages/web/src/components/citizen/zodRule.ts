import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An antd Form rule from a shared core schema: the form checks a field exactly as the API will.
 * zod's own messages follow the UI language (z.config locale). An empty input counts as absent:
 * optional fields pass, required ones say `required`. `message` replaces messages a schema
 * spells out itself (those are written for developers, in English).
 */
export function zodRule(schema: z.ZodType, opts: { required?: string; message?: string } = {}): FormRule {
  return {
    validator: (_rule, raw: unknown) => {
      const value = raw === '' || raw === null || (typeof raw === 'string' && raw.trim() === '') ? undefined : raw;
      const res = schema.safeParse(value);
      if (res.success) return Promise.resolve();
      if (value === undefined && opts.required) return Promise.reject(new Error(opts.required));
      return Promise.reject(new Error(opts.message ?? res.error.issues[0]?.message ?? 'invalid'));
    },
  };
}

/** Field errors of an API validation failure (or of a whole-schema check), for form.setFields. */
export function fieldErrors<V>(fields: readonly { path: string; message: string }[], known: readonly string[]): Parameters<FormInstance<V>['setFields']>[0] {
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
  return Array.isArray(f) ? f.filter((x): x is { path: string; message: string } => typeof x?.path === 'string' && typeof x?.message === 'string') : [];
}
