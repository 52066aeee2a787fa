import {
  DomainError,
  maskPhone,
  normalizePhone,
  type DeliveryChannel,
  type DeliveryPage,
  type DeliveryView,
  type ListDeliveriesQuery,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import type { AdminScope } from '../regions/admin-scope.ts';
import { createDeliveriesRepo, type AttemptRow, type DeliveryRow } from './deliveries.repo.ts';

/** A recipient as an admin sees it: phone numbers and mailboxes masked. */
function maskedRecipient(d: DeliveryRow): string {
  if (d.channel === 'sms') return maskPhone(normalizePhone(d.recipient) ?? d.recipient);
  if (d.channel === 'email') return d.recipient.replace(/^(.{0,2})[^@]*@/, '$1***@');
  return d.recipient;
}

function view(d: DeliveryRow, log: AttemptRow[]): DeliveryView {
  return {
    id: d.id,
    messageId: d.message_id,
    outboxId: d.outbox_id,
    topic: d.topic,
    channel: d.channel,
    recipient: maskedRecipient(d),
    regionCode: d.region_code,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? d.next_attempt_at.toISOString() : null,
    lastError: d.last_error,
    sentAt: d.sent_at?.toISOString() ?? null,
    createdAt: d.created_at.toISOString(),
    log: log.map((a) => ({
      attempt: a.attempt,
      channel: a.channel as DeliveryChannel, // an attempt is made on its delivery's channel
      startedAt: a.started_at.toISOString(),
      finishedAt: a.finished_at?.toISOString() ?? null,
      ok: a.ok,
      error: a.error,
      durationMs: a.duration_ms,
    })),
  };
}

/**
 * Deliveries for admins: the dead letters (and the pending and sent ones) with each attempt,
 * and a retry that puts a dead letter back in the queue. An admin sees the deliveries of their
 * regions and those tied to no region; others are answered as if they did not exist.
 */
export function createDeliveriesService(deps: { db: Db; clock: Clock }) {
  const repo = createDeliveriesRepo(deps.db);
  const visible = (d: DeliveryRow, scope: AdminScope) => d.region_code === null || scope.covers(d.region_code);
  return {
    async list(scope: AdminScope, q: ListDeliveriesQuery): Promise<DeliveryPage> {
      const rows = await repo.list({
        status: q.status,
        channel: q.channel,
        before: q.cursor,
        limit: q.pageSize + 1,
        regionPrefixes: scope.prefixes,
      });
      const page = rows.slice(0, q.pageSize);
      const attempts = await repo.attemptsOf(page.map((d) => d.id));
      const items = page.map((d) =>
        view(
          d,
          attempts.filter((a) => a.delivery_id === d.id),
        ),
      );
      return { items, nextCursor: rows.length > q.pageSize ? String(page[page.length - 1]!.id) : null };
    },

    async retry(scope: AdminScope, id: number): Promise<DeliveryView> {
      const d = await repo.get(id);
      if (!d || !visible(d, scope)) throw new DomainError('not_found', `delivery ${id} not found`);
      if (d.status !== 'dead')
        throw new DomainError('conflict', `delivery ${id} is ${d.status}: only a dead delivery is retried`, {
          reason: 'not_dead',
          status: d.status,
        });
      const revived = await repo.revive(id, deps.clock.now());
      if (!revived) throw new DomainError('conflict', `delivery ${id} changed meanwhile`, { reason: 'not_dead' });
      return view(revived, await repo.attemptsOf([id]));
    },
  };
}
