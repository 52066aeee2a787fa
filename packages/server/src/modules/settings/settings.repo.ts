import type { Db } from '../../db/connect.ts';

export function createSettingsRepo(db: Db) {
  return {
    /** A value of the small key-value settings table (app_settings), undefined when unset. */
    async appSetting(key: string): Promise<unknown> {
      const r = await db.selectFrom('app_settings').select('value').where('key', '=', key).executeTakeFirst();
      return r?.value;
    },

    async putAppSetting(key: string, value: unknown, at: Date): Promise<void> {
      await db
        .insertInto('app_settings')
        .values({ key, value: value as never, updated_at: at })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: value as never, updated_at: at }))
        .execute();
    },

    async calendarOverrides(): Promise<{ date: string; kind: 'holiday' | 'workday'; name?: string }[]> {
      const rows = await db
        .selectFrom('calendar_overrides')
        .select((eb) => [eb.cast<string>('date', 'text').as('date'), 'kind', 'name'])
        .orderBy('date')
        .execute();
      return rows.map((r) => ({ date: r.date, kind: r.kind, ...(r.name ? { name: r.name } : {}) }));
    },

    async timeLimitPolicies(): Promise<{ regionCode: string; policy: Record<string, unknown> }[]> {
      const rows = await db.selectFrom('time_limit_policies').select(['region_code', 'policy']).execute();
      return rows.map((r) => ({ regionCode: r.region_code, policy: r.policy }));
    },

    async upsertCalendarOverride(o: { date: string; kind: 'holiday' | 'workday'; name: string | null }) {
      await db
        .insertInto('calendar_overrides')
        .values(o)
        .onConflict((oc) => oc.column('date').doUpdateSet({ kind: o.kind, name: o.name }))
        .execute();
    },

    async deleteCalendarOverride(date: string): Promise<boolean> {
      const r = await db.deleteFrom('calendar_overrides').where('date', '=', date).executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async timeLimitPolicy(regionCode: string): Promise<Record<string, unknown> | undefined> {
      const r = await db.selectFrom('time_limit_policies').select('policy').where('region_code', '=', regionCode).executeTakeFirst();
      return r?.policy;
    },

    async upsertTimeLimitPolicy(regionCode: string, policy: Record<string, unknown>, at: Date) {
      await db
        .insertInto('time_limit_policies')
        .values({ region_code: regionCode, policy, updated_at: at })
        .onConflict((oc) => oc.column('region_code').doUpdateSet({ policy, updated_at: at }))
        .execute();
    },
  };
}
