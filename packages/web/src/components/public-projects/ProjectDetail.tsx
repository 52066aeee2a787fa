import { ShareAltOutlined } from '@ant-design/icons';
import type { PublicProject } from '@huiyin/core';
import { App, Button, Card, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { copyText } from '../citizen/CopyButton.tsx';
import { MilestoneList } from './MilestoneList.tsx';
import { Facts, Originators, ProgressBlock, ProjectTags, SectionTitle } from './ProjectParts.tsx';
import { ReportList } from './ReportList.tsx';
import { areaKey, day } from './public-api.ts';

/** Shares the page's address: the phone's share sheet where there is one, else the clipboard. */
function ShareButton({ title }: { title: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  async function share() {
    const url = window.location.href;
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url });
        return;
      } catch (e) {
        // Closed by the user: nothing to say. Anything else: fall back to copying.
        if (e instanceof DOMException && e.name === 'AbortError') return;
      }
    }
    if (await copyText(url)) void message.success(t('pub.share.copied'));
    else void message.warning(t('pub.share.manual'));
  }
  return (
    <Button icon={<ShareAltOutlined />} onClick={() => void share()}>
      {t('pub.share')}
    </Button>
  );
}

/** One project in full: every milestone and every published report. */
export function ProjectDetail({ project }: { project: PublicProject }) {
  const { t } = useI18n();
  const area = project.areaCode ? areaKey(project.areaCode) : null;
  const gap = { marginTop: 12 };
  return (
    <article data-testid="project-detail" data-project-id={project.id}>
      <Card styles={{ body: { padding: 16, display: 'flex', flexDirection: 'column', gap: 14 } }}>
        <ProjectTags project={project} />
        <h1 style={{ fontSize: 21, fontWeight: 600, lineHeight: 1.4, margin: 0, overflowWrap: 'anywhere' }}>{project.title}</h1>
        {project.description && (
          <section>
            <SectionTitle>{t('pub.description')}</SectionTitle>
            <Typography.Paragraph
              style={{ fontSize: 15, lineHeight: 1.7, marginBottom: 0, whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}
            >
              {project.description}
            </Typography.Paragraph>
          </section>
        )}
        <Facts
          rows={[
            { label: t('pub.field.place'), value: project.place },
            { label: t('pub.field.leadUnit'), value: project.leadUnit ?? t('pub.field.none') },
            { label: t('pub.field.dueDate'), value: project.dueDate ? day(project.dueDate) : t('pub.field.none') },
            ...(project.areaCode ? [{ label: t('pub.field.area'), value: area ? t(area) : project.areaCode }] : []),
            {
              label: t('pub.field.list'),
              value: `${project.listTitle}${project.batchName && !project.listTitle.includes(project.batchName) ? ` · ${project.batchName}` : ''}`,
            },
            ...(project.acceptedOn ? [{ label: t('pub.field.acceptedOn'), value: day(project.acceptedOn) }] : []),
          ]}
        />
        <ProgressBlock project={project} large />
        <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
          <Originators count={project.originatorCount} />
          <ShareButton title={project.title} />
        </div>
      </Card>
      <Card style={gap} styles={{ body: { padding: 16 } }}>
        <SectionTitle>{t('pub.milestones')}</SectionTitle>
        <MilestoneList milestones={project.milestones} />
      </Card>
      <Card style={gap} styles={{ body: { padding: 16 } }}>
        <SectionTitle>{t('pub.reports')}</SectionTitle>
        <ReportList reports={project.lastReports} />
      </Card>
    </article>
  );
}
