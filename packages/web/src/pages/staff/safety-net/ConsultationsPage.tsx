import type { PendingConsultation } from '@huiyin/core';
import { LedgerTable, trackingNoColumn } from '../../../components/LedgerTable.tsx';
import { Card } from 'antd';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import { useApiQuery } from '../../../api/query.ts';

export type { PendingConsultation };

/** 待会商: consultations (the safety-net window's and ordinary cases' dispatch disputes) waiting for the opinion of the head's unit. */
export function ConsultationsPage() {
  const { t, lang } = useI18n();
  const list = useApiQuery<{ items: PendingConsultation[] }>(
    ['safety-net', 'consultations', 'pending'],
    '/api/v1/safety-net/consultations/pending',
  );
  return (
    <Card title={t('queue.consultations')}>
      <LedgerTable<PendingConsultation>
        list={list}
        hint={t('consult.pendingHint')}
        pagination={false}
        emptyText={t('cons.none')}
        columns={[
          trackingNoColumn(t('trackingNo'), 180, (k) => k.caseId),
          { title: t('title'), dataIndex: 'caseTitle', ellipsis: true },
          { title: t('sn.agenda'), dataIndex: 'agenda', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
          { title: t('cons.convenedAt'), dataIndex: 'convenedAt', width: 170, render: (v: string) => formatTime(v, lang) },
          { title: t('consult.dueAt'), dataIndex: 'dueAt', width: 170, render: (v: string | null) => (v ? formatTime(v, lang) : '—') },
        ]}
      />
    </Card>
  );
}
