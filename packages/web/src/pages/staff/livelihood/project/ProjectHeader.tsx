import type { ProjectView } from '@huiyin/core';
import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatTime, useI18n } from '../../../../i18n/i18n.tsx';
import { LightTag, ProjectStatusTag } from '../components/Tags.tsx';
import { useAreas } from '../lv-api.ts';
import { downloadUrl } from '../../../../api/client.ts';

const barColour = { red: '#cf1322', yellow: '#d48806' };

export type ProjectAction = 'milestones' | 'assign' | 'sign' | 'report' | 'answers' | 'accept';

/** The project at a glance: status, light, progress, owner, money, dates, letter; and what the user may do. */
export function ProjectHeader({ p, onAction }: { p: ProjectView; onAction: (a: ProjectAction) => void }) {
  const { t, lang } = useI18n();
  const areas = useAreas();
  const { can } = p;
  const delivering = p.status === 'assigned' || p.status === 'signed';
  return (
    <Card
      title={
        <Space wrap>
          <span style={{ whiteSpace: 'normal' }}>{p.title}</span>
          <ProjectStatusTag status={p.status} />
          {p.light && <LightTag light={p.light} />}
        </Space>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="project-actions">
        {can.assign && (
          <Button type="primary" onClick={() => onAction('assign')} data-testid="assign-button">
            {p.cadre && p.status !== 'selected' ? t('lv.assign.again') : t('lv.assign.title')}
          </Button>
        )}
        {can.letter && p.letterNo && (
          <Button
            icon={<FilePdfOutlined />}
            href={downloadUrl(`/api/v1/projects/${p.id}/assignment-letter.pdf`)}
            target="_blank"
            data-testid="letter-button"
          >
            {t('lv.assign.letter')}
          </Button>
        )}
        {can.sign && (
          <Button type="primary" onClick={() => onAction('sign')} data-testid="sign-button">
            {t('lv.sign')}
          </Button>
        )}
        {can.report && p.milestones.length > 0 && (
          <Button type={delivering ? 'primary' : 'default'} onClick={() => onAction('report')} data-testid="report-button">
            {t('lv.report.title')}
          </Button>
        )}
        {can.edit && (
          <Button onClick={() => onAction('milestones')} data-testid="milestones-button">
            {t('lv.ms.edit')}
          </Button>
        )}
        {(can.accept || can.edit) && p.originators.unanswered.length > 0 && (
          <Button onClick={() => onAction('answers')} data-testid="answers-button">
            {t('lv.answer.title')}
          </Button>
        )}
        {can.accept && (
          <Button type="primary" danger onClick={() => onAction('accept')} data-testid="accept-button">
            {t('lv.accept.title')}
          </Button>
        )}
      </Flex>
      <div data-testid="project-progress" data-progress={p.progress} style={{ maxWidth: 520, marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('lv.project.progress')}</Typography.Text>
        <Progress
          percent={p.progress}
          status={p.status === 'accepted' ? 'success' : 'normal'}
          {...(p.light === 'red' || p.light === 'yellow' ? { strokeColor: barColour[p.light] } : {})}
        />
      </div>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: 'region', label: t('lv.region'), children: p.regionName },
          { key: 'area', label: t('lv.area'), children: areas.label(p.areaCode) },
          { key: 'list', label: t('lv.list'), children: <Link to={`/admin/livelihood/lists/${p.listId}`}>#{p.listId}</Link> },
          { key: 'unit', label: t('lv.project.leadUnit'), children: p.leadUnit?.name ?? '—' },
          { key: 'cadre', label: t('lv.project.cadre'), children: p.cadre?.name ?? '—' },
          { key: 'budget', label: t('lv.project.budget'), children: p.budget !== null ? `${p.budget} ${t('lv.wan')}` : '—' },
          { key: 'start', label: t('lv.project.startDate'), children: p.startDate ?? '—' },
          { key: 'due', label: t('lv.project.dueDate'), children: p.dueDate ?? '—' },
          { key: 'letter', label: t('lv.project.letterNo'), children: p.letterNo ? <Tag color="red">{p.letterNo}</Tag> : '—' },
          { key: 'assigned', label: t('lv.project.assignedAt'), children: p.assignedAt ? formatTime(p.assignedAt, lang) : '—' },
          { key: 'signed', label: t('lv.project.signedAt'), children: p.signedAt ? formatTime(p.signedAt, lang) : '—' },
          ...(p.score
            ? [
                {
                  key: 'score',
                  label: t('lv.project.score'),
                  children: t('lv.project.scoreText', { votes: p.score.votes, priority: p.score.priority, people: p.score.peopleAffected }),
                },
              ]
            : []),
          ...(p.requirements
            ? [
                {
                  key: 'req',
                  label: t('lv.assign.requirements'),
                  span: 'filled' as const,
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{p.requirements}</span>,
                },
              ]
            : []),
          ...(p.description
            ? [
                {
                  key: 'desc',
                  label: t('lv.project.description'),
                  span: 'filled' as const,
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{p.description}</span>,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
