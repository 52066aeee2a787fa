import type { SimilarMatter } from '@huiyin/core';
import { Flex, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { percent } from '../lv-api.ts';
import { Highlight } from './Highlight.tsx';
import { MatterStatusTag } from './Tags.tsx';

/** Likely duplicates: score, the words shared (marked in the title), and what may be done with each. */
export function SimilarTable({
  items,
  actions,
  testId,
}: {
  items: SimilarMatter[];
  actions?: (m: SimilarMatter) => ReactNode;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <Table<SimilarMatter>
      data-testid={testId}
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      scroll={{ x: 640 }}
      locale={{ emptyText: t('lv.similar.none') }}
      columns={[
        {
          title: t('lv.similar.score'),
          dataIndex: 'score',
          width: 80,
          render: (s: number) => <Tag color={s >= 0.7 ? 'red' : s >= 0.5 ? 'orange' : 'gold'}>{percent(s)}</Tag>,
        },
        {
          title: t('lv.matter.title'),
          dataIndex: 'title',
          render: (title: string, m) => (
            <div>
              <Typography.Text>
                #{m.id} <Highlight text={title} words={m.shared} />
              </Typography.Text>
              <Flex gap={4} wrap style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {m.regionName} · {m.collectedOn} · {t('lv.matter.originatorsN', { n: m.originatorCount })}
                </Typography.Text>
                <MatterStatusTag status={m.status} />
              </Flex>
              <Flex gap={4} wrap style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('lv.similar.shared')}
                </Typography.Text>
                {m.shared.map((w) => (
                  <Tag key={w} color="gold" style={{ marginInlineEnd: 0 }}>
                    {w}
                  </Tag>
                ))}
              </Flex>
            </div>
          ),
        },
        ...(actions ? [{ title: '', key: 'actions', width: 200, render: (_: unknown, m: SimilarMatter) => actions(m) }] : []),
      ]}
    />
  );
}
