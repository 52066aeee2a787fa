import { z } from 'zod';
import { caseTypes, channels, caseStatuses, replyOutcomes, satisfactionLevels } from '../case/vocabulary.ts';
import { categoryCodeSchema, idSchema, pageSizeSchema, phoneSchema, regionCodeSchema, textSchema } from './common.ts';
import { answerNowSchema, callIdSchema, recordingUrlSchema, refuseNowSchema } from './hotline.ts';
import { refusalReasons, refusalTextMax, refusalTextMin } from './refusal.ts';
import { decideFields, failedMatterSchema, safetyNetKindSchema } from './safety-net.ts';

export const requesterSchema = z.strictObject({
  name: textSchema(50).optional(),
  phone: phoneSchema,
});

const caseFields = {
  type: z.enum(caseTypes),
  title: textSchema(100).optional(),
  content: textSchema(10_000),
  categoryCode: categoryCodeSchema.optional(),
  regionCode: regionCodeSchema,
  address: textSchema(200).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  urgent: z.boolean().optional(),
  requester: requesterSchema,
};

function latLngTogether(v: { lat?: number | undefined; lng?: number | undefined }): boolean {
  return (v.lat === undefined) === (v.lng === undefined);
}

/** Staff registration (window, hotline, safety-net window, visits ...). */
export const createCaseSchema = z
  .strictObject({
    ...caseFields,
    channel: z.enum(channels).optional(),
    /** Safety-net window only: the matter that failed at a regular window. */
    failedMatter: failedMatterSchema.optional(),
    /** Safety-net window only: simple (same day) or general (2 working days, the default). */
    safetyNetKind: safetyNetKindSchema.optional(),
    /** Hotline: the call the case comes from (the telephony system's call id) and its recording. */
    callId: callIdSchema.optional().describe('Hotline: the telephony system’s id of the call the case comes from (shown on the case page)'),
    recordingUrl: recordingUrlSchema.optional().describe('Hotline: where the call’s recording is played (shown on the case page)'),
    /** 即时办结: answered on the spot, in the registration's transaction (the case ends replied). */
    answerNow: answerNowSchema
      .optional()
      .describe(
        '即时办结: the answer given on the spot. The case is registered and answered (reply, outcome resolved) in one transaction and ends `replied`; the requester gets the answer SMS. Clerks, safety-net officers and dispatchers only.',
      ),
    /** 不予受理 at registration: refused in the registration's transaction (to the supervisor's review). */
    refuse: refuseNowSchema
      .optional()
      .describe(
        '不予受理 at registration: the case is registered and refused in one transaction and waits in `reply_review` for the supervisor; a refused refusal (bad reason, a linked case that is not open) leaves no case behind.',
      ),
  })
  .refine(latLngTogether, { message: 'lat and lng come together', path: ['lat'] })
  .refine((v) => v.answerNow === undefined || v.refuse === undefined, {
    message: 'a case is answered on the spot or refused, not both',
    path: ['refuse'],
  })
  .refine((v) => v.channel !== 'safety_net' || (v.answerNow === undefined && v.refuse === undefined), {
    message: 'the safety-net window takes its matters up: no answer on the spot or refusal at registration',
    path: ['channel'],
  })
  .refine((v) => v.refuse === undefined || (v.refuse.reasonCode === 'repeat_of_open') === (v.refuse.linkedCaseId !== undefined), {
    message: 'a repeat names the open case it repeats (linkedCaseId), and only a repeat does',
    path: ['refuse', 'linkedCaseId'],
  })
  .refine((v) => v.channel !== 'safety_net' || v.failedMatter !== undefined, {
    message: 'a safety-net case names the matter that failed (failedMatter)',
    path: ['failedMatter'],
  })
  .refine((v) => v.channel === 'safety_net' || (v.failedMatter === undefined && v.safetyNetKind === undefined), {
    message: 'failedMatter and safetyNetKind belong to the safety_net channel',
    path: ['channel'],
  });
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

/** Citizen submission: the channel is web or h5, nothing else. */
export const publicCreateCaseSchema = z
  .strictObject({ ...caseFields, channel: z.enum(['web', 'h5']).optional() })
  .refine(latLngTogether, { message: 'lat and lng come together', path: ['lat'] });
export type PublicCreateCaseInput = z.infer<typeof publicCreateCaseSchema>;

const note = textSchema(2000).optional();
const version = z.number().int().min(1);

