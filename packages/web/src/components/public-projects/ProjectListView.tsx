import type { PublicProject } from '@huiyin/core';
import { Alert, Button, Card, Empty, Select, Skeleton, Typography, theme } from 'antd';
import { useMemo, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { usePublicConfig, type PublicConfig } from '../citizen/citizen-api.ts';
import { ProjectCard } from './ProjectCard.tsx';
import { applyFilters, ProjectFilters, type Filters, type StatusFilter } from './ProjectFilters.tsx';
import { PublicShell } from './PublicShell.tsx';
import { usePublicProjects } from './public-api.ts';

/** Cards full width on a phone, two or three columns on a desktop. */
const grid = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 340px), 1fr))',
  gap: 16,
  alignItems: 'stretch',
} as const;

const noProjects: PublicProject[] = [];

function readFilters(params: URLSearchParams): Filters {
  const s = params.get('status');
  const status: StatusFilter = s === 'inProgress' || s === 'accepted' ? s : 'all';
  return { q: params.get('q') ?? '', status, area: params.get('area') ?? '' };
}

/** The districts with a service centre, for switching region; nothing when that cannot load. */
const noRegions: PublicConfig['serviceRegions'] = [];
function useServiceRegions(): PublicConfig['serviceRegions'] {
  return usePublicConfig().data?.serviceRegions ?? noRegions;
}

/** The projects of a region: heading, count, filters (kept in the address) and the cards. */
export function ProjectListView({ regionCode }: { regionCode: string }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  // The search text lives in state (typing, and a Chinese IME's composition, must not wait for
  // the address to change); the address follows it, for sharing and for the way back.
  const [q, setQ] = useState(() => params.get('q') ?? '');
  const filters: Filters = { ...readFilters(params), q };
  const serviceRegions = useServiceRegions();
  const loaded = usePublicProjects(regionCode);
  const reload = () => void loaded.refetch();

  const items: PublicProject[] = loaded.data?.items ?? noProjects;
  const shown = useMemo(() => applyFilters(items, filters), [items, filters.q, filters.status, filters.area]);
  const filtered = filters.q.trim() !== '' || filters.status !== 'all' || filters.area !== '';

  const known = serviceRegions.find((r) => r.code === regionCode);
  const regionName = known?.fullName ?? loaded.data?.region.name ?? null;
  const heading = regionName ? t('pub.projects.heading', { region: regionName }) : t('pub.projects.title');

  function setFilters(f: Filters) {
    setQ(f.q);
    const next = new URLSearchParams();
    if (f.q) next.set('q', f.q);
    if (f.status !== 'all') next.set('status', f.status);
    if (f.area) next.set('area', f.area);
    setParams(next, { replace: true });
  }

  const from = `${location.pathname}${location.search}`;
  const regionOptions = serviceRegions.map((r) => ({ value: r.code, label: r.fullName }));
  if (regionOptions.length > 0 && !known) regionOptions.unshift({ value: regionCode, label: regionName ?? regionCode });

  return (
    <PublicShell title={heading}>
      <div style={{ marginBottom: 16 }}>
        <h1
          style={{
            fontSize: 22,
            fontWeight: 600,
            lineHeight: 1.35,
            margin: '0 0 6px',
            color: token.colorTextHeading,
            overflowWrap: 'anywhere',
          }}
        >
          {heading}
        </h1>
        <Typography.Paragraph type="secondary" style={{ fontSize: 14, marginBottom: 8, maxWidth: 760 }}>
          {t('pub.projects.intro')}
        </Typography.Paragraph>
        <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
          {loaded.isSuccess && (
            <span data-testid="project-count" style={{ fontSize: 14, fontWeight: 500 }} aria-live="polite">
              {filtered
                ? t('pub.projects.countFiltered', { shown: shown.length, n: items.length })
                : t('pub.projects.count', { n: items.length })}
            </span>
          )}
          {regionOptions.length > 1 && (
            <Select
              aria-label={t('pub.region.pick')}
              value={regionCode}
              options={regionOptions}
              onChange={(code: string) => void navigate(`/projects/${code}`)}
              style={{ minWidth: 160, maxWidth: '100%' }}
              data-testid="project-region"
            />
          )}
        </div>
      </div>

      {!loaded.isError && items.length > 0 && (
        <div style={{ marginBottom: 16 }}>
          <ProjectFilters items={items} value={filters} onChange={setFilters} />
        </div>
      )}

      <div aria-busy={loaded.isPending}>
        {loaded.isPending && (
          <div style={grid}>
            {[0, 1, 2].map((i) => (
              <Card key={i} data-testid="project-skeleton">
                <Skeleton active paragraph={{ rows: 6 }} />
              </Card>
            ))}
          </div>
        )}
        {loaded.isError && (
          <Alert
            type="error"
            showIcon
            title={t('pub.error.list')}
            description={loaded.error.message}
            action={
              <Button size="small" onClick={reload}>
                {t('pub.retry')}
              </Button>
            }
            data-testid="projects-error"
          />
        )}
        {loaded.isSuccess && items.length === 0 && (
          <Card>
            <Empty description={t('pub.empty')} data-testid="projects-empty" />
          </Card>
        )}
        {loaded.isSuccess && items.length > 0 && shown.length === 0 && (
          <Card>
            <Empty description={t('pub.empty.filtered')} data-testid="projects-empty-filtered">
              <Button onClick={() => setFilters({ q: '', status: 'all', area: '' })}>{t('pub.filter.clear')}</Button>
            </Empty>
          </Card>
        )}
        {shown.length > 0 && (
          <div style={grid}>
            {shown.map((p) => (
              <ProjectCard key={p.id} project={p} to={`/projects/${regionCode}/${p.id}`} from={from} />
            ))}
          </div>
        )}
      </div>
    </PublicShell>
  );
}
