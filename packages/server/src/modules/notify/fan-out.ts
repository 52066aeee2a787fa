import type { Role } from '@huiyin/core';
import { isMobilePhone } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { messageIdOf } from './message-id.ts';
import type { Channel, NewDelivery } from './deliveries.repo.ts';
import type { OutboxRow } from './outbox.repo.ts';
import { createRecipientsRepo, type RecipientsRepo, type StaffRecipient } from './recipients.repo.ts';
import { answerActions, linkOf, requesterSmsText, staffCaseMessage, staffTopicMessage, type Rendered } from './templates.ts';

/**
 * Topics → channels → recipients: what one outbox message becomes (docs/NOTIFICATIONS.md).
 *
 * - case.<action>: the requester gets an SMS (to a mobile number) for the events that concern
 *   them (registration, the answer, an extension, reopen, close, merge); each staff audience (a unit's handlers and
 *   heads; a role in the units covering the case's region, or in one unit) gets the in-app
 *   notice and an e-mail when they have an address; the actor is left out; one webhook.
 * - livelihood.answer: the SMS the livelihood office wrote, to the phone it names.
 * - livelihood.assigned / accepted / milestone_late (to the cadre): that user;
 *   milestone_late to 'supervisors': supervisors and livelihood officers covering the region.
 * - safety_net.* and any other topic with an `audience` (or a `userId`): those people.
 *
 * A channel that is not configured yields no deliveries, except the livelihood answers (see there).
 */
export interface EnabledChannels {
  sms: boolean;
  email: boolean;
  webhook: boolean;
}

/**
 * The follow-up link for a case's answer SMS (回访评价), or null to send the SMS without one.
 * Called inside the fan-out transaction: read through `db`, never through another handle.
 */
export type FollowUpLink = (c: { caseId: number; trackingNo: string }, db: Db) => Promise<string | null> | string | null;

type Audience =
  { kind: 'requester' } | { kind: 'unit'; unitId: number } | { kind: 'role'; role: string; regionCode: string; unitId?: number };

/** SMS go to mobile numbers only (a landline on a case cannot take one). */
const isMobile = isMobilePhone;

/** Who handles a unit's cases. */
const unitRoles: readonly Role[] = ['handler', 'unit_head'];

function audienceOf(v: unknown): Audience[] {
  if (!Array.isArray(v)) return [];
  const out: Audience[] = [];
  for (const a of v as Record<string, unknown>[]) {
    if (!a || typeof a !== 'object') continue;
    if (a['kind'] === 'requester') out.push({ kind: 'requester' });
    else if (a['kind'] === 'unit' && typeof a['unitId'] === 'number') out.push({ kind: 'unit', unitId: a['unitId'] });
    else if (a['kind'] === 'role' && typeof a['role'] === 'string' && typeof a['regionCode'] === 'string') {
      out.push({
        kind: 'role',
        role: a['role'],
        regionCode: a['regionCode'],
        ...(typeof a['unitId'] === 'number' ? { unitId: a['unitId'] } : {}),
      });
    }
  }
  return out;
}

async function staffOf(repo: RecipientsRepo, audience: readonly Audience[]): Promise<StaffRecipient[]> {
  const all = new Map<number, StaffRecipient>();
  for (const a of audience) {
    let found: StaffRecipient[] = [];
    if (a.kind === 'unit') found = await repo.unitStaff(a.unitId, unitRoles);
    else if (a.kind === 'role')
      found = a.unitId !== undefined ? await repo.unitStaff(a.unitId, [a.role as Role]) : await repo.roleInRegion(a.role, a.regionCode);
    for (const s of found) all.set(s.id, s);
  }
  return [...all.values()];
}

