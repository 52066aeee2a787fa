import { toChinaDate, type CaseExtras } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { CaseRow } from '../../db/schema.ts';
import type { SnapshotFacts } from '../cases/case-hooks.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { consultationViews } from './consultation.view.ts';
import { createSafetyNetRepo } from './safety-net.repo.ts';

/** What the lifecycle table needs of a safety-net case (SafetyNetState): the open consultation and whether a root cause is on record. */
export type SafetyNetState = SnapshotFacts;

/** A rectification notice as the case detail shows it; the notice list adds the case and the appeal. */
export function noticeView<S extends string>(n: {
  id: number;
  unit_id: number | null;
  unit_name: string | null;
  finding: string;
  issued_at: Date;
  due_at: Date;
  status: S;
  response: string | null;
  answered_at: Date | null;
}) {
  return {
    id: n.id,
    unit: n.unit_id === null ? null : { id: n.unit_id, name: n.unit_name ?? String(n.unit_id) },
    finding: n.finding,
    issuedAt: n.issued_at.toISOString(),
    dueAt: n.due_at.toISOString(),
    status: n.status,
    response: n.response,
    answeredAt: n.answered_at?.toISOString() ?? null,
  };
}

export async function loadSafetyNetState(db: Db, row: CaseRow): Promise<SafetyNetState | undefined> {
  if (row.channel !== 'safety_net') return undefined;
  const repo = createSafetyNetRepo(db);
  const [open, sn] = await Promise.all([repo.openConsultation(row.id), repo.getCase(row.id)]);
  return {
    consultation: open ? { unitIds: open.unit_ids, answeredUnitIds: open.answeredUnitIds } : null,
    hasRootCause: sn?.root_cause_kind != null,
  };
}

/**
 * What a case shows besides its row: the articles it cites (a repealed one flagged) for any
 * case; for a safety-net case also the failed matter, its consultations (who has not answered
 * yet), the decision with its root cause (the staff member's name is for inspectors alone) and
 * the rectification notices. Runs outside any transaction.
 */
export async function caseExtras(db: Db, row: CaseRow, now: Date): Promise<Omit<CaseExtras, 'consultations'>> {
  const repo = createSafetyNetRepo(db);
  const today = toChinaDate(now);
  const citations = (await repo.citationsOf(row.id, today)).map((c) => ({
    policyId: c.id,
    title: c.title,
    docNumber: c.doc_number,
    issuer: c.issuer,
    articleNo: c.article_no,
    excerpt: c.body.length > 160 ? `${c.body.slice(0, 160)}…` : c.body,
    repealedOn: c.repealed_on,
    repealed: c.repealed,
    note: c.note,
    citedAt: c.created_at.toISOString(),
  }));
  if (row.channel !== 'safety_net') return { citations, safetyNet: null };
  const [sn, consultations, notices] = await Promise.all([
    repo.getCase(row.id),
    consultationViews(db, row.id),
    repo.notices({ caseId: row.id }),
  ]);
  if (!sn) return { citations, safetyNet: null };
  const names = await createUnitsRepo(db).namesOf(sn.origin_unit_id === null ? [] : [sn.origin_unit_id]);
  const unit = (id: number | null) => (id === null ? null : { id, name: names.get(id) ?? String(id) });
  return {
    citations,
    safetyNet: {
      failedMatter: {
        name: sn.matter_name,
        unit: unit(sn.origin_unit_id),
        window: sn.origin_window,
        failedAt: sn.failed_at.toISOString(),
        visits: sn.visits,
        whatWasSaid: sn.what_was_said,
      },
      kind: sn.kind,
      consultations,
      decision:
        sn.outcome === null
          ? null
          : {
              outcome: sn.outcome,
              text: sn.answer_text,
              alternatives: sn.alternatives,
              doneBy: sn.done_by,
              decidedAt: sn.decided_at?.toISOString() ?? null,
              minutesToDecision: sn.minutes_to_decision,
              letterNo: sn.letter_no,
              rootCause: { kind: sn.root_cause_kind, conduct: sn.conduct, finding: sn.finding },
            },
      rectifications: notices.map(noticeView),
      answerPdf: sn.outcome === null ? null : `/api/v1/cases/${row.id}/answer.pdf`,
    },
  };
}
