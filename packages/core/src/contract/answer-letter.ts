import { z } from 'zod';

/**
 * The answer letter (答复意见书) of an answered case, in two copies: the staff copy (the full
 * name, the timeline and the internal notes as an annex) and the citizen copy (the name masked,
 * nothing internal, no staff names or phones), which the tracking page downloads.
 */
export const answerLetterCopies = ['staff', 'citizen'] as const;
export type AnswerLetterCopy = (typeof answerLetterCopies)[number];

export const answerLetterQuerySchema = z.strictObject({
  copy: z
    .enum(answerLetterCopies)
    .optional()
    .describe('staff (default): full name, timeline and internal notes; citizen: the name masked, nothing internal'),
});
export type AnswerLetterQuery = z.infer<typeof answerLetterQuerySchema>;

/** A person's name on a copy others may read: the first character kept, the rest starred (张三 → 张*). */
export function maskPersonName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
