import {
  DomainError,
  caseScopeFor,
  coversRegion,
  defaultGapRule,
  findServiceGaps,
  toChinaDate,
  validateGapRule,
  type AuthUser,
  type BarrierView,
  type CoordinationView,
  type GapRule,
  type PendingConsultation,
  type RectificationView,
  type Role,
  type SafetyNetAnalysis,
  type Satisfaction,
  type ServiceGapsView,
  type TimeLimit,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { actorOf, recordAudit } from '../audit/audit-log.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { putNationalSetting } from '../settings/national-setting.ts';
import { putSettleLimit, settleLimitOf } from './consultation-settle-limit.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { renderOfficialLetter } from '../letters/official-letter.ts';
import { createCasesRepo } from '../cases/cases.repo.ts';
import { answerLetter } from './answer-letter.ts';
import { analysisOf, coordinationOf } from './safety-net-analysis.ts';
import { createSafetyNetRepo } from './safety-net.repo.ts';
import { noticeView } from './safety-net.view.ts';
import { referralLedger } from './referral-ledger.ts';
import { createSettingsRepo } from '../settings/settings.repo.ts';

/** Who reads the gap analysis and the ledgers. */
export const analysisRoles: readonly Role[] = ['supervisor', 'safety_net_officer', 'leader', 'admin'];
const GAP_RULE_KEY = 'safety_net.gap_rule';
const DAY = 86_400_000;

function prefixesOf(user: AuthUser): string[] {
  return caseScopeFor(user).regionPrefixes.slice();
}

function requireAnalyst(user: AuthUser): string[] {
  if (!user.roles.some((r) => analysisRoles.includes(r)))
    throw new DomainError('forbidden', 'the safety-net analysis is for supervisors, safety-net officers, leaders and admins');
  return prefixesOf(user);
}

export function createSafetyNetService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createSafetyNetRepo(db);

  async function gapRule(): Promise<GapRule> {
    const stored = (await createSettingsRepo(db).appSetting(GAP_RULE_KEY)) as GapRule | undefined;
    return stored && validateGapRule(stored) === null ? stored : defaultGapRule;
  }

  function period(q: { from?: string | undefined; to?: string | undefined }) {
    const to = q.to ? new Date(q.to) : new Date(clock.now().getTime() + 1);
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - 365 * DAY);
    if (from.getTime() >= to.getTime()) {
      throw DomainError.atField('validation_failed', { path: 'from', message: 'must be before to' }, 'from must be before to');
    }
    return { from, to };
  }

  return {
    gapRule,

    /** The gap rule is a national setting: only a system admin of the root region changes it (audit-logged). */
    async setGapRule(scope: AdminScope, rule: GapRule) {
      const problem = validateGapRule(rule);
      if (problem) throw new DomainError('validation_failed', problem);
      await putNationalSetting({ db, clock }, scope, {
        key: GAP_RULE_KEY,
        what: 'the service-gap rule',
        action: 'settings.gap_rule.set',
        value: rule,
      });
      return rule;
    },

    /** Matters failing repeatedly at the regular windows: service gaps, each with its cases. */
    async gaps(user: AuthUser): Promise<ServiceGapsView> {
      const prefixes = requireAnalyst(user);
      const rule = await gapRule();
      const now = clock.now();
      const failures = await repo.failuresSince(prefixes, new Date(now.getTime() - rule.windowDays * DAY));
      const gaps = findServiceGaps(
        failures.map((f) => ({ caseId: f.case_id, matterName: f.matter_name, at: f.created_at })),
        rule,
        now,
      );
      const caseIds = new Set(gaps.flatMap((g) => g.caseIds));
      const rows = (await repo.casesIn(prefixes, new Date(now.getTime() - rule.windowDays * DAY), new Date(now.getTime() + 1))).filter(
        (r) => caseIds.has(r.case_id),
      );
      const byId = new Map(rows.map((r) => [r.case_id, r]));
      return {
        rule,
        items: gaps.map((g) => ({
          matterName: g.matterName,
          matterKey: g.matterKey,
          count: g.count,
          firstAt: g.firstAt.toISOString(),
          lastAt: g.lastAt.toISOString(),
          cases: g.caseIds.flatMap((id) => {
            const r = byId.get(id);
            return r
              ? [
                  {
                    id,
                    trackingNo: r.tracking_no,
                    title: r.title,
                    status: r.status,
                    createdAt: r.created_at.toISOString(),
                    originUnit:
                      r.origin_unit_id === null ? null : { id: r.origin_unit_id, name: r.origin_unit_name ?? String(r.origin_unit_id) },
                    outcome: r.outcome,
                    rootCause: r.root_cause_kind,
                  },
                ]
              : [];
          }),
        })),
      };
    },

    /** Safety-net cases by matter, unit of origin, cause and outcome, and the time to done. */
    async analysis(user: AuthUser, q: { from?: string | undefined; to?: string | undefined }): Promise<SafetyNetAnalysis> {
      const prefixes = requireAnalyst(user);
      const { from, to } = period(q);
      const rows = await repo.casesIn(prefixes, from, to);
      return analysisOf(rows, from, to);
    },

    /** Which units had to work together, how often, and how long their consultations took. */
    async coordination(user: AuthUser, q: { from?: string | undefined; to?: string | undefined }): Promise<CoordinationView> {
      const prefixes = requireAnalyst(user);
      const { from, to } = period(q);
      const rows = await repo.consultationsIn(prefixes, from, to);
      const names = await createUnitsRepo(db).namesOf([...new Set(rows.flatMap((r) => r.unit_ids))]);
      return coordinationOf(rows, names);
    },

    async barriers(user: AuthUser, only?: { id: number }): Promise<{ items: BarrierView[] }> {
      const prefixes = requireAnalyst(user);
      const rows = await repo.barriers(prefixes, only?.id);
      return {
        items: rows.map((b) => ({
          id: b.id,
          caseId: b.case_id,
          trackingNo: b.tracking_no,
          matterName: b.matter_name,
          policyIds: b.policy_ids,
          policyName: b.policy_name,
          finding: b.finding,
          proposal: b.proposal,
          status: b.status,
          createdAt: b.created_at.toISOString(),
          updatedAt: b.updated_at.toISOString(),
        })),
      };
    },

    async updateBarrier(
      user: AuthUser,
      id: number,
      patch: {
        proposal?: string | undefined;
        status?: 'open' | 'proposed' | 'adopted' | 'declined' | undefined;
        policyName?: string | undefined;
      },
    ) {
      const prefixes = requireAnalyst(user);
      const b = await repo.barrier(id);
      if (!b || !coversRegion(prefixes, b.region_code)) throw new DomainError('not_found');
      await repo.updateBarrier(id, { ...patch, by: user.id, at: clock.now() });
      const [entry] = (await this.barriers(user, { id })).items;
      if (!entry) throw new DomainError('not_found');
      return entry;
    },

    ...referralLedger({ db, clock }),

    /** Rectification notices: a unit sees its own; region roles see those of their regions. */
    async rectifications(user: AuthUser, only?: { id: number }): Promise<{ items: RectificationView[] }> {
      const scope = caseScopeFor(user);
      const rows = await repo.notices({ ...(only ? { id: only.id } : {}), unitIds: scope.unitIds, regionPrefixes: scope.regionPrefixes });
      return {
        items: rows.map((n) => {
          const { id, ...notice } = noticeView(n);
          return {
            id,
            caseId: n.case_id,
            trackingNo: n.tracking_no,
            caseTitle: n.title,
            ...notice,
            kind: n.kind,
            satisfaction: n.satisfaction as Satisfaction | null, // written from a rating's satisfaction
            appeal:
              n.appealed_at === null
                ? null
                : { reason: n.appeal_reason, at: n.appealed_at.toISOString(), decision: n.appeal_decision, note: n.appeal_note },
          };
        }),
      };
    },

    async answerRectification(user: AuthUser, id: number, response: string) {
      const n = await repo.notice(id);
      const mine =
        n !== undefined &&
        n.unit_id !== null &&
        user.units.some((u) => u.id === n.unit_id) &&
        user.roles.some((r) => r === 'unit_head' || r === 'handler');
      if (!n || !mine) throw new DomainError('not_found');
      if (!(await repo.answerNotice(id, { response, by: user.id, at: clock.now() }))) {
        throw new DomainError('conflict', 'this rectification notice is already answered');
      }
      const [notice] = (await this.rectifications(user, { id })).items;
      if (!notice) throw new DomainError('not_found');
      return notice;
    },

    /** Consultations waiting for an opinion of one of the user's units (unit heads). */
    async pendingConsultations(user: AuthUser): Promise<{ items: PendingConsultation[] }> {
      if (!user.roles.includes('unit_head')) return { items: [] };
      const rows = await repo.pendingFor(user.units.map((u) => u.id));
      return {
        items: rows.map((k) => ({
          id: k.id,
          caseId: k.case_id,
          trackingNo: k.tracking_no,
          caseTitle: k.title,
          agenda: k.agenda,
          convenedAt: k.convened_at.toISOString(),
          dueAt: k.due_at?.toISOString() ?? null,
        })),
      };
    },

    /** How long a dispatch dispute of an ordinary case may take to settle (会商; a national setting). */
    consultationSettleLimit: () => settleLimitOf(db),
    setConsultationSettleLimit: (scope: AdminScope, limit: TimeLimit) => putSettleLimit({ db, clock }, scope, limit),

    /** The published written answer, for the requester (the tracking check has been passed by the caller). */
    async publicAnswerPdf(trackingNo: string) {
      const row = await createCasesRepo(db).findByTrackingNo(trackingNo);
      if (!row || row.replied_at === null) throw new DomainError('not_found', 'no written answer has been published for this case');
      return this.answerPdf(row.id);
    },

    /**
     * The written answer of a decided safety-net case as a PDF letter. `canSee` has been checked by
     * the caller. A staff member's download (`by`) is an export, written to the audit log.
     */
    async answerPdf(caseId: number, by?: { user: AuthUser; sourceIp: string | null }): Promise<{ pdf: Buffer; fileName: string }> {
      const row = await createCasesRepo(db).get(caseId);
      const sn = row ? await repo.getCase(caseId) : undefined;
      if (!row || !sn) throw new DomainError('not_found', 'no written answer: not a safety-net case');
      if (sn.outcome === null) throw new DomainError('conflict', 'the case is not decided yet: there is no written answer');
      const today = toChinaDate(clock.now());
      const citations = await repo.citationsOf(caseId, today);
      const units = createUnitsRepo(db);
      const issuerUnit = row.registered_unit_id === null ? undefined : await units.get(row.registered_unit_id);
      const origin = sn.origin_unit_id === null ? undefined : await units.get(sn.origin_unit_id);
      const officer = sn.decided_by === null ? undefined : await createPeopleRepo(db).findById(sn.decided_by);
      const letter = answerLetter(row, sn, {
        issuer: issuerUnit?.name ?? '政务服务中心',
        originUnitName: origin?.name ?? null,
        citations: citations.map((c) => ({
          title: c.title,
          docNumber: c.doc_number,
          articleNo: c.article_no,
          body: c.body,
          repealed: c.repealed,
        })),
        contact: officer ? `联系人：${officer.displayName}（办不成事反映窗口）  咨询电话：12345` : null,
      });
      const pdf = await renderOfficialLetter(letter);
      if (by) {
        await db.transaction().execute((trx) =>
          recordAudit(trx, {
            action: 'export.answer_letter',
            actor: actorOf(by.user),
            sourceIp: by.sourceIp,
            target: { type: 'case', id: row.id },
            regionCode: row.region_code,
            detail: { filter: { caseId: row.id }, rows: 1, trackingNo: row.tracking_no },
            at: clock.now(),
          }),
        );
      }
      return { pdf, fileName: `answer-${row.tracking_no}.pdf` };
    },
  };
}

export type SafetyNetService = ReturnType<typeof createSafetyNetService>;
