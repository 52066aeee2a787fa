import {
  DomainError,
  type AdminCategory,
  type Category,
  type CreateCategoryInput,
  type CreateRoutingRuleInput,
  type RoutingRule,
  type UpdateCategoryInput,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit, type AuditEntry } from '../audit/audit-log.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { requireRootScope } from '../regions/root-scope.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { createCategoriesRepo } from './categories.repo.ts';

/** The region a prefix stands for: 14 -> 140000, 1408 -> 140800, longer prefixes are codes. */
export function regionCodeOfPrefix(prefix: string): string {
  return prefix.length < 6 ? prefix.padEnd(6, '0') : prefix;
}

/**
 * Categories and the routing catalog. Categories form one tree shared by every region (anyone
 * may list the active ones; only a system admin of the root region adds, renames or deactivates
 * one: a national setting; a category is never deleted, cases keep its code); routing rules
 * belong to regions: an admin lists, adds and removes the rules of their own. Every change is
 * written to the audit log in its transaction.
 */
export function createCatalogService(deps: { db: Db; clock: Clock }) {
  const { db } = deps;
  const { clock } = deps;

  /** An audit entry of the admin's change. */
  function entry(scope: AdminScope, e: Omit<AuditEntry, 'at' | 'actor' | 'sourceIp'>): AuditEntry {
    return { ...e, actor: scope.actor, sourceIp: scope.sourceIp, at: clock.now() };
  }

  return {
    /** The active categories, for the citizen and staff forms. */
    async active(): Promise<{ items: Category[] }> {
      const rows = await createCategoriesRepo(db).list();
      return { items: rows.map((r) => ({ code: r.code, parentCode: r.parent_code, nameZh: r.name_zh, nameEn: r.name_en })) };
    },

    async categories(): Promise<{ items: AdminCategory[] }> {
      return { items: await createCategoriesRepo(db).all() };
    },

    async createCategory(scope: AdminScope, input: CreateCategoryInput): Promise<AdminCategory> {
      return db.transaction().execute(async (trx) => {
        await requireRootScope(trx, scope, 'the category tree');
        const repo = createCategoriesRepo(trx);
        const parentCode = input.parentCode ?? null;
        if (parentCode !== null) {
          const parent = await repo.get(parentCode, { lock: true });
          if (!parent)
            throw DomainError.atField('validation_failed', {
              path: 'parentCode',
              code: 'unknown_category',
              message: `unknown category ${parentCode}`,
            });
          if (!parent.active)
            throw DomainError.atField('validation_failed', {
              path: 'parentCode',
              code: 'inactive_category',
              message: `category ${parentCode} is inactive`,
            });
        }
        if (!(await repo.insert({ code: input.code, parentCode, nameZh: input.nameZh, nameEn: input.nameEn }))) {
          throw DomainError.atField('conflict', { path: 'code', code: 'code_taken', message: `category ${input.code} exists` });
        }
        const created = await repo.get(input.code);
        if (!created) throw new DomainError('internal', 'category vanished after insert');
        await recordAudit(
          trx,
          entry(scope, {
            action: 'catalog.category.create',
            target: { type: 'category', id: created.code },
            regionCode: null,
            detail: { parentCode, nameZh: input.nameZh, nameEn: input.nameEn },
          }),
        );
        return created;
      });
    },

    /** Rename, deactivate (once its subcategories are inactive) or reactivate (under an active parent). */
    async updateCategory(scope: AdminScope, code: string, input: UpdateCategoryInput): Promise<AdminCategory> {
      return db.transaction().execute(async (trx) => {
        await requireRootScope(trx, scope, 'the category tree');
        const repo = createCategoriesRepo(trx);
        const current = await repo.get(code, { lock: true });
        if (!current) throw new DomainError('not_found', `unknown category ${code}`);
        if (input.active === false && current.active) {
          const count = await repo.activeChildCount(code);
          if (count > 0) {
            const message = `the category has ${count} active subcategories; deactivate them first`;
            throw DomainError.atField('conflict', { path: 'active', code: 'active_children', message, count }, message, {
              reason: 'active_children',
              count,
            });
          }
        }
        if (input.active === true && !current.active && current.parentCode !== null) {
          const parent = await repo.get(current.parentCode);
          if (parent && !parent.active) {
            const message = 'the parent category is inactive; reactivate it first';
            throw DomainError.atField('conflict', { path: 'active', code: 'inactive_parent', message }, message, {
              reason: 'inactive_parent',
            });
          }
        }
        await repo.update(code, input);
        const updated = await repo.get(code);
        if (!updated) throw new DomainError('internal', 'category vanished after update');
        await recordAudit(
          trx,
          entry(scope, {
            action: 'catalog.category.update',
            target: { type: 'category', id: code },
            regionCode: null,
            detail: { ...input },
          }),
        );
        return updated;
      });
    },

    async rules(scope: AdminScope): Promise<{ items: RoutingRule[] }> {
      return { items: await createCategoriesRepo(db).rulesUnder(scope.prefixes) };
    },

    async addRule(scope: AdminScope, input: CreateRoutingRuleInput): Promise<RoutingRule> {
      return db.transaction().execute(async (trx) => {
        const repo = createCategoriesRepo(trx);
        if (!scope.covers(input.regionPrefix)) {
          throw DomainError.atField('validation_failed', {
            path: 'regionPrefix',
            code: 'region_outside',
            message: `${input.regionPrefix} is not inside your regions`,
          });
        }
        if (!(await createRegionsRepo(trx).exists(regionCodeOfPrefix(input.regionPrefix)))) {
          throw DomainError.atField('validation_failed', {
            path: 'regionPrefix',
            code: 'unknown_region',
            message: `no region ${input.regionPrefix}`,
          });
        }
        const category = await repo.get(input.categoryCode);
        if (!category || !category.active)
          throw DomainError.atField('validation_failed', {
            path: 'categoryCode',
            code: 'unknown_category',
            message: `unknown category ${input.categoryCode}`,
          });
        const [unit] = await createUnitsRepo(trx).states([input.unitId]);
        if (!unit || !scope.covers(unit.regionCode))
          throw DomainError.atField('validation_failed', { path: 'unitId', code: 'unknown_unit', message: `unknown unit ${input.unitId}` });
        if (!unit.active)
          throw DomainError.atField('validation_failed', {
            path: 'unitId',
            code: 'inactive_unit',
            message: `unit ${input.unitId} is inactive`,
          });
        const assistUnitIds = [...new Set(input.assistUnitIds ?? [])].filter((a) => a !== input.unitId);
        const assists = await createUnitsRepo(trx).states(assistUnitIds);
        for (const a of assistUnitIds) {
          const u = assists.find((x) => x.id === a);
          if (!u || !scope.covers(u.regionCode) || !u.active)
            throw DomainError.atField('validation_failed', { path: 'assistUnitIds', code: 'unknown_unit', message: `unknown unit ${a}` });
        }
        const details = { assistUnitIds, timeLimitDays: input.timeLimitDays ?? null };
        const id = await repo.addRoute(input.categoryCode, input.regionPrefix, input.unitId, details);
        if (id === undefined)
          throw DomainError.atField('conflict', { path: 'unitId', code: 'rule_exists', message: 'the catalog already has this rule' });
        const created = await repo.rule(id);
        if (!created) throw new DomainError('internal', 'rule vanished after insert');
        await recordAudit(
          trx,
          entry(scope, {
            action: 'catalog.rule.add',
            target: { type: 'routing_rule', id },
            regionCode: regionCodeOfPrefix(input.regionPrefix),
            detail: { categoryCode: input.categoryCode, regionPrefix: input.regionPrefix, unitId: input.unitId, ...details },
          }),
        );
        return created;
      });
    },

    async removeRule(scope: AdminScope, id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = createCategoriesRepo(trx);
        const rule = await repo.rule(id);
        if (!rule || !scope.covers(rule.regionPrefix)) throw new DomainError('not_found', 'routing rule not found');
        await repo.deleteRule(id);
        await recordAudit(
          trx,
          entry(scope, {
            action: 'catalog.rule.remove',
            target: { type: 'routing_rule', id },
            regionCode: regionCodeOfPrefix(rule.regionPrefix),
            detail: { categoryCode: rule.categoryCode, regionPrefix: rule.regionPrefix, unitId: rule.unit.id },
          }),
        );
      });
    },

    /** A deactivated unit leaves the catalog, inside the deactivation's transaction: how many rules went. */
    async removeRulesOfUnit(trx: Db, unitId: number): Promise<number> {
      return createCategoriesRepo(trx).deleteRulesOfUnit(unitId);
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
