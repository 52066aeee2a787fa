import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import { caseListLink, levels, type UnitOverview } from './types.ts';

/** A count that opens the matching cases when there are any and a filter can express them. */
function CountLink({ n, to, colour }: { n: number; to?: string | undefined; colour?: string | undefined }) {
  if (n === 0) return <Typography.Text type="secondary">0</Typography.Text>;
  if (!to) return <span style={{ color: colour }}>{n}</span>;
  return (
    <Link to={to} style={{ color: colour, fontWeight: 600 }}>
      {n}
    </Link>
  );
}

/**
 * Per unit, sorted by overdue then near due (as the server sends them): what is late now and
 * what was escalated, returned or flagged in the window. Near-due and overdue numbers open the
 * case list filtered by due state and lead unit; the unit opens the open cases it leads.
 */
export function UnitTable({ units, days }: { units: UnitOverview[]; days: number }) {
  const { t } = useI18n();
  const num = (get: (u: UnitOverview) => number) => ({
    width: 84,
    align: 'right' as const,
    sorter: (a: UnitOverview, b: UnitOverview) => get(a) - get(b),
    sortDirections: ['descend' as const, 'ascend' as const],
  });
  const columns: ColumnsType<UnitOverview> = [
    {
      title: t('sv.units.unit'),
      key: 'unit',
      fixed: 'left',
      width: 160,
      ellipsis: true,
      render: (_: unknown, u) =>
        u.unitId === null ? (
          <Typography.Text type="secondary">{t('sv.units.noUnit')}</Typography.Text>
        ) : (
          <Link to={caseListLink({ leadUnitId: u.unitId, open: true })} title={u.unitName ?? undefined}>
            {u.unitName ?? `#${u.unitId}`}
          </Link>
        ),
    },
    {
      title: t('sv.tile.overdue'),
      key: 'overdue',
      ...num((u) => u.overdue),
      defaultSortOrder: 'descend',
      render: (_: unknown, u) => (
        <CountLink
          n={u.overdue}
          colour="#cf1322"
          to={u.unitId === null ? undefined : caseListLink({ due: 'overdue', leadUnitId: u.unitId })}
        />
      ),
    },
    {
      title: t('sv.tile.nearDue'),
      key: 'nearDue',
      ...num((u) => u.nearDue),
      render: (_: unknown, u) => (
        <CountLink
          n={u.nearDue}
          colour="#d46b08"
          to={u.unitId === null ? undefined : caseListLink({ due: 'near', leadUnitId: u.unitId })}
        />
      ),
    },
    ...levels.map((l) => ({
      title: t(`sv.tile.${l}`),
      key: l,
      ...num((u) => u.escalations[l]),
      render: (_: unknown, u: UnitOverview) => <CountLink n={u.escalations[l]} />,
    })),
    { title: t('sv.tile.returns'), key: 'returns', ...num((u) => u.returns), render: (_: unknown, u) => <CountLink n={u.returns} /> },
    {
      title: t('sv.tile.flaggedRatings'),
      key: 'flaggedRatings',
      ...num((u) => u.flaggedRatings),
      width: 96,
      render: (_: unknown, u) => <CountLink n={u.flaggedRatings} colour="#d48806" />,
    },
  ];
  return (
    <div data-testid="supervision-units">
      <Table<UnitOverview>
        rowKey={(u) => String(u.unitId ?? 'none')}
        size="small"
        columns={columns}
        dataSource={units}
        pagination={units.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 820 }}
        locale={{ emptyText: t('sv.units.empty') }}
        showSorterTooltip={false}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        {t('sv.units.hint', { n: days })}
      </Typography.Paragraph>
    </div>
  );
}
