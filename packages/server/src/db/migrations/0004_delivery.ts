import { sql, type Kysely } from 'kysely';

/**
 * Delivery of outbox messages (docs/NOTIFICATIONS.md): one delivery per message × channel ×
 * recipient with its retry state, a log of every attempt, the in-app notifications, and the
 * users' e-mail address and language for the senders.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Only the notify module reads these two (the recipients repo); both optional.
  await sql`alter table users add column email text`.execute(db);
  await sql`alter table users add column lang text check (lang in ('zh', 'en'))`.execute(db);

  await sql`
    create table deliveries (
      id bigint generated always as identity primary key,
      -- What the receiver sees as the message id: derived from the message, channel and recipient,
      -- so it is the same on every retry and a second expansion of a message inserts nothing.
      message_id uuid not null unique,
      outbox_id uuid not null references outbox(id),
      topic text not null,
      channel text not null check (channel in ('inapp', 'email', 'sms', 'webhook')),
      recipient text not null,
      region_code text,
      payload jsonb not null,
      status text not null default 'pending' check (status in ('pending', 'sent', 'dead')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      -- Set while a worker holds the delivery (claimed, being sent); its result is recorded only
      -- under the same token.
      lease_token uuid,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index deliveries_due on deliveries (next_attempt_at) where status = 'pending'`.execute(db);
  await sql`create index deliveries_status_id on deliveries (status, id desc)`.execute(db);
  await sql`create index deliveries_outbox on deliveries (outbox_id)`.execute(db);

  await sql`
    create table delivery_attempts (
      id bigint generated always as identity primary key,
      delivery_id bigint not null references deliveries(id),
      attempt integer not null,
      channel text not null,
      started_at timestamptz not null,
      finished_at timestamptz,
      ok boolean,
      error text,
      duration_ms integer
    )`.execute(db);
  await sql`create index delivery_attempts_delivery on delivery_attempts (delivery_id, id)`.execute(db);

  await sql`
    create table notifications (
      id bigint generated always as identity primary key,
      user_id bigint not null references users(id),
      delivery_id bigint unique references deliveries(id),
      topic text not null,
      title text not null,
      body text not null,
      link text,
      created_at timestamptz not null,
      read_at timestamptz
    )`.execute(db);
  await sql`create index notifications_user_id on notifications (user_id, id desc)`.execute(db);
  await sql`create index notifications_unread on notifications (user_id, id) where read_at is null`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('0004_delivery is not reversible: restore from backup instead');
}
