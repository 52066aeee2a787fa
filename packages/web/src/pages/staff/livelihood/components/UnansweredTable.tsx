import type { UnansweredOriginator } from '@huiyin/core';
import { Table, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../../i18n/messages.ts';

export type Unanswered = UnansweredOriginator;

/** Why the outbox cannot reach an originator: no phone and no case. */
function why(o: Unanswered, t: (k: MessageKey) => string): string {
  if (o.reachable) return t('lv.unanswered.reachable');
  if (o.kind === 'household' || o.kind === 'enterprise') return o.address ? t('lv.unanswered.addressOnly') : t('lv.unanswered.noContact');
  return t('lv.unanswered.noContact');
}

/** Who has not been told what became of their matter, and why the answer cannot reach them. */
export function UnansweredTable({
  items,
  testId,
  action,
}: {
  items: Unanswered[];
  testId: string;
  action?: ((o: Unanswered) => ReactNode) | undefined;
}) {
  const { t } = useI18n();
  return (
    <Table<Unanswered>
      data-testid={testId}
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={items.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 720 }}
      columns={[
        {
          title: t('name'),
          key: 'name',
          render: (_: unknown, o) => `${o.name ?? o.trackingNo ?? '—'}（${t(`lv.kind.${o.kind}` as MessageKey)}）`,
        },
        { title: t('phone'), dataIndex: 'phone', width: 130, render: (p: string | null) => p ?? '—' },
        { title: t('lv.unanswered.matter'), key: 'matter', render: (_: unknown, o) => `#${o.matterId} ${o.matterTitle}` },
        {
          title: t('lv.unanswered.why'),
          key: 'why',
          render: (_: unknown, o) => <Tag color={o.reachable ? 'gold' : 'red'}>{why(o, t)}</Tag>,
        },
        ...(action ? [{ title: '', key: 'action', width: 120, render: (_: unknown, o: Unanswered) => action(o) }] : []),
      ]}
    />
  );
}
