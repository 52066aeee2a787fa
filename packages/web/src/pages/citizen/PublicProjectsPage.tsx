import { regionCodeSchema } from '@huiyin/core';
import { Alert } from 'antd';
import { Link, useParams } from 'react-router';
import { ProjectDetailView } from '../../components/public-projects/ProjectDetailView.tsx';
import { ProjectListView } from '../../components/public-projects/ProjectListView.tsx';
import { DEFAULT_REGION } from '../../components/public-projects/public-api.ts';
import { PublicShell } from '../../components/public-projects/PublicShell.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The public page of a region's key livelihood projects (重点民生项目公示), phone first:
 * `/projects` (the demo district), `/projects/:regionCode` (the list, filters in the address)
 * and `/projects/:regionCode/:projectId` (one project in full, shareable). No personal data.
 */
export function PublicProjectsPage() {
  const { t } = useI18n();
  const { regionCode, projectId } = useParams();
  const region = regionCode ?? DEFAULT_REGION;
  if (!regionCodeSchema.safeParse(region).success) {
    return (
      <PublicShell title={t('pub.projects.title')}>
        <Alert
          type="warning"
          showIcon
          title={t('pub.error.badRegion')}
          action={<Link to="/projects">{t('pub.back')}</Link>}
        />
      </PublicShell>
    );
  }
  if (projectId !== undefined) return <ProjectDetailView key={`${region}/${projectId}`} regionCode={region} projectId={projectId} />;
  return <ProjectListView key={region} regionCode={region} />;
}
