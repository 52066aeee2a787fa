import { DomainError, type CreateUnitInput, type UpdateUnitInput } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import { conflictError, fieldError, type AdminScope } from './scope.ts';
import { createUnitAdminRepo, type AdminUnitRow } from './unit-admin.repo.ts';

export interface AdminUnitNode extends AdminUnitRow {
  children: AdminUnitNode[];
}

/** Units as a forest: a unit whose parent lies outside the list is a root. Children by id. */
export function unitForest(rows: readonly AdminUnitRow[]): AdminUnitNode[] {
  const nodes = new Map(rows.map((r) => [r.id, { ...r, children: [] as AdminUnitNode[] }]));
  const roots: AdminUnitNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId === null ? undefined : nodes.get(n.parentId);
    (parent ? parent.children : roots).push(n);
  }
  return roots;
}

const notFound = () => new DomainError('not_found', 'unit not found');
const MAX_DEPTH = 64;

/**
 * Units of the admin's regions: the tree, create, rename, move, deactivate and reactivate. A
 * unit with any history is never deleted (deactivate it); deactivation waits until the unit
 * has no open cases, no active child units and no active members, and takes its routing rules
 * out of the catalog in the same transaction.
 */
export function createUnitAdminService(deps: { db: Db; clock: Clock }) {
  const { db } = deps;

  /** The unit, if it lies in the admin's regions. */
  async function visibleUnit(trx: Db, scope: AdminScope, id: number): Promise<AdminUnitRow | undefined> {
    const u = await createUnitAdminRepo(trx).get(id);
    return u && scope.covers(u.regionCode) ? u : undefined;
  }

  /** A parent to put a unit under: visible and active, else a field error. */
  async function parentFor(trx: Db, scope: AdminScope, parentId: number): Promise<AdminUnitRow> {
    const p = await visibleUnit(trx, scope, parentId);
    if (!p) throw fieldError('validation_failed', 'parentId', 'unknown_unit', `unknown unit ${parentId}`);
    if (!p.active) throw fieldError('validation_failed', 'parentId', 'inactive_unit', `unit ${parentId} is inactive`);
    return p;
  }

  return {
    async tree(scope: AdminScope) {
      return { items: unitForest(await createUnitAdminRepo(db).listUnder(scope.prefixes)) };
    },

    async regions(scope: AdminScope) {
      const rows = await createUnitAdminRepo(db).regionsUnder(scope.prefixes, 5000);
      return { items: rows.map((r) => ({ code: r.code, name: r.name, parentCode: r.parent_code, level: r.level })) };
    },

    async create(scope: AdminScope, input: CreateUnitInput): Promise<AdminUnitRow> {
      return db.transaction().execute(async (trx) => {
        const repo = createUnitAdminRepo(trx);
        if (!scope.covers(input.regionCode) || !(await repo.regionExists(input.regionCode))) {
          throw fieldError('validation_failed', 'regionCode', 'region_outside', `region ${input.regionCode} is not one of your regions`);
        }
        if (input.parentId !== undefined && input.parentId !== null) await parentFor(trx, scope, input.parentId);
        const id = await createUnitsRepo(trx).insert({
          name: input.name,
          kind: input.kind,
          regionCode: input.regionCode,
          parentId: input.parentId ?? null,
        });
        const created = await repo.get(id);
        if (!created) throw new DomainError('internal', 'unit vanished after insert');
        return created;
      });
    },

    async update(scope: AdminScope, id: number, input: UpdateUnitInput): Promise<AdminUnitRow & { routesRemoved: number }> {
      return db.transaction().execute(async (trx) => {
        const repo = createUnitAdminRepo(trx);
        if (!(await repo.lock(id))) throw notFound();
        const unit = await visibleUnit(trx, scope, id);
        if (!unit) throw notFound();

        let parentActive = true;
        const parentId = input.parentId === undefined ? unit.parentId : input.parentId;
        if (input.parentId !== undefined && input.parentId !== null && input.parentId !== unit.parentId) {
          const parent = await parentFor(trx, scope, input.parentId);
          // No cycles: the new parent must not be the unit itself or one of its descendants.
          let cursor: AdminUnitRow | undefined = parent;
          for (let depth = 0; cursor && depth < MAX_DEPTH; depth++) {
            if (cursor.id === id)
              throw fieldError('validation_failed', 'parentId', 'cycle', 'a unit cannot be moved under itself or its own sub-unit');
            cursor = cursor.parentId === null ? undefined : await repo.get(cursor.parentId);
          }
        } else if (parentId !== null) {
          parentActive = (await repo.get(parentId))?.active ?? true;
        }

        let routesRemoved = 0;
        if (input.active === false && unit.active) {
          const open = await repo.openCaseCount(id);
          if (open > 0) throw conflictError('open_cases', 'active', `the unit still has ${open} open cases; re-dispatch them first`, open);
          const children = await repo.activeChildCount(id);
          if (children > 0)
            throw conflictError(
              'active_children',
              'active',
              `the unit has ${children} active sub-units; deactivate or move them first`,
              children,
            );
          if (unit.memberCount > 0)
            throw conflictError(
              'active_members',
              'active',
              `the unit has ${unit.memberCount} active users; move or deactivate them first`,
              unit.memberCount,
            );
          routesRemoved = await repo.deleteRoutesOf(id);
        }
        if (input.active === true && !unit.active && !parentActive) {
          throw conflictError('inactive_parent', 'active', 'the parent unit is inactive; reactivate it or move the unit first');
        }

        await repo.update(id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        const updated = await repo.get(id);
        if (!updated) throw new DomainError('internal', 'unit vanished after update');
        return { ...updated, routesRemoved };
      });
    },

    /** Only a unit nothing refers to (created by mistake) is deleted; any history means deactivate instead. */
    async remove(scope: AdminScope, id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = createUnitAdminRepo(trx);
        if (!(await repo.lock(id))) throw notFound();
        if (!(await visibleUnit(trx, scope, id))) throw notFound();
        if (await repo.isReferenced(id)) {
          throw conflictError('in_use', 'id', 'the unit has cases, members, rules or sub-units; deactivate it instead');
        }
        await repo.delete(id);
      });
    },
  };
}

export type UnitAdminService = ReturnType<typeof createUnitAdminService>;
