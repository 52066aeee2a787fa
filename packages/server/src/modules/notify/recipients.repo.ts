import { regionPrefix, type Role } from '@huiyin/core';
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Lang } from './templates.ts';

/** A staff member to notify: the in-app inbox always, e-mail when they have an address. */
export interface StaffRecipient {
  id: number;
  lang: Lang;
  email: string | null;
}

/**
 * The codes of the units that can cover a region: its province, city and county (6 digits) and,
 * for a township or village, those levels too. A unit covers a region when the unit's region
 * prefix (core `regionPrefix`) starts the region's code, the same rule as case visibility.
 */
export function coveringUnitRegions(code: string): string[] {
  const out = new Set<string>([`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code.slice(0, 6)]);
  if (code.length >= 9) out.add(code.slice(0, 9));
  if (code.length >= 12) out.add(code.slice(0, 12));
  return [...out];
}

/** The reads the fan-out needs to turn a message's audience into people and addresses. */
export function createRecipientsRepo(db: Db) {
  const base = () =>
    db
      .selectFrom('users as u')
      .innerJoin('unit_members as m', 'm.user_id', 'u.id')
      .innerJoin('units as n', 'n.id', 'm.unit_id')
      .select(['u.id', 'u.lang', 'u.email', 'n.region_code'])
      .where('u.active', '=', true);

  const toRecipients = (rows: { id: number; lang: Lang | null; email: string | null }[]): StaffRecipient[] => {
    const seen = new Map<number, StaffRecipient>();
    for (const r of rows) if (!seen.has(r.id)) seen.set(r.id, { id: r.id, lang: r.lang ?? 'zh', email: r.email });
    return [...seen.values()];
  };

  return {
    /** Active users by id. */
    async users(ids: readonly number[]): Promise<StaffRecipient[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('users')
        .select(['id', 'lang', 'email'])
        .where('id', 'in', [...new Set(ids)])
        .where('active', '=', true)
        .execute();
      return toRecipients(rows);
    },

    /** Members of a unit holding one of the roles. */
    async unitStaff(unitId: number, roles: readonly Role[]): Promise<StaffRecipient[]> {
      const rows = await base()
        .where('m.unit_id', '=', unitId)
        .where(sql<boolean>`u.roles && ${sql.val([...roles])}::text[]`)
        .orderBy('u.id')
        .execute();
      return toRecipients(rows);
    },

    /** Holders of a role in the units that cover a region. */
    async roleInRegion(role: string, regionCode: string): Promise<StaffRecipient[]> {
      const rows = await base()
        .where('n.region_code', 'in', coveringUnitRegions(regionCode))
        .where(sql<boolean>`${role} = any(u.roles)`)
        .orderBy('u.id')
        .execute();
      return toRecipients(rows.filter((r) => regionCode.startsWith(regionPrefix(r.region_code))));
    },

    /** What a case message needs of its case: the requester's phone and the region. */
    async caseFacts(caseId: number): Promise<{ regionCode: string; requesterPhone: string; trackingNo: string } | undefined> {
      const row = await db
        .selectFrom('cases')
        .select(['region_code', 'requester_phone', 'tracking_no'])
        .where('id', '=', caseId)
        .executeTakeFirst();
      return row && { regionCode: row.region_code, requesterPhone: row.requester_phone, trackingNo: row.tracking_no };
    },

    /** The event a case message announces: who acted and what it recorded. */
    async event(eventId: number): Promise<{ actorId: number | null; payload: Record<string, unknown> } | undefined> {
      const row = await db.selectFrom('case_events').select(['actor_id', 'payload']).where('id', '=', eventId).executeTakeFirst();
      return row && { actorId: row.actor_id, payload: row.payload };
    },
  };
}

export type RecipientsRepo = ReturnType<typeof createRecipientsRepo>;
