import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { StatusTag } from '../../../components/StatusTag.tsx';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import { levelColours, type RecentEscalation } from './types.ts';

/** The latest reminders, supervisions and escalations to leaders, newest first, each opening its case. */
export function EscalationList({ items }: { items: RecentEscalation[] }) {
  const { t, lang } = useI18n();
  return (
    <div data-testid="supervision-escalations">
      <Table<RecentEscalation>
        rowKey={(r) => `${r.caseId}-${r.level}-${r.at}`}
        size="small"
        dataSource={items}
        pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false, size: 'small' } : false}
        scroll={{ x: 950 }}
        locale={{ emptyText: t('sv.esc.empty') }}
        columns={[
          {
            title: t('sv.esc.level'),
            dataIndex: 'level',
            width: 100,
            render: (l: RecentEscalation['level']) => (
              <Tag color={levelColours[l]} data-level={l}>
                {t(`sv.level.${l}`)}
              </Tag>
            ),
          },
          {
            title: t('sv.esc.case'),
            key: 'case',
            width: 280,
            render: (_: unknown, r) => (
              <div style={{ minWidth: 0 }}>
                <Link to={`/admin/cases/${r.caseId}`}>{r.trackingNo}</Link>
                <Typography.Text type="secondary" ellipsis={{ tooltip: r.title }} style={{ display: 'block', maxWidth: 260, fontSize: 12 }}>
                  {r.title}
                </Typography.Text>
              </div>
            ),
          },
          { title: t('status'), dataIndex: 'status', width: 160, render: (s: string) => <StatusTag status={s} /> },
          {
            title: t('sv.esc.unit'),
            key: 'unit',
            ellipsis: true,
            render: (_: unknown, r) => r.unit?.name ?? <Typography.Text type="secondary">{t('sv.units.noUnit')}</Typography.Text>,
          },
          { title: t('sv.esc.dueAt'), dataIndex: 'dueAt', width: 170, render: (v: string) => formatTime(v, lang) },
          { title: t('sv.esc.at'), dataIndex: 'at', width: 170, render: (v: string) => formatTime(v, lang) },
        ]}
      />
    </div>
  );
}
