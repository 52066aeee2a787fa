import { EventEmitter } from 'node:events';
import type { Db } from '../../db/connect.ts';
import { createNotificationsRepo, type NotificationRow } from './notifications.repo.ts';

/**
 * Live in-app notices for the server-sent-events stream. The in-app sender writes rows; the hub
 * finds new rows of the users who have a stream open and pushes them. It looks when this
 * process's sender says it wrote (at once) and every `pollMs` (for notices written by a worker in
 * another process). Ids can commit out of order, so each look re-reads a window below the
 * highest id seen and skips what it already pushed.
 */
export const notificationsWritten = new EventEmitter();
notificationsWritten.setMaxListeners(0);

export interface LiveNotice {
  id: number;
  topic: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
}

type Push = (n: LiveNotice) => void;

interface Subscriber {
  userId: number;
  /** Only notices above this id (what the stream already has). */
  after: number;
  push: Push;
}

const LOOKBACK = 200;
const MAX_STREAMS_PER_USER = 5;

export function noticeOf(r: NotificationRow): LiveNotice {
  return { id: r.id, topic: r.topic, title: r.title, body: r.body, link: r.link, createdAt: r.created_at.toISOString() };
}

export function createLiveHub(deps: { db: Db; pollMs?: number; log?: (msg: string) => void }) {
  const repo = createNotificationsRepo(deps.db);
  const subscribers = new Map<number, Set<Subscriber & { close: () => void }>>();
  let watermark: number | null = null;
  const pushed = new Set<number>();
  let polling = false;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const onWritten = () => void poll();
  notificationsWritten.on('written', onWritten);

  async function poll(): Promise<void> {
    if (closed || subscribers.size === 0) return;
    if (polling) {
      again = true;
      return;
    }
    polling = true;
    try {
      do {
        again = false;
        if (watermark === null) watermark = await repo.maxId();
        const rows = await repo.since([...subscribers.keys()], Math.max(0, watermark - LOOKBACK), 500);
        for (const r of rows) {
          if (pushed.has(r.id)) continue;
          pushed.add(r.id);
          if (r.id > watermark) watermark = r.id;
          // Each id is pushed once (the global `pushed` set), to the streams opened before it was
          // written; ids that commit out of order within the look-back still reach them.
          for (const s of subscribers.get(r.user_id) ?? []) {
            if (r.id > s.after) s.push(noticeOf(r));
          }
        }
        for (const id of pushed) if (id <= watermark - LOOKBACK) pushed.delete(id);
      } while (again && !closed);
    } catch (e) {
      deps.log?.(`[huiyin] live notifications: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      polling = false;
    }
  }

  return {
    /**
     * Follow a user's new notices. `lastEventId`: the last id the client has (a reconnect), whose
     * later notices are sent first. Returns the unsubscribe function.
     */
    async subscribe(userId: number, push: Push, close: () => void, lastEventId: number | null): Promise<() => void> {
      // A fresh high-water mark: while no stream was open the hub did not poll, so its own mark
      // may be old, and starting from it would push the notices of the idle time as new.
      const fresh = await repo.maxId();
      watermark = Math.max(watermark ?? 0, fresh);
      let after = fresh;
      if (lastEventId !== null && lastEventId < after) {
        for (const r of await repo.since([userId], lastEventId, 100)) {
          push(noticeOf(r));
          after = Math.max(after, r.id);
        }
      }
      const sub = { userId, after, push, close };
      let set = subscribers.get(userId);
      if (!set) subscribers.set(userId, (set = new Set()));
      set.add(sub);
      // A user with too many open streams (forgotten tabs): the oldest is closed.
      if (set.size > MAX_STREAMS_PER_USER) set.values().next().value?.close();
      if (!timer) {
        timer = setInterval(() => void poll(), deps.pollMs ?? 2000);
        timer.unref();
      }
      return () => {
        set.delete(sub);
        if (set.size === 0) subscribers.delete(userId);
        if (subscribers.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },

    /** End every stream (server shutdown). */
    close(): void {
      closed = true;
      notificationsWritten.off('written', onWritten);
      if (timer) clearInterval(timer);
      for (const set of [...subscribers.values()]) for (const s of [...set]) s.close();
      subscribers.clear();
    },

    /** Look for new notices now (tests). */
    poll,
  };
}

export type LiveHub = ReturnType<typeof createLiveHub>;
