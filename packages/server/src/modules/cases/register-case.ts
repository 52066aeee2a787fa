import {
  DomainError,
  caseScopeFor,
  formatTrackingNo,
  inScope,
  normalizePhone,
  phoneLast4,
  registerRoles,
  searchTerms,
  toChinaDate,
  type ActionInput,
  type AuthUser,
  type CaseRegistered,
  type CreateCaseInput,
  type Deadlines,
  type PublicCreateCaseInput,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createSequencesRepo, createStatsRepo } from '../../db/counters.repo.ts';
import { termsVector } from '../../db/search-terms.ts';
import { caseEventMessage } from '../../outbox/case-message.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { appendEvent } from '../audit/record-event.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import type { CaseCatalog, CaseExtension, CaseReactions } from './case-hooks.ts';
import { createCasesRepo } from './cases.repo.ts';
import { createActionPerformer } from './perform-action.ts';

/** Who registers: a staff member at a window, the hotline or in the field, or a citizen online. */
export type Registrar = { kind: 'staff'; user: AuthUser } | { kind: 'public' };

/** What a staff registration may complete in its own transaction: 即时办结 (reply) or 不予受理 (refuse). */
function followingAction(input: CreateCaseInput | PublicCreateCaseInput): ActionInput | null {
  if ('answerNow' in input && input.answerNow) {
    const { text, policyBasis } = input.answerNow;
    return { action: 'reply', outcome: 'resolved', text, ...(policyBasis !== undefined ? { policyBasis } : {}) } as ActionInput;
  }
  if ('refuse' in input && input.refuse) return { action: 'refuse', ...input.refuse } as ActionInput;
  return null;
}

/**
 * Registration (受理): the tracking number of the county and year, the answer deadline of the
 * region's policy, the first event of the hash chain, the message to the requester and the
 * dispatchers, the day's count, and what the modules write beside a new case — one transaction.
 * A staff registration may carry the answer given on the spot (即时办结) or a refusal (不予受理):
 * that action is taken through the same performer as any action, inside the same transaction, so a
 * refused action leaves no case behind.
 */