export function createFanOut(deps: { channels: EnabledChannels; followUpLink?: FollowUpLink | undefined; publicUrl?: string | undefined }) {
  const { channels } = deps;

  /** Every delivery of one message; `db` is the fan-out transaction. */
  async function plan(db: Db, msg: OutboxRow): Promise<NewDelivery[]> {
    const repo = createRecipientsRepo(db);
    const p = msg.payload;
    const key = typeof p['id'] === 'string' && p['id'] !== '' ? `${msg.topic}:${p['id']}` : msg.id;
    const out: NewDelivery[] = [];
    let regionCode: string | null = typeof p['regionCode'] === 'string' ? p['regionCode'] : null;
    const add = (channel: Channel, recipient: string, payload: Record<string, unknown>) => {
      out.push({
        messageId: messageIdOf(key, channel, recipient),
        outboxId: msg.id,
        topic: msg.topic,
        channel,
        recipient,
        regionCode,
        payload,
      });
    };
    const toStaff = (people: StaffRecipient[], render: (lang: 'zh' | 'en') => Rendered, link: string | null) => {
      for (const s of people) {
        const m = render(s.lang);
        add('inapp', `user:${s.id}`, { userId: s.id, title: m.title, body: m.body, link, occurredAt: msg.created_at.toISOString() });
        if (channels.email && s.email) {
          const url = link && deps.publicUrl ? `${deps.publicUrl}${link}` : link;
          add('email', s.email, { to: s.email, subject: m.title, text: url ? `${m.body}\n\n${url}` : m.body });
        }
      }
    };
    const caseId = typeof p['caseId'] === 'number' ? p['caseId'] : msg.case_id;

    if (msg.topic.startsWith('case.')) {
      const c = caseId !== null ? await repo.caseFacts(caseId) : undefined;
      regionCode = c?.regionCode ?? regionCode;
      const ev = typeof p['eventId'] === 'number' ? await repo.event(p['eventId']) : undefined;
      const facts = {
        trackingNo: typeof p['trackingNo'] === 'string' ? p['trackingNo'] : (c?.trackingNo ?? ''),
        action: typeof p['action'] === 'string' ? p['action'] : msg.topic.slice('case.'.length),
        status: typeof p['status'] === 'string' ? p['status'] : '',
        event: ev?.payload ?? {},
      };
      const audience = audienceOf(p['audience']);
      if (channels.sms && c && isMobile(c.requesterPhone) && audience.some((a) => a.kind === 'requester')) {
        const link =
          answerActions.has(facts.action) && deps.followUpLink && caseId !== null
            ? await deps.followUpLink({ caseId, trackingNo: facts.trackingNo }, db)
            : null;
        const text = requesterSmsText({ ...facts, followUpLink: link });
        if (text) add('sms', c.requesterPhone, { to: c.requesterPhone, text });
      }
      const staff = (await staffOf(repo, audience)).filter((s) => s.id !== ev?.actorId);
      toStaff(staff, (lang) => staffCaseMessage(facts, lang), linkOf(msg.topic, { ...p, caseId }));
      if (channels.webhook) add('webhook', 'webhook', { topic: msg.topic, occurredAt: msg.created_at.toISOString(), data: p });
      return out;
    }

    if (msg.topic === 'livelihood.answer') {
      const to = typeof p['to'] === 'string' ? p['to'] : null;
      // The livelihood office counted this person as answered by SMS: the delivery is made even
      // with no gateway configured, so it fails visibly and ends in the admins' dead letters
      // (retried once a gateway is set) instead of vanishing.
      if (to && isMobile(to) && typeof p['text'] === 'string') add('sms', to, { to, text: p['text'] });
      return out;
    }

    if (caseId !== null && regionCode === null) regionCode = (await repo.caseFacts(caseId))?.regionCode ?? null;
    let people: StaffRecipient[];
    if (msg.topic === 'livelihood.milestone_late' && p['to'] === 'supervisors' && regionCode !== null) {
      const [sup, officers] = [
        await repo.roleInRegion('supervisor', regionCode),
        await repo.roleInRegion('livelihood_officer', regionCode),
      ];
      people = [...new Map([...sup, ...officers].map((s) => [s.id, s])).values()];
    } else if (Array.isArray(p['audience'])) {
      const audience = audienceOf(p['audience']);
      regionCode ??= audience.find((a): a is Extract<Audience, { kind: 'role' }> => a.kind === 'role')?.regionCode ?? null;
      people = await staffOf(repo, audience);
    } else if (typeof p['userId'] === 'number') {
      people = await repo.users([p['userId']]);
    } else {
      people = [];
    }
    toStaff(people, (lang) => staffTopicMessage(msg.topic, p, lang), linkOf(msg.topic, p));
    return out;
  }

  return { plan };
}

export type FanOut = ReturnType<typeof createFanOut>;
