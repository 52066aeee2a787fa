import { z } from 'zod';
import { conductKinds, rootCauseKinds, rootCauseProblem, safetyNetOutcomes, safetyNetRegisterKinds } from '../safety-net/vocabulary.ts';
import { idSchema, textSchema } from './common.ts';

/** The matter that failed at a regular window (a safety-net case's own registration fields). */
export const failedMatterSchema = z.strictObject({
  /** The service item (事项), e.g. 食品经营许可证延续. */
  name: textSchema(100),
  /** The unit whose window refused it. */
  unitId: idSchema.optional(),
  /** The window, e.g. 市场监管综合窗口 3号. */
  window: textSchema(100).optional(),
  /** When it failed there (defaults to the registration time). */
  failedAt: z.iso.datetime({ offset: true }).optional(),
  /** How many times the citizen came for it. */
  visits: z.number().int().min(1).max(99).optional(),
  /** What the citizen was told. */
  whatWasSaid: textSchema(2000).optional(),
});
export type FailedMatter = z.infer<typeof failedMatterSchema>;

export const safetyNetKindSchema = z.enum(safetyNetRegisterKinds);

export const rootCauseSchema = z
  .strictObject({
    kind: z.enum(rootCauseKinds),
    conduct: z.enum(conductKinds).optional(),
    finding: textSchema(4000),
    staffName: textSchema(50).optional(),
    /** The staff member's unit (staff_conduct); defaults to the unit where the matter failed. */
    unitId: idSchema.optional(),
    /** Refer a subjective-conduct case to discipline inspection too (misconduct always is). */
    refer: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    const problem = rootCauseProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.reason, path: [problem.path.replace(/^rootCause\./, '')] });
  });

export const decideFields = {
  outcome: z.enum(safetyNetOutcomes),
  text: textSchema(10_000),
  citations: z.array(idSchema).max(20).optional(),
  alternatives: textSchema(4000).optional(),
  doneBy: textSchema(500).optional(),
  rootCause: rootCauseSchema,
};

export const policyLevels = ['law', 'regulation', 'rule', 'normative', 'guide'] as const;
export type PolicyLevel = (typeof policyLevels)[number];

const isoDate = z.iso.date();

/** An article of the policy library (知识库): one law article, rule clause or service guide. */
export const policyInputSchema = z
  .strictObject({
    title: textSchema(200),
    docNumber: textSchema(100),
    issuer: textSchema(100),
    level: z.enum(policyLevels).default('normative'),
    /** 条款号, e.g. 第三十五条; empty for a whole guide. */
    articleNo: textSchema(50).optional(),
    body: textSchema(20_000),
    effectiveFrom: isoDate.optional(),
    repealedOn: isoDate.optional(),
    tags: z.array(textSchema(20)).max(20).optional(),
    unitIds: z.array(idSchema).max(50).optional(),
  })
  .refine((v) => v.repealedOn === undefined || v.effectiveFrom === undefined || v.repealedOn >= v.effectiveFrom, {
    message: 'repealed before it took effect',
    path: ['repealedOn'],
  });
export type PolicyInput = z.infer<typeof policyInputSchema>;

export const policyPatchSchema = z.strictObject({
  title: textSchema(200).optional(),
  body: textSchema(20_000).optional(),
  /** null lifts a repeal entered by mistake. */
  repealedOn: isoDate.nullable().optional(),
  tags: z.array(textSchema(20)).max(20).optional(),
  unitIds: z.array(idSchema).max(50).optional(),
});

export const policySearchSchema = z.strictObject({
  q: z.string().trim().max(100).optional(),
  tag: z.string().trim().max(20).optional(),
  unitId: idSchema.optional(),
  includeRepealed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PolicySearch = z.infer<typeof policySearchSchema>;

export const gapRuleSchema = z.strictObject({
  threshold: z.number().int().min(2).max(1000),
  windowDays: z.number().int().min(1).max(3660),
});

export const safetyNetStatsQuerySchema = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

export const barrierStatuses = ['open', 'proposed', 'adopted', 'declined'] as const;
export const barrierPatchSchema = z.strictObject({
  proposal: textSchema(4000).optional(),
  status: z.enum(barrierStatuses).optional(),
  policyName: textSchema(200).optional(),
});

export const referralStatuses = ['open', 'investigating', 'concluded'] as const;
export const referralPatchSchema = z.strictObject({
  status: z.enum(referralStatuses),
  note: textSchema(4000).optional(),
});

export const rectificationAnswerSchema = z.strictObject({
  response: textSchema(4000),
});
