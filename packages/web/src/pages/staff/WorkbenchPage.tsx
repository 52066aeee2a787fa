import type { PendingConsultation } from '@huiyin/core';
import { Card, Col, Row, Statistic } from 'antd';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../api/query.ts';
import { useSession } from '../../api/session.tsx';
import type { Queues } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { CaseListPage } from './CaseListPage.tsx';

/** The queues a role works from, as live counts; a click opens the list filtered to that queue. */
interface QueueDef {
  key: keyof Queues;
  label: MessageKey;
  query: string;
  danger?: boolean;
}

const all: Record<keyof Queues, QueueDef> = {
  registered: { key: 'registered', label: 'queue.registered', query: 'status=registered' },
  returned: { key: 'returned', label: 'queue.returned', query: 'status=returned' },
  dispatched: { key: 'dispatched', label: 'queue.dispatched', query: 'status=dispatched' },
  in_progress: { key: 'in_progress', label: 'queue.in_progress', query: 'status=in_progress' },
  near: { key: 'near', label: 'queue.near', query: 'due=near' },
  overdue: { key: 'overdue', label: 'queue.overdue', query: 'due=overdue', danger: true },
  reply_review: { key: 'reply_review', label: 'queue.reply_review', query: 'status=reply_review' },
  awaiting_follow_up: { key: 'awaiting_follow_up', label: 'queue.awaiting_follow_up', query: 'status=replied' },
  awaiting_decision: { key: 'awaiting_decision', label: 'queue.awaiting_decision', query: 'status=replied' },
  safety_net_open: { key: 'safety_net_open', label: 'queue.safetyNet', query: 'channel=safety_net&status=registered,in_progress' },
};

/** Which queues each role works from, in the order of its day. */
const byRole: Record<string, (keyof Queues)[]> = {
  dispatcher: ['registered', 'returned', 'dispatched', 'near', 'overdue'],
  clerk: ['registered', 'near', 'overdue'],
  safety_net_officer: ['safety_net_open', 'registered', 'in_progress', 'near', 'overdue'],
  handler: ['dispatched', 'in_progress', 'near', 'overdue'],
  unit_head: ['dispatched', 'in_progress', 'near', 'overdue'],
  supervisor: ['reply_review', 'awaiting_follow_up', 'awaiting_decision', 'near', 'overdue'],
};
const fallback: (keyof Queues)[] = ['registered', 'dispatched', 'in_progress', 'near', 'overdue', 'reply_review', 'awaiting_follow_up'];

function queuesFor(roles: string[]): QueueDef[] {
  const keys = new Set<keyof Queues>();
  for (const r of roles) for (const k of byRole[r] ?? []) keys.add(k);
  const list = keys.size > 0 ? [...keys] : fallback;
  // Near-due and overdue always last.
  return [...list.filter((k) => k !== 'near' && k !== 'overdue'), 'near' as const, 'overdue' as const].map((k) => all[k]);
}

interface Tile {
  key: string;
  label: MessageKey;
  to: string;
  count: number | string | null;
  danger?: boolean | undefined;
}

export function WorkbenchPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { me } = useSession();
  const roles = me?.roles ?? [];
  const queues = queuesFor(roles);
  const officer = roles.includes('safety_net_officer');
  const unitHead = roles.includes('unit_head');
  // The counts are live: asked again every 30 s (and after every action on a case).
  const counts = useApiQuery<Queues>(['queues'], '/api/v1/cases/queues', { refetchInterval: 30_000 }).data ?? null;
  const pending = useApiQuery<{ items: PendingConsultation[] }>(
    ['safety-net', 'consultations', 'pending'],
    '/api/v1/safety-net/consultations/pending',
    {
      enabled: unitHead,
      refetchInterval: 30_000,
    },
  );
  const consultations = pending.data?.items.length ?? null;
  const tiles: Tile[] = [
    ...(unitHead
      ? [
          {
            key: 'consultations',
            label: 'queue.consultations' as const,
            to: '/admin/consultations',
            count: consultations,
            danger: (consultations ?? 0) > 0,
          },
        ]
      : []),
    ...queues.map((q) => ({
      key: q.key,
      label: q.label,
      to: `/admin/cases?${q.query}`,
      count: counts ? counts[q.key] : null,
      danger: q.danger && counts !== null && counts[q.key] > 0,
    })),
  ];
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {tiles.map((q) => (
          <Col key={q.key} flex="1 1 0" style={{ minWidth: 140 }}>
            <Card hoverable size="small" onClick={() => navigate(q.to)} data-queue={q.key}>
              <Statistic title={t(q.label)} value={q.count ?? '—'} styles={{ content: q.danger ? { color: '#cf1322' } : {} }} />
            </Card>
          </Col>
        ))}
      </Row>
      <CaseListPage embedded defaultChannel={officer ? 'safety_net' : undefined} />
    </>
  );
}
