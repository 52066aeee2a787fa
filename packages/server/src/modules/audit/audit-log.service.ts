import { DomainError, regionPrefix, type AuditEntryView, type AuditLogPage, type AuditLogQuery, type AuthUser } from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from './audit-log.ts';
import { isRootScope } from '../regions/root-scope.ts';
import { createAuditLogRepo, type AuditLogRow } from './audit-log.repo.ts';

/** A bare date is a day in Beijing time. */
function momentOf(s: string, endOfDay: boolean): Date {
  if (s.length === 10) {
    const start = new Date(`${s}T00:00:00+08:00`);
    return endOfDay ? new Date(start.getTime() + 86_400_000) : start;
  }
  return new Date(s);
}

function view(r: AuditLogRow): AuditEntryView {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actor_id === null && r.actor_name === null ? null : { id: r.actor_id, name: r.actor_name },
    action: r.action,
    outcome: r.outcome,
    target: r.target_type === null ? null : { type: r.target_type, id: r.target_id ?? '' },
    regionCode: r.region_code,
    sourceIp: r.source_ip,
    detail: r.detail,
    hash: r.hash,
  };
}

/**
 * Reading the audit log: auditors only (anyone else is told it does not exist), the entries of
 * their regions; an auditor whose regions cover every unit also reads the deployment-wide ones
 * (sign-in attempts of unknown names, national settings). Each read is itself logged.
 */
export function createAuditLogService(deps: { db: Db; clock: Clock }) {
  return {
    async list(user: AuthUser, query: AuditLogQuery, sourceIp: string | null): Promise<AuditLogPage> {
      if (!user.roles.includes('auditor')) throw new DomainError('not_found');
      const prefixes = [...new Set(user.units.map((u) => regionPrefix(u.regionCode)))];
      const from = query.from === undefined ? undefined : momentOf(query.from, false);
      const to = query.to === undefined ? undefined : momentOf(query.to, true);
      if (from && to && from >= to) throw DomainError.atField('validation_failed', { path: 'to', message: '`to` must be after `from`' });
      return deps.db.transaction().execute(async (trx) => {
        const repo = createAuditLogRepo(trx);
        const unplaced = await isRootScope(trx, prefixes);
        const rows = await repo.list(
          {
            prefixes,
            unplaced,
            actor: query.actor,
            action: query.action,
            outcome: query.outcome,
            from,
            to,
            beforeSeq: query.cursor,
          },
          query.pageSize + 1,
        );
        const page = rows.slice(0, query.pageSize);
        await recordAudit(trx, {
          action: 'audit.read',
          actor: { id: user.id, name: user.username },
          regionCode: user.units[0]?.regionCode ?? null,
          sourceIp,
          detail: { filter: { ...query, cursor: query.cursor ?? null }, rows: page.length },
          at: deps.clock.now(),
        });
        return { items: page.map(view), nextCursor: rows.length > query.pageSize ? String(page.at(-1)!.seq) : null };
      });
    },
  };
}

export type AuditLogService = ReturnType<typeof createAuditLogService>;
