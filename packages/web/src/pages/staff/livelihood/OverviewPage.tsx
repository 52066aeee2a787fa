import type { ListView } from '@huiyin/core';
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import { CreateListDialog } from './components/CreateListDialog.tsx';
import { RegionPicker } from './components/RegionPicker.tsx';
import { ListStatusTag } from './components/Tags.tsx';
import { useLvRoles } from './lv-api.ts';
import { query } from '../../../api/client.ts';
import { useApiQuery, keepPreviousData } from '../../../api/query.ts';

/** Where a list sits relative to the region looked at: its own, above (inherited) or below. */
function levelOf(l: ListView, region: string): 'own' | 'above' | 'below' {
  if (l.inherited) return 'above';
  return l.regionCode === region ? 'own' : 'below';
}
const levelOrder = { above: 0, own: 1, below: 2 };

/**
 * 民生实事 overview: the lists of a region (the user's by default), those of the regions above
 * it marked 上级清单 and those below it, with their batch, status and counts.
 */
export function OverviewPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { home, manage } = useLvRoles();
  const [params, setParams] = useSearchParams();
  const region = params.get('region') ?? home;
  const [creating, setCreating] = useState(false);
  const lists = useApiQuery<{ items: ListView[] }>(
    ['livelihood', 'lists', { regionCode: region }],
    `/api/v1/livelihood/lists${query({ regionCode: region })}`,
    { placeholderData: keepPreviousData },
  );
  const items = [...(lists.data?.items ?? [])].sort(
    (a, b) => levelOrder[levelOf(a, region)] - levelOrder[levelOf(b, region)] || b.year - a.year || a.batch - b.batch,
  );
  const sum = (k: 'matterCount' | 'projectCount' | 'selectedCount') =>
    items.filter((l) => levelOf(l, region) !== 'above').reduce((s, l) => s + l[k], 0);

  return (
    <Card
      title={t('lv.overview.title')}
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-list-button">
            {t('lv.list.create')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <span>{t('lv.region')}</span>
        <RegionPicker value={region || undefined} onChange={(code) => setParams(code ? { region: code } : {})} />
      </Flex>
      <Flex gap={32} wrap style={{ marginBottom: 16 }}>
        <Statistic title={t('lv.overview.lists')} value={items.length} />
        <Statistic title={t('lv.overview.matters')} value={sum('matterCount')} />
        <Statistic title={t('lv.overview.projects')} value={sum('projectCount')} />
        <Statistic title={t('lv.overview.selected')} value={sum('selectedCount')} />
      </Flex>
      {lists.error && <LoadError error={lists.error} onRetry={lists.refetch} />}
      <Table<ListView>
        data-testid="lists-table"
        rowKey="id"
        size="middle"
        loading={lists.isFetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('lv.overview.noLists') }}
        columns={[
          {
            title: t('lv.list.title'),
            dataIndex: 'title',
            render: (_: string, l) => (
              <Space wrap size={4}>
                <Link to={`/admin/livelihood/lists/${l.id}`}>{l.title}</Link>
                {levelOf(l, region) === 'above' && <Tag color="magenta">{t('lv.list.inherited')}</Tag>}
                {levelOf(l, region) === 'below' && <Tag>{t('lv.list.below')}</Tag>}
              </Space>
            ),
          },
          { title: t('lv.region'), dataIndex: 'regionName', width: 160 },
          {
            title: t('lv.batch'),
            key: 'batch',
            width: 130,
            render: (_: unknown, l) => t('lv.batchOf', { year: l.year, n: l.batch, name: l.batchName }),
          },
          { title: t('status'), dataIndex: 'status', width: 100, render: (_: unknown, l) => <ListStatusTag status={l.status} /> },
          {
            title: t('lv.list.matters'),
            dataIndex: 'matterCount',
            width: 90,
            align: 'right',
            render: (n: number, l) => <Link to={`/admin/livelihood/matters?list=${l.id}`}>{n}</Link>,
          },
          { title: t('lv.list.projects'), dataIndex: 'projectCount', width: 90, align: 'right' },
          { title: t('lv.list.selected'), dataIndex: 'selectedCount', width: 90, align: 'right' },
          {
            title: t('lv.list.publishedAt'),
            dataIndex: 'publishedAt',
            width: 170,
            render: (v: string | null) => (v ? formatTime(v, lang) : '—'),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        {t('lv.overview.hint')}
      </Typography.Paragraph>
      {creating && (
        <CreateListDialog
          regionCode={region}
          onCancel={() => setCreating(false)}
          onDone={(l) => {
            setCreating(false);
            message.success(t('admin.created'));
            void navigate(`/admin/livelihood/lists/${l.id}`);
          }}
        />
      )}
    </Card>
  );
}
