import { Card, Col, Row, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import type { Queues } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { CaseListPage } from './CaseListPage.tsx';

/** The queues a role works from, as live counts; a click opens the list filtered to that queue. */
const queues: { key: keyof Queues; label: MessageKey; query: string; danger?: boolean }[] = [
  { key: 'registered', label: 'queue.registered', query: 'status=registered' },
  { key: 'dispatched', label: 'queue.dispatched', query: 'status=dispatched' },
  { key: 'in_progress', label: 'queue.in_progress', query: 'status=in_progress' },
  { key: 'near', label: 'queue.near', query: 'due=near' },
  { key: 'overdue', label: 'queue.overdue', query: 'due=overdue', danger: true },
  { key: 'reply_review', label: 'queue.reply_review', query: 'status=reply_review' },
  { key: 'awaiting_follow_up', label: 'queue.awaiting_follow_up', query: 'status=replied' },
];

export function WorkbenchPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [counts, setCounts] = useState<Queues | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () => api<Queues>('/api/v1/cases/queues', { lang }).then((q) => alive && setCounts(q), () => undefined);
    void load();
    const timer = setInterval(load, 30_000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [lang]);
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {queues.map((q) => (
          <Col key={q.key} flex="1 1 0">
            <Card hoverable size="small" onClick={() => navigate(`/admin/cases?${q.query}`)} data-queue={q.key}>
              <Statistic title={t(q.label)} value={counts ? counts[q.key] : '—'} styles={{ content: q.danger && counts && counts[q.key] > 0 ? { color: '#cf1322' } : {} }} />
            </Card>
          </Col>
        ))}
      </Row>
      <CaseListPage embedded />
    </>
  );
}
