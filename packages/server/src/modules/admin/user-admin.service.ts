import { DomainError, type AdminCreateUserInput, type ListUsersQuery, type UpdateUserInput } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { createAuthService } from '../people/auth.service.ts';
import { hashPassword } from '../people/password.ts';
import { fieldError, type AdminScope } from './scope.ts';
import { createUserAdminRepo, type AdminUserRow } from './user-admin.repo.ts';

const notFound = () => new DomainError('not_found', 'user not found');

/**
 * Staff accounts of the admin's regions: list, create (through the auth service: argon2id, one
 * transaction, with the e-mail address and notification language), change
 * name, phone, e-mail, notification language, roles and units, deactivate and reactivate, reset
 * the password. Deactivating a user or resetting their password ends their sessions in the same
 * transaction. An admin cannot deactivate themselves or take away their own admin role.
 */
export function createUserAdminService(deps: { db: Db; clock: Clock }) {
  const { db } = deps;
  // Only createUser is used here; sessions are the sign-in's business.
  const auth = createAuthService({ db, clock: deps.clock, sessionTtlHours: 12 });

  /** Every unit in the list exists in the admin's regions; units being added must also be active. */
  async function checkUnits(trx: Db, scope: AdminScope, unitIds: readonly number[], alreadyMember: readonly number[] = []) {
    const found = new Map((await createUserAdminRepo(trx).units(unitIds)).map((u) => [u.id, u]));
    for (const id of unitIds) {
      const u = found.get(id);
      if (!u || !scope.covers(u.region_code)) throw fieldError('validation_failed', 'unitIds', 'unknown_unit', `unknown unit ${id}`);
      if (!u.active && !alreadyMember.includes(id))
        throw fieldError('validation_failed', 'unitIds', 'inactive_unit', `unit ${id} is inactive`);
    }
  }

  return {
    async list(scope: AdminScope, query: ListUsersQuery) {
      const { items, total } = await createUserAdminRepo(db).list(
        {
          prefixes: scope.prefixes,
          q: query.q || undefined,
          unitId: query.unitId,
          active: query.active === undefined ? undefined : query.active === 'true',
        },
        { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      );
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    async get(scope: AdminScope, id: number): Promise<AdminUserRow> {
      const user = await createUserAdminRepo(db).getManaged(id, scope.prefixes);
      if (!user) throw notFound();
      return user;
    },

    async create(scope: AdminScope, input: AdminCreateUserInput): Promise<AdminUserRow> {
      await checkUnits(db, scope, input.unitIds);
      try {
        // The notification address and language are written in the user's own transaction.
        const created = await auth.createUser(input, {
          regionPrefixes: scope.prefixes,
          within: async (trx, id) => {
            if (input.email !== undefined || input.lang !== undefined) {
              await createUserAdminRepo(trx).update(id, {
                ...(input.email !== undefined ? { email: input.email } : {}),
                ...(input.lang !== undefined ? { lang: input.lang } : {}),
              });
            }
          },
        });
        const repo = createUserAdminRepo(db);
        const user = await repo.getManaged(created.id, scope.prefixes);
        if (!user) throw new DomainError('internal', 'user vanished after insert');
        return user;
      } catch (e) {
        if (e instanceof DomainError && e.code === 'conflict') throw fieldError('conflict', 'username', 'username_taken', e.message);
        throw e;
      }
    },

    async update(scope: AdminScope, id: number, input: UpdateUserInput): Promise<AdminUserRow & { sessionsEnded: number }> {
      return db.transaction().execute(async (trx) => {
        const repo = createUserAdminRepo(trx);
        const user = await repo.getManaged(id, scope.prefixes);
        if (!user) throw notFound();
        if (id === scope.adminId) {
          if (input.active === false) throw fieldError('conflict', 'active', 'self_deactivate', 'you cannot deactivate your own account');
          if (input.roles && !input.roles.includes('admin'))
            throw fieldError('conflict', 'roles', 'self_demote', 'you cannot take away your own admin role');
        }
        if (input.unitIds) {
          await checkUnits(
            trx,
            scope,
            input.unitIds,
            user.units.map((u) => u.id),
          );
          await repo.replaceMemberships(id, [...new Set(input.unitIds)]);
        }
        await repo.update(id, {
          ...(input.displayName !== undefined ? { displayName: input.displayName } : {}),
          ...(input.phone !== undefined ? { phone: input.phone } : {}),
          ...(input.email !== undefined ? { email: input.email } : {}),
          ...(input.lang !== undefined ? { lang: input.lang } : {}),
          ...(input.roles !== undefined ? { roles: [...new Set(input.roles)] } : {}),
          ...(input.active !== undefined ? { active: input.active } : {}),
        });
        const sessionsEnded = input.active === false ? await repo.deleteSessions(id) : 0;
        const updated = await repo.getManaged(id, scope.prefixes);
        if (!updated) throw new DomainError('internal', 'user vanished after update');
        return { ...updated, sessionsEnded };
      });
    },

    /** The admin sets a new password (argon2id); the user's sessions end. */
    async resetPassword(scope: AdminScope, id: number, password: string): Promise<{ id: number; sessionsEnded: number }> {
      const hash = await hashPassword(password);
      return db.transaction().execute(async (trx) => {
        const repo = createUserAdminRepo(trx);
        if (!(await repo.getManaged(id, scope.prefixes))) throw notFound();
        await repo.setPasswordHash(id, hash);
        return { id, sessionsEnded: await repo.deleteSessions(id) };
      });
    },
  };
}

export type UserAdminService = ReturnType<typeof createUserAdminService>;
