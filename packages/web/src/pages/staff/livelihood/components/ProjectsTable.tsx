import type { ProjectListItem, ProjectStatus } from '@huiyin/core';
import { Progress, Table } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../../i18n/i18n.tsx';
import { LightTag, ProjectStatusTag } from './Tags.tsx';

/** Projects with status, light, progress, owner and (once scored) the selection scores. */
export function ProjectsTable({
  items,
  loading,
  testId,
  scores = false,
}: {
  items: ProjectListItem[];
  loading?: boolean;
  testId: string;
  scores?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Table<ProjectListItem>
      data-testid={testId}
      rowKey="id"
      size="middle"
      loading={loading ?? false}
      dataSource={items}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: t('lv.project.none') }}
      columns={[
        {
          title: t('lv.project.title'),
          dataIndex: 'title',
          width: 260,
          render: (v: string, p) => <Link to={`/admin/livelihood/projects/${p.id}`}>{v}</Link>,
        },
        { title: t('status'), dataIndex: 'status', width: 90, render: (s: ProjectStatus) => <ProjectStatusTag status={s} /> },
        ...(scores
          ? [
              {
                title: t('lv.selection.votes'),
                key: 'votes',
                width: 80,
                align: 'right' as const,
                render: (_: unknown, p: ProjectListItem) => p.score?.votes ?? '—',
              },
              {
                title: t('lv.selection.priority'),
                key: 'priority',
                width: 80,
                align: 'right' as const,
                render: (_: unknown, p: ProjectListItem) => p.score?.priority ?? '—',
              },
              {
                title: t('lv.selection.people'),
                key: 'people',
                width: 100,
                align: 'right' as const,
                render: (_: unknown, p: ProjectListItem) => p.score?.peopleAffected ?? '—',
              },
            ]
          : []),
        {
          title: t('lv.project.progress'),
          dataIndex: 'progress',
          width: 150,
          render: (v: number) => <Progress percent={v} size="small" />,
        },
        { title: t('lv.project.light'), dataIndex: 'light', width: 80, render: (_: unknown, p) => <LightTag light={p.light} /> },
        { title: t('lv.project.leadUnit'), key: 'unit', width: 180, render: (_: unknown, p) => p.leadUnit?.name ?? '—' },
        { title: t('lv.project.cadre'), key: 'cadre', width: 100, render: (_: unknown, p) => p.cadre?.name ?? '—' },
        { title: t('lv.project.dueDate'), dataIndex: 'dueDate', width: 110, render: (v: string | null) => v ?? '—' },
        { title: t('lv.project.matterCount'), dataIndex: 'matterCount', width: 80, align: 'right' },
        { title: t('lv.matter.originators'), dataIndex: 'originatorCount', width: 90, align: 'right' },
      ]}
    />
  );
}
