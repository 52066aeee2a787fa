import {
  DomainError,
  type AdminCreateUserInput,
  type AdminUser,
  type AdminUserPage,
  type AdminUserUpdated,
  type ListUsersQuery,
  type PasswordReset,
  type UpdateUserInput,
} from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { createUnitsRepo } from '../regions/units.repo.ts';
import type { AuthService } from './auth.service.ts';
import { hashPassword } from './password.ts';
import { createPeopleRepo } from './people.repo.ts';

const notFound = () => new DomainError('not_found', 'user not found');

/**
 * Staff accounts of the admin's regions: list, create (through the auth service: argon2id, one
 * transaction, with the e-mail address and notification language), change
 * name, phone, e-mail, notification language, roles and units, deactivate and reactivate, reset
 * the password. Deactivating a user or resetting their password ends their sessions in the same
 * transaction. An admin cannot deactivate themselves or take away their own admin role.
 */
export function createUsersService(deps: { db: Db; auth: Pick<AuthService, 'createUser'> }) {
  const { db, auth } = deps;

  /** Every unit in the list exists in the admin's regions; units being added must also be active. */
  async function checkUnits(trx: Db, scope: AdminScope, unitIds: readonly number[], alreadyMember: readonly number[] = []) {
    const found = new Map((await createUnitsRepo(trx).states(unitIds)).map((u) => [u.id, u]));
    for (const id of unitIds) {
      const u = found.get(id);
      if (!u || !scope.covers(u.regionCode))
        throw DomainError.atField('validation_failed', { path: 'unitIds', code: 'unknown_unit', message: `unknown unit ${id}` });
      if (!u.active && !alreadyMember.includes(id))
        throw DomainError.atField('validation_failed', { path: 'unitIds', code: 'inactive_unit', message: `unit ${id} is inactive` });
    }
  }

  return {
    async list(scope: AdminScope, query: ListUsersQuery): Promise<AdminUserPage> {
      const { items, total } = await createPeopleRepo(db).listManaged(
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

    async get(scope: AdminScope, id: number): Promise<AdminUser> {
      const user = await createPeopleRepo(db).getManaged(id, scope.prefixes);
      if (!user) throw notFound();
      return user;
    },

    async create(scope: AdminScope, input: AdminCreateUserInput): Promise<AdminUser> {
      await checkUnits(db, scope, input.unitIds);
      try {
        // The notification address and language are written in the user's own transaction.
        const created = await auth.createUser(input, {
          regionPrefixes: scope.prefixes,
          within: async (trx, id) => {
            if (input.email !== undefined || input.lang !== undefined) {
              await createPeopleRepo(trx).update(id, {
                ...(input.email !== undefined ? { email: input.email } : {}),
                ...(input.lang !== undefined ? { lang: input.lang } : {}),
              });
            }
          },
        });
        const user = await createPeopleRepo(db).getManaged(created.id, scope.prefixes);
        if (!user) throw new DomainError('internal', 'user vanished after insert');
        return user;
      } catch (e) {
        if (e instanceof DomainError && e.code === 'conflict')
          throw DomainError.atField('conflict', { path: 'username', code: 'username_taken', message: e.message });
        throw e;
      }
    },

    async update(scope: AdminScope, id: number, input: UpdateUserInput): Promise<AdminUserUpdated> {
      return db.transaction().execute(async (trx) => {
        const repo = createPeopleRepo(trx);
        const user = await repo.getManaged(id, scope.prefixes);
        if (!user) throw notFound();
        if (id === scope.adminId) {
          if (input.active === false)
            throw DomainError.atField('conflict', {
              path: 'active',
              code: 'self_deactivate',
              message: 'you cannot deactivate your own account',
            });
          if (input.roles && !input.roles.includes('admin'))
            throw DomainError.atField('conflict', {
              path: 'roles',
              code: 'self_demote',
              message: 'you cannot take away your own admin role',
            });
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
        const sessionsEnded = input.active === false ? await repo.deleteSessionsOf(id) : 0;
        const updated = await repo.getManaged(id, scope.prefixes);
        if (!updated) throw new DomainError('internal', 'user vanished after update');
        return { ...updated, sessionsEnded };
      });
    },

    /** The admin sets a new password (argon2id); the user's sessions end. */
    async resetPassword(scope: AdminScope, id: number, password: string): Promise<PasswordReset> {
      const hash = await hashPassword(password);
      return db.transaction().execute(async (trx) => {
        const repo = createPeopleRepo(trx);
        if (!(await repo.getManaged(id, scope.prefixes))) throw notFound();
        await repo.setPasswordHash(id, hash);
        return { id, sessionsEnded: await repo.deleteSessionsOf(id) };
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
