import type { DutyList, MilestoneLight, MilestoneView } from '@huiyin/core';
import { Alert, Card, Flex, Select, Space, Statistic, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { StatusTag } from '../../../components/StatusTag.tsx';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import { ProjectsTable } from './components/ProjectsTable.tsx';
import { LightTag } from './components/Tags.tsx';
import { useLvRoles } from './lv-api.ts';
import { query } from '../../../api/client.ts';
import { useCadres } from './project/AssignDialog.tsx';
import { useApiQuery, keepPreviousData } from '../../../api/query.ts';

type DutyMilestone = MilestoneView & { projectId: number; projectTitle: string };

function MilestoneTable({ items, testId }: { items: DutyMilestone[]; testId: string }) {
  const { t } = useI18n();
  return (
    <Table<DutyMilestone>
      data-testid={testId}
      rowKey="id"
      size="small"
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      dataSource={items}
      scroll={{ x: 640 }}
      locale={{ emptyText: t('empty') }}
      onRow={(m) => ({ style: m.light === 'red' ? { background: '#fff1f0' } : m.light === 'yellow' ? { background: '#fffbe6' } : {} })}
      columns={[
        { title: t('lv.ms.title'), dataIndex: 'title' },
        {
          title: t('lv.duty.project'),
          dataIndex: 'projectTitle',
          render: (v: string, m) => <Link to={`/admin/livelihood/projects/${m.projectId}`}>{v}</Link>,
        },
        { title: t('lv.ms.plannedDate'), dataIndex: 'plannedDate', width: 110 },
        { title: t('lv.ms.percent'), dataIndex: 'percent', width: 80, align: 'right', render: (v: number) => `${v}%` },
        { title: t('lv.project.light'), dataIndex: 'light', width: 90, render: (l: MilestoneLight) => <LightTag light={l} /> },
      ]}
    />
  );
}

/**
 * 履职清单: a cadre's own projects with their progress, the next milestones, the late ones (yellow
 * and red) and the open cases of the cadre's units. Supervisors and officers may look at any cadre.
 */
export function DutyPage() {
  const { t, lang } = useI18n();
  const { home, readOthers } = useLvRoles();
  const [params, setParams] = useSearchParams();
  const userId = params.get('userId') ?? '';
  const cadres = useCadres(readOthers ? home : '');
  const duty = useApiQuery<DutyList>(['livelihood', 'duty', { userId }], `/api/v1/duty-list${query({ userId })}`, {
    enabled: !(readOthers && !userId),
    placeholderData: keepPreviousData,
  });
  const d = duty.data;
  const red = d?.late.filter((m) => m.light === 'red').length ?? 0;

  return (
    <Card title={d ? t('lv.duty.titleOf', { name: d.cadre.name }) : t('lv.tab.duty')}>
      {readOthers && (
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <span>{t('lv.project.cadre')}</span>
          <Select
            data-testid="duty-cadre"
            value={userId ? Number(userId) : undefined}
            onChange={(v?: number) => setParams(v ? { userId: String(v) } : {})}
            options={cadres}
            placeholder={t('lv.duty.pickCadre')}
            showSearch={{ optionFilterProp: 'label' }}
            allowClear
            style={{ width: 280 }}
          />
        </Flex>
      )}
      {readOthers && !userId && <Alert type="info" showIcon title={t('lv.duty.pickCadre')} />}
      {duty.error && <LoadError error={duty.error} onRetry={duty.refetch} />}
      {d && (
        <Space orientation="vertical" size={24} style={{ width: '100%' }} data-testid="duty-list">
          <Flex gap={32} wrap>
            <Statistic title={t('lv.duty.projects')} value={d.projects.length} />
            <Statistic
              title={t('lv.duty.late')}
              value={d.late.length}
              styles={{ content: { color: d.late.length > 0 ? '#d48806' : undefined } }}
            />
            <Statistic title={t('lv.light.red')} value={red} styles={{ content: { color: red > 0 ? '#cf1322' : undefined } }} />
            <Statistic title={t('lv.duty.cases')} value={d.cases.length} />
          </Flex>
          <div>
            <Typography.Title level={5}>{t('lv.duty.projects')}</Typography.Title>
            <ProjectsTable testId="duty-projects" items={d.projects} />
          </div>
          {d.late.length > 0 && (
            <div>
              <Typography.Title level={5} type="danger">
                {t('lv.duty.late')}
              </Typography.Title>
              <MilestoneTable testId="duty-late" items={d.late} />
            </div>
          )}
          <div>
            <Typography.Title level={5}>{t('lv.duty.next')}</Typography.Title>
            <MilestoneTable testId="duty-next" items={d.nextMilestones} />
          </div>
          <div>
            <Typography.Title level={5}>{t('lv.duty.cases')}</Typography.Title>
            <Table
              data-testid="duty-cases"
              rowKey="id"
              size="small"
              dataSource={d.cases}
              pagination={d.cases.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              scroll={{ x: 640 }}
              locale={{ emptyText: t('empty') }}
              columns={[
                {
                  title: t('trackingNo'),
                  dataIndex: 'trackingNo',
                  width: 170,
                  render: (v: string, c: DutyList['cases'][number]) => <Link to={`/admin/cases/${c.id}`}>{v}</Link>,
                },
                { title: t('title'), dataIndex: 'title' },
                { title: t('status'), dataIndex: 'status', width: 110, render: (s: string) => <StatusTag status={s} /> },
                { title: t('deadline'), dataIndex: 'dueAt', width: 170, render: (v: string | null) => formatTime(v, lang) },
              ]}
            />
          </div>
        </Space>
      )}
    </Card>
  );
}
