import { RightOutlined } from '@ant-design/icons';
import type { PublicProject } from '@huiyin/core';
import { Card, theme } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { MilestoneList } from './MilestoneList.tsx';
import { Facts, Originators, ProgressBlock, ProjectTags, SectionTitle } from './ProjectParts.tsx';
import { ReportList } from './ReportList.tsx';
import { day } from './public-api.ts';

const CARD_MILESTONES = 4;

/** One project in the list: what, where, who, by when, how far, and the last report. */
export function ProjectCard({ project, to, from }: { project: PublicProject; to: string; from: string }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const more = project.milestones.length - CARD_MILESTONES;
  return (
    <article data-testid="project-card" data-project-id={project.id} style={{ minWidth: 0 }}>
      <Card
        style={{ height: '100%' }}
        styles={{ body: { padding: 16, display: 'flex', flexDirection: 'column', gap: 14, height: '100%' } }}
      >
        <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          <ProjectTags project={project} />
          <h2 style={{ fontSize: 17, fontWeight: 600, lineHeight: 1.4, margin: 0, overflowWrap: 'anywhere' }}>
            <Link to={to} state={{ from }} style={{ color: token.colorTextHeading }}>
              {project.title}
            </Link>
          </h2>
          <Facts
            rows={[
              { label: t('pub.field.place'), value: project.place },
              { label: t('pub.field.leadUnit'), value: project.leadUnit ?? t('pub.field.none') },
              { label: t('pub.field.dueDate'), value: project.dueDate ? day(project.dueDate) : t('pub.field.none') },
            ]}
          />
        </div>
        <ProgressBlock project={project} />
        <section>
          <SectionTitle>{t('pub.milestones')}</SectionTitle>
          <MilestoneList milestones={project.milestones} limit={CARD_MILESTONES} />
          {more > 0 && (
            <Link to={to} state={{ from }} style={{ display: 'inline-block', fontSize: 13, marginTop: 6, paddingLeft: 22 }}>
              {t('pub.milestones.more', { n: more })}
            </Link>
          )}
        </section>
        <section>
          <SectionTitle>{t('pub.reports')}</SectionTitle>
          <ReportList reports={project.lastReports} limit={1} compact />
        </section>
        <div
          style={{
            marginTop: 'auto',
            paddingTop: 10,
            borderTop: `1px solid ${token.colorBorderSecondary}`,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
            flexWrap: 'wrap',
          }}
        >
          <Originators count={project.originatorCount} />
          <Link
            to={to}
            state={{ from }}
            style={{ marginLeft: 'auto', display: 'inline-flex', alignItems: 'center', gap: 4, minHeight: 32 }}
          >
            {t('pub.details')}
            <RightOutlined aria-hidden style={{ fontSize: 11 }} />
          </Link>
        </div>
      </Card>
    </article>
  );
}
