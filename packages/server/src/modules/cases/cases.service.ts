import {
  DomainError,
  caseScopeFor,
  decide,
  formatTrackingNo,
  pendingConvenedUnits,
  inScope,
  normalizePhone,
  phoneLast4,
  registerRoles,
  searchTerms,
  toChinaDate,
  type ActionBody,
  type ActionInput,
  type Actor,
  type CaseDetail,
  type CaseList,
  type CaseQueues,
  type CaseRegistered,
  type CaseScope,
  type CreateCaseInput,
  type ListCasesQuery,
  type PublicCreateCaseInput,
  type Satisfaction,
  unitRoles,
  type AuthUser,
  type Deadlines,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import type { CaseRow } from '../../db/schema.ts';
import { createSequencesRepo, createStatsRepo } from '../../db/counters.repo.ts';
import { termsVector } from '../../db/search-terms.ts';
import { appendEvent } from '../audit/record-event.ts';
import { createEventsRepo } from '../audit/events.repo.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { createCategoriesRepo } from '../settings/categories.repo.ts';
import { effectsOf } from './action-effects.ts';
import { createAttachmentsRepo } from './attachments.repo.ts';
import { caseDetail, caseSummary, snapshotOf } from './case-view.ts';
import { createCasesRepo } from './cases.repo.ts';
import { caseEventMessage } from '../../outbox/case-message.ts';
import { createOutboxRepo } from '../../outbox/outbox.repo.ts';
import { forwardAnswer, linkToMaster } from './merge-links.ts';
import { createDispatchHelp } from './dispatch-help.service.ts';
import { visibleTo } from './visibility.ts';
import { checkReferences, policyBasisOf } from './action-references.ts';
import { recordSafetyNetAction, registerFailedMatter } from '../safety-net/safety-net.effects.ts';
import { createSafetyNetRepo } from '../safety-net/safety-net.repo.ts';
import { caseExtras, loadSafetyNetState } from '../safety-net/safety-net.view.ts';
import { issueBadRatingNotice } from '../ratings/bad-rating-notice.ts';
import type { GuessLimiter } from './guess-limiter.ts';

export interface CaseServiceDeps {
  db: Db;
  clock: Clock;
  deadlines: Deadlines;
  guesses: GuessLimiter;
}

export type Registrar = { kind: 'staff'; user: AuthUser } | { kind: 'public' };

function actorOf(user: AuthUser): Actor {
  return { userId: user.id, roles: user.roles, unitIds: user.units.map((u) => u.id) };
}

function scopeOf(user: AuthUser): CaseScope {
  return caseScopeFor(user);
}

const visible = visibleTo;

const notFound = () => new DomainError('not_found', 'case not found');

function encodeCursor(id: number): string {
  return Buffer.from(`c:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const m = /^c:(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw new DomainError('validation_failed', 'invalid cursor', { fields: [{ path: 'cursor', message: 'invalid cursor' }] });
  return Number(m[1]);
}

export function createCaseService(deps: CaseServiceDeps) {
  const { db, clock, deadlines } = deps;

  async function unitNames(ids: Iterable<number>) {
    return createUnitsRepo(db).namesOf([...new Set(ids)]);
  }

  /** The unit an action is recorded against: the lead unit for unit roles, else the actor's own first unit. */
  function actingUnit(user: AuthUser | null, role: string, row: CaseRow): number | null {
    if ((unitRoles as readonly string[]).includes(role)) return row.lead_unit_id;
    return user?.units[0]?.id ?? null;
  }

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
        throw new DomainError('validation_failed', `unknown region ${input.regionCode}`, {
          fields: [{ path: 'regionCode', message: 'unknown region code' }],
        });
      }
      if (input.categoryCode !== undefined && !(await createCategoriesRepo(trx).exists(input.categoryCode))) {
        throw new DomainError('validation_failed', `unknown category ${input.categoryCode}`, {
          fields: [{ path: 'categoryCode', message: 'unknown category code' }],
        });
      }
      const failedMatter = 'failedMatter' in input ? input.failedMatter : undefined;
      if (failedMatter?.unitId !== undefined && (await createUnitsRepo(trx).missingIds([failedMatter.unitId])).length > 0) {
        throw new DomainError('validation_failed', `unknown unit ${failedMatter.unitId}`, {
          fields: [{ path: 'failedMatter.unitId', message: 'unknown unit' }],
        });
      }
      if (who.kind === 'staff') {
        if (!inScope(scopeOf(who.user), { regionCode: input.regionCode, leadUnitId: null, assistUnitIds: [] })) {
          throw new DomainError('validation_failed', 'the region is outside your service area', {
            fields: [{ path: 'regionCode', message: 'outside your service area' }],
          });
        }
      } else {
        const centres = await createUnitsRepo(trx).centresCovering(input.regionCode);
        if (centres.length === 0) {
          throw new DomainError('validation_failed', 'no service centre takes requests for this region yet', {
            fields: [{ path: 'regionCode', message: 'no service centre for this region' }],
          });
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
      if (channel === 'safety_net' && failedMatter) await registerFailedMatter(trx, inserted, failedMatter, safetyNetKind, now);
      await createOutboxRepo(trx).enqueue(
        caseEventMessage(inserted, ev.id, 'register', [
          { kind: 'requester' },
          { kind: 'role', role: 'dispatcher', regionCode: input.regionCode },
        ]),
        now,
      );
      await createStatsRepo(trx).bump(date, input.regionCode, registeredUnit, 'registered');
      return inserted;
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

  /** A staff member's action on a case they can see. */
  async function act(caseId: number, body: ActionBody, user: AuthUser): Promise<CaseDetail> {
    const { version, ...rest } = body;
    await perform(caseId, version, rest as ActionInput, actorOf(user), user);
    return get(caseId, user);
  }

  /**
   * The requester rates the answer from the tracking page: the same followUp action, taken
   * by the citizen, proven by the tracking number and the last four digits of the phone.
   */
  async function rateAsRequester(
    trackingNo: string,
    last4: string,
    rating: { solved: boolean; satisfaction: Satisfaction; comment?: string | undefined },
  ) {
    deps.guesses.check(trackingNo);
    const row = await createCasesRepo(db).findByTrackingNo(trackingNo);
    if (!row || row.requester_phone_last4 !== last4) {
      deps.guesses.fail(trackingNo);
      throw notFound();
    }
    await perform(row.id, row.version, { action: 'followUp', ...rating }, { userId: null, roles: ['citizen'], unitIds: [] }, null);
  }

  /**
   * The requester's rating through a one-time follow-up link: `claim` runs in the rating's own
   * transaction (it marks the link used, or throws and nothing is recorded).
   */
  async function rateWithClaim(
    caseId: number,
    rating: { solved: boolean; satisfaction: Satisfaction; comment?: string | undefined },
    claim: (trx: Db) => Promise<void>,
  ) {
    const row = await createCasesRepo(db).get(caseId);
    if (!row) throw notFound();
    await perform(row.id, row.version, { action: 'followUp', ...rating }, { userId: null, roles: ['citizen'], unitIds: [] }, null, claim);
  }

  /** One transaction: lock, check version and the state machine, apply effects, append the event, enqueue, count. */
  async function perform(
    caseId: number,
    version: number,
    input: ActionInput,
    actor: Actor,
    user: AuthUser | null,
    within?: (trx: Db) => Promise<void>,
  ) {
    const now = clock.now();
    const rules = await deadlines.snapshot();
    await db.transaction().execute(async (trx) => {
      const cases = createCasesRepo(trx);
      // Merging touches two cases: lock both in id order so concurrent merges cannot deadlock.
      if (input.action === 'merge' && input.masterId < caseId) await cases.lock(input.masterId);
      const row = await cases.lock(caseId);
      if (!row || (user !== null && !(await canSee(trx, user, row)))) throw notFound();
      if (row.version !== version) {
        throw new DomainError('version_conflict', undefined, { currentVersion: row.version, yourVersion: version });
      }
      const snState = await loadSafetyNetState(trx, row);
      const snapshot = snapshotOf(row, now, snState);
      const decision = decide(snapshot, input, actor);
      if (!decision.ok) {
        if (decision.code === 'illegal_transition') {
          throw new DomainError('illegal_transition', `${decision.action} is not allowed when the case is ${decision.status}`, {
            status: decision.status,
            action: decision.action,
          });
        }
        if (decision.code === 'forbidden') throw new DomainError('forbidden', decision.reason);
        throw new DomainError('illegal_transition', decision.reason, { status: row.status, action: input.action, ...decision.details });
      }
      if (user !== null) await checkReferences(trx, row, input, user);
      const opinionUnitId = input.action === 'recordOpinion' ? (input.unitId ?? pendingConvenedUnits(snapshot, actor)[0]) : undefined;
      const policyBasis = input.action === 'decide' ? await policyBasisOf(trx, input.citations ?? []) : undefined;
      const effects = effectsOf(row, input, decision.next, { now, actorId: actor.userId, deadlines: rules, opinionUnitId, policyBasis });
      const updated = await cases.update(row.id, row.version, { ...effects.patch, status: decision.next, updated_at: now });
      if (!updated) throw new DomainError('version_conflict');
      const ev = await appendEvent(trx, {
        caseId: row.id,
        action: input.action,
        actorId: actor.userId,
        actorRole: decision.actingRole,
        actorUnitId: input.action === 'recordOpinion' ? (opinionUnitId ?? null) : actingUnit(user, decision.actingRole, row),
        fromStatus: row.status,
        toStatus: decision.next,
        payload: effects.payload,
        at: now,
      });
      await createOutboxRepo(trx).enqueue(caseEventMessage(updated, ev.id, input.action, effects.audience), now);
      const stats = createStatsRepo(trx);
      for (const m of effects.metrics) await stats.bump(toChinaDate(now), row.region_code, m.unitId, m.metric);
      if (input.action === 'merge' && user !== null) await linkToMaster(trx, updated, input.masterId, user, now);
      if (effects.publishesAnswer) await forwardAnswer(trx, updated, now);
      if (safetyNetWrites.has(input.action)) {
        const snRepo = createSafetyNetRepo(trx);
        await recordSafetyNetAction(trx, input, {
          now,
          actorId: actor.userId,
          rules,
          row,
          safetyNet: row.channel === 'safety_net' ? await snRepo.getCase(row.id) : undefined,
          openConsultationId: (await snRepo.openConsultation(row.id))?.id,
          opinionUnitId,
        });
      }
      // 不满意 / 非常不满意: a rectification notice to the handling unit, due in 15 working days.
      if (input.action === 'followUp') {
        await issueBadRatingNotice(
          trx,
          updated,
          { satisfaction: input.satisfaction, comment: input.comment, eventId: ev.id, actorId: actor.userId },
          rules,
          now,
        );
      }
      // What the caller writes with the action, all or nothing (a follow-up link marked used).
      if (within) await within(trx);
    });
  }

  /** In scope, or a unit of the user was invited to a consultation of the case (会商). */
  async function canSee(conn: Db, user: AuthUser, row: CaseRow): Promise<boolean> {
    if (visible(user, row)) return true;
    if (row.channel !== 'safety_net' || !user.roles.some((r) => (unitRoles as readonly string[]).includes(r))) return false;
    const consulted = await createSafetyNetRepo(conn).consultedUnits(row.id);
    return user.units.some((u) => consulted.includes(u.id));
  }

  async function get(caseId: number, user: AuthUser): Promise<CaseDetail> {
    const row = await createCasesRepo(db).get(caseId);
    if (!row || !(await canSee(db, user, row))) throw notFound();
    const events = await createEventsRepo(db).ofCase(caseId);
    const unitIds = [
      row.lead_unit_id,
      ...row.assist_unit_ids,
      ...events.map((e) => e.actor_unit_id),
      ...events.flatMap((e) => unitIdsIn(e.payload)),
    ].filter((x): x is number => typeof x === 'number');
    const names = await unitNames(unitIds);
    const users = await createPeopleRepo(db).displayNames(events.map((e) => e.actor_id).filter((x): x is number => x !== null));
    const merged = (await createCasesRepo(db).mergedInto(row.id)).map((m) => ({ id: m.id, trackingNo: m.tracking_no }));
    const attachments = await createAttachmentsRepo(db).ofCase(row.id);
    // 山西省 运城市 盐湖区 …: the region as people say it, province first.
    const regionName = (await createRegionsRepo(db).lineage(row.region_code))
      .reverse()
      .map((r) => r.name)
      .join(' ');
    const [extras, safetyNetState] = await Promise.all([caseExtras(db, row, clock.now()), loadSafetyNetState(db, row)]);
    return caseDetail(row, events, actorOf(user), {
      extras,
      safetyNetState,
      roles: user.roles,
      now: clock.now(),
      unitNames: names,
      eventNames: { users, units: names },
      attachments,
      merged,
      regionName,
    });
  }

  async function list(query: ListCasesQuery, user: AuthUser): Promise<CaseList> {
    const now = clock.now();
    const q = query.q?.trim();
    const trackingNo = q && /^\d{6}-\d{4}-\d{6}$/.test(q) ? q : undefined;
    const phone = q && !trackingNo ? (normalizePhone(q) ?? undefined) : undefined;
    const terms = q && !trackingNo && !phone ? searchTerms(q, 32) : undefined;
    const rows = await createCasesRepo(db).list({
      ...query,
      scope: scopeOf(user),
      now,
      pageSize: query.pageSize,
      afterId: query.cursor ? decodeCursor(query.cursor) : undefined,
      trackingNo,
      phone,
      terms,
    });
    const page = rows.slice(0, query.pageSize);
    const names = await unitNames(page.flatMap((r) => [r.lead_unit_id, ...r.assist_unit_ids]).filter((x): x is number => x !== null));
    const last = page[page.length - 1];
    return {
      items: page.map((r) => caseSummary(r, { roles: user.roles, now, unitNames: names })),
      nextCursor: rows.length > query.pageSize && last ? encodeCursor(last.id) : null,
    };
  }

  /** Live counts for the workbench queues of this user. */
  async function queues(user: AuthUser): Promise<CaseQueues> {
    return createCasesRepo(db).queueCounts(scopeOf(user), clock.now());
  }

  return { register, act, rateAsRequester, rateWithClaim, get, list, queues, dispatchHelp: createDispatchHelp(db) };
}

/** Actions that write the safety-net side tables (citations, consultations, decisions). */
const safetyNetWrites = new Set<string>(['cite', 'convene', 'recordOpinion', 'recordMinutes', 'decide']);

function unitIdsIn(payload: Record<string, unknown>): number[] {
  const out: number[] = [];
  for (const k of ['leadUnitId', 'unitId']) if (typeof payload[k] === 'number') out.push(payload[k]);
  for (const k of ['assistUnitIds', 'unitIds']) {
    const a = payload[k];
    if (Array.isArray(a)) for (const x of a) if (typeof x === 'number') out.push(x);
  }
  return out;
}

export type CaseService = ReturnType<typeof createCaseService>;
