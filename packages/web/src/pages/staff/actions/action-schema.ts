import { actionBodySchema, type CaseAction } from '@huiyin/core';
import type { Rule } from 'antd/es/form';
import { zodRule } from '../../../forms/zodRule.ts';
import type { z } from 'zod';

/** The schema of one action's body, taken from core's discriminated union (the API validates with the same). */
export function schemaOf(action: CaseAction) {
  const s = actionBodySchema.options.find((o) => o.shape.action.value === action);
  if (!s) throw new Error(`no schema for ${action}`);
  return s;
}

/** True when the action's schema does not accept the field left out. */
export function isRequired(action: CaseAction, field: string): boolean {
  const fieldSchema = (schemaOf(action).shape as Record<string, z.ZodType>)[field];
  return fieldSchema !== undefined && !fieldSchema.safeParse(undefined).success;
}

/**
 * An antd rule that checks one field with the action's own schema; a required field left empty
 * gets `requiredMessage` instead of zod's technical wording.
 */
export function fieldRule(action: CaseAction, field: string, requiredMessage: string): Rule {
  const fieldSchema = (schemaOf(action).shape as Record<string, z.ZodType>)[field];
  if (!fieldSchema) return {};
  return zodRule(fieldSchema, isRequired(action, field) ? { required: requiredMessage } : {});
}

/** Whole-body check (cross-field rules such as "an explained answer needs its policy basis"). */
export function checkBody(body: Record<string, unknown>): { path: string; message: string }[] {
  const r = actionBodySchema.safeParse(body);
  return r.success ? [] : r.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message }));
}
