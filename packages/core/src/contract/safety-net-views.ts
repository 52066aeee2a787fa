import { z } from 'zod';
import { caseStatuses, satisfactionLevels } from '../case/vocabulary.ts';
import type { SafetyNetKind } from '../deadline/policy.ts';
import { conductKinds, rootCauseKinds, safetyNetOutcomes } from '../safety-net/vocabulary.ts';
import { trackingNoSchema } from './case.ts';
import { barrierStatuses, referralStatuses } from './safety-net.ts';
import { dateSchema, itemsOf, personRefSchema, timestampSchema, unitRefSchema } from './views-common.ts';

/**
 * Response schemas of the safety-net window (办不成事反映窗口): the block a case detail embeds
 * (citations, failed matter, consultations, decision, rectification notices), the gap analysis,
 * the ledgers and the referrals.
 */

/** How a safety-net case is handled: registered simple or general, complex once convened, or cannot be done. */
export const safetyNetHandlingKinds = ['simple', 'general', 'complex', 'cannotBeDone'] as const satisfies readonly SafetyNetKind[];

/** Where a rectification notice stands: issued, answered by the unit, appealed (bad ratings), voided. */
export const rectificationStatuses = ['issued', 'answered', 'appealed', 'voided'] as const;
export type RectificationStatus = (typeof rectificationStatuses)[number];
/** What issued a rectification notice: a safety-net decision (staff conduct) or a bad rating. */
export const rectificationKinds = ['safety_net', 'bad_rating'] as const;
export type RectificationKind = (typeof rectificationKinds)[number];
/** The supervisor's decision on a unit's appeal against a bad rating. */
export const appealDecisions = ['rating_stands', 'rating_voided'] as const;
export type AppealDecision = (typeof appealDecisions)[number];

/** An article a case cites (a repealed one flagged). */
export const citationViewSchema = z
  .object({
    policyId: z.number().int(),
    title: z.string(),
    docNumber: z.string(),
    issuer: z.string(),
    articleNo: z.string(),
    excerpt: z.string().describe('The first 160 characters of the article'),
    repealedOn: dateSchema.nullable(),
    repealed: z.boolean().describe('Repealed on or before today'),
    note: z.string().nullable(),
    citedAt: timestampSchema,
  })
  .meta({ id: 'CaseCitation' });
export type CitationView = z.infer<typeof citationViewSchema>;

/** The matter that failed at a regular window. */
export const failedMatterViewSchema = z.object({
  name: z.string(),
  unit: unitRefSchema.nullable(),
  window: z.string().nullable(),
  failedAt: timestampSchema,
  visits: z.number().int().nullable(),
  whatWasSaid: z.string().nullable(),
});

/** A consultation (会商) of the units concerned, with their opinions and, once closed, its minutes. */
export const consultationViewSchema = z
  .object({
    id: z.number().int(),
    agenda: z.string(),
    convenedAt: timestampSchema,
    invited: z.array(unitRefSchema),
    opinions: z.array(z.object({ unit: unitRefSchema, opinion: z.string(), at: timestampSchema })),
    pending: z.array(unitRefSchema).describe('Invited units that have not answered yet'),
    minutes: z
      .object({
        leadUnit: unitRefSchema.nullable(),
        assistUnits: z.array(unitRefSchema),
        decision: z.string().nullable(),
        at: timestampSchema,
      })
      .nullable(),
    open: z.boolean(),
    dueAt: timestampSchema
      .nullable()
      .describe('An ordinary case: the dispatch dispute must be settled by then (null on the safety-net window)'),
  })
  .meta({ id: 'Consultation' });
export type ConsultationView = z.infer<typeof consultationViewSchema>;

/** How a safety-net case was decided, with its root cause (the staff member's name is not shown here). */
export const safetyNetDecisionViewSchema = z.object({
  outcome: z.enum(safetyNetOutcomes),
  text: z.string().nullable(),
  alternatives: z.string().nullable(),
  doneBy: z.string().nullable(),
  decidedAt: timestampSchema.nullable(),
  minutesToDecision: z.number().int().nullable(),
  letterNo: z.string().nullable(),
  rootCause: z.object({
    kind: z.enum(rootCauseKinds).nullable(),
    conduct: z.enum(conductKinds).nullable(),
    finding: z.string().nullable(),
  }),
});

