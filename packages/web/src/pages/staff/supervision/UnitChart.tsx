import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { EChart } from '../../../components/charts/EChart.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { UnitOverview } from './types.ts';

const font = { fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' };
/** The chart shows the units with the most late cases; the table has them all. */
const TOP = 10;

/** The stacked bars: overdue red, near the deadline orange. */
const late = [
  { key: 'overdue', name: 'sv.tile.overdue', color: '#cf1322' },
  { key: 'nearDue', name: 'sv.tile.nearDue', color: '#fa8c16' },
] as const;

/** Overdue and near-due cases per unit as stacked horizontal bars (long unit names read well). */
export function UnitChart({ units }: { units: UnitOverview[] }) {
  const { t } = useI18n();
  const shown = useMemo(
    () =>
      units
        .filter((u) => u.overdue + u.nearDue > 0)
        .sort((a, b) => b.overdue - a.overdue || b.nearDue - a.nearDue)
        .slice(0, TOP)
        // The category axis draws its first entry at the bottom.
        .reverse(),
    [units],
  );
  const option = useMemo<EChartsCoreOption>(
    () => ({
      textStyle: font,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 32, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: shown.map((u) => (u.unitId === null ? t('sv.units.noUnit') : (u.unitName ?? `#${u.unitId}`))),
        axisLabel: { width: 120, overflow: 'truncate' },
      },
      series: late.map(({ key, name, color }) => ({
        name: t(name),
        type: 'bar',
        stack: 'late',
        barMaxWidth: 22,
        data: shown.map((u) => u[key]),
        itemStyle: { color },
      })),
    }),
    [shown, t],
  );
  if (shown.length === 0) return null;
  return <EChart option={option} label={t('sv.chart.label')} height={Math.max(160, 56 + shown.length * 30)} />;
}
