import { sql } from 'kysely';
import type { Db } from '../packages/server/src/db/connect.ts';

/**
 * Bench data: `n` cases spread over regions, units, statuses and two years, generated inside
 * PostgreSQL with generate_series (a million rows in well under a minute). The rows are shaped
 * like real ones (deadlines, search terms, scattered statuses) but carry no events: they exist
 * to measure queries, not the audit chain.
 */
export async function generateCases(db: Db, n: number, opts: { unitIds: number[]; regionCodes: string[]; now?: Date }): Promise<void> {
  const now = opts.now ?? new Date();
  // As in a hotline's real history: about 97 % of cases are finished, the open ones are few.
  const statuses = [
    ...Array<string>(90).fill('closed'),
    ...Array<string>(4).fill('merged'),
    ...Array<string>(3).fill('replied'),
    'registered',
    'dispatched',
    'in_progress',
  ];
  const units = sql.val(opts.unitIds);
  const regions = sql.val(opts.regionCodes);
  const st = sql.val(statuses);
  const batch = 200_000;
  for (let from = 1; from <= n; from += batch) {
    const to = Math.min(n, from + batch - 1);
    await sql`
      insert into cases (tracking_no, type, channel, title, content, category_code, region_code, requester_phone, requester_phone_last4,
        status, version, lead_unit_id, assist_unit_ids, answer_started_at, answer_by, next_due_at, near_due_at, search_terms, created_at, updated_at)
      select
        'B' || lpad(g::text, 10, '0') || '-bench',
        (array['consultation','help','complaint','report','suggestion'])[1 + g % 5],
        (array['window','hotline','web','h5','visit'])[1 + g % 5],
        '压测工单 ' || g,
        '压测内容：小区停水、路灯不亮、物业收费 ' || g,
        null,
        (${regions}::text[])[1 + g % cardinality(${regions}::text[])],
        '139' || lpad((g % 100000000)::text, 8, '0'),
        lpad((g % 10000)::text, 4, '0'),
        s.status,
        1,
        case when s.status in ('registered') then null else (${units}::bigint[])[1 + g % cardinality(${units}::bigint[])] end,
        '{}',
        t.created,
        t.created + interval '10 days',
        case when s.status in ('closed','merged','replied') then null else t.created + interval '10 days' end,
        case when s.status in ('closed','merged','replied') then null else t.created + interval '8 days' end,
        array_to_tsvector(array['压测', '停水', '路灯', 'n' || (g % 1000)::text]),
        t.created,
        t.created
      from generate_series(${from}::bigint, ${to}::bigint) g
      cross join lateral (select (${st}::text[])[1 + (g * 7919) % cardinality(${st}::text[])] as status) s
      cross join lateral (select ${now}::timestamptz - ((g % 730) * interval '1 day') - ((g % 86400) * interval '1 second') as created) t`.execute(
      db,
    );
  }
  await sql`analyze cases`.execute(db);
}
