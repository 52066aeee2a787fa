import { Timeline, Typography } from 'antd';
import type { TimelineEvent } from '../../api/types.ts';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

/** The words of an event worth showing under it: reasons, notes, answers, decisions. */
function detailOf(e: TimelineEvent, t: (k: MessageKey, v?: Record<string, string | number>) => string): string | null {
  const p = e.payload;
  const parts: string[] = [];
  if (typeof p['reason'] === 'string') parts.push(p['reason']);
  if (typeof p['text'] === 'string' && e.action === 'reply') parts.push(p['text']);
  if (typeof p['policyBasis'] === 'string' && e.action === 'reply') parts.push(`${t('act.policyBasis')}：${p['policyBasis']}`);
  if (typeof p['approve'] === 'boolean') parts.push(p['approve'] ? t('act.approve') : t('act.reject'));
  if (typeof p['days'] === 'number' && e.action === 'requestExtension') parts.push(t('act.extensionAsked', { days: p['days'] }));
  if (typeof p['satisfaction'] === 'string')
    parts.push(`${p['solved'] === true ? t('yes') : t('no')} · ${t(`satisfaction.${p['satisfaction']}` as MessageKey)}`);
  if (typeof p['comment'] === 'string') parts.push(p['comment']);
  if (typeof p['note'] === 'string') parts.push(p['note']);
  // 不予受理: the reason, the text the requester is told, the open case a repeat is linked to; approved, what was sent.
  if (e.action === 'refuse') {
    if (typeof p['reasonCode'] === 'string') parts.push(`${t('refusal.reason')}：${t(`refusal.reason.${p['reasonCode']}` as MessageKey)}`);
    if (typeof p['text'] === 'string') parts.push(p['text']);
    if (typeof p['linkedTrackingNo'] === 'string') parts.push(`${t('refusal.linkedCase')}：${p['linkedTrackingNo']}`);
  }
  if (e.action === 'reviewReply' && 'refusal' in p && p['approve'] === true && typeof p['text'] === 'string') parts.push(p['text']);
  if (typeof p['trackingNo'] === 'string') parts.push(p['trackingNo']);
  // The safety-net window: the agenda, each unit's opinion, the minutes, the decision.
  const fm = p['failedMatter'] as { name?: unknown } | undefined;
  if (e.action === 'register' && fm && typeof fm.name === 'string') parts.push(`${t('sn.matterName')}：${fm.name}`);
  if (typeof p['agenda'] === 'string') parts.push(`${t('sn.agenda')}：${p['agenda']}`);
  if (typeof p['opinion'] === 'string') parts.push(p['opinion']);
  if (typeof p['decision'] === 'string') parts.push(p['decision']);
  if (e.action === 'decide') {
    if (p['outcome'] === 'done' || p['outcome'] === 'cannot') parts.push(t(`sn.outcome.${p['outcome']}` as MessageKey));
    if (typeof p['text'] === 'string') parts.push(p['text']);
    const cause = p['rootCause'] as { kind?: unknown } | undefined;
    if (cause && typeof cause.kind === 'string') parts.push(`${t('sn.rootCause')}：${t(`sn.cause.${cause.kind}` as MessageKey)}`);
  }
  if (parts.length === 0) return null;
  // Joined with '；': a part's own closing '。' would stand right before it.
  return parts.length === 1 ? parts[0]! : parts.map((x) => x.replace(/[。；]+$/u, '')).join('；');
}

export function CaseTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, lang } = useI18n();
  return (
    <Timeline
      items={events.map((e) => {
        const detail = detailOf(e, t);
        return {
          color:
            e.action === 'return' || e.action === 'reopen' || e.action === 'supervise' || e.action === 'escalate'
              ? 'red'
              : e.action === 'urge'
                ? 'orange'
                : e.action === 'close' || e.action === 'followUp'
                  ? 'green'
                  : 'blue',
          content: (
            <>
              <Typography.Text strong>{t(`action.${e.action}` as MessageKey)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {formatTime(e.at, lang)} · {e.actor?.name ?? t('detail.citizenOrSystem')}
                {e.unit ? ` · ${e.unit.name}` : ''}
              </Typography.Text>
              {detail && <div style={{ whiteSpace: 'pre-wrap' }}>{detail}</div>}
            </>
          ),
        };
      })}
    />
  );
}
