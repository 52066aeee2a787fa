import { z } from 'zod';
import { caseActions } from '../case/actions.ts';
import { caseStatuses, caseTypes, channels, replyOutcomes, satisfactionLevels } from '../case/vocabulary.ts';
import { caseExtrasSchema } from './safety-net-views.ts';
import { itemsOf, pageOf, personRefSchema, timestampSchema, unitRefSchema } from './views-common.ts';

/**
 * What the cases API answers: a registration, the list and the detail of a case as staff see it,
 * the workbench queues, the dispatcher's help, files, and the citizen's pages (tracking, the
 * follow-up link, the public configuration). The inputs are in contract/case.ts.
 */

/** Where the current deadline stands: null when none runs (closed, merged, or waiting on nobody). */
export const dueStates = ['ok', 'near', 'overdue'] as const;
export type DueState = (typeof dueStates)[number];

/** The requester's follow-up: none yet, or rated unsatisfied and waiting for the supervisor's decision. */
export const caseFollowUpStates = ['none', 'unsatisfied'] as const;

/** The workbench queues: open cases by status, the follow-ups waiting, near-due and overdue, open safety-net cases. */
export const caseQueues = [
  'registered',
  'dispatched',
  'returned',
  'in_progress',
  'reply_review',
  'awaiting_follow_up',
  'awaiting_decision',
  'near',
  'overdue',
  'safety_net_open',
] as const;
export type CaseQueue = (typeof caseQueues)[number];

/** What registering a case answers (staff or citizen). */
export const caseRegisteredSchema = z
  .object({
    id: z.number().int(),
    trackingNo: z.string(),
    status: z.enum(caseStatuses),
    version: z.number().int(),
    answerBy: timestampSchema,
    createdAt: timestampSchema,
  })
  .meta({ id: 'CaseRegistered' });
export type CaseRegistered = z.infer<typeof caseRegisteredSchema>;

