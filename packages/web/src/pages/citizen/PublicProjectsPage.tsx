import { regionCodeSchema } from '@huiyin/core';
import { Alert, Spin } from 'antd';
import { Link, Navigate, useParams } from 'react-router';
import { ProjectDetailView } from '../../components/public-projects/ProjectDetailView.tsx';
import { ProjectListView } from '../../components/public-projects/ProjectListView.tsx';
import { usePublicProjects } from '../../components/public-projects/public-api.ts';
import { PublicShell } from '../../components/public-projects/PublicShell.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/**
 * The public page of a region's key livelihood projects (重点民生项目公示), phone first:
 * `/projects` (the county the server proposes: the one with the most published projects), `/projects/:regionCode` (the list, filters in the address)
 * and `/projects/:regionCode/:projectId` (one project in full, shareable). No personal data.
 */
export function PublicProjectsPage() {
  const { t } = useI18n();
  const { regionCode, projectId } = useParams();
  if (regionCode === undefined) return <DefaultRegion />;
  const region = regionCode;
  if (!regionCodeSchema.safeParse(region).success) {
    return (
      <PublicShell title={t('pub.projects.title')}>
        <Alert type="warning" showIcon title={t('pub.error.badRegion')} action={<Link to="/projects">{t('pub.back')}</Link>} />
      </PublicShell>
    );
  }
  if (projectId !== undefined) return <ProjectDetailView key={`${region}/${projectId}`} regionCode={region} projectId={projectId} />;
  return <ProjectListView key={region} regionCode={region} />;
}

/** /projects: ask the server which county to show, then go there (the address stays shareable). */
function DefaultRegion() {
  const { t } = useI18n();
  const proposed = usePublicProjects(undefined);
  const target = proposed.data?.region.code ?? null;
  const failed = proposed.isError;
  if (target !== null) return <Navigate to={`/projects/${target}`} replace />;
  return (
    <PublicShell title={t('pub.projects.title')}>
      {failed ? <Alert type="info" showIcon title={t('pub.empty')} /> : <Spin style={{ display: 'block', margin: '48px auto' }} />}
    </PublicShell>
  );
}
