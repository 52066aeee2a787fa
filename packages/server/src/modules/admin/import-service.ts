import { DomainError, type AdminImportReport, type PeopleImportReport } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import type { Lang } from '../../http/error-mapping.ts';
import { lockFor } from '../../db/locks.repo.ts';
import { recordAudit, recordAuditAlone, type AuditEntry } from '../audit/audit-log.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { buildCatalogWorkbook } from './export-catalog.ts';
import { buildUnitsWorkbook } from './export-units.ts';
import { applyCatalogImport, planCatalogImport, reportOf } from './import-catalog.ts';
import { applyUnitsImport, planUnitsImport } from './import-units.ts';
import { buildPeopleTemplate } from './export-people.ts';
import { buildCategoriesWorkbook } from './export-categories.ts';
import { applyCategoriesImport, planCategoriesImport } from './import-categories.ts';
import { requireRootScope } from '../regions/root-scope.ts';
import { applyPeopleImport, planPeopleImport, preparePasswords, type PreparedPasswords } from './import-people.ts';

/** An audit entry of one changed row (without actor, address and time, which the import adds). */
export type RowAudit = (e: Omit<AuditEntry, 'actor' | 'sourceIp' | 'at'>) => Promise<void>;

type Plan<S> = {
  steps: S[];
  errors: { row: number; column: string; reason: string }[];
  /** Refusals to record as `denied` (after the rollback) when a real run is refused. */
  denied?: Omit<AuditEntry, 'actor' | 'sourceIp' | 'at'>[];
};

/** At most this many row errors are answered, plus one line counting the rest. */
const MAX_ERRORS = 500;

/**
 * The system admin's Excel round trip of units and of the routing catalog: templates, exports of
 * the admin's regions (recorded in the audit log with the row count), and all-or-nothing imports
 * (a dry run previews; the real run plans again and applies in one transaction, recorded: an
 * entry per changed row and one with the totals).
 * `smsChannel`: an SMS gateway is configured (HUIYIN_SMS_GATEWAY_URL); without one the people
 * import refuses to send one-time passwords by SMS (they would never arrive, nor be shown).
 */
