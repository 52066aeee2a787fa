import {
  CALLER_HISTORY_MAX,
  DomainError,
  REPEAT_CASES,
  REPEAT_WINDOW_DAYS,
  callerOpenStatuses,
  coversRegion,
  maskPhone,
  registerRoles,
  regionPrefix,
  type AuthUser,
  type CallerHistory,
  type CaseStatus,
  type HotlineCallAnswer,
  type HotlineCallInput,
  type HotlineCallView,
} from '@huiyin/core';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/connect.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { showsFullPhone } from '../cases/case-view.ts';
import { createCasesRepo } from '../cases/cases.repo.ts';
import { visibleTo } from '../cases/visibility.ts';
import { notificationsWritten } from '../notify/live.ts';
import { createNotificationsRepo } from '../notify/notifications.repo.ts';
import { createPeopleRepo } from '../people/people.repo.ts';
import type { ApiKeyRow } from './api-keys.repo.ts';
import { createHotlineCallsRepo, type HotlineCallRow } from './hotline-calls.repo.ts';

/** The newest cases of a number looked at for the history (the ones in scope are then shown). */
const LOOK_AT = 200;
const DAY_MS = 24 * 3600 * 1000;

const isOpen = (s: CaseStatus) => (callerOpenStatuses as readonly CaseStatus[]).includes(s);

/**
 * The hotline desk: a caller's earlier cases (open first, repeat callers flagged) and the calls a
 * telephony system announces, which pop the caller's history on the agent's screen (an in-app
 * notice, live through the server-sent events of the notify module).
 */
export function createHotlineService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** The history as `viewer` may see it; `conn` is the connection to read with. */
  async function historyOf(conn: Db, phone: string, viewer: AuthUser, now: Date): Promise<CallerHistory> {
    const rows = (await createCasesRepo(conn).byRequesterPhone(phone, LOOK_AT)).filter((r) => visibleTo(viewer, r));
    const full = showsFullPhone(viewer.roles);
    const since = now.getTime() - REPEAT_WINDOW_DAYS * DAY_MS;
    const openCount = rows.filter((r) => isOpen(r.status)).length;
    const recentCount = rows.filter((r) => r.created_at.getTime() >= since).length;
    const ordered = [...rows.filter((r) => isOpen(r.status)), ...rows.filter((r) => !isOpen(r.status))];
    return {
      phone: full ? phone : maskPhone(phone),
      items: ordered.slice(0, CALLER_HISTORY_MAX).map((r) => ({
        id: r.id,
        trackingNo: r.tracking_no,
        title: r.title,
        status: r.status,
        open: isOpen(r.status),
        phone: full ? r.requester_phone : maskPhone(r.requester_phone),
        createdAt: r.created_at.toISOString(),
      })),
      openCount,
      recentCount,
      repeat: openCount > 0 || recentCount >= REPEAT_CASES,
    };
  }

  function answerOf(row: HotlineCallRow, agentUsername: string): HotlineCallAnswer {
    return { callId: row.call_id, agentUsername, receivedAt: row.received_at.toISOString() };
  }

  return {
    async callerHistory(phone: string, user: AuthUser): Promise<CallerHistory> {
      return historyOf(db, phone, user, clock.now());
    },

    /** A call announced to this agent (the number for the popped form); anyone else: not found. */
    async callOfAgent(callId: string, user: AuthUser): Promise<HotlineCallView> {
      const row = await createHotlineCallsRepo(db).ofAgent(user.id, callId);
      if (!row) throw new DomainError('not_found', `no call ${callId} was announced to you`);
      return {
        callId: row.call_id,
        callerNumber: row.caller_number,
        startedAt: row.started_at.toISOString(),
        receivedAt: row.received_at.toISOString(),
      };
    },

    /**
     * A call reaches an agent: recorded once per call id (a repeat gives the same answer and tells
     * no one again), the agent's screen is told with the caller's history and a link to the
     * registration form with the call id (never the number: the link is stored and lands in the
     * browser's history; the form asks the number of the agent's call).
     */
    async announce(input: HotlineCallInput, key: ApiKeyRow): Promise<HotlineCallAnswer> {
      const now = clock.now();
      const people = createPeopleRepo(db);
      const agentId = (await people.idsByUsername([input.agentUsername])).get(input.agentUsername);
      const agent = agentId === undefined ? undefined : await people.findById(agentId);
      const keyRegion = [regionPrefix(key.region_code)];
      if (
        !agent ||
        !agent.active ||
        !agent.roles.some((r) => registerRoles.includes(r)) ||
        !agent.units.some((u) => coversRegion(keyRegion, u.regionCode))
      ) {
        throw DomainError.atField(
          'not_found',
          { path: 'agentUsername', message: 'no such hotline agent' },
          `no agent ${input.agentUsername} who registers cases in this key's region`,
        );
      }
      const viewer: AuthUser = agent;
      const told = await db.transaction().execute(async (trx) => {
        const calls = createHotlineCallsRepo(trx);
        const row = await calls.insertNew({
          callId: input.callId,
          callerNumber: input.callerNumber,
          agentId: agent.id,
          apiKeyId: key.id,
          startedAt: new Date(input.startedAt),
          receivedAt: now,
        });
        if (!row) {
          const first = await calls.byCallId(key.id, input.callId);
          if (!first) throw new DomainError('conflict', 'the call was announced at the same time: try again');
          const firstAgent = first.agent_id === agent.id ? agent.username : ((await people.findById(first.agent_id))?.username ?? '');
          return { answer: answerOf(first, firstAgent), notify: false };
        }
        const history = await historyOf(trx, input.callerNumber, viewer, now);
        const masked = maskPhone(input.callerNumber);
        const link = `/admin/cases/new?${new URLSearchParams({ callId: input.callId }).toString()}`;
        await createNotificationsRepo(trx).insertDirect({
          userId: agent.id,
          topic: 'hotline.call',
          title: history.repeat ? `来电 ${masked}（重复来电）` : `来电 ${masked}`,
          body: `此前工单 ${history.items.length} 件，在办 ${history.openCount} 件；近 ${REPEAT_WINDOW_DAYS} 日 ${history.recentCount} 件`,
          link,
          createdAt: now,
        });
        await recordAudit(trx, {
          action: 'hotline.call',
          actor: { id: null, name: `api-key ${key.prefix}` },
          target: { type: 'user', id: agent.id },
          regionCode: key.region_code,
          detail: { callId: input.callId, caller: masked, keyId: key.id },
          at: now,
        });
        return { answer: answerOf(row, agent.username), notify: true };
      });
      if (told.notify) notificationsWritten.emit('written', agent.id);
      return told.answer;
    },
  };
}

export type HotlineService = ReturnType<typeof createHotlineService>;
