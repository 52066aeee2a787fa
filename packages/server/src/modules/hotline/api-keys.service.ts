import { DomainError, type ApiKeyIssued, type ApiKeyView } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../audit/audit-log.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { hashApiKey, newApiKey, presentedApiKey } from './api-key.ts';
import { createApiKeysRepo, type ApiKeyRow } from './api-keys.repo.ts';

function viewOf(r: ApiKeyRow): ApiKeyView {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scope: r.scope,
    regionCode: r.region_code,
    createdAt: r.created_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
  };
}

/**
 * The API keys a region's system admin issues to its telephony system: the key is shown once,
 * only its hash is kept, it opens the call-announcement route and nothing else, and a revoked key
 * opens nothing. Issuing and revoking are written to the audit log.
 */
export function createApiKeysService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  const notFound = () => new DomainError('not_found', 'API key not found');

  return {
    async issue(name: string, scope: AdminScope): Promise<ApiKeyIssued> {
      const regionCode = scope.user.units[0]?.regionCode;
      if (regionCode === undefined) throw new DomainError('forbidden', 'an admin without a unit has no region to issue a key for');
      const now = clock.now();
      const { key, hash, prefix } = newApiKey();
      const row = await db.transaction().execute(async (trx) => {
        const r = await createApiKeysRepo(trx).insert({ name, prefix, hash, regionCode, createdBy: scope.adminId, at: now });
        await recordAudit(trx, {
          action: 'apikey.create',
          actor: scope.actor,
          target: { type: 'api_key', id: r.id },
          regionCode,
          sourceIp: scope.sourceIp,
          detail: { name, prefix, scope: r.scope },
          at: now,
        });
        return r;
      });
      return { ...viewOf(row), key };
    },

    async list(scope: AdminScope): Promise<{ items: ApiKeyView[] }> {
      return { items: (await createApiKeysRepo(db).list(scope.prefixes)).map(viewOf) };
    },

    /** Revoke a key of the admin's regions (a second revoke changes nothing). */
    async revoke(id: number, scope: AdminScope): Promise<ApiKeyView> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const repo = createApiKeysRepo(trx);
        const r = await repo.get(id);
        if (!r || !scope.covers(r.region_code)) throw notFound();
        if (await repo.revoke(id, scope.adminId, now)) {
          await recordAudit(trx, {
            action: 'apikey.revoke',
            actor: scope.actor,
            target: { type: 'api_key', id },
            regionCode: r.region_code,
            sourceIp: scope.sourceIp,
            detail: { name: r.name, prefix: r.prefix },
            at: now,
          });
        }
        return viewOf((await repo.get(id))!);
      });
    },

    /** The key a request presents, or 401: none, unknown or revoked. Its use is recorded. */
    async authenticate(headers: Record<string, string | string[] | undefined>): Promise<ApiKeyRow> {
      const key = presentedApiKey(headers);
      if (key === null) throw new DomainError('unauthorized', 'an API key is required (X-Api-Key or Authorization: Bearer hk_…)');
      const repo = createApiKeysRepo(db);
      const row = await repo.findActive(hashApiKey(key));
      if (!row) throw new DomainError('unauthorized', 'invalid or revoked API key');
      await repo.touch(row.id, clock.now());
      return row;
    },
  };
}

export type ApiKeysService = ReturnType<typeof createApiKeysService>;
