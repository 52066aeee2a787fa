import { DomainError, coversRegion, regionPrefix, type AuthUser, type ReferralDetail, type ReferralView } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createAuditLogRepo } from '../audit/audit-log.repo.ts';
import { actorOf, recordAudit, regionOfUser } from '../audit/audit-log.ts';
import { createSafetyNetRepo } from './safety-net.repo.ts';

/**
 * Referrals are for discipline inspectors alone: any other caller, admins included, is told the
 * ledger does not exist (404), so no one learns whether a colleague has been referred.
 */
function requireInspector(user: AuthUser): string[] {
  if (!user.roles.includes('inspector')) throw new DomainError('not_found');
  return [...new Set(user.units.map((u) => regionPrefix(u.regionCode)))];
}

/** A referral as inspectors read it (list and detail share it). */
function referralView(r: {
  id: number;
  case_id: number;
  tracking_no: string;
  title: string;
  unit_id: number | null;
  unit_name: string | null;
  staff_name: string | null;
  conduct: ReferralView['conduct'];
  finding: string;
  status: ReferralView['status'];
  inspector_note: string | null;
  created_at: Date;
  updated_at: Date;
}): ReferralView {
  return {
    id: r.id,
    caseId: r.case_id,
    trackingNo: r.tracking_no,
    caseTitle: r.title,
    unit: r.unit_id === null ? null : { id: r.unit_id, name: r.unit_name ?? String(r.unit_id) },
    staffName: r.staff_name,
    conduct: r.conduct,
    finding: r.finding,
    status: r.status,
    note: r.inspector_note,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The discipline ledger (移交纪检): referrals of staff conduct, read and worked by inspectors alone; every read is audited. */
export function referralLedger(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const repo = createSafetyNetRepo(db);

  /** A read of the discipline ledger goes into the audit log; a referral shows its reads from there. */
  async function logRead(user: AuthUser, sourceIp: string | null, referralId: number | null, regionCode: string | null, rows?: number) {
    const at = clock.now();
    await db.transaction().execute(async (trx) => {
      await recordAudit(trx, {
        action: 'discipline.read',
        actor: actorOf(user),
        sourceIp,
        target: referralId === null ? null : { type: 'referral', id: referralId },
        regionCode,
        detail: referralId === null ? { what: 'list', rows } : { what: 'detail' },
        at,
      });
    });
  }

  const ledger = {
    /** The referral ledger: inspectors only; every read is written to the audit log. */
    async referrals(user: AuthUser, sourceIp: string | null = null): Promise<{ items: ReferralView[] }> {
      const prefixes = requireInspector(user);
      const rows = (await repo.referrals(500)).filter((r) => coversRegion(prefixes, r.region_code));
      await logRead(user, sourceIp, null, regionOfUser(user), rows.length);
      return {
        items: rows.map(referralView),
      };
    },

    async referral(user: AuthUser, id: number, sourceIp: string | null = null): Promise<ReferralDetail> {
      const prefixes = requireInspector(user);
      const r = await repo.referral(id);
      if (!r || !coversRegion(prefixes, r.region_code)) throw new DomainError('not_found');
      await logRead(user, sourceIp, id, r.region_code);
      const reads = await createAuditLogRepo(db).ofTarget({ type: 'referral', id }, 'discipline.read', 100);
      return {
        ...referralView(r),
        caseContent: r.content,
        views: reads.map((v) => ({
          viewer: { id: v.actorId ?? 0, name: v.actorName ?? '' },
          what: v.detail['what'] === 'list' ? ('list' as const) : ('detail' as const),
          at: v.at.toISOString(),
        })),
      };
    },

    async updateReferral(
      user: AuthUser,
      id: number,
      patch: { status: 'open' | 'investigating' | 'concluded'; note?: string | undefined },
      sourceIp: string | null = null,
    ): Promise<ReferralDetail> {
      const prefixes = requireInspector(user);
      const r = await repo.referral(id);
      if (!r || !coversRegion(prefixes, r.region_code)) throw new DomainError('not_found');
      await db.transaction().execute(async (trx) => {
        await createSafetyNetRepo(trx).updateReferral(id, { status: patch.status, note: patch.note ?? r.inspector_note, at: clock.now() });
        await recordAudit(trx, {
          action: 'discipline.update',
          actor: actorOf(user),
          sourceIp,
          target: { type: 'referral', id },
          regionCode: r.region_code,
          detail: { status: patch.status, from: r.status, noteChanged: patch.note !== undefined },
          at: clock.now(),
        });
      });
      return ledger.referral(user, id, sourceIp);
    },
  };
  return ledger;
}
