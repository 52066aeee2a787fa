import {
  allowedActions,
  maskPhone,
  maySeeRequesterPhone,
  type Actor,
  type AttachmentView,
  type CaseDetail,
  type CaseEventView,
  type CaseExtras,
  type CaseSnapshot,
  type CaseSummary,
  type DueState,
  type Role,
} from '@huiyin/core';
import type { CaseEventRow, CaseRow } from '../../db/schema.ts';
import type { SnapshotFacts } from './case-hooks.ts';

/** The case as the lifecycle table sees it: its row and the facts other modules add (case-hooks.ts). */
export function snapshotOf(row: CaseRow, now: Date, facts: Partial<SnapshotFacts> = {}): CaseSnapshot {
  return {
    status: row.status,
    leadUnitId: row.lead_unit_id,
    pendingExtension: row.pending_extension !== null,
    followUp: row.follow_up,
    returnWindowOpen: row.sign_by === null || now.getTime() <= row.sign_by.getTime(),
    safetyNet: row.channel === 'safety_net',
    consultation: facts.consultation ?? null,
    hasRootCause: facts.hasRootCause ?? false,
    consultationSettled: facts.consultationSettled ?? false,
  };
}

export function dueStateOf(row: Pick<CaseRow, 'next_due_at' | 'near_due_at'>, now: Date): DueState | null {
  if (row.next_due_at === null) return null;
  if (row.next_due_at.getTime() <= now.getTime()) return 'overdue';
  if (row.near_due_at !== null && row.near_due_at.getTime() <= now.getTime()) return 'near';
  return 'ok';
}

export interface ViewContext {
  roles: readonly Role[];
  now: Date;
  unitNames: Map<number, string>;
  /** Mask the phone whatever the roles (lists: the full number is revealed in the detail only, and logged there). */
  maskPhone?: boolean;
}

/** Whether the caller is shown the requester's full phone number. */
export function showsFullPhone(roles: readonly Role[], ctx: { maskPhone?: boolean } = {}): boolean {
  return !ctx.maskPhone && maySeeRequesterPhone(roles);
}

/** What the API shows of a case; the full phone only to roles that call the requester back, and never in lists. */
export function caseSummary(row: CaseRow, ctx: ViewContext): CaseSummary {
  const phone = showsFullPhone(ctx.roles, ctx) ? row.requester_phone : maskPhone(row.requester_phone);
  const unit = (id: number | null) => (id === null ? null : { id, name: ctx.unitNames.get(id) ?? String(id) });
  return {
    id: row.id,
    trackingNo: row.tracking_no,
    type: row.type,
    channel: row.channel,
    title: row.title,
    categoryCode: row.category_code,
    regionCode: row.region_code,
    urgent: row.urgent,
    status: row.status,
    version: row.version,
    requester: { name: row.requester_name, phone },
    leadUnit: unit(row.lead_unit_id),
    assistUnits: row.assist_unit_ids.map((id) => unit(id)!),
    signBy: row.sign_by?.toISOString() ?? null,
    answerBy: row.answer_by.toISOString(),
    nextDueAt: row.next_due_at?.toISOString() ?? null,
    dueState: dueStateOf(row, ctx.now),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface EventNames {
  users: Map<number, string>;
  units: Map<number, string>;
}

export function eventView(e: CaseEventRow, names: EventNames): CaseEventView {
  return {
    seq: e.seq,
    action: e.action,
    at: e.created_at.toISOString(),
    actor: e.actor_id === null ? null : { id: e.actor_id, name: names.users.get(e.actor_id) ?? String(e.actor_id) },
    actorRole: e.actor_role,
    unit: e.actor_unit_id === null ? null : { id: e.actor_unit_id, name: names.units.get(e.actor_unit_id) ?? String(e.actor_unit_id) },
    fromStatus: e.from_status,
    toStatus: e.to_status,
    payload: e.payload,
  };
}

export function caseDetail(
  row: CaseRow,
  events: readonly CaseEventRow[],
  actor: Actor,
  ctx: ViewContext & {
    eventNames: EventNames;
    attachments: AttachmentView[];
    merged: { id: number; trackingNo: string }[];
    regionName: string;
    snapshotFacts: Partial<SnapshotFacts>;
    /** The safety-net block (failed matter, consultations, decision) and the case's citations. */
    extras: CaseExtras;
  },
): CaseDetail {
  return {
    ...caseSummary(row, ctx),
    regionName: ctx.regionName,
    content: row.content,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    masterId: row.master_id,
    mergedCases: ctx.merged,
    call: row.call_id === null ? null : { callId: row.call_id, recordingUrl: row.recording_url },
    reply:
      row.reply_outcome === null
        ? null
        : {
            outcome: row.reply_outcome,
            text: row.reply_text,
            policyBasis: row.policy_basis,
            repliedAt: row.replied_at?.toISOString() ?? null,
          },
    followUp: { state: row.follow_up, solved: row.solved, satisfaction: row.satisfaction },
    pendingExtension: row.pending_extension,
    returnCount: row.return_count,
    reopenCount: row.reopen_count,
    closedAt: row.closed_at?.toISOString() ?? null,
    attachments: ctx.attachments,
    timeline: events.map((e) => eventView(e, ctx.eventNames)),
    ...ctx.extras,
    allowedActions: allowedActions(snapshotOf(row, ctx.now, ctx.snapshotFacts), actor),
  };
}
