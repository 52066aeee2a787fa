import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { ApiError } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/messages.ts';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** One rule helper for every form: see forms/zodRule.ts. */
export { zodRule } from '../../forms/zodRule.ts';

/** Drop fields left empty (an optional field the user cleared). */
export function withoutEmpty<V extends Record<string, unknown>>(values: V): Partial<V> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== '')) as Partial<V>;
}

/**
 * Check a whole request body with its schema before sending (cross-field rules included) and
 * put each problem next to its field. `messages` replaces zod's text for a field.
 */
export function checkWith<S extends z.ZodType>(
  form: FormInstance,
  schema: S,
  body: unknown,
  messages: Record<string, string> = {},
): z.output<S> | null {
  const res = schema.safeParse(body);
  if (res.success) return res.data;
  const byField = new Map<string, string>();
  for (const issue of res.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!byField.has(field)) byField.set(field, messages[field] ?? issue.message);
  }
  form.setFields([...byField].map(([name, msg]) => ({ name, errors: [msg] })));
  return null;
}

interface FieldProblem {
  path: string;
  message: string;
  code?: string;
  count?: number;
}

function fieldsOf(e: unknown): FieldProblem[] {
  const fields = (e as { fields?: unknown }).fields;
  return Array.isArray(fields) ? (fields as FieldProblem[]) : [];
}

/** The admin API's explanation of a problem in the user's language, when it gave a known code. */
export function explain(e: unknown, t: T): string {
  const f = fieldsOf(e)[0];
  if (f?.code) {
    const key = `admin.err.${f.code}` as MessageKey;
    const text = t(key, { count: f.count ?? '' });
    if (text !== key) return text;
  }
  return e instanceof Error ? e.message : String(e);
}

/**
 * Show an API refusal where it belongs: a field problem beside the field (if the form has it),
 * anything else as the returned text for the dialog's alert.
 */
export function applyApiError(form: FormInstance | null, e: unknown, t: T, formFields: readonly string[]): string | null {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  const fields = fieldsOf(e).filter((f) => formFields.includes(f.path.split('.')[0] ?? ''));
  if (form && fields.length > 0) {
    form.setFields(
      fields.map((f) => {
        const key = `admin.err.${f.code ?? ''}` as MessageKey;
        const text = f.code ? t(key, { count: f.count ?? '' }) : key;
        return { name: f.path.split('.')[0]!, errors: [text !== key ? text : f.message] };
      }),
    );
    return null;
  }
  return explain(e, t);
}
