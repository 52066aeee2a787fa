import type { PendingConsultation } from '@huiyin/core';
import { Card, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import { useApiQuery } from '../../../api/query.ts';

export type { PendingConsultation };

/** 待会商: consultations of the safety-net window waiting for the opinion of the head's unit. */
export function ConsultationsPage() {
  const { t, lang } = useI18n();
  const list = useApiQuery<{ items: PendingConsultation[] }>(
    ['safety-net', 'consultations', 'pending'],
    '/api/v1/safety-net/consultations/pending',
  );
  return (
    <Card title={t('queue.consultations')}>
      <Typography.Paragraph type="secondary">{t('cons.hint')}</Typography.Paragraph>
      {list.error && <LoadError error={list.error} onRetry={list.refetch} />}
      <Table<PendingConsultation>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('cons.none') }}
        columns={[
          {
            title: t('trackingNo'),
            dataIndex: 'trackingNo',
            width: 180,
            render: (v: string, k) => <Link to={`/admin/cases/${k.caseId}`}>{v}</Link>,
          },
          { title: t('title'), dataIndex: 'caseTitle', ellipsis: true },
          { title: t('sn.agenda'), dataIndex: 'agenda', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
          { title: t('cons.convenedAt'), dataIndex: 'convenedAt', width: 170, render: (v: string) => formatTime(v, lang) },
        ]}
      />
    </Card>
  );
}
