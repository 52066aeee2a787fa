import { Alert, Card, Descriptions, Skeleton, Space, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { CaseDetail } from '../../api/types.ts';
import { DueTag } from '../../components/DueTag.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { formatTime, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

/** One case: who asked what, the deadline, the full timeline, and the actions the user may take. */
export function CaseDetailPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const [c, setCase] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<CaseDetail>(`/api/v1/cases/${id ?? ''}`, { lang }).then(setCase, (e: Error) => setError(e.message));
  }, [id, lang]);
  useEffect(load, [load]);
  if (error) return <Alert type="error" showIcon title={t('loadFailed')} description={error} />;
  if (!c) return <Skeleton active />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<Space>{c.trackingNo}<StatusTag status={c.status} /></Space>} extra={<DueTag due={c.nextDueAt} state={c.dueState} />}>
        <Typography.Title level={4}>{c.title}</Typography.Title>
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label={t('type')}>{t(`type.${c.type}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('channel')}>{t(`channel.${c.channel}` as MessageKey)}</Descriptions.Item>
          <Descriptions.Item label={t('createdAt')}>{formatTime(c.createdAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('name')}>{c.requester.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('phone')}>{c.requester.phone}</Descriptions.Item>
          <Descriptions.Item label={t('address')}>{c.address ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('content')} span={3}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{c.content}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('detail.timeline')}>
        <Timeline
          items={c.timeline.map((e) => ({
            content: (
              <>
                <Typography.Text strong>{t(`action.${e.action}` as MessageKey)}</Typography.Text>{' '}
                <Typography.Text type="secondary">
                  {formatTime(e.at, lang)} · {e.actor?.name ?? t('detail.citizenOrSystem')}
                  {e.unit ? ` · ${e.unit.name}` : ''}
                </Typography.Text>
              </>
            ),
          }))}
        />
      </Card>
    </Space>
  );
}
