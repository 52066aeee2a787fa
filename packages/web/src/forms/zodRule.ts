import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An antd Form rule that checks a field with a schema from core, the same one the API uses.
 * An empty value (nothing, blank text, an empty list) is left alone unless `required` gives
 * the message to show for it, so a separate `required` rule never doubles the message.
 * `message` replaces the schema's own (some are written for developers, in English); zod's
 * built-in messages already follow the UI language (z.config locale).
 */
export function zodRule(schema: z.ZodType, opts: string | { required?: string; message?: string } = {}): FormRule {
  const { required, message } = typeof opts === 'string' ? { required: undefined, message: opts } : opts;
  return {
    validator: (_rule, value: unknown) => {
      const empty =
        value === undefined ||
        value === null ||
        (typeof value === 'string' && value.trim() === '') ||
        (Array.isArray(value) && value.length === 0);
      if (empty) return required ? Promise.reject(new Error(required)) : Promise.resolve();
      const res = schema.safeParse(value);
      return res.success ? Promise.resolve() : Promise.reject(new Error(message ?? res.error.issues[0]?.message ?? 'invalid'));
    },
  };
}
