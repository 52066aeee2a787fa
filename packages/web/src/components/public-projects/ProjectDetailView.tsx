import { LeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton } from 'antd';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProjectDetail } from './ProjectDetail.tsx';
import { PublicShell } from './PublicShell.tsx';
import { usePublicProject } from './public-api.ts';

/** `/projects/:regionCode/:projectId`: one project, with a way back to its region's list. */
export function ProjectDetailView({ regionCode, projectId }: { regionCode: string; projectId: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const id = /^\d{1,15}$/.test(projectId) ? Number(projectId) : null;
  const loaded = usePublicProject(id);
  const reload = () => void loaded.refetch();

  useEffect(() => {
    window.scrollTo(0, 0);
  }, [projectId]);

  // Back to the list as it was left (its filters), or to the region's list when opened from a link.
  const state = location.state as { from?: unknown } | null;
  const back = typeof state?.from === 'string' && state.from.startsWith('/projects') ? state.from : `/projects/${regionCode}`;
  const notFound = id === null || (loaded.error instanceof ApiError && loaded.error.status === 404);
  const failed = notFound || loaded.isError;

  return (
    <PublicShell title={loaded.data ? loaded.data.title : t('pub.projects.title')}>
      <div style={{ maxWidth: 820, margin: '0 auto' }}>
        <Link
          to={back}
          data-testid="project-back"
          style={{ display: 'inline-flex', alignItems: 'center', gap: 6, minHeight: 36, marginBottom: 8, fontSize: 15 }}
        >
          <LeftOutlined aria-hidden style={{ fontSize: 12 }} />
          {t('pub.back')}
        </Link>
        <div aria-busy={!failed && loaded.isPending}>
          {!failed && loaded.isPending && (
            <Card>
              <Skeleton active paragraph={{ rows: 10 }} />
            </Card>
          )}
          {failed && (
            <Alert
              type={notFound ? 'warning' : 'error'}
              showIcon
              title={notFound ? t('pub.error.notFound') : t('pub.error.project')}
              description={!notFound && loaded.error ? loaded.error.message : undefined}
              action={
                notFound ? undefined : (
                  <Button size="small" onClick={reload}>
                    {t('pub.retry')}
                  </Button>
                )
              }
              data-testid="project-error"
            />
          )}
          {loaded.isSuccess && <ProjectDetail project={loaded.data} />}
        </div>
      </div>
    </PublicShell>
  );
}
