import { z } from 'zod';
import { caseActions } from '../case/actions.ts';
import { caseStatuses, roles, satisfactionLevels } from '../case/vocabulary.ts';
import { milestoneLights } from '../livelihood/progress.ts';
import { escalationLevels } from '../supervision/escalation.ts';

/**
 * The outbox's messages: one typed union, topic -> payload. Every writer enqueues one of these
 * inside the transaction of the change it announces; the fan-out parses each row back with the
 * same schema and switches over the topic. The payloads are also what webhook receivers get as
 * `data` (docs/NOTIFICATIONS.md), so fields are only ever added.
 */

/** Who must hear of a message; the fan-out resolves these to people and channels. */
export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('requester') }),
  z.object({ kind: z.literal('unit'), unitId: z.number().int() }),
  z.object({ kind: z.literal('role'), role: z.enum(roles), regionCode: z.string(), unitId: z.number().int().optional() }),
]);
export type Audience = z.infer<typeof audienceSchema>;

/** What a case event's message may be about: the actions, registration, the forwarded answer of a merge, the scanner's levels. */
export const caseEventKinds = [...caseActions, 'register', 'masterReplied', ...escalationLevels] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

const caseEventPayload = z.object({
  eventId: z.number().int(),
  caseId: z.number().int(),
  trackingNo: z.string(),
  action: z.enum(caseEventKinds),
  status: z.enum(caseStatuses),
  audience: z.array(audienceSchema),
  /** The scanner's levels: the deadline they are about. */
  dueAt: z.string().optional(),
  /** The scanner on a safety-net case: the invited units that have not answered. */
  pendingConsultationUnitIds: z.array(z.number().int()).optional(),
});

const milestoneLatePayload = z.object({
  id: z.string(),
  projectId: z.number().int(),
  milestoneId: z.number().int(),
  projectTitle: z.string(),
  milestone: z.string(),
  plannedDate: z.string(),
  light: z.enum(milestoneLights),
  regionCode: z.string(),
});

export const outboxMessageSchema = z.union([
  z.object({
    topic: z.templateLiteral(['case.', z.enum(caseEventKinds)]),
    caseId: z.number().int(),
    payload: caseEventPayload,
  }),
  z.object({
    topic: z.literal('rating.bad'),
    caseId: z.number().int(),
    payload: z.object({
      noticeId: z.number().int(),
      caseId: z.number().int(),
      trackingNo: z.string(),
      satisfaction: z.enum(satisfactionLevels),
      dueAt: z.string(),
      audience: z.array(audienceSchema),
    }),
  }),
  z.object({
    topic: z.literal('safety_net.referral'),
    caseId: z.null(),
    payload: z.object({ referralId: z.number().int(), audience: z.array(audienceSchema) }),
  }),
  z.object({
    topic: z.literal('safety_net.rectification'),
    caseId: z.number().int(),
    payload: z.object({ noticeId: z.number().int(), caseId: z.number().int(), trackingNo: z.string(), audience: z.array(audienceSchema) }),
  }),
  z.object({
    topic: z.literal('livelihood.answer'),
    caseId: z.number().int().nullable(),
    payload: z.object({
      id: z.string(),
      channel: z.enum(['case', 'sms']),
      projectId: z.number().int().optional(),
      originatorId: z.number().int().optional(),
      matterId: z.number().int().optional(),
      caseId: z.number().int().optional(),
      trackingNo: z.string().nullable().optional(),
      to: z.string().nullable(),
      text: z.string(),
    }),
  }),
  z.object({
    /** A new account's one-time password by SMS: the text sealed (AES-GCM under the audit key), never stored in clear. */
    topic: z.literal('people.one_time_password'),
    caseId: z.null(),
    payload: z.object({ userId: z.number().int(), to: z.string(), sealed: z.string() }),
  }),
  z.object({
    topic: z.literal('livelihood.assigned'),
    caseId: z.null(),
    payload: z.object({
      projectId: z.number().int(),
      userId: z.number().int(),
      letterNo: z.string(),
      title: z.string(),
      dueDate: z.string(),
    }),
  }),
  z.object({
    topic: z.literal('livelihood.accepted'),
    caseId: z.null(),
    payload: z.object({ projectId: z.number().int(), userId: z.number().int(), title: z.string() }),
  }),
  z.object({
    topic: z.literal('livelihood.milestone_late'),
    caseId: z.null(),
    payload: z.discriminatedUnion('to', [
      milestoneLatePayload.extend({ to: z.literal('cadre'), userId: z.number().int() }),
      milestoneLatePayload.extend({ to: z.literal('supervisors') }),
    ]),
  }),
]);
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export type OutboxTopic = OutboxMessage['topic'];
export type CaseEventMessage = Extract<OutboxMessage, { topic: `case.${string}` }>;

/** Whether a topic is one of this version's messages (a case event or one of the named topics). */
export function isOutboxTopic(topic: string): boolean {
  return outboxMessageSchema.options.some((o) => o.shape.topic.safeParse(topic).success);
}
