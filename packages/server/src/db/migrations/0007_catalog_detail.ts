import { sql, type Kysely } from 'kysely';

/**
 * The routing catalog's details (issue 13): each rule may name assisting units (协办单位) besides
 * its lead unit, and a time limit of its own (working days to answer) that overrides the region's
 * answer limit for cases dispatched by the rule.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table routing_rules
      add column assist_unit_ids bigint[] not null default '{}',
      add column time_limit_days integer check (time_limit_days between 1 and 365)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table routing_rules drop column time_limit_days, drop column assist_unit_ids`.execute(db);
}
