import { DomainError, caseEventActionZh, type AnswerLetterCopy, type AuthUser, type CaseDetail, type Lang } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import type { CaseRow } from '../../db/schema.ts';
import { actorOf, recordAuditAlone } from '../audit/audit-log.ts';
import { createEventsRepo } from '../audit/events.repo.ts';
import { sheetTime } from '../cases/case-sheet.ts';
import { createCasesRepo } from '../cases/cases.repo.ts';
import type { CaseService } from '../cases/cases.service.ts';
import { approvedRefusalOf } from '../cases/refusal.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { caseAnswerLetter, caseLetterNo, type CaseLetterFacts, type LetterAnswer } from './case-answer-letter.ts';
import { renderOfficialLetter } from './official-letter.ts';

type LetterFile = { pdf: Buffer; fileName: string };

/** The safety-net window's own letter, which a decided safety-net case keeps. */
export interface SafetyNetLetters {
  answerPdf(caseId: number, by?: { user: AuthUser; sourceIp: string | null }): Promise<LetterFile>;
  publicAnswerPdf(trackingNo: string): Promise<LetterFile>;
}

const notAnswered: Record<Lang, string> = {
  zh: '该诉求尚未答复，暂无答复意见书',
  en: 'the case has not been answered yet: there is no answer letter',
};

/** Fields of an event that carry what staff wrote for each other (never printed on the citizen's copy). */
const NOTE_FIELDS = ['note', 'reason', 'opinion', 'decision'] as const;

/**
 * The answer letter (答复意见书) of any answered case. Staff read it as GET /cases/{id} lets them
 * (404 outside their scope), 409 before an answer; each staff download is an export in the audit
 * log (`export.answer_letter`). The citizen's copy goes out through the tracking check. A
 * safety-net case keeps the window's own letter.
 */