export const actionBodySchema = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('dispatch'),
    version,
    leadUnitId: idSchema,
    assistUnitIds: z.array(idSchema).max(20).optional(),
    note,
  }),
  z.strictObject({ action: z.literal('sign'), version, note }),
  z.strictObject({ action: z.literal('return'), version, reason: textSchema(2000) }),
  z.strictObject({ action: z.literal('decideReturn'), version, approve: z.boolean(), note }),
  z.strictObject({ action: z.literal('requestExtension'), version, days: z.number().int().min(1).max(60), reason: textSchema(2000) }),
  z.strictObject({ action: z.literal('decideExtension'), version, approve: z.boolean(), note }),
  z
    .strictObject({
      action: z.literal('reply'),
      version,
      outcome: z.enum(replyOutcomes),
      text: textSchema(10_000),
      policyBasis: textSchema(2000).optional(),
    })
    .refine((v) => v.outcome !== 'explained' || v.policyBasis !== undefined, {
      message: 'an explained answer needs its policy basis',
      path: ['policyBasis'],
    }),
  z.strictObject({ action: z.literal('reviewReply'), version, approve: z.boolean(), note }),
  z.strictObject({
    action: z.literal('followUp'),
    version,
    solved: z.boolean(),
    satisfaction: z.enum(satisfactionLevels),
    comment: textSchema(1000).optional(),
  }),
  z.strictObject({ action: z.literal('reopen'), version, reason: textSchema(2000) }),
  z.strictObject({ action: z.literal('close'), version, reason: textSchema(2000) }),
  z.strictObject({ action: z.literal('merge'), version, masterId: idSchema }),
  z
    .strictObject({
      action: z.literal('refuse'),
      version,
      reasonCode: z.enum(refusalReasons),
      text: textSchema(refusalTextMax, refusalTextMin),
      linkedCaseId: idSchema.optional(),
    })
    .refine((v) => v.reasonCode !== 'repeat_of_open' || v.linkedCaseId !== undefined, {
      message: 'a repeat names the open case it repeats (linkedCaseId)',
      path: ['linkedCaseId'],
    })
    .refine((v) => v.reasonCode === 'repeat_of_open' || v.linkedCaseId === undefined, {
      message: 'linkedCaseId belongs to the reason repeat_of_open',
      path: ['linkedCaseId'],
    }),
  z.strictObject({
    action: z.literal('convene'),
    version,
    unitIds: z.array(idSchema).min(1, 'invite at least one unit').max(20),
    agenda: textSchema(2000),
  }),
  z.strictObject({ action: z.literal('recordOpinion'), version, opinion: textSchema(4000), unitId: idSchema.optional() }),
  z.strictObject({
    action: z.literal('recordMinutes'),
    version,
    leadUnitId: idSchema,
    assistUnitIds: z.array(idSchema).max(20).optional(),
    decision: textSchema(4000),
  }),
  z
    .strictObject({ action: z.literal('decide'), version, ...decideFields })
    .refine((v) => v.outcome !== 'cannot' || (v.citations ?? []).length > 0, {
      message: 'a cannot-be-done answer cites at least one policy',
      path: ['citations'],
    }),
  z.strictObject({ action: z.literal('cite'), version, policyId: idSchema, note: textSchema(500).optional() }),
]);
export type ActionBody = z.infer<typeof actionBodySchema>;

export const dueFilters = ['near', 'overdue'] as const;

export const listCasesQuerySchema = z.strictObject({
  status: z
    .union([z.enum(caseStatuses), z.string().regex(/^[a-z_]+(,[a-z_]+)*$/)])
    .optional()
    .transform((v) => (v === undefined ? undefined : v.split(',')))
    .pipe(z.array(z.enum(caseStatuses)).optional()),
  /** Lead or assisting unit. */
  unitId: idSchema.optional(),
  /** Lead unit only (the supervision centre counts cases by their lead unit). */
  leadUnitId: idSchema.optional(),
  type: z.enum(caseTypes).optional(),
  channel: z.enum(channels).optional(),
  categoryCode: categoryCodeSchema.optional(),
  regionCode: regionCodeSchema.optional(),
  due: z.enum(dueFilters).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().max(100).optional(),
  pageSize: pageSizeSchema,
  cursor: z.string().max(200).optional(),
});
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

export const trackQuerySchema = z.strictObject({
  phone: z.string().regex(/^\d{4}$/, 'the last 4 digits of the phone number'),
});

export const trackingNoSchema = z.string().regex(/^\d{6}-\d{4}-\d{6}$/, 'tracking number looks like 140802-2026-000123');

/** The citizen's own rating of the answer, from the tracking page. */
export const publicRateSchema = z.strictObject({
  phone: z.string().regex(/^\d{4}$/),
  solved: z.boolean(),
  satisfaction: z.enum(satisfactionLevels),
  comment: textSchema(1000).optional(),
});

/** Path parameter `:trackingNo`. */
export const trackingParamsSchema = z.strictObject({ trackingNo: trackingNoSchema });

/** Path parameter `:id` of an attachment (a UUID). */
export const attachmentParamsSchema = z.strictObject({ id: z.uuid() });

/** The full phone number given at submission, when the photo upload does not send it as a `phone` field. */
export const publicPhotosQuerySchema = z.strictObject({ phone: z.string().max(32).optional() });

/** Path parameter `:token` of a follow-up link: 32 random bytes, base64url. */
export const followUpParamsSchema = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'not a follow-up link') });

/** A rating through a follow-up link: the link proves who rates, so no phone digits. */
export const followUpRateSchema = publicRateSchema.omit({ phone: true });