/** What a rectification notice says, in the case detail and in the list of notices. */
const noticeFields = {
  unit: unitRefSchema.nullable(),
  finding: z.string(),
  issuedAt: timestampSchema,
  dueAt: timestampSchema,
  status: z.enum(rectificationStatuses),
  response: z.string().nullable(),
  answeredAt: timestampSchema.nullable(),
};

/** How a ledger entry (referral, rectification notice) names its case. */
const ledgerCaseFields = {
  id: z.number().int(),
  caseId: z.number().int(),
  trackingNo: z.string(),
  caseTitle: z.string(),
};

/** A rectification notice as a case detail shows it. */
export const caseRectificationViewSchema = z.object({ id: z.number().int(), ...noticeFields });

/** The safety-net block of a case detail. */
export const safetyNetBlockSchema = z
  .object({
    failedMatter: failedMatterViewSchema,
    kind: z.enum(safetyNetHandlingKinds),
    consultations: z.array(consultationViewSchema),
    decision: safetyNetDecisionViewSchema.nullable(),
    rectifications: z.array(caseRectificationViewSchema),
    answerPdf: z.string().nullable().describe('Where the written answer letter is, once decided'),
  })
  .meta({ id: 'SafetyNetBlock' });
export type SafetyNetBlock = z.infer<typeof safetyNetBlockSchema>;

/**
 * What a case detail shows besides its row: the citations (any case), the consultations of an
 * ordinary case (会商 of a dispatch dispute; a safety-net case shows its own in its block) and the
 * safety-net block (null unless a safety-net case).
 */
export const caseExtrasSchema = z.object({
  citations: z.array(citationViewSchema),
  consultations: z.array(consultationViewSchema),
  safetyNet: safetyNetBlockSchema.nullable(),
});
export type CaseExtras = z.infer<typeof caseExtrasSchema>;

/** The gap rule in force: a matter failing `threshold` times within `windowDays` days is a service gap. */
export const gapRuleViewSchema = z.object({ threshold: z.number().int(), windowDays: z.number().int() }).meta({ id: 'GapRule' });

/** A safety-net case as the gap list names it. */
const gapCaseSchema = z.object({
  id: z.number().int(),
  trackingNo: z.string(),
  title: z.string(),
  status: z.enum(caseStatuses),
  createdAt: timestampSchema,
  originUnit: unitRefSchema.nullable(),
  outcome: z.enum(safetyNetOutcomes).nullable(),
  rootCause: z.enum(rootCauseKinds).nullable(),
});

export const serviceGapsViewSchema = z
  .object({
    rule: gapRuleViewSchema,
    items: z.array(
      z.object({
        matterName: z.string(),
        matterKey: z.string(),
        count: z.number().int(),
        firstAt: timestampSchema,
        lastAt: timestampSchema,
        cases: z.array(gapCaseSchema),
      }),
    ),
  })
  .meta({ id: 'ServiceGaps' });
export type ServiceGapsView = z.infer<typeof serviceGapsViewSchema>;

export const safetyNetAnalysisSchema = z
  .object({
    from: timestampSchema,
    to: timestampSchema,
    total: z.number().int(),
    byOutcome: z.object({ done: z.number().int(), cannot: z.number().int(), open: z.number().int() }),
    byCause: z.object(
      Object.fromEntries(rootCauseKinds.map((k) => [k, z.number().int()])) as Record<(typeof rootCauseKinds)[number], z.ZodNumber>,
    ),
    byConduct: z.object({ misconduct: z.number().int(), subjective: z.number().int() }),
    byMatter: z.array(
      z.object({
        matterName: z.string(),
        count: z.number().int(),
        done: z.number().int(),
        cannot: z.number().int(),
        open: z.number().int(),
      }),
    ),
    byOriginUnit: z.array(z.object({ unit: unitRefSchema.nullable(), count: z.number().int(), staffConduct: z.number().int() })),
    byMonth: z.array(z.object({ month: z.string().describe('YYYY-MM (Beijing time)'), count: z.number().int() })),
    timeToDone: z.object({
      count: z.number().int(),
      medianMinutes: z.number().nullable(),
      p90Minutes: z.number().nullable(),
      buckets: z.array(z.object({ label: z.string(), count: z.number().int() })),
    }),
  })
  .meta({ id: 'SafetyNetAnalysis' });
