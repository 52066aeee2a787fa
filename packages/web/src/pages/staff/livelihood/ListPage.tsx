import type { ListView, MatterListItem, ProjectListItem } from '@huiyin/core';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState, type Key } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import { ProjectsTable } from './components/ProjectsTable.tsx';
import { ListStatusTag } from './components/Tags.tsx';
import { useAreas, useLvRoles, lvKeys } from './lv-api.ts';
import { api, query } from '../../../api/client.ts';
import { NewProjectDialog } from './NewProjectDialog.tsx';
import { SelectionDialog } from './SelectionDialog.tsx';
import { useApiQuery, useApiMutation } from '../../../api/query.ts';

const scoredStatuses = ['candidate', 'selected', 'dropped'];

/**
 * A list (清单): its open matters (pick some to propose a candidate project), its projects with
 * their scores, the selection meeting (遴选会) and publication (公布).
 */
export function ListPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams()['id']);
  const { manage } = useLvRoles();
  const areas = useAreas();
  const [picked, setPicked] = useState<number[]>([]);
  const [dialog, setDialog] = useState<'project' | 'selection' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useApiQuery<ListView>(['livelihood', 'list', id], `/api/v1/livelihood/lists/${id}`);
  const projects = useApiQuery<{ items: ProjectListItem[] }>(
    ['livelihood', 'projects', { listId: id }],
    `/api/v1/projects${query({ listId: id, pageSize: 200 })}`,
  );
  const matters = useApiQuery<{ items: MatterListItem[] }>(
    ['livelihood', 'matters', { listId: id, status: 'open' }],
    `/api/v1/matters${query({ listId: id, status: 'open', pageSize: 200 })}`,
  );
  const l = list.data;
  const editable = manage && l && !l.inherited && l.status !== 'published';
  const scorable = (projects.data?.items ?? []).filter((p) => scoredStatuses.includes(p.status));

  const publishList = useApiMutation(() => api<ListView>(`/api/v1/livelihood/lists/${id}/publish`, { method: 'POST' }), lvKeys.lists);

  async function publish() {
    setError(null);
    try {
      await publishList.mutateAsync();
      message.success(t('lv.list.publishedOk'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Link to="/admin/livelihood">
        <ArrowLeftOutlined /> {t('lv.back')}
      </Link>
      {list.error && <LoadError error={list.error} onRetry={list.refetch} />}
      {!l && !list.error && <Skeleton active />}
      {l && (
        <Card
          title={
            <Space wrap>
              {l.title}
              <ListStatusTag status={l.status} />
              {l.inherited && <Tag color="magenta">{t('lv.list.inherited')}</Tag>}
            </Space>
          }
          extra={
            editable && (
              <Space wrap>
                <Button onClick={() => setDialog('selection')} disabled={scorable.length === 0} data-testid="selection-button">
                  {t('lv.selection.title')}
                </Button>
                <Popconfirm
                  title={t('lv.list.publishConfirm')}
                  okText={t('confirm')}
                  cancelText={t('cancel')}
                  onConfirm={publish}
                  disabled={l.selectedCount === 0}
                >
                  <Button type="primary" disabled={l.selectedCount === 0} data-testid="publish-button">
                    {t('lv.list.publish')}
                  </Button>
                </Popconfirm>
              </Space>
            )
          }
        >
          {error && <Alert type="error" showIcon closable={{ onClose: () => setError(null) }} title={error} style={{ marginBottom: 16 }} />}
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: 'region', label: t('lv.region'), children: l.regionName },
              { key: 'batch', label: t('lv.batch'), children: t('lv.batchOf', { year: l.year, n: l.batch, name: l.batchName }) },
              {
                key: 'matters',
                label: t('lv.list.matters'),
                children: <Link to={`/admin/livelihood/matters?list=${l.id}`}>{l.matterCount}</Link>,
              },
              {
                key: 'projects',
                label: t('lv.list.projects'),
                children: `${l.projectCount} / ${t('lv.list.selected')} ${l.selectedCount}`,
              },
              ...(l.publishedAt ? [{ key: 'pub', label: t('lv.list.publishedAt'), children: formatTime(l.publishedAt, lang) }] : []),
              ...(l.selection
                ? [
                    { key: 'held', label: t('lv.selection.heldAt'), children: formatTime(l.selection.heldAt, lang) },
                    { key: 'by', label: t('lv.selection.recordedBy'), children: l.selection.recordedBy },
                    { key: 'att', label: t('lv.selection.attendees'), span: 'filled' as const, children: l.selection.attendees },
                    ...(l.selection.notes
                      ? [
                          {
                            key: 'notes',
                            label: t('lv.selection.notes'),
                            span: 'filled' as const,
                            children: <span style={{ whiteSpace: 'pre-wrap' }}>{l.selection.notes}</span>,
                          },
                        ]
                      : []),
                  ]
                : []),
            ]}
          />
        </Card>
      )}
      <Card title={t('lv.list.projectsTitle')}>
        {projects.error && <LoadError error={projects.error} onRetry={projects.refetch} />}
        <ProjectsTable testId="projects-table" items={projects.data?.items ?? []} loading={projects.isFetching} scores />
      </Card>
      <Card
        title={t('lv.list.openMatters')}
        extra={
          editable && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={picked.length === 0}
              onClick={() => setDialog('project')}
              data-testid="new-project-button"
            >
              {t('lv.project.newFrom', { n: picked.length })}
            </Button>
          )
        }
      >
        {matters.error && <LoadError error={matters.error} onRetry={matters.refetch} />}
        <Typography.Paragraph type="secondary">{t('lv.list.pickHint')}</Typography.Paragraph>
        <Table<MatterListItem>
          data-testid="list-matters-table"
          rowKey="id"
          size="small"
          loading={matters.isFetching}
          dataSource={matters.data?.items ?? []}
          {...(editable ? { rowSelection: { selectedRowKeys: picked, onChange: (keys: Key[]) => setPicked(keys.map(Number)) } } : {})}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 720 }}
          columns={[
            { title: '#', dataIndex: 'id', width: 70 },
            {
              title: t('lv.matter.title'),
              dataIndex: 'title',
              render: (v: string, m) => <Link to={`/admin/livelihood/matters?open=${m.id}`}>{v}</Link>,
            },
            { title: t('lv.region'), dataIndex: 'regionName', width: 160 },
            { title: t('lv.area'), dataIndex: 'areaCode', width: 150, render: (v: string) => areas.label(v) },
            { title: t('lv.matter.originators'), dataIndex: 'originatorCount', width: 90, align: 'right' },
          ]}
        />
      </Card>
      {dialog === 'project' && l && (
        <NewProjectDialog
          list={l}
          matters={matters.data?.items ?? []}
          matterIds={picked}
          onCancel={() => setDialog(null)}
          onDone={(p) => {
            setDialog(null);
            setPicked([]);
            message.success(t('admin.created'));
            void navigate(`/admin/livelihood/projects/${p.id}`);
          }}
        />
      )}
      {dialog === 'selection' && l && (
        <SelectionDialog
          list={l}
          projects={scorable}
          onCancel={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            message.success(t('saved'));
          }}
        />
      )}
    </Space>
  );
}
