import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { AuditLogTable } from '../../db/schema.ts';
import type { Selectable } from 'kysely';

export type AuditLogRow = Selectable<AuditLogTable>;

export interface AuditLogFilter {
  /** Region prefixes the reader covers; `unplaced` also shows entries with no region (deployment-wide). */
  prefixes: readonly string[];
  unplaced: boolean;
  actorId?: number | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  outcome?: 'ok' | 'denied' | 'failed' | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Entries with seq below this (newest first). */
  beforeSeq?: number | undefined;
}

/** The audit log table and its head: the only SQL that touches them. */
export function createAuditLogRepo(db: Db) {
  return {
    /** The chain's head, locked until the transaction ends (one writer at a time keeps one order). */
    async lockHead(): Promise<{ seq: number; hash: string }> {
      const r = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
      return { seq: Number(r.seq), hash: r.hash };
    },

    async head(): Promise<{ seq: number; hash: string }> {
      const r = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
      return { seq: Number(r.seq), hash: r.hash };
    },

    async append(row: AuditLogRow): Promise<void> {
      await db.insertInto('audit_log').values(row).execute();
      await db.updateTable('audit_head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
    },

    async list(f: AuditLogFilter, limit: number): Promise<AuditLogRow[]> {
      let q = db.selectFrom('audit_log').selectAll();
      q = q.where((eb) => {
        const ors = f.prefixes.map((p) => eb('region_code', 'like', `${p}%`));
        if (f.unplaced) ors.push(eb('region_code', 'is', null));
        return ors.length === 0 ? sql<boolean>`false` : eb.or(ors);
      });
      if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
      if (f.actor !== undefined) q = q.where('actor_name', '=', f.actor);
      if (f.action !== undefined) q = q.where((eb) => eb.or([eb('action', '=', f.action!), eb('action', 'like', `${f.action!}.%`)]));
      if (f.outcome !== undefined) q = q.where('outcome', '=', f.outcome);
      if (f.from !== undefined) q = q.where('at', '>=', f.from);
      if (f.to !== undefined) q = q.where('at', '<', f.to);
      if (f.beforeSeq !== undefined) q = q.where('seq', '<', f.beforeSeq);
      const rows = await q.orderBy('seq', 'desc').limit(limit).execute();
      return rows.map((r) => ({ ...r, seq: Number(r.seq), actor_id: r.actor_id === null ? null : Number(r.actor_id) }));
    },

    /** The latest entries of one action about one target, with who did it (a referral's reads, say). */
    async ofTarget(
      target: { type: string; id: string | number },
      action: string,
      limit: number,
    ): Promise<{ actorId: number | null; actorName: string | null; at: Date; detail: Record<string, unknown> }[]> {
      const rows = await db
        .selectFrom('audit_log as a')
        .leftJoin('users as u', 'u.id', 'a.actor_id')
        .select(['a.actor_id', 'a.actor_name', 'u.display_name', 'a.at', 'a.detail'])
        .where('a.target_type', '=', target.type)
        .where('a.target_id', '=', String(target.id))
        .where('a.action', '=', action)
        .orderBy('a.seq', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        actorId: r.actor_id === null ? null : Number(r.actor_id),
        actorName: r.display_name ?? r.actor_name,
        at: r.at,
        detail: r.detail,
      }));
    },

    /** Entries in order, a page at a time (verify). */
    async page(afterSeq: number, limit: number): Promise<AuditLogRow[]> {
      const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
      return rows.map((r) => ({ ...r, seq: Number(r.seq), actor_id: r.actor_id === null ? null : Number(r.actor_id) }));
    },
  };
}
