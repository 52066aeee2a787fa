import type { OriginatorView } from '@huiyin/core';
import { Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatTime, useI18n } from '../../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../../i18n/messages.ts';

/** Who raised a matter (phones masked as the server returns them) and whether they were answered. */
export function OriginatorsTable<O extends OriginatorView>({
  items,
  testId,
  extra,
}: {
  items: O[];
  testId: string;
  extra?: { title: string; render: (o: O) => ReactNode }[];
}) {
  const { t, lang } = useI18n();
  return (
    <Table<O>
      data-testid={testId}
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 760 }}
      columns={[
        { title: t('lv.orig.kind'), dataIndex: 'kind', width: 80, render: (k: string) => t(`lv.kind.${k}` as MessageKey) },
        {
          title: t('name'),
          dataIndex: 'name',
          render: (n: string | null, o) =>
            o.kind === 'case' && o.caseId ? (
              <Link to={`/admin/cases/${o.caseId}`}>
                {n ?? ''} {o.trackingNo ?? `#${o.caseId}`}
              </Link>
            ) : (
              (n ?? '—')
            ),
        },
        { title: t('phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
        {
          title: t('address'),
          key: 'address',
          render: (_: unknown, o) => (
            <>
              {o.address ?? (o.creditCode ? '' : '—')}
              {o.creditCode && <Typography.Text type="secondary"> {o.creditCode}</Typography.Text>}
            </>
          ),
        },
        {
          title: t('lv.orig.answered'),
          dataIndex: 'answeredAt',
          width: 190,
          render: (at: string | null, o) =>
            at ? (
              <span>
                <Tag color="green">{t(`lv.answerMethod.${o.answerMethod ?? 'sms'}` as MessageKey)}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(at, lang)}
                </Typography.Text>
              </span>
            ) : o.reachable ? (
              <Tag color="gold">{t('lv.orig.notYet')}</Tag>
            ) : (
              <Tag color="red">{t('lv.orig.unreachable')}</Tag>
            ),
        },
        ...(extra ?? []).map((x, i) => ({ title: x.title, key: `x${i}`, render: (_: unknown, o: O) => x.render(o) })),
      ]}
    />
  );
}
