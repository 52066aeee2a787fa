import type { AuthUser } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAuditAlone } from '../audit/audit-log.ts';
import { renderCaseSheet } from './case-sheet.ts';
import { showsFullPhone } from './case-view.ts';
import { createCasesRepo } from './cases.repo.ts';
import type { CaseService } from './cases.service.ts';

/**
 * The printable case sheet of one case: the detail exactly as the caller may read it (GET
 * /cases/{id}: 404 outside their scope, the phone masked unless their role calls requesters
 * back, a full phone logged as a reveal), rendered to PDF. Every sheet is an export in the
 * audit log (`export.case_sheet`).
 */
export function createCaseSheets(deps: { db: Db; clock: Clock; cases: CaseService }) {
  const { db, clock, cases } = deps;
  return {
    async sheetPdf(caseId: number, user: AuthUser, sourceIp: string | null): Promise<{ pdf: Buffer; trackingNo: string }> {
      const detail = await cases.get(caseId, user, { sourceIp });
      const code = detail.categoryCode;
      const categoryName = code === null ? '' : ((await createCasesRepo(db).categoryNames([code])).get(code) ?? code);
      const printedAt = clock.now();
      await recordAuditAlone(db, {
        action: 'export.case_sheet',
        actor: { id: user.id, name: user.username },
        sourceIp,
        target: { type: 'case', id: detail.id },
        regionCode: detail.regionCode,
        detail: { trackingNo: detail.trackingNo, rows: 1, fullPhones: showsFullPhone(user.roles) },
        at: printedAt,
      });
      return { pdf: await renderCaseSheet({ detail, categoryName, printedAt }), trackingNo: detail.trackingNo };
    },
  };
}

export type CaseSheets = ReturnType<typeof createCaseSheets>;
