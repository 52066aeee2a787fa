import { audienceSchema, isMobilePhone, type Audience, type CaseEventMessage, type Role } from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { messageIdOf } from './message-id.ts';
import type { Channel, NewDelivery } from './deliveries.repo.ts';
import { outboxMessageOf, type OutboxRow } from '../../outbox/outbox.repo.ts';
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

/** SMS go to mobile numbers only (a landline on a case cannot take one). */
const isMobile = isMobilePhone;

/** Who handles a unit's cases. */
const unitRoles: readonly Role[] = ['handler', 'unit_head'];

async function staffOf(repo: RecipientsRepo, audience: readonly Audience[]): Promise<StaffRecipient[]> {
  const all = new Map<number, StaffRecipient>();
  for (const a of audience) {
    let found: StaffRecipient[] = [];
    if (a.kind === 'unit') found = await repo.unitStaff(a.unitId, unitRoles);
    else if (a.kind === 'role')
      found = a.unitId !== undefined ? await repo.unitStaff(a.unitId, [a.role]) : await repo.roleInRegion(a.role, a.regionCode);
    for (const s of found) all.set(s.id, s);
  }
  return [...all.values()];
}

export function createFanOut(deps: { channels: EnabledChannels; followUpLink?: FollowUpLink | undefined; publicUrl?: string | undefined }) {
  const { channels } = deps;

  /** Every delivery of one message; `db` is the fan-out transaction. */
  async function plan(db: Db, row: OutboxRow): Promise<NewDelivery[]> {
    const repo = createRecipientsRepo(db);
    const msg = outboxMessageOf(row);
    const p: Record<string, unknown> = msg?.payload ?? row.payload;
    const key = typeof p['id'] === 'string' && p['id'] !== '' ? `${row.topic}:${p['id']}` : row.id;
    const out: NewDelivery[] = [];
    let regionCode: string | null = typeof p['regionCode'] === 'string' ? p['regionCode'] : null;
    const add = (channel: Channel, recipient: string, payload: Record<string, unknown>) => {
      out.push({
        messageId: messageIdOf(key, channel, recipient),
        outboxId: row.id,
        topic: row.topic,
        channel,
        recipient,
        regionCode,
        payload,
      });
    };
    const toStaff = (
      people: StaffRecipient[],
      link: string | null,
      render: (lang: 'zh' | 'en') => Rendered = (lang) => staffTopicMessage(row.topic, p, lang),
    ) => {
      for (const s of people) {
        const m = render(s.lang);
        add('inapp', `user:${s.id}`, { userId: s.id, title: m.title, body: m.body, link, occurredAt: row.created_at.toISOString() });
        if (channels.email && s.email) {
          const url = link && deps.publicUrl ? `${deps.publicUrl}${link}` : link;
          add('email', s.email, { to: s.email, subject: m.title, text: url ? `${m.body}\n\n${url}` : m.body });
        }
      }
    };
    /** Staff named by an audience; the region of the first role in it stands for the message's region. */
    const toAudience = async (audience: readonly Audience[], caseId: number | null) => {
      if (caseId !== null && regionCode === null) regionCode = (await repo.caseFacts(caseId))?.regionCode ?? null;
      regionCode ??= audience.find((a): a is Extract<Audience, { kind: 'role' }> => a.kind === 'role')?.regionCode ?? null;
      toStaff(await staffOf(repo, audience), linkOf(row.topic, p));
    };

    if (msg === null) {
      // A topic this version does not know: tell whoever it names that something new happened.
      // The entries of an audience that read as one are used; the others are passed over.
      const audience = Array.isArray(p['audience']) ? p['audience'].flatMap((a) => audienceSchema.safeParse(a).data ?? []) : null;
      const userId = p['userId'];
      if (audience !== null) await toAudience(audience, row.case_id);
      else toStaff(typeof userId === 'number' ? await repo.users([userId]) : [], linkOf(row.topic, p));
      return out;
    }
    switch (msg.topic) {
      case 'livelihood.answer': {
        // The livelihood office counted this person as answered by SMS: the delivery is made even
        // with no gateway configured, so it fails visibly and ends in the admins' dead letters
        // (retried once a gateway is set) instead of vanishing.
        const { to, text } = msg.payload;
        if (to && isMobile(to)) add('sms', to, { to, text });
        return out;
      }
      case 'livelihood.milestone_late': {
        const m = msg.payload;
        if (m.to === 'cadre') toStaff(await repo.users([m.userId]), linkOf(row.topic, p));
        else {
          const [sup, officers] = [
            await repo.roleInRegion('supervisor', m.regionCode),
            await repo.roleInRegion('livelihood_officer', m.regionCode),
          ];
          toStaff([...new Map([...sup, ...officers].map((s) => [s.id, s])).values()], linkOf(row.topic, p));
        }
        return out;
      }
      case 'people.one_time_password': {
        // Sealed: the SMS sender opens it just before it hands the text to the gateway.
        const { to, sealed } = msg.payload;
        if (isMobile(to)) add('sms', to, { to, sealed });
        return out;
      }
      case 'livelihood.assigned':
      case 'livelihood.accepted':
        toStaff(await repo.users([msg.payload.userId]), linkOf(row.topic, p));
        return out;
      case 'safety_net.referral':
        await toAudience(msg.payload.audience, null);
        return out;
      case 'safety_net.rectification':
      case 'rating.bad':
        await toAudience(msg.payload.audience, msg.caseId);
        return out;
      default:
        await planCaseEvent(db, repo, msg, row, add, toStaff, (code) => (regionCode = code));
        return out;
    }
  }

  /**
   * case.<action>: the requester's SMS for the events that concern them, the staff audiences
   * (the actor left out), one webhook.
   */
  async function planCaseEvent(
    db: Db,
    repo: RecipientsRepo,
    msg: CaseEventMessage,
    row: OutboxRow,
    add: (channel: Channel, recipient: string, payload: Record<string, unknown>) => void,
    toStaff: (people: StaffRecipient[], link: string | null, render: (lang: 'zh' | 'en') => Rendered) => void,
    setRegion: (code: string | null) => void,
  ): Promise<void> {
    const p = msg.payload;
    const c = await repo.caseFacts(msg.caseId);
    setRegion(c?.regionCode ?? null);
    const ev = await repo.event(p.eventId);
    const facts = { trackingNo: p.trackingNo, action: p.action, status: p.status, event: ev?.payload ?? {} };
    if (channels.sms && c && isMobile(c.requesterPhone) && p.audience.some((a) => a.kind === 'requester')) {
      // A refusal (不予受理) is not an answer to rate: its SMS goes without a rating link.
      const refused = 'refusal' in facts.event;
      const link =
        answerActions.has(facts.action) && !refused && deps.followUpLink
          ? await deps.followUpLink({ caseId: msg.caseId, trackingNo: p.trackingNo }, db)
          : null;
      const text = requesterSmsText({ ...facts, followUpLink: link });
      if (text) add('sms', c.requesterPhone, { to: c.requesterPhone, text });
    }
    const staff = (await staffOf(repo, p.audience)).filter((s) => s.id !== ev?.actorId);
    toStaff(staff, linkOf(row.topic, p), (lang) => staffCaseMessage(facts, lang));
    // The payload as written: a field the union does not declare still reaches the receiver.
    if (channels.webhook) add('webhook', 'webhook', { topic: row.topic, occurredAt: row.created_at.toISOString(), data: row.payload });
  }

  return { plan };
}

export type FanOut = ReturnType<typeof createFanOut>;
