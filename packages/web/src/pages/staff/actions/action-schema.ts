import { actionBodySchema, type CaseAction } from '@huiyin/core';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';

/** The schema of one action's body, taken from core's discriminated union (the API validates with the same). */
export function schemaOf(action: CaseAction) {
  const s = actionBodySchema.options.find((o) => o.shape.action.value === action);
  if (!s) throw new Error(`no schema for ${action}`);
  return s;
}

/** An antd rule that checks one field with the action's own schema. */
export function fieldRule(action: CaseAction, field: string): Rule {
  const shape = schemaOf(action).shape as Record<string, z.ZodType>;
  const fieldSchema = shape[field];
  return {
    validator: async (_rule, value: unknown) => {
      if (!fieldSchema) return;
      const r = fieldSchema.safeParse(value === '' ? undefined : value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? 'invalid');
    },
  };
}

/** Whole-body check (cross-field rules such as "an explained answer needs its policy basis"). */
export function checkBody(body: Record<string, unknown>): { path: string; message: string }[] {
  const r = actionBodySchema.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message }));
}
