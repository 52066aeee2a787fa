import {
  DomainError,
  caseScopeFor,
  escalationLevels,
  type EscalationLevel,
  type EscalationRule,
  type RatingFlagsView,
  type Role,
  type SupervisionOverview,
  type UnitOverview,
  type AuthUser,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { putNationalSetting } from '../settings/national-setting.ts';
import { ESCALATION_RULE_KEY, escalationRuleOf } from './scanner.ts';
import { flaggedCasesByUnit, ratingFlags } from './rating-flags.ts';
import { createSupervisionRepo } from './supervision.repo.ts';

/** Who reads the supervision centre. */
export const supervisionRoles: readonly Role[] = ['supervisor', 'leader', 'dispatcher', 'admin'];
const DAY = 86_400_000;

/** Per-unit counts for the supervision centre: what is near due, overdue, escalated, returned, flagged. */
export function createSupervisionService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createSupervisionRepo(db);

  /** The regions the caller supervises: their units' regions, an admin's like everyone else's. */
  function prefixesOf(user: AuthUser): string[] {
    if (!user.roles.some((r) => supervisionRoles.includes(r)))
      throw new DomainError('forbidden', 'the supervision centre is for supervisors, dispatchers, leaders and admins');
    return caseScopeFor(user).regionPrefixes.slice();
  }

  return {
    async overview(user: AuthUser, days = 30): Promise<SupervisionOverview> {
      const prefixes = prefixesOf(user);
      const now = clock.now();
      const from = new Date(now.getTime() - days * DAY);
      const [due, esc, returns, recent, flags] = await Promise.all([
        repo.dueByUnit(prefixes, now),
        repo.escalationsByUnit(prefixes, from),
        repo.returnsByUnit(prefixes, from),
        repo.recentEscalations(prefixes, 50),
        ratingFlags(db, prefixes, from).then((r) => flaggedCasesByUnit(r.flags, r.leadUnitOf)),
      ]);
      const byUnit = new Map<number | null, UnitOverview>();
      const unit = (id: number | null): UnitOverview => {
        let u = byUnit.get(id);
        if (!u) {
          u = {
            unitId: id,
            unitName: null,
            nearDue: 0,
            overdue: 0,
            escalations: { urge: 0, supervise: 0, escalate: 0 },
            returns: 0,
            flaggedRatings: 0,
          };
          byUnit.set(id, u);
        }
        return u;
      };
      for (const d of due) Object.assign(unit(d.lead_unit_id), { nearDue: d.near_due, overdue: d.overdue });
      for (const e of esc) unit(e.unit_id).escalations[e.level] += e.n;
      for (const r of returns) unit(r.unit_id).returns += r.n;
      for (const [id, n] of flags) unit(id).flaggedRatings += n;
      const names = await repo.unitNames([...byUnit.keys()].filter((k): k is number => k !== null));
      const units = [...byUnit.values()]
        .map((u) => ({ ...u, unitName: u.unitId === null ? null : (names.get(u.unitId) ?? null) }))
        .sort((a, b) => b.overdue - a.overdue || b.nearDue - a.nearDue || (a.unitId ?? 0) - (b.unitId ?? 0));
      const totals = units.reduce(
        (t, u) => ({
          nearDue: t.nearDue + u.nearDue,
          overdue: t.overdue + u.overdue,
          escalations: Object.fromEntries(escalationLevels.map((l) => [l, t.escalations[l] + u.escalations[l]])) as Record<
            EscalationLevel,
            number
          >,
          returns: t.returns + u.returns,
          flaggedRatings: t.flaggedRatings + u.flaggedRatings,
        }),
        { nearDue: 0, overdue: 0, escalations: { urge: 0, supervise: 0, escalate: 0 }, returns: 0, flaggedRatings: 0 },
      );
      return {
        generatedAt: now.toISOString(),
        days,
        totals,
        units,
        recentEscalations: recent.map((r) => ({
          caseId: r.case_id,
          trackingNo: r.tracking_no,
          title: r.title,
          status: r.status,
          level: r.level,
          dueAt: r.due_at.toISOString(),
          at: r.created_at.toISOString(),
          unit: r.unit_id !== null ? { id: r.unit_id, name: r.unit_name ?? '' } : null,
        })),
      };
    },

    /** The flags themselves, with the evidence, newest window first (supervisors read them). */
    async ratingFlags(user: AuthUser, days = 30): Promise<RatingFlagsView> {
      const prefixes = prefixesOf(user);
      const from = new Date(clock.now().getTime() - days * DAY);
      const r = await ratingFlags(db, prefixes, from);
      const tracking = await repo.trackingNos(r.flags.flatMap((f) => f.caseIds));
      return {
        days,
        ratings: r.ratings,
        items: r.flags.map((f) => ({ ...f, cases: f.caseIds.map((id) => ({ id, trackingNo: tracking.get(id) ?? null })) })),
      };
    },

    escalationRule: () => escalationRuleOf(db),

    /** A national setting: only a system admin of the root region changes it (audit-logged). */
    async putEscalationRule(scope: AdminScope, rule: EscalationRule): Promise<EscalationRule> {
      await putNationalSetting({ db, clock }, scope, {
        key: ESCALATION_RULE_KEY,
        what: 'the escalation rule',
        action: 'settings.escalation.set',
        value: rule,
      });
      return rule;
    },
  };
}

export type SupervisionService = ReturnType<typeof createSupervisionService>;