export type SafetyNetAnalysis = z.infer<typeof safetyNetAnalysisSchema>;

export const coordinationViewSchema = z
  .object({
    consultations: z.number().int(),
    open: z.number().int(),
    units: z.array(
      z.object({ unit: unitRefSchema, consultations: z.number().int(), led: z.number().int(), avgHours: z.number().nullable() }),
    ),
    pairs: z.array(z.object({ units: z.array(unitRefSchema), count: z.number().int(), avgHours: z.number().nullable() })),
  })
  .meta({ id: 'SafetyNetCoordination' });
export type CoordinationView = z.infer<typeof coordinationViewSchema>;

/** An entry of the policy-barrier ledger. */
export const barrierViewSchema = z
  .object({
    id: z.number().int(),
    caseId: z.number().int(),
    trackingNo: z.string(),
    matterName: z.string(),
    policyIds: z.array(z.number().int()),
    policyName: z.string().nullable(),
    finding: z.string(),
    proposal: z.string().nullable(),
    status: z.enum(barrierStatuses),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'PolicyBarrier' });
export type BarrierView = z.infer<typeof barrierViewSchema>;
export const barrierListSchema = itemsOf(barrierViewSchema);

/** A referral to discipline inspection, as inspectors read it. */
export const referralViewSchema = z
  .object({
    ...ledgerCaseFields,
    unit: unitRefSchema.nullable(),
    staffName: z.string().nullable(),
    conduct: z.enum(conductKinds),
    finding: z.string(),
    status: z.enum(referralStatuses),
    note: z.string().nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'Referral' });
export type ReferralView = z.infer<typeof referralViewSchema>;
export const referralListSchema = itemsOf(referralViewSchema);

/** One referral with the case's content and who has read it. */
export const referralDetailSchema = referralViewSchema
  .extend({
    caseContent: z.string(),
    views: z.array(z.object({ viewer: personRefSchema, what: z.enum(['list', 'detail']), at: timestampSchema })),
  })
  .meta({ id: 'ReferralDetail' });
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

/** A rectification notice in the list of notices (safety-net and bad-rating ones alike). */
export const rectificationViewSchema = z
  .object({
    ...ledgerCaseFields,
    ...noticeFields,
    kind: z.enum(rectificationKinds),
    satisfaction: z.enum(satisfactionLevels).nullable().describe('The rating behind a bad-rating notice'),
    appeal: z
      .object({
        reason: z.string().nullable(),
        at: timestampSchema,
        decision: z.enum(appealDecisions).nullable(),
        note: z.string().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'RectificationNotice' });
export type RectificationView = z.infer<typeof rectificationViewSchema>;
export const rectificationListSchema = itemsOf(rectificationViewSchema);

/** A consultation waiting for an opinion of the caller's units. */
export const pendingConsultationSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  trackingNo: z.string(),
  caseTitle: z.string(),
  agenda: z.string(),
  convenedAt: timestampSchema,
  dueAt: timestampSchema.nullable().describe('An ordinary case: settle by then'),
});
export type PendingConsultation = z.infer<typeof pendingConsultationSchema>;
export const pendingConsultationListSchema = itemsOf(pendingConsultationSchema);

/** Path of the requester's copy of the written answer: the tracking number. */
export const publicAnswerParamsSchema = z.strictObject({ trackingNo: trackingNoSchema });
