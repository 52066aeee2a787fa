import { z } from 'zod';
import { errorCodes } from '../errors.ts';

/** Every error the API answers: `{error: {code, message, details?}}`, the message in the caller's language. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string().describe('In Chinese, or English when Accept-Language prefers it'),
      details: z.unknown().optional().describe('For validation_failed: {fields: [{path, code?, message}]}'),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;
