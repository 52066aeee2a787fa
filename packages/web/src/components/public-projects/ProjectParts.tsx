import { TeamOutlined } from '@ant-design/icons';
import type { PublicProject } from '@huiyin/core';
import { Progress, Tag, theme } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { LightLabel } from './Light.tsx';
import { areaKey, percentText, projectLight, publicStatus } from './public-api.ts';

/** The status (进行中 / 已验收) and the area of a project. */
export function ProjectTags({ project }: { project: PublicProject }) {
  const { t } = useI18n();
  const status = publicStatus(project);
  const area = project.areaCode ? areaKey(project.areaCode) : null;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}>
      <Tag color={status === 'accepted' ? 'success' : 'processing'} style={{ marginInlineEnd: 0 }} data-testid="project-status">
        {t(status === 'accepted' ? 'pub.status.accepted' : 'pub.status.inProgress')}
      </Tag>
      {project.areaCode && <Tag style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>{area ? t(area) : project.areaCode}</Tag>}
    </div>
  );
}

/** Label and value pairs (所在地, 牵头单位, 完成时限 …) in two narrow columns. */
export function Facts({ rows }: { rows: { label: string; value: ReactNode }[] }) {
  const { token } = theme.useToken();
  return (
    <dl
      style={{
        display: 'grid',
        gridTemplateColumns: 'auto minmax(0, 1fr)',
        columnGap: 12,
        rowGap: 4,
        margin: 0,
        fontSize: 14,
        lineHeight: 1.5,
      }}
    >
      {rows.map((r) => (
        <div key={r.label} style={{ display: 'contents' }}>
          <dt style={{ color: token.colorTextSecondary, whiteSpace: 'nowrap' }}>{r.label}</dt>
          <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The overall progress: a bar, the percent (data-testid project-progress) and the worst light. */
export function ProgressBlock({ project, large = false }: { project: PublicProject; large?: boolean }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const light = projectLight(project);
  const accepted = publicStatus(project) === 'accepted';
  const pct = percentText(project.progress);
  return (
    <div>
      <div style={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
        <span style={{ fontSize: 13, color: token.colorTextSecondary }}>
          {t('pub.progress')}{' '}
          <strong
            data-testid="project-progress"
            style={{ fontSize: large ? 22 : 18, color: token.colorText, fontVariantNumeric: 'tabular-nums' }}
          >
            {pct}%
          </strong>
        </span>
        {light && <LightLabel light={light} />}
      </div>
      <Progress
        percent={Math.min(100, Math.max(0, project.progress))}
        showInfo={false}
        size={{ height: large ? 12 : 8 }}
        strokeColor={accepted ? token.colorSuccess : token.colorInfo}
        aria-label={t('pub.progress.aria', { p: pct })}
        style={{ margin: 0 }}
      />
    </div>
  );
}

export function Originators({ count }: { count: number }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  if (count <= 0) return null;
  return (
    <span
      style={{ display: 'inline-flex', alignItems: 'center', gap: 6, fontSize: 13, color: token.colorTextSecondary }}
      data-testid="project-originators"
    >
      <TeamOutlined aria-hidden />
      {t('pub.originators', { n: count })}
    </span>
  );
}

export function SectionTitle({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return <h3 style={{ fontSize: 14, fontWeight: 600, margin: '0 0 8px', color: token.colorTextHeading }}>{children}</h3>;
}