export function createAdminImports(deps: { db: Db; clock: Clock; smsChannel?: boolean }) {
  const { db, clock } = deps;
  const regionOf = (scope: AdminScope) => scope.user.units[0]?.regionCode ?? null;

  async function exported(scope: AdminScope, action: string, rows: number) {
    await recordAuditAlone(db, {
      action,
      actor: scope.actor,
      sourceIp: scope.sourceIp,
      regionCode: regionOf(scope),
      detail: { filter: { regionPrefixes: [...scope.prefixes] }, rows },
      at: clock.now(),
    });
  }

  function capped(report: AdminImportReport, lang: Lang): AdminImportReport {
    if (report.errors.length <= MAX_ERRORS) return report;
    const rest = report.errors.length - MAX_ERRORS;
    const more = lang === 'zh' ? `另有 ${rest} 处错误未列出` : `${rest} more errors not listed`;
    return { ...report, errors: [...report.errors.slice(0, MAX_ERRORS), { row: 0, column: '', reason: more }] };
  }

  async function run<S extends { row: number; action: 'create' | 'update' | 'unchanged'; name: string }>(
    scope: AdminScope,
    dryRun: boolean,
    lang: Lang,
    action: string,
    plan: (d: Db) => Promise<Plan<S>>,
    apply: (trx: Db, steps: S[], audit: RowAudit) => Promise<void>,
  ): Promise<AdminImportReport> {
    return (
      await runWith(scope, dryRun, lang, action, plan, async (trx, steps, audit) => {
        await apply(trx, steps, audit);
        return {};
      })
    ).report;
  }

  /** The same, for an apply that answers something besides the report (the people import's one-time passwords). */
  async function runWith<S extends { row: number; action: 'create' | 'update' | 'unchanged'; name: string }, X>(
    scope: AdminScope,
    dryRun: boolean,
    lang: Lang,
    action: string,
    plan: (d: Db) => Promise<Plan<S>>,
    apply: (trx: Db, steps: S[], audit: RowAudit) => Promise<X>,
    opts: { lock?: 'peopleImport' } = {},
  ): Promise<{ report: AdminImportReport; extra: X | null }> {
    if (dryRun) {
      const p = await plan(db);
      return { report: capped(reportOf(true, p.steps, p.errors), lang), extra: null };
    }
    const who = { actor: scope.actor, sourceIp: scope.sourceIp };
    let denied: Plan<S>['denied'] = [];
    const done = await db.transaction().execute(async (trx) => {
      // One import at a time where two would race (the people import: both plan "create" for one username).
      if (opts.lock) await lockFor(trx, opts.lock);
      const p = await plan(trx);
      const report = capped(reportOf(false, p.steps, p.errors), lang);
      if (!report.applied) {
        denied = p.denied ?? [];
        return { report, extra: null };
      }
      const extra = await apply(trx, p.steps, (e) => recordAudit(trx, { ...e, ...who, at: clock.now() }).then(() => undefined));
      await recordAudit(trx, {
        action,
        actor: scope.actor,
        sourceIp: scope.sourceIp,
        regionCode: regionOf(scope),
        detail: { created: report.created, updated: report.updated, unchanged: report.unchanged, rows: report.rows.length },
        at: clock.now(),
      });
      return { report, extra };
    });
    // Nothing was written; the refused attempts are still recorded, as the manual path does.
    for (const e of denied) await recordAuditAlone(db, { ...e, ...who, at: clock.now() });
    return done;
  }

  return {
    unitsTemplate: async (scope: AdminScope) => (await buildUnitsWorkbook(db, scope, false)).data,
    async unitsExport(scope: AdminScope): Promise<Buffer> {
      const { data, rows } = await buildUnitsWorkbook(db, scope, true);
      await exported(scope, 'export.units', rows);
      return data;
    },
    importUnits: (scope: AdminScope, data: Buffer, dryRun: boolean, lang: Lang) =>
      run(
        scope,
        dryRun,
        lang,
        'import.units',
        (d) => planUnitsImport(d, scope, data, lang),
        (trx, steps) => applyUnitsImport(trx, scope, steps),
      ),

    catalogTemplate: async (scope: AdminScope) => (await buildCatalogWorkbook(db, scope, false)).data,
    async catalogExport(scope: AdminScope): Promise<Buffer> {
      const { data, rows } = await buildCatalogWorkbook(db, scope, true);
      await exported(scope, 'export.routing_rules', rows);
      return data;
    },
    importCatalog: (scope: AdminScope, data: Buffer, dryRun: boolean, lang: Lang) =>
      run(
        scope,
        dryRun,
        lang,
        'import.routing_rules',
        (d) => planCatalogImport(d, scope, data, lang),
        (trx, steps, audit) => applyCatalogImport(trx, steps, audit),
      ),

    categoriesTemplate: async () => (await buildCategoriesWorkbook(db, false)).data,
    async categoriesExport(scope: AdminScope): Promise<Buffer> {
      const { data, rows } = await buildCategoriesWorkbook(db, true);
      await exported(scope, 'export.categories', rows);
      return data;
    },
    /** The category tree is a national setting: only the root system admin imports it (also the preview). */
    async importCategories(scope: AdminScope, data: Buffer, dryRun: boolean, lang: Lang) {
      await requireRootScope(db, scope, 'the category tree');
      return run(
        scope,
        dryRun,
        lang,
        'import.categories',
        (d) => planCategoriesImport(d, data, lang),
        (trx, steps, audit) => applyCategoriesImport(trx, steps, audit),
      );
    },

    peopleTemplate: (scope: AdminScope) => buildPeopleTemplate(db, scope),
    /** The security admin's people import; the one-time passwords of new accounts are answered once, here. */
    async importPeople(scope: AdminScope, data: Buffer, dryRun: boolean, lang: Lang, sms = false): Promise<PeopleImportReport> {
      if (sms && !deps.smsChannel) {
        const message =
          lang === 'zh'
            ? '未配置短信通道（HUIYIN_SMS_GATEWAY_URL），不能通过短信发送一次性密码；请取消该选项，由本页显示密码'
            : 'no SMS gateway is configured (HUIYIN_SMS_GATEWAY_URL): one-time passwords cannot go by SMS; untick the option to have them shown here';
        throw DomainError.atField('validation_failed', { path: 'sms', code: 'sms_not_configured', message }, message);
      }
      // The one-time passwords are hashed before the transaction, which holds the import lock (argon2 is slow).
      const pre = dryRun ? null : await planPeopleImport(db, scope, data, lang);
      const prepared: PreparedPasswords = pre && pre.errors.length === 0 ? await preparePasswords(pre.steps) : new Map();
      const { report, extra } = await runWith(
        scope,
        dryRun,
        lang,
        'import.users',
        (d) => planPeopleImport(d, scope, data, lang),
        (trx, steps) => applyPeopleImport(trx, clock, scope, steps, { sms, prepared }),
        { lock: 'peopleImport' },
      );
      return { ...report, oneTimePasswords: extra ?? [] };
    },
  };
}

export type AdminImports = ReturnType<typeof createAdminImports>;

/** The upload's `file` part, or a validation error naming the field. */
export function requireFile(files: { field: string; data: Buffer }[], lang: Lang): Buffer {
  const file = files.find((f) => f.field === 'file');
  if (!file) {
    const message = lang === 'zh' ? '请求中没有文件（字段名 file）' : 'no file in the request (field `file`)';
    throw DomainError.atField('validation_failed', { path: 'file', code: 'required', message });
  }
  return file.data;
}
