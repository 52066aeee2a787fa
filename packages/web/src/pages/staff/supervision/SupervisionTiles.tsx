import { Card, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { caseListLink, type SupervisionOverview } from './types.ts';

interface Tile {
  key: string;
  label: MessageKey;
  value: number;
  colour?: string;
  /** Counted now (true) or over the window. */
  now: boolean;
  link?: string;
}

/** The header numbers: near due and overdue now, escalations, returns and suspect ratings in the window. */
export function SupervisionTiles({ overview }: { overview: SupervisionOverview }) {
  const { t } = useI18n();
  const { totals, days } = overview;
  const tiles: Tile[] = [
    { key: 'nearDue', label: 'sv.tile.nearDue', value: totals.nearDue, colour: '#d46b08', now: true, link: caseListLink({ due: 'near' }) },
    {
      key: 'overdue',
      label: 'sv.tile.overdue',
      value: totals.overdue,
      colour: '#cf1322',
      now: true,
      link: caseListLink({ due: 'overdue' }),
    },
    { key: 'urge', label: 'sv.tile.urge', value: totals.escalations.urge, colour: '#d46b08', now: false },
    { key: 'supervise', label: 'sv.tile.supervise', value: totals.escalations.supervise, colour: '#cf1322', now: false },
    { key: 'escalate', label: 'sv.tile.escalate', value: totals.escalations.escalate, colour: '#c41d7f', now: false },
    { key: 'returns', label: 'sv.tile.returns', value: totals.returns, now: false },
    { key: 'flaggedRatings', label: 'sv.tile.flaggedRatings', value: totals.flaggedRatings, colour: '#d48806', now: false },
  ];
  return (
    <div
      data-testid="supervision-tiles"
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(100px, 1fr))', gap: 12, marginBottom: 16 }}
    >
      {tiles.map((x) => {
        const stat = (
          <Statistic title={t(x.label)} value={x.value} styles={{ content: { color: x.value > 0 && x.colour ? x.colour : undefined } }} />
        );
        return (
          <Card key={x.key} size="small" data-tile={x.key}>
            {x.link ? (
              <Link
                to={x.link}
                aria-label={`${t(x.label)}: ${x.value} · ${t('sv.tile.open')}`}
                style={{ display: 'block', color: 'inherit' }}
              >
                {stat}
              </Link>
            ) : (
              stat
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {x.now ? t('sv.now') : t('sv.inWindow', { n: days })}
            </Typography.Text>
          </Card>
        );
      })}
    </div>
  );
}
