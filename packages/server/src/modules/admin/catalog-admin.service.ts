import { DomainError, type CreateCategoryInput, type CreateRoutingRuleInput, type UpdateCategoryInput } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createCatalogAdminRepo, regionCodeOfPrefix, type AdminCategoryRow, type RoutingRuleRow } from './catalog-admin.repo.ts';
import { conflictError, fieldError, type AdminScope } from './scope.ts';

/**
 * Categories and the routing catalog. Categories form one tree shared by every region (any
 * admin may add, rename or deactivate one; a category is never deleted, cases keep its code);
 * routing rules belong to regions: an admin lists, adds and removes the rules of their own.
 */
export function createCatalogAdminService(deps: { db: Db; clock: Clock }) {
  const { db } = deps;

  return {
    async categories() {
      return { items: await createCatalogAdminRepo(db).categories() };
    },

    async createCategory(input: CreateCategoryInput): Promise<AdminCategoryRow> {
      return db.transaction().execute(async (trx) => {
        const repo = createCatalogAdminRepo(trx);
        const parentCode = input.parentCode ?? null;
        if (parentCode !== null) {
          const parent = await repo.category(parentCode, { lock: true });
          if (!parent) throw fieldError('validation_failed', 'parentCode', 'unknown_category', `unknown category ${parentCode}`);
          if (!parent.active)
            throw fieldError('validation_failed', 'parentCode', 'inactive_category', `category ${parentCode} is inactive`);
        }
        if (!(await repo.insertCategory({ code: input.code, parentCode, nameZh: input.nameZh, nameEn: input.nameEn }))) {
          throw fieldError('conflict', 'code', 'code_taken', `category ${input.code} exists`);
        }
        const created = await repo.category(input.code);
        if (!created) throw new DomainError('internal', 'category vanished after insert');
        return created;
      });
    },

    /** Rename, deactivate (once its subcategories are inactive) or reactivate (under an active parent). */
    async updateCategory(code: string, input: UpdateCategoryInput): Promise<AdminCategoryRow> {
      return db.transaction().execute(async (trx) => {
        const repo = createCatalogAdminRepo(trx);
        const current = await repo.category(code, { lock: true });
        if (!current) throw new DomainError('not_found', `unknown category ${code}`);
        if (input.active === false && current.active) {
          const children = await repo.activeChildCount(code);
          if (children > 0)
            throw conflictError(
              'active_children',
              'active',
              `the category has ${children} active subcategories; deactivate them first`,
              children,
            );
        }
        if (input.active === true && !current.active && current.parentCode !== null) {
          const parent = await repo.category(current.parentCode);
          if (parent && !parent.active)
            throw conflictError('inactive_parent', 'active', 'the parent category is inactive; reactivate it first');
        }
        await repo.updateCategory(code, input);
        const updated = await repo.category(code);
        if (!updated) throw new DomainError('internal', 'category vanished after update');
        return updated;
      });
    },

    async rules(scope: AdminScope) {
      return { items: await createCatalogAdminRepo(db).rulesUnder(scope.prefixes) };
    },

    async addRule(scope: AdminScope, input: CreateRoutingRuleInput): Promise<RoutingRuleRow> {
      return db.transaction().execute(async (trx) => {
        const repo = createCatalogAdminRepo(trx);
        if (!scope.covers(input.regionPrefix)) {
          throw fieldError('validation_failed', 'regionPrefix', 'region_outside', `${input.regionPrefix} is not inside your regions`);
        }
        if (!(await repo.regionExists(regionCodeOfPrefix(input.regionPrefix)))) {
          throw fieldError('validation_failed', 'regionPrefix', 'unknown_region', `no region ${input.regionPrefix}`);
        }
        const category = await repo.category(input.categoryCode);
        if (!category || !category.active)
          throw fieldError('validation_failed', 'categoryCode', 'unknown_category', `unknown category ${input.categoryCode}`);
        const unit = await repo.unit(input.unitId);
        if (!unit || !scope.covers(unit.region_code))
          throw fieldError('validation_failed', 'unitId', 'unknown_unit', `unknown unit ${input.unitId}`);
        if (!unit.active) throw fieldError('validation_failed', 'unitId', 'inactive_unit', `unit ${input.unitId} is inactive`);
        const id = await repo.insertRule(input.categoryCode, input.regionPrefix, input.unitId);
        if (id === undefined) throw fieldError('conflict', 'unitId', 'rule_exists', 'the catalog already has this rule');
        const created = await repo.rule(id);
        if (!created) throw new DomainError('internal', 'rule vanished after insert');
        return created;
      });
    },

    async removeRule(scope: AdminScope, id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = createCatalogAdminRepo(trx);
        const rule = await repo.rule(id);
        if (!rule || !scope.covers(rule.regionPrefix)) throw new DomainError('not_found', 'routing rule not found');
        await repo.deleteRule(id);
      });
    },
  };
}

export type CatalogAdminService = ReturnType<typeof createCatalogAdminService>;