export function createCaseAnswerLetters(deps: { db: Db; clock: Clock; cases: CaseService; safetyNet: SafetyNetLetters }) {
  const { db, clock, cases, safetyNet } = deps;

  /** What the letter says; null when the case has no answer (nor an approved refusal) yet. */
  async function factsOf(row: CaseRow, detail: CaseDetail | null): Promise<CaseLetterFacts | null> {
    const repo = createCasesRepo(db);
    const units = createUnitsRepo(db);
    const events = await createEventsRepo(db).ofCase(row.id);
    // A merged case's requester is answered with the master's answer.
    const source = row.status === 'merged' && row.master_id !== null ? ((await repo.get(row.master_id)) ?? row) : row;
    const centre = row.registered_unit_id === null ? undefined : await units.get(row.registered_unit_id);
    const centreName = centre?.name ?? '政务服务中心';
    let answer: LetterAnswer;
    let issuer = centreName;
    if (source.replied_at !== null && source.reply_outcome !== null) {
      const lead = source.lead_unit_id === null ? undefined : await units.get(source.lead_unit_id);
      issuer = lead?.name ?? centreName;
      answer = {
        kind: 'reply',
        onTheSpot: source.lead_unit_id === null,
        unitName: issuer,
        outcome: source.reply_outcome,
        text: source.reply_text ?? '',
        policyBasis: source.policy_basis,
        at: source.replied_at,
        masterTrackingNo: source === row ? null : source.tracking_no,
      };
    } else {
      const refusal = row.status === 'closed' ? approvedRefusalOf(events) : null;
      if (!refusal) return null;
      answer = {
        kind: 'refusal',
        reasonCode: refusal.reasonCode,
        text: refusal.text,
        linkedTrackingNo: refusal.linkedTrackingNo,
        at: refusal.at,
      };
    }
    const county = (await createRegionsRepo(db).get(row.region_code.slice(0, 6)))?.name ?? '';
    const facts: CaseLetterFacts = {
      trackingNo: row.tracking_no,
      title: row.title,
      content: row.content,
      channel: row.channel,
      createdAt: row.created_at,
      requesterName: row.requester_name,
      issuer,
      docNumber: caseLetterNo(county, row.tracking_no),
      answer,
    };
    if (detail) facts.internal = await internalOf(detail, answer.kind === 'reply' ? 'reply' : 'refuse');
    return facts;
  }

  /** The staff copy's annexes: the timeline, the notes staff wrote, who answered and their phone. */
  async function internalOf(detail: CaseDetail, answeredBy: 'reply' | 'refuse'): Promise<NonNullable<CaseLetterFacts['internal']>> {
    const who = (e: CaseDetail['timeline'][number]) =>
      [e.actor?.name ?? (e.actorRole === 'citizen' ? '群众' : '系统'), e.unit?.name].filter(Boolean).join('，');
    const step = (e: CaseDetail['timeline'][number]) => caseEventActionZh[e.action] ?? e.action;
    const timeline = detail.timeline.map((e) => `${sheetTime(e.at)}  ${step(e)}（${who(e)}）`);
    const notes: string[] = [];
    for (const e of detail.timeline) {
      for (const k of NOTE_FIELDS) {
        const v = e.payload[k];
        if (typeof v === 'string' && v.trim() !== '') notes.push(`${sheetTime(e.at)}  ${step(e)}（${who(e)}）：${v.trim()}`);
      }
    }
    const answering = [...detail.timeline].reverse().find((e) => e.action === answeredBy && e.actor);
    const officer = answering?.actor ? await createPeopleRepo(db).findById(answering.actor.id) : undefined;
    const contact = officer
      ? `承办人：${officer.displayName}${answering?.unit ? `（${answering.unit.name}）` : ''}${officer.phone ? `  联系电话：${officer.phone}` : ''}`
      : null;
    return { timeline, notes, contact };
  }

  async function render(facts: CaseLetterFacts, copy: AnswerLetterCopy): Promise<LetterFile> {
    const pdf = await renderOfficialLetter(caseAnswerLetter(facts, copy));
    return { pdf, fileName: `answer-${facts.trackingNo}${copy === 'citizen' ? '-citizen' : ''}.pdf` };
  }

  return {
    /** GET /cases/{id}/answer.pdf: the staff copy by default, or the citizen's. */
    async staffPdf(
      caseId: number,
      user: AuthUser,
      opts: { copy: AnswerLetterCopy | undefined; sourceIp: string | null; lang: Lang },
    ): Promise<LetterFile> {
      const detail = await cases.get(caseId, user); // 404 unless the caller may see the case
      if (detail.channel === 'safety_net') return safetyNet.answerPdf(caseId, { user, sourceIp: opts.sourceIp });
      const row = await createCasesRepo(db).get(caseId);
      if (!row) throw new DomainError('not_found');
      const copy = opts.copy ?? 'staff';
      const facts = await factsOf(row, copy === 'staff' ? detail : null);
      if (!facts) throw new DomainError('conflict', notAnswered[opts.lang], { reason: 'not_answered' });
      const file = await render(facts, copy);
      await recordAuditAlone(db, {
        action: 'export.answer_letter',
        actor: actorOf(user),
        sourceIp: opts.sourceIp,
        target: { type: 'case', id: row.id },
        regionCode: row.region_code,
        detail: { filter: { caseId: row.id }, rows: 1, trackingNo: row.tracking_no, copy },
        at: clock.now(),
      });
      return file;
    },

    /** GET /track/{no}/answer.pdf: the citizen's copy (the tracking check has been passed by the caller). */
    async publicPdf(trackingNo: string): Promise<LetterFile> {
      const row = await createCasesRepo(db).findByTrackingNo(trackingNo);
      if (row?.channel === 'safety_net') return safetyNet.publicAnswerPdf(trackingNo);
      const facts = row ? await factsOf(row, null) : null;
      if (!facts) throw new DomainError('not_found', 'no written answer has been published for this case');
      return render(facts, 'citizen');
    },
  };
}

export type CaseAnswerLetters = ReturnType<typeof createCaseAnswerLetters>;
