import { Card, Col, DatePicker, Empty, Flex, Row, Statistic, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState, type ReactNode } from 'react';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { EChart } from '../../../components/charts/EChart.tsx';
import { formatMinutes } from '../../../components/safety-net/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { periodQuery, type Analysis } from './analysis-types.ts';
import { useApiQuery, keepPreviousData } from '../../../api/query.ts';

const causeColours = { policy_barrier: '#fa8c16', coordination_needed: '#1677ff', staff_conduct: '#cf1322' };
const bucketKeys: Record<string, MessageKey> = {
  '≤2h': 'sna.bucket.2h',
  '≤1d': 'sna.bucket.1d',
  '≤2d': 'sna.bucket.2d',
  '≤5d': 'sna.bucket.5d',
  '>5d': 'sna.bucket.more',
};
const font = { fontFamily: '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif' };

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} styles={{ body: { padding: 8 } }}>
      {children}
    </Card>
  );
}

/** Counts, causes, matters, units of origin, months and the time to get a matter done, as charts. */
export function StatsTab() {
  const { t, lang } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const period = range ? periodQuery([range[0].startOf('day'), range[1].endOf('day')]) : '';
  const data = useApiQuery<Analysis>(['safety-net', 'analysis', period], `/api/v1/safety-net/analysis${period}`, {
    placeholderData: keepPreviousData,
  });
  const a = data.data;

  const options = useMemo(() => {
    if (!a) return null;
    const base = { textStyle: font, tooltip: { trigger: 'axis' as const } };
    const pieLabel = (p: { value?: unknown; percent?: number }) =>
      lang === 'zh' ? `${String(p.value)}（${Math.round(p.percent ?? 0)}%）` : `${String(p.value)} (${Math.round(p.percent ?? 0)}%)`;
    const cause: EChartsCoreOption = {
      textStyle: font,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['38%', '68%'],
          center: ['50%', '45%'],
          label: { formatter: pieLabel },
          // Empty slices would only print "0 (0%)" labels.
          data: (Object.keys(causeColours) as (keyof typeof causeColours)[])
            .map((k) => ({ name: t(`sn.cause.${k}` as MessageKey), value: a.byCause[k], itemStyle: { color: causeColours[k] } }))
            .filter((d) => d.value > 0),
        },
      ],
    };
    const matters = a.byMatter.slice(0, 10).reverse();
    const byMatter: EChartsCoreOption = {
      ...base,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 32, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: matters.map((m) => m.matterName), axisLabel: { width: 140, overflow: 'truncate' } },
      series: (['done', 'cannot', 'open'] as const).map((k) => ({
        name: t(`sna.outcome.${k}` as MessageKey),
        type: 'bar',
        stack: 'all',
        barMaxWidth: 28,
        data: matters.map((m) => m[k]),
        itemStyle: { color: k === 'done' ? '#52c41a' : k === 'cannot' ? '#fa8c16' : '#bfbfbf' },
      })),
    };
    const units = a.byOriginUnit.slice(0, 10);
    const byUnit: EChartsCoreOption = {
      ...base,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
      xAxis: {
        type: 'category',
        data: units.map((u) => u.unit?.name ?? t('sna.unknownUnit')),
        axisLabel: { interval: 0, rotate: units.length > 4 ? 30 : 0, width: 120, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('sna.failures'), type: 'bar', barMaxWidth: 36, data: units.map((u) => u.count), itemStyle: { color: '#c0392b' } },
        {
          name: t('sn.cause.staff_conduct'),
          type: 'bar',
          barMaxWidth: 36,
          data: units.map((u) => u.staffConduct),
          itemStyle: { color: '#faad14' },
        },
      ],
    };
    const byMonth: EChartsCoreOption = {
      ...base,
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', boundaryGap: false, data: a.byMonth.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('sna.cases'),
          type: 'line',
          areaStyle: { opacity: 0.15 },
          data: a.byMonth.map((m) => m.count),
          itemStyle: { color: '#c0392b' },
        },
      ],
    };
    const buckets = a.timeToDone.buckets;
    const timeToDone: EChartsCoreOption = {
      ...base,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: buckets.map((b) => (bucketKeys[b.label] ? t(bucketKeys[b.label]!) : b.label)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('sna.cases'), type: 'bar', barMaxWidth: 48, data: buckets.map((b) => b.count), itemStyle: { color: '#52c41a' } }],
    };
    const outcome: EChartsCoreOption = {
      textStyle: font,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: '65%',
          center: ['50%', '45%'],
          label: { formatter: pieLabel },
          data: (['done', 'cannot', 'open'] as const)
            .map((k) => ({
              name: t(`sna.outcome.${k}` as MessageKey),
              value: a.byOutcome[k],
              itemStyle: { color: k === 'done' ? '#52c41a' : k === 'cannot' ? '#fa8c16' : '#bfbfbf' },
            }))
            .filter((d) => d.value > 0),
        },
      ],
    };
    return { cause, outcome, byMatter, byUnit, byMonth, timeToDone };
  }, [a, t, lang]);

  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('sna.period')}</Typography.Text>
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} allowClear />
        {a?.from && a.to && !range && (
          <Typography.Text type="secondary">{t('sna.defaultPeriod', { from: a.from.slice(0, 10), to: a.to.slice(0, 10) })}</Typography.Text>
        )}
      </Flex>
      {data.error && <LoadError error={data.error} onRetry={data.refetch} />}
      {a && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={t('sna.total')} value={a.total} />
            </Card>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={t('sna.outcome.done')} value={a.byOutcome.done} styles={{ content: { color: '#389e0d' } }} />
            </Card>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={t('sna.outcome.cannot')} value={a.byOutcome.cannot} styles={{ content: { color: '#d46b08' } }} />
            </Card>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={t('sna.outcome.open')} value={a.byOutcome.open} />
            </Card>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={t('sna.median')} value={formatMinutes(a.timeToDone.medianMinutes, t)} />
            </Card>
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={t('sna.conduct')} value={`${a.byConduct.misconduct} / ${a.byConduct.subjective}`} />
            </Card>
          </Col>
        </Row>
      )}
      {a && a.total === 0 && <Empty description={t('sna.noCases')} />}
      {options && a && a.total > 0 && (
        <Row gutter={[16, 16]} data-testid="analysis-charts">
          <Col xs={24} lg={10}>
            <ChartCard title={t('sna.chart.cause')}>
              <EChart option={options.cause} label={t('sna.chart.cause')} />
            </ChartCard>
          </Col>
          <Col xs={24} lg={14}>
            <ChartCard title={t('sna.chart.matter')}>
              <EChart option={options.byMatter} label={t('sna.chart.matter')} />
            </ChartCard>
          </Col>
          <Col xs={24} lg={12}>
            <ChartCard title={t('sna.chart.unit')}>
              <EChart option={options.byUnit} label={t('sna.chart.unit')} />
            </ChartCard>
          </Col>
          <Col xs={24} lg={12}>
            <ChartCard title={t('sna.chart.month')}>
              <EChart option={options.byMonth} label={t('sna.chart.month')} />
            </ChartCard>
          </Col>
          <Col xs={24} lg={10}>
            <ChartCard title={t('sna.chart.outcome')}>
              <EChart option={options.outcome} label={t('sna.chart.outcome')} height={282} />
            </ChartCard>
          </Col>
          <Col xs={24} lg={14}>
            <ChartCard title={t('sna.chart.timeToDone')}>
              <EChart option={options.timeToDone} label={t('sna.chart.timeToDone')} height={260} />
              <Typography.Text type="secondary" style={{ display: 'block', padding: '0 8px 4px' }}>
                {t('sna.timeToDoneNote', {
                  n: a.timeToDone.count,
                  median: formatMinutes(a.timeToDone.medianMinutes, t),
                  p90: formatMinutes(a.timeToDone.p90Minutes, t),
                })}
              </Typography.Text>
            </ChartCard>
          </Col>
        </Row>
      )}
    </>
  );
}
