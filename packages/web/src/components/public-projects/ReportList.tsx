import type { PublicProject } from '@huiyin/core';
import { Image, Typography, theme } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { day, percentText, photoUrl } from './public-api.ts';

type Report = PublicProject['lastReports'][number];

/** A grey square for a photo that does not load. */
const FALLBACK =
  'data:image/svg+xml;utf8,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#f0f0f0"/><path d="M18 44l10-12 8 9 6-6 8 9z" fill="#bfbfbf"/></svg>',
  );

function Photos({ ids, max, size }: { ids: readonly number[]; max: number; size: number }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  if (ids.length === 0) return null;
  // At most `max` squares in all: when there are more photos, the last square says how many.
  const shown = ids.length <= max ? ids : ids.slice(0, max - 1);
  const rest = ids.length - shown.length;
  return (
    <Image.PreviewGroup items={ids.map((id) => photoUrl(id))}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 8, alignItems: 'center' }}>
        {shown.map((id, i) => (
          <Image
            key={id}
            src={photoUrl(id)}
            alt={t('pub.report.photo', { n: i + 1 })}
            width={size}
            height={size}
            loading="lazy"
            fallback={FALLBACK}
            styles={{ root: { borderRadius: 6, overflow: 'hidden' }, image: { objectFit: 'cover' } }}
          />
        ))}
        {rest > 0 && (
          <span
            style={{
              width: size,
              height: size,
              borderRadius: 6,
              background: token.colorFillSecondary,
              color: token.colorTextSecondary,
              fontSize: 12,
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              textAlign: 'center',
            }}
          >
            {t('pub.report.morePhotos', { n: rest })}
          </span>
        )}
      </div>
    </Image.PreviewGroup>
  );
}

/**
 * Progress reports, newest first as the API gives them: date, milestone, percent, text, photos.
 * `compact` (on a card) clamps the text to three lines and shows fewer, smaller photos.
 */
export function ReportList({ reports, limit, compact = false }: { reports: readonly Report[]; limit?: number; compact?: boolean }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  if (reports.length === 0) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('pub.reports.none')}
      </Typography.Text>
    );
  }
  const shown = limit !== undefined ? reports.slice(0, limit) : reports;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 12 }}>
      {shown.map((r, i) => (
        <li
          key={`${i}-${r.date}`}
          data-testid="project-report"
          style={{ background: token.colorFillQuaternary, borderRadius: 8, padding: '8px 10px' }}
        >
          <div style={{ fontSize: 12, color: token.colorTextSecondary, display: 'flex', flexWrap: 'wrap', columnGap: 8 }}>
            <time dateTime={day(r.date)} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {day(r.date)}
            </time>
            <span style={{ overflowWrap: 'anywhere' }}>
              {r.milestoneTitle} · {percentText(r.percent)}%
            </span>
          </div>
          <div
            style={{
              fontSize: 14,
              lineHeight: 1.6,
              marginTop: 2,
              whiteSpace: 'pre-line',
              overflowWrap: 'anywhere',
              ...(compact ? { display: '-webkit-box', WebkitLineClamp: 3, WebkitBoxOrient: 'vertical', overflow: 'hidden' } : {}),
            }}
          >
            {r.text}
          </div>
          <Photos ids={r.photoIds} max={compact ? 4 : 9} size={compact ? 60 : 88} />
        </li>
      ))}
    </ul>
  );
}
