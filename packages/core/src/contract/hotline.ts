import { z } from 'zod';
import { caseStatuses, type CaseStatus } from '../case/vocabulary.ts';
import { idSchema, phoneSchema, textSchema } from './common.ts';
import { refusalReasons, refusalTextMax, refusalTextMin } from './refusal.ts';
import { timestampSchema } from './views-common.ts';

/**
 * The hotline desk (issue 13, item 6): the caller's earlier cases on the registration form, the
 * calls a telephony system announces with an API key, and the keys an admin issues.
 */

/** A repeat caller: this many cases from the number within `REPEAT_WINDOW_DAYS`, or any open case. */
export const REPEAT_CASES = 2;
export const REPEAT_WINDOW_DAYS = 30;
/** Open for the desk: still being worked (an answered case waiting for its follow-up is not). */
export const callerOpenStatuses = [
  'registered',
  'dispatched',
  'returned',
  'in_progress',
  'reply_review',
] as const satisfies readonly CaseStatus[];

/** At most this many earlier cases are shown. */
export const CALLER_HISTORY_MAX = 20;

/** The call id a telephony system gives a call: printable, no spaces. */
export const callIdSchema = z.string().regex(/^[\x21-\x7e]{1,100}$/, 'a call id is 1 to 100 printable characters without spaces');
/** Where the recording of the call can be played (the telephony system's address). */
export const recordingUrlSchema = z.url({ protocol: /^https?$/, message: 'an http(s) address' }).max(500);

/** The number asked about, in the body of a POST (never in an address: addresses are logged and kept in the browser's history). */
export const callerHistoryQuerySchema = z.strictObject({ phone: phoneSchema });

export const hotlineCallParamsSchema = z.strictObject({ callId: callIdSchema });

/** An announced call as its agent sees it: the registration form the screen pop opens takes the number from here. */
export const hotlineCallViewSchema = z
  .object({
    callId: z.string(),
    callerNumber: z.string(),
    startedAt: timestampSchema,
    receivedAt: timestampSchema,
  })
  .meta({ id: 'HotlineCall' });
export type HotlineCallView = z.infer<typeof hotlineCallViewSchema>;

export const callerCaseSchema = z.object({
  id: z.number().int(),
  trackingNo: z.string(),
  title: z.string(),
  status: z.enum(caseStatuses),
  open: z.boolean(),
  /** Masked unless the caller's role calls requesters back. */
  phone: z.string(),
  createdAt: timestampSchema,
});
export type CallerCase = z.infer<typeof callerCaseSchema>;

export const callerHistorySchema = z
  .object({
    /** The number as asked, masked unless the role calls requesters back. */
    phone: z.string(),
    /** Open cases first, then the newest; only cases the caller may see. */
    items: z.array(callerCaseSchema),
    openCount: z.number().int(),
    /** Cases of the number registered within the last REPEAT_WINDOW_DAYS days (in scope). */
    recentCount: z.number().int(),
    /** 重复来电: REPEAT_CASES or more cases within the window, or an open case. */
    repeat: z.boolean(),
  })
  .meta({ id: 'CallerHistory' });
export type CallerHistory = z.infer<typeof callerHistorySchema>;

/** What a telephony system announces: a call reaching an agent. */
export const hotlineCallSchema = z.strictObject({
  callId: callIdSchema,
  callerNumber: phoneSchema,
  agentUsername: z.string().min(1).max(64),
  startedAt: z.iso.datetime({ offset: true }),
});
export type HotlineCallInput = z.infer<typeof hotlineCallSchema>;

export const hotlineCallAnswerSchema = z
  .object({
    callId: z.string(),
    agentUsername: z.string(),
    receivedAt: timestampSchema,
  })
  .meta({ id: 'HotlineCallAnswer' });
export type HotlineCallAnswer = z.infer<typeof hotlineCallAnswerSchema>;

export const createApiKeySchema = z.strictObject({ name: textSchema(100, 2) });

export const apiKeyViewSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    scope: z.literal('hotline.calls'),
    regionCode: z.string(),
    createdAt: timestampSchema,
    lastUsedAt: timestampSchema.nullable(),
    revokedAt: timestampSchema.nullable(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKeyView = z.infer<typeof apiKeyViewSchema>;

/** The key itself is in this answer only: it is never shown again. */
export const apiKeyIssuedSchema = apiKeyViewSchema.extend({ key: z.string() }).meta({ id: 'ApiKeyIssued' });
export type ApiKeyIssued = z.infer<typeof apiKeyIssuedSchema>;

export const apiKeyListSchema = z.object({ items: z.array(apiKeyViewSchema) }).meta({ id: 'ApiKeyList' });

/** 即时办结 at registration: the answer given on the spot (a reply, outcome resolved, in the same transaction). */
export const answerNowSchema = z.strictObject({
  text: textSchema(10_000),
  /** The policy basis quoted (e.g. 《title》 and the snippet used), as the reply takes it. */
  policyBasis: textSchema(2000).optional(),
});

/** 不予受理 at registration: the `refuse` action right after registering, in the same transaction. */
export const refuseNowSchema = z.strictObject({
  reasonCode: z.enum(refusalReasons),
  text: textSchema(refusalTextMax, refusalTextMin),
  linkedCaseId: idSchema.optional(),
});
