import { DomainError } from '@huiyin/core';
import { z } from 'zod';
import { validationDetails, type Lang } from './error-mapping.ts';

const zhErrors = z.locales.zhCN().localeError;
const enErrors = z.locales.en().localeError;

/**
 * Parse with the shared schema from core. Failure is a validation_failed DomainError whose
 * details name each field and say what is wrong, in the caller's language.
 */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown, lang: Lang): z.output<S> {
  const res = schema.safeParse(data, { error: lang === 'zh' ? zhErrors : enErrors });
  if (res.success) return res.data;
  throw new DomainError('validation_failed', undefined, validationDetails(res.error.issues));
}
