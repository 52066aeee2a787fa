import type { Rule } from 'antd/es/form';
import type { z } from 'zod';

/**
 * An antd Form rule that validates a field with a schema from core, the same one the API uses.
 * Empty strings count as absent, as the API sees them. zod's messages follow the UI language.
 */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      const r = schema.safeParse(value === '' ? undefined : value);
      if (!r.success) throw new Error(r.error.issues[0]?.message ?? 'invalid');
    },
  };
}
