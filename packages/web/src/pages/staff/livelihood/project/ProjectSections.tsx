import type { MilestoneLight, MilestoneView, ProjectView } from '@huiyin/core';
import { Button, Card, Descriptions, Empty, Progress, Table, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router';
import { formatTime, useI18n } from '../../../../i18n/i18n.tsx';
import { Photos } from '../components/Photos.tsx';
import { LightTag, lightColour } from '../components/Tags.tsx';
import { UnansweredTable, type Unanswered } from '../components/UnansweredTable.tsx';

/** 节点: each milestone's plan, weight, percent and light. */
export function MilestonesCard({ p }: { p: ProjectView }) {
  const { t } = useI18n();
  return (
    <Card title={t('lv.ms.title.plural')}>
      <Table<MilestoneView>
        data-testid="milestones-table"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.milestones}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('lv.ms.none') }}
        rowClassName={(m) => `light-${m.light}`}
        columns={[
          {
            title: t('lv.ms.title'),
            dataIndex: 'title',
            render: (v: string, m) =>
              m.reason ? (
                <span>
                  {v}{' '}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    （{m.reason}）
                  </Typography.Text>
                </span>
              ) : (
                v
              ),
          },
          { title: t('lv.ms.plannedDate'), dataIndex: 'plannedDate', width: 110 },
          { title: t('lv.ms.weight'), dataIndex: 'weight', width: 70, align: 'right' },
          { title: t('lv.ms.percent'), dataIndex: 'percent', width: 170, render: (v: number) => <Progress percent={v} size="small" /> },
          { title: t('lv.project.light'), dataIndex: 'light', width: 90, render: (l: MilestoneLight) => <LightTag light={l} /> },
          { title: t('lv.ms.doneOn'), dataIndex: 'doneOn', width: 110, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}

/** 进展: the reports, newest first, with their photos. */
export function ReportsCard({ p }: { p: ProjectView }) {
  const { t, lang } = useI18n();
  const reports = [...p.reports].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const lightOf = new Map(p.milestones.map((m) => [m.id, m.light]));
  return (
    <Card title={t('lv.report.timeline')} data-testid="reports">
      {reports.length === 0 ? (
        <Empty description={t('lv.report.none')} />
      ) : (
        <Timeline
          items={reports.map((r) => ({
            color: lightColour[lightOf.get(r.milestoneId) ?? 'green'],
            content: (
              <div>
                <Typography.Text strong>{r.milestoneTitle}</Typography.Text> <Tag>{r.percent}%</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(r.createdAt, lang)}
                  {r.reportedBy ? ` · ${r.reportedBy}` : ''}
                </Typography.Text>
                <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{r.text}</div>
                <Photos projectId={p.id} ids={r.photoIds} />
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}

/** The matters answered, and everyone who raised them: answered x/y, and who is still missing. */
export function AnswersCard({ p, onRecord }: { p: ProjectView; onRecord?: ((o: Unanswered) => void) | undefined }) {
  const { t } = useI18n();
  const { total, answered, unanswered } = p.originators;
  return (
    <Card title={t('lv.project.matters')}>
      <Table
        data-testid="project-matters"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p.matters}
        scroll={{ x: 560 }}
        columns={[
          {
            title: t('lv.matter.title'),
            dataIndex: 'title',
            render: (v: string, m: ProjectView['matters'][number]) => (
              <Link to={`/admin/livelihood/matters?open=${m.id}`}>
                #{m.id} {v}
              </Link>
            ),
          },
          { title: t('lv.region'), dataIndex: 'regionName', width: 160 },
          { title: t('lv.matter.originators'), dataIndex: 'originatorCount', width: 90, align: 'right' as const },
        ]}
      />
      <div style={{ margin: '20px 0 8px' }} data-testid="answered-count" data-answered={answered} data-total={total}>
        <Typography.Text strong>{t('lv.answered', { x: answered, y: total })}</Typography.Text>
        <Progress
          percent={total > 0 ? Math.floor((answered / total) * 100) : 0}
          size="small"
          status={answered === total ? 'success' : 'normal'}
          style={{ maxWidth: 360 }}
        />
      </div>
      {unanswered.length > 0 ? (
        <>
          <Typography.Paragraph type="warning" style={{ marginBottom: 8 }}>
            {t('lv.unanswered.title', { n: unanswered.length })}
          </Typography.Paragraph>
          <UnansweredTable
            testId="unanswered-list"
            items={unanswered}
            action={
              onRecord
                ? (o) => (
                    <Button size="small" onClick={() => onRecord(o)} data-testid="record-answer">
                      {t('lv.record.title')}
                    </Button>
                  )
                : undefined
            }
          />
        </>
      ) : (
        total > 0 && <Tag color="green">{t('lv.unanswered.allDone')}</Tag>
      )}
    </Card>
  );
}

/** 验收: when, by whom, what was found, photos. */
export function AcceptanceCard({ p }: { p: ProjectView }) {
  const { t, lang } = useI18n();
  const a = p.acceptance;
  if (!a) return null;
  return (
    <Card title={t('lv.accept.done')} data-testid="acceptance">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'at', label: t('lv.accept.at'), children: formatTime(a.acceptedAt, lang) },
          { key: 'by', label: t('lv.accept.by'), children: a.checkers ? `${a.acceptedBy}、${a.checkers}` : a.acceptedBy },
          { key: 'findings', label: t('lv.accept.findings'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{a.findings}</span> },
        ]}
      />
      <Photos projectId={p.id} ids={a.photoIds} />
    </Card>
  );
}
