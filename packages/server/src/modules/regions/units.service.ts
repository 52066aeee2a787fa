import {
  DomainError,
  caseScopeFor,
  type AdminUnit,
  type AdminUnitNode,
  type AdminUnitUpdated,
  type AuthUser,
  type CreateUnitInput,
  type UnitView,
  type UpdateUnitInput,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AdminScope } from './admin-scope.ts';
import { createRegionsRepo } from './regions.repo.ts';
import { createUnitsRepo } from './units.repo.ts';

/** Units as a forest: a unit whose parent lies outside the list is a root. Children by id. */
export function unitForest(rows: readonly AdminUnit[]): AdminUnitNode[] {
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

/** A refusal because of the state of things (409), with a reason code the web explains and the count behind it. */
function conflictError(reason: string, message: string, count?: number): DomainError {
  const extra = count === undefined ? {} : { count };
  return DomainError.atField('conflict', { path: 'active', code: reason, message, ...extra }, message, { reason, ...extra });
}

/** What the routing catalog (settings) does when a unit is deactivated: its rules go, in the same transaction. */
export interface UnitRoutes {
  removeRulesOfUnit(trx: Db, unitId: number): Promise<number>;
}

/**
 * Units: the active units a staff member picks from, and the admin's units of their regions (the
 * tree, create, rename, move, deactivate and reactivate). A unit with any history is never
 * deleted (deactivate it); deactivation waits until the unit has no open cases, no active child
 * units and no active members, and takes its routing rules out of the catalog in the same
 * transaction.
 */
export function createUnitsService(deps: { db: Db; routes: UnitRoutes; clock: Clock }) {
  const { db } = deps;
  const { clock } = deps;

  /** The audit log entry of a change to a unit (its region is the entry's). */
  async function audit(trx: Db, scope: AdminScope, action: string, unit: Pick<AdminUnit, 'id' | 'regionCode'>, detail: object) {
    await recordAudit(trx, {
      action,
      actor: scope.actor,
      sourceIp: scope.sourceIp,
      target: { type: 'unit', id: unit.id },
      regionCode: unit.regionCode,
      detail: { ...detail },
      at: clock.now(),
    });
  }

  /** The unit, if it lies in the admin's regions. */
  async function visibleUnit(trx: Db, scope: AdminScope, id: number): Promise<AdminUnit | undefined> {
    const u = await createUnitsRepo(trx).adminGet(id);
    return u && scope.covers(u.regionCode) ? u : undefined;
  }

  /** A parent to put a unit under: visible and active, else a field error. */
  async function parentFor(trx: Db, scope: AdminScope, parentId: number): Promise<AdminUnit> {
    const p = await visibleUnit(trx, scope, parentId);
    if (!p) throw DomainError.atField('validation_failed', { path: 'parentId', code: 'unknown_unit', message: `unknown unit ${parentId}` });
    if (!p.active)
      throw DomainError.atField('validation_failed', { path: 'parentId', code: 'inactive_unit', message: `unit ${parentId} is inactive` });
    return p;
  }

  return {
    /** Active units of the caller's regions (a unit-only role: the regions of their own units). */
    async visibleTo(user: AuthUser): Promise<{ items: UnitView[] }> {
      const scope = caseScopeFor(user);
      const prefixes = scope.regionPrefixes.length > 0 ? scope.regionPrefixes : user.units.map((u) => u.regionCode.slice(0, 6));
      return { items: await createUnitsRepo(db).list({ regionPrefixes: prefixes }) };
    },

    async tree(scope: AdminScope): Promise<{ items: AdminUnitNode[] }> {
      return { items: unitForest(await createUnitsRepo(db).adminListUnder(scope.prefixes)) };
    },

    async create(scope: AdminScope, input: CreateUnitInput): Promise<AdminUnit> {
      return db.transaction().execute(async (trx) => {
        const repo = createUnitsRepo(trx);
        if (!scope.covers(input.regionCode) || !(await createRegionsRepo(trx).exists(input.regionCode))) {
          throw DomainError.atField('validation_failed', {
            path: 'regionCode',
            code: 'region_outside',
            message: `region ${input.regionCode} is not one of your regions`,
          });
        }
        if (input.parentId !== undefined && input.parentId !== null) await parentFor(trx, scope, input.parentId);
        const id = await repo.insert({
          name: input.name,
          kind: input.kind,
          regionCode: input.regionCode,
          parentId: input.parentId ?? null,
        });
        const created = await repo.adminGet(id);
        if (!created) throw new DomainError('internal', 'unit vanished after insert');
        await audit(trx, scope, 'unit.create', created, {
          name: created.name,
          kind: created.kind,
          parentId: created.parentId,
        });
        return created;
      });
    },

    async update(scope: AdminScope, id: number, input: UpdateUnitInput): Promise<AdminUnitUpdated> {
      return db.transaction().execute(async (trx) => {
        const repo = createUnitsRepo(trx);
        if (!(await repo.lock(id))) throw notFound();
        const unit = await visibleUnit(trx, scope, id);
        if (!unit) throw notFound();

        let parentActive = true;
        const parentId = input.parentId === undefined ? unit.parentId : input.parentId;
        if (input.parentId !== undefined && input.parentId !== null && input.parentId !== unit.parentId) {
          const parent = await parentFor(trx, scope, input.parentId);
          // No cycles: the new parent must not be the unit itself or one of its descendants.
          let cursor: AdminUnit | undefined = parent;
          for (let depth = 0; cursor && depth < MAX_DEPTH; depth++) {
            if (cursor.id === id)
              throw DomainError.atField('validation_failed', {
                path: 'parentId',
                code: 'cycle',
                message: 'a unit cannot be moved under itself or its own sub-unit',
              });
            cursor = cursor.parentId === null ? undefined : await repo.adminGet(cursor.parentId);
          }
        } else if (parentId !== null) {
          parentActive = (await repo.adminGet(parentId))?.active ?? true;
        }

        let routesRemoved = 0;
        if (input.active === false && unit.active) {
          const open = await repo.openCaseCount(id);
          if (open > 0) throw conflictError('open_cases', `the unit still has ${open} open cases; re-dispatch them first`, open);
          const children = await repo.activeChildCount(id);
          if (children > 0)
            throw conflictError('active_children', `the unit has ${children} active sub-units; deactivate or move them first`, children);
          if (unit.memberCount > 0)
            throw conflictError(
              'active_members',
              `the unit has ${unit.memberCount} active users; move or deactivate them first`,
              unit.memberCount,
            );
          routesRemoved = await deps.routes.removeRulesOfUnit(trx, id);
        }
        if (input.active === true && !unit.active && !parentActive) {
          throw conflictError('inactive_parent', 'the parent unit is inactive; reactivate it or move the unit first');
        }

        await repo.update(id, {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        const updated = await repo.adminGet(id);
        if (!updated) throw new DomainError('internal', 'unit vanished after update');
        await audit(trx, scope, 'unit.update', updated, { ...input, routesRemoved });
        return { ...updated, routesRemoved };
      });
    },

    /** Only a unit nothing refers to (created by mistake) is deleted; any history means deactivate instead. */
    async remove(scope: AdminScope, id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repo = createUnitsRepo(trx);
        if (!(await repo.lock(id))) throw notFound();
        const unit = await visibleUnit(trx, scope, id);
        if (!unit) throw notFound();
        if (await repo.isReferenced(id)) {
          const message = 'the unit has cases, members, rules or sub-units; deactivate it instead';
          throw DomainError.atField('conflict', { path: 'id', code: 'in_use', message }, message, { reason: 'in_use' });
        }
        await repo.delete(id);
        await audit(trx, scope, 'unit.delete', unit, { name: unit.name, kind: unit.kind });
      });
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