/** A case in a list; the requester's phone is masked unless the caller's role calls requesters back. */
export const caseSummarySchema = z
  .object({
    id: z.number().int(),
    trackingNo: z.string(),
    type: z.enum(caseTypes),
    channel: z.enum(channels),
    title: z.string(),
    categoryCode: z.string().nullable(),
    regionCode: z.string(),
    urgent: z.boolean(),
    status: z.enum(caseStatuses),
    version: z.number().int().describe('Send it back with an action: a stale version is refused (409 version_conflict)'),
    requester: z.object({ name: z.string().nullable(), phone: z.string().describe('Masked (138****5678) for most roles') }),
    leadUnit: unitRefSchema.nullable(),
    assistUnits: z.array(unitRefSchema),
    signBy: timestampSchema.nullable(),
    answerBy: timestampSchema,
    nextDueAt: timestampSchema.nullable().describe('The deadline that matters in the current status'),
    dueState: z.enum(dueStates).nullable(),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListSchema = pageOf(caseSummarySchema);
export type CaseList = z.infer<typeof caseListSchema>;

/** One event of a case's hash-chained history, as staff see it. */
export const caseEventViewSchema = z
  .object({
    seq: z.number().int(),
    action: z.string().describe('register, an action of the lifecycle, or what the server records itself (attach, urge, …)'),
    at: timestampSchema,
    actor: personRefSchema.nullable(),
    actorRole: z.string().describe('A role, or citizen, or system'),
    unit: unitRefSchema.nullable(),
    fromStatus: z.enum(caseStatuses).nullable(),
    toStatus: z.enum(caseStatuses),
    payload: z.record(z.string(), z.unknown()).describe('What the action carried (its fields, deadlines set, units named)'),
  })
  .meta({ id: 'CaseEvent' });
export type CaseEventView = z.infer<typeof caseEventViewSchema>;

/** A file of a case (staff attachment or citizen's photo); the type is sniffed from the content. */
export const attachmentViewSchema = z
  .object({
    id: z.string().describe('GET /api/v1/attachments/{id} downloads it'),
    fileName: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'CaseAttachment' });
export type AttachmentView = z.infer<typeof attachmentViewSchema>;
export const attachmentListSchema = itemsOf(attachmentViewSchema);

/** A case as staff see it, with its history, files, the safety-net block and what the caller may do next. */
export const caseDetailSchema = caseSummarySchema
  .extend({
    regionName: z.string().describe('The region as people say it, province first'),
    content: z.string(),
    address: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    masterId: z.number().int().nullable().describe('The case this one was merged into'),
    mergedCases: z.array(z.object({ id: z.number().int(), trackingNo: z.string() })),
    call: z
      .object({ callId: z.string(), recordingUrl: z.string().nullable() })
      .nullable()
      .describe('The hotline call the case was registered from (the telephony system’s call id and recording)'),
    reply: z
      .object({
        outcome: z.enum(replyOutcomes),
        text: z.string().nullable(),
        policyBasis: z.string().nullable(),
        repliedAt: timestampSchema.nullable(),
      })
      .nullable(),
    followUp: z.object({
      state: z.enum(caseFollowUpStates),
      solved: z.boolean().nullable(),
      satisfaction: z.enum(satisfactionLevels).nullable(),
    }),
    pendingExtension: z
      .object({ days: z.number().int(), reason: z.string(), requestedBy: z.number().int(), requestedAt: timestampSchema })
      .nullable(),
    returnCount: z.number().int(),
    reopenCount: z.number().int(),
    closedAt: timestampSchema.nullable(),
    attachments: z.array(attachmentViewSchema),
    timeline: z.array(caseEventViewSchema),
    ...caseExtrasSchema.shape,
    allowedActions: z.array(z.enum(caseActions)).describe('The actions the caller may take now'),
  })
  .meta({ id: 'CaseDetail' });
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const caseQueuesSchema = z
  .object(Object.fromEntries(caseQueues.map((q) => [q, z.number().int()])) as Record<CaseQueue, z.ZodNumber>)
  .meta({ id: 'CaseQueues' });
export type CaseQueues = z.infer<typeof caseQueuesSchema>;

/** What helps a dispatcher: the units the routing catalog names, and likely duplicates of the last 30 days. */
export const dispatchHelpSchema = z
  .object({
    suggestedUnits: z.array(unitRefSchema).describe('Most specific catalog rule first'),
    suggestedAssistUnits: z.array(unitRefSchema).describe('The assisting units the first rule names (协办单位)'),
    suggestedTimeLimitDays: z
      .number()
      .int()
      .nullable()
      .describe('The first rule’s own time limit (working days to answer) that dispatching to its unit sets; null: the region’s'),
    similar: z.array(
      z.object({
        id: z.number().int(),
        trackingNo: z.string(),
        title: z.string(),
        status: z.enum(caseStatuses),
        createdAt: timestampSchema,
        score: z.number().describe('0–1, overlap of the search terms'),
      }),
    ),
  })
  .meta({ id: 'DispatchHelp' });
export type DispatchHelp = z.infer<typeof dispatchHelpSchema>;

/** A line of the citizen's timeline: plain words, no names, no internal notes. */
export const publicTimelineEntrySchema = z.object({
  at: timestampSchema,
  action: z.string(),
  status: z.enum(caseStatuses),
  text: z.string(),
});

/** The citizen's view of a case (tracking page and follow-up link): nothing personal. */
export const caseTrackingSchema = z
  .object({
    trackingNo: z.string(),
    type: z.enum(caseTypes),
    title: z.string(),
    status: z.enum(caseStatuses),
    createdAt: timestampSchema,
    answerBy: timestampSchema.nullable().describe('Null once closed or merged'),
    answer: z
      .object({
        outcome: z.enum(replyOutcomes),
        text: z.string().nullable(),
        policyBasis: z.string().nullable(),
        repliedAt: timestampSchema,
      })
      .nullable()
      .describe("A merged case shows its master's answer"),
    canRate: z.boolean(),
    writtenAnswer: z.boolean().describe('An answered (or refused) case has a letter: GET /api/v1/track/{trackingNo}/answer.pdf'),
    rating: z
      .object({
        solved: z.boolean().nullable(),
        satisfaction: z.enum(satisfactionLevels),
        by: z.enum(['citizen', 'follow_up_call']),
      })
      .nullable(),
    timeline: z.array(publicTimelineEntrySchema),
  })
  .meta({ id: 'CaseTracking' });
export type CaseTracking = z.infer<typeof caseTrackingSchema>;

/** What a follow-up link shows: the tracking view and when the link expires. */
export const followUpViewSchema = caseTrackingSchema.extend({ expiresAt: timestampSchema }).meta({ id: 'FollowUpLink' });
export type FollowUpView = z.infer<typeof followUpViewSchema>;

/** What the citizen pages need before a form is filled. */
export const publicConfigSchema = z
  .object({
    mapTileUrl: z.string().nullable().describe('{z}/{x}/{y} template; null: maps without tiles, the pin still works'),
    maxPhotos: z.number().int(),
    maxUploadBytes: z.number().int(),
    serviceRegions: z
      .array(z.object({ code: z.string(), name: z.string(), fullName: z.string().describe('With the city: 运城市盐湖区') }))
      .describe('The districts with a service centre'),
  })
  .meta({ id: 'PublicConfig' });
export type PublicConfig = z.infer<typeof publicConfigSchema>;
