import type { PublicProject } from '@huiyin/core';
import { Typography, theme } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { LightDot } from './Light.tsx';
import { day, lightColors, percentText } from './public-api.ts';

type Milestone = PublicProject['milestones'][number];

/**
 * The milestones as a compact vertical timeline: the light as the dot, the title, the planned
 * date, the light's word and the milestone's own percent. `limit` shows the first ones only.
 */
export function MilestoneList({ milestones, limit }: { milestones: readonly Milestone[]; limit?: number }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  if (milestones.length === 0) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('pub.milestones.none')}
      </Typography.Text>
    );
  }
  const shown = limit !== undefined ? milestones.slice(0, limit) : milestones;
  return (
    <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {shown.map((m, i) => {
        const last = i === shown.length - 1;
        return (
          <li
            key={`${i}-${m.title}`}
            data-testid="milestone"
            data-light={m.light}
            style={{ position: 'relative', paddingLeft: 22, paddingBottom: last ? 0 : 10 }}
          >
            {!last && (
              <span
                aria-hidden
                style={{ position: 'absolute', left: 5, top: 16, bottom: 0, width: 2, background: token.colorBorderSecondary }}
              />
            )}
            <span style={{ position: 'absolute', left: 0, top: 4, width: 12, display: 'flex', justifyContent: 'center' }}>
              <LightDot light={m.light} />
            </span>
            <div style={{ display: 'flex', alignItems: 'baseline', gap: 8, justifyContent: 'space-between' }}>
              <span style={{ fontSize: 14, lineHeight: 1.45, minWidth: 0, overflowWrap: 'anywhere' }}>{m.title}</span>
              <span
                style={{
                  fontSize: 13,
                  fontVariantNumeric: 'tabular-nums',
                  color: m.percent >= 100 ? lightColors.done : token.colorText,
                  whiteSpace: 'nowrap',
                }}
              >
                {percentText(m.percent)}%
              </span>
            </div>
            <div style={{ fontSize: 12, color: token.colorTextSecondary, lineHeight: 1.5 }}>
              {t('pub.milestone.planned', { date: day(m.plannedDate) })}
              <span aria-hidden> · </span>
              <span style={{ color: lightColors[m.light] }}>{t(`pub.light.${m.light}`)}</span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
