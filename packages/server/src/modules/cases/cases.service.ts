import {
  DomainError,
  caseScopeFor,
  normalizePhone,
  searchTerms,
  type ActionBody,
  type ActionInput,
  type Actor,
  type AuthUser,
  type CaseDetail,
  type CaseExtras,
  type CaseList,
  type CaseQueues,
  type CaseScope,
  type Deadlines,
  type ListCasesQuery,
  type Satisfaction,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAuditAlone } from '../audit/audit-log.ts';
import { createEventsRepo } from '../audit/events.repo.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import { regionLineageName } from '../regions/region-names.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { createAttachmentsRepo } from './attachments.repo.ts';
import type { CaseCatalog, CaseExtension, CaseReactions } from './case-hooks.ts';
import { caseDetail, caseSummary, showsFullPhone } from './case-view.ts';
import { createCasesRepo } from './cases.repo.ts';
import { createDispatchHelp } from './dispatch-help.service.ts';
import type { GuessLimiter } from './guess-limiter.ts';
import { caseNotFound, createActionPerformer } from './perform-action.ts';
import { createRegistration } from './register-case.ts';

export type { Registrar } from './register-case.ts';

export interface CaseServiceDeps {
  db: Db;
  clock: Clock;
  deadlines: Deadlines;
  guesses: GuessLimiter;
  /** Categories and the routing catalog (settings). */
  catalog: CaseCatalog;
  /** What other modules add to every case (the safety-net window), registered in main/services.ts. */
  extensions: readonly CaseExtension[];
  /** What other modules do after each action (merge links, safety-net tables, bad-rating notices). */
  reactions: CaseReactions;
}

function actorOf(user: AuthUser): Actor {
  return { userId: user.id, roles: user.roles, unitIds: user.units.map((u) => u.id) };
}

function scopeOf(user: AuthUser): CaseScope {
  return caseScopeFor(user);
}

const notFound = caseNotFound;

function encodeCursor(id: number): string {
  return Buffer.from(`c:${id}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const m = /^c:(\d{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw DomainError.atField('validation_failed', { path: 'cursor', message: 'invalid cursor' });
  return Number(m[1]);
}

export function createCaseService(deps: CaseServiceDeps) {
  const { db, clock, extensions } = deps;
  const { perform, canSee, snapshotFacts } = createActionPerformer(deps);
  const register = createRegistration(deps);

  async function unitNames(ids: Iterable<number>) {
    return createUnitsRepo(db).namesOf([...new Set(ids)]);
  }

  /** What the modules add to the detail: citations and the safety-net block. */
  async function detailExtras(row: Parameters<typeof snapshotFacts>[1], now: Date): Promise<CaseExtras> {
    const parts = await Promise.all(extensions.map((x) => x.detailExtras?.(db, row, now) ?? {}));
    return Object.assign({ citations: [], consultations: [], safetyNet: null }, ...parts) as CaseExtras;
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

  /**
   * The case as the caller may see it. A read of the detail (`read` given: GET /cases/{id}) that
   * shows the requester's full phone number is a reveal, written to the audit log; the detail an
   * action answers with is not logged again.
   */
  async function get(caseId: number, user: AuthUser, read?: { sourceIp: string | null }): Promise<CaseDetail> {
    const row = await createCasesRepo(db).get(caseId);
    if (!row || !(await canSee(db, user, row))) throw notFound();
    if (read && showsFullPhone(user.roles)) {
      await recordAuditAlone(db, {
        action: 'pii.reveal',
        actor: { id: user.id, name: user.username },
        sourceIp: read.sourceIp,
        target: { type: 'case', id: row.id },
        regionCode: row.region_code,
        detail: { field: 'requester.phone', trackingNo: row.tracking_no },
        at: clock.now(),
      });
    }
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
    const regionName = await regionLineageName(db, row.region_code);
    const [extras, facts] = await Promise.all([detailExtras(row, clock.now()), snapshotFacts(db, row)]);
    return caseDetail(row, events, actorOf(user), {
      extras,
      snapshotFacts: facts,
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
      items: page.map((r) => caseSummary(r, { roles: user.roles, now, unitNames: names, maskPhone: true })),
      nextCursor: rows.length > query.pageSize && last ? encodeCursor(last.id) : null,
    };
  }

  /** Live counts for the workbench queues of this user. */
  async function queues(user: AuthUser): Promise<CaseQueues> {
    return createCasesRepo(db).queueCounts(scopeOf(user), clock.now());
  }

  return { register, act, rateAsRequester, rateWithClaim, get, list, queues, dispatchHelp: createDispatchHelp(db, deps.catalog) };
}

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