export function createRegistration(deps: {
  db: Db;
  clock: Clock;
  deadlines: Deadlines;
  catalog: CaseCatalog;
  extensions: readonly CaseExtension[];
  reactions: CaseReactions;
}) {
  const { db, clock, deadlines, catalog, extensions } = deps;
  const performer = createActionPerformer(deps);
  async function register(input: CreateCaseInput | PublicCreateCaseInput, who: Registrar): Promise<CaseRegistered> {
    const now = clock.now();
    if (who.kind === 'staff' && !who.user.roles.some((r) => registerRoles.includes(r))) {
      throw new DomainError('forbidden', 'your role does not register cases');
    }
    const phone = normalizePhone(input.requester.phone);
    if (phone === null) throw new DomainError('validation_failed', 'bad phone');
    const rules = await deadlines.snapshot();
    const row = await db.transaction().execute(async (trx) => {
      const regions = createRegionsRepo(trx);
      if (!(await regions.exists(input.regionCode))) {
        throw DomainError.atField(
          'validation_failed',
          { path: 'regionCode', message: 'unknown region code' },
          `unknown region ${input.regionCode}`,
        );
      }
      if (input.categoryCode !== undefined && !(await catalog.categoryExists(trx, input.categoryCode))) {
        throw DomainError.atField(
          'validation_failed',
          { path: 'categoryCode', message: 'unknown category code' },
          `unknown category ${input.categoryCode}`,
        );
      }
      const failedMatter = 'failedMatter' in input ? input.failedMatter : undefined;
      if (failedMatter?.unitId !== undefined && (await createUnitsRepo(trx).missingIds([failedMatter.unitId])).length > 0) {
        throw DomainError.atField(
          'validation_failed',
          { path: 'failedMatter.unitId', message: 'unknown unit' },
          `unknown unit ${failedMatter.unitId}`,
        );
      }
      if (who.kind === 'staff') {
        if (!inScope(caseScopeFor(who.user), { regionCode: input.regionCode, leadUnitId: null, assistUnitIds: [] })) {
          throw DomainError.atField(
            'validation_failed',
            { path: 'regionCode', message: 'outside your service area' },
            'the region is outside your service area',
          );
        }
      } else {
        const centres = await createUnitsRepo(trx).centresCovering(input.regionCode);
        if (centres.length === 0) {
          throw DomainError.atField(
            'validation_failed',
            { path: 'regionCode', message: 'no service centre for this region' },
            'no service centre takes requests for this region yet',
          );
        }
      }
      const cases = createCasesRepo(trx);
      const date = toChinaDate(now);
      const year = Number(date.slice(0, 4));
      const region6 = input.regionCode.slice(0, 6);
      const seq = await createSequencesRepo(trx).nextTrackingSeq(region6, year);
      if (seq > 999_999) {
        throw new DomainError('conflict', `the tracking numbers of ${region6} for ${year} are used up (6-digit sequence)`);
      }
      const trackingNo = formatTrackingNo(region6, year, seq);
      const urgent = input.urgent ?? false;
      const safetyNetKind = 'safetyNetKind' in input ? (input.safetyNetKind ?? 'general') : 'general';
      const answerBy = rules.answerBy(now, {
        type: input.type,
        urgent,
        regionCode: input.regionCode,
        channel: who.kind === 'staff' ? (input.channel ?? 'window') : 'web',
        safetyNetKind,
      });
      const channel = who.kind === 'staff' ? (input.channel ?? 'window') : (input.channel ?? 'web');
      const title = input.title ?? input.content.replace(/\s+/g, ' ').slice(0, 30);
      const registeredUnit = who.kind === 'staff' ? (who.user.units[0]?.id ?? null) : null;
      const inserted = await cases.insert({
        tracking_no: trackingNo,
        type: input.type,
        channel,
        title,
        content: input.content,
        category_code: input.categoryCode ?? null,
        region_code: input.regionCode,
        address: input.address ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        urgent,
        requester_name: input.requester.name ?? null,
        requester_phone: phone,
        requester_phone_last4: phoneLast4(phone),
        status: 'registered',
        version: 1,
        lead_unit_id: null,
        assist_unit_ids: [],
        registered_by: who.kind === 'staff' ? who.user.id : null,
        registered_unit_id: registeredUnit,
        master_id: null,
        reply_outcome: null,
        reply_text: null,
        policy_basis: null,
        replied_at: null,
        follow_up: 'none',
        solved: null,
        satisfaction: null,
        pending_extension: null,
        return_count: 0,
        reopen_count: 0,
        sign_by: null,
        answer_started_at: now,
        answer_by: answerBy,
        next_due_at: answerBy,
        near_due_at: rules.nearDue(now, answerBy),
        search_terms: termsVector(searchTerms([trackingNo, title, input.content, input.address ?? ''].join(' '))),
        created_at: now,
        updated_at: now,
        closed_at: null,
        call_id: 'callId' in input ? (input.callId ?? null) : null,
        recording_url: 'recordingUrl' in input ? (input.recordingUrl ?? null) : null,
      });
      const ev = await appendEvent(trx, {
        caseId: inserted.id,
        action: 'register',
        actorId: who.kind === 'staff' ? who.user.id : null,
        actorRole: who.kind === 'staff' ? (who.user.roles.find((r) => registerRoles.includes(r)) ?? 'clerk') : 'citizen',
        actorUnitId: registeredUnit,
        fromStatus: null,
        toStatus: 'registered',
        payload: {
          type: input.type,
          channel,
          urgent,
          regionCode: input.regionCode,
          categoryCode: input.categoryCode,
          answerBy: answerBy.toISOString(),
          ...(failedMatter
            ? {
                failedMatter: {
                  name: failedMatter.name,
                  unitId: failedMatter.unitId,
                  window: failedMatter.window,
                  visits: failedMatter.visits,
                },
                safetyNetKind,
              }
            : {}),
        },
        at: now,
      });
      for (const x of extensions) await x.onRegister?.(trx, inserted, input, now);
      await createOutboxRepo(trx).enqueue(
        caseEventMessage(inserted, ev.id, 'register', [
          { kind: 'requester' },
          { kind: 'role', role: 'dispatcher', regionCode: input.regionCode },
        ]),
        now,
      );
      await createStatsRepo(trx).bump(date, input.regionCode, registeredUnit, 'registered');
      const then = followingAction(input);
      if (then === null || who.kind !== 'staff') return inserted;
      const user = who.user;
      const actor = { userId: user.id, roles: user.roles, unitIds: user.units.map((u) => u.id) };
      await performer.perform(inserted.id, inserted.version, then, actor, user, undefined, { trx, rules });
      return (await cases.get(inserted.id)) ?? inserted;
    });
    return {
      id: row.id,
      trackingNo: row.tracking_no,
      status: row.status,
      version: row.version,
      answerBy: row.answer_by.toISOString(),
      createdAt: row.created_at.toISOString(),
    };
  }

  return register;
}
