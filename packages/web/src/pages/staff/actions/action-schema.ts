import { actionBodySchema, rootCauseSchema, type CaseAction } from '@huiyin/core';
import type { Rule } from 'antd/es/form';
import { zodRule } from '../../../forms/zodRule.ts';
import type { z } from 'zod';

/** The schema of one action's body, taken from core's discriminated union (the API validates with the same). */
export function schemaOf(action: CaseAction) {
  const s = actionBodySchema.options.find((o) => o.shape.action.value === action);
  if (!s) throw new Error(`no schema for ${action}`);
  return s;
}

function fieldSchemaOf(action: CaseAction, field: string): z.ZodType | undefined {
  return (schemaOf(action).shape as Record<string, z.ZodType>)[field];
}

/** True when the action's schema does not accept the field left out. */
export function isRequired(action: CaseAction, field: string): boolean {
  const fieldSchema = fieldSchemaOf(action, field);
  return fieldSchema !== undefined && !fieldSchema.safeParse(undefined).success;
}

/**
 * An antd rule that checks one field with the action's own schema; a required field left empty
 * gets `requiredMessage` instead of zod's technical wording.
 */
export function fieldRule(action: CaseAction, field: string, requiredMessage: string): Rule {
  const fieldSchema = fieldSchemaOf(action, field);
  if (!fieldSchema) return {};
  return zodRule(fieldSchema, isRequired(action, field) ? { required: requiredMessage } : {});
}

/** A rule for one field of a decision's root cause (core's rootCauseSchema; cross-field rules come with the whole body). */
export function rootCauseRule(field: keyof typeof rootCauseSchema.shape, requiredMessage?: string): Rule {
  return zodRule(rootCauseSchema.shape[field], requiredMessage ? { required: requiredMessage } : {});
}

/** Whole-body check (cross-field rules such as "an explained answer needs its policy basis"); paths as antd names. */
export function checkBody(body: Record<string, unknown>): { path: (string | number)[]; message: string }[] {
  const r = actionBodySchema.safeParse(body);
  return r.success
    ? []
    : r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
}

/** Drop what the user left empty, inside nested groups too (the root cause of a decision). */
export function withoutEmpty(v: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v)) {
    if (val === undefined || val === null || (typeof val === 'string' && val.trim() === '')) continue;
    if (typeof val === 'object' && !Array.isArray(val)) {
      const inner = withoutEmpty(val as Record<string, unknown>);
      if (Object.keys(inner).length > 0) out[k] = inner;
      continue;
    }
    out[k] = val;
  }
  return out;
}
