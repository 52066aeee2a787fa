import { Card, Col, DatePicker, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { formatHours } from '../../../components/safety-net/format.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { periodQuery, type Coordination } from './analysis-types.ts';
import { useApiQuery, keepPreviousData } from '../../../api/query.ts';

/** 部门协同: which units are called in together, how often, and how long their consultations take. */
export function CoordinationTab() {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const period = range ? periodQuery([range[0].startOf('day'), range[1].endOf('day')]) : '';
  const data = useApiQuery<Coordination>(['safety-net', 'coordination', period], `/api/v1/safety-net/coordination${period}`, {
    placeholderData: keepPreviousData,
  });
  const c = data.data;
  return (
    <>
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('sna.period')}</Typography.Text>
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)} allowClear />
      </Flex>
      {data.error && <LoadError error={data.error} onRetry={data.refetch} />}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('sna.consultations')} value={c?.consultations ?? '—'} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('sna.openConsultations')} value={c?.open ?? '—'} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('sna.pairs')}>
            <Table
              rowKey={(p) => p.units.map((u) => u.id).join('-')}
              size="small"
              loading={data.isFetching}
              dataSource={c?.pairs ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t('empty') }}
              columns={[
                {
                  title: t('sna.unitPair'),
                  dataIndex: 'units',
                  render: (us: Coordination['pairs'][number]['units']) => (
                    <Flex gap={4} wrap>
                      {us.map((u) => (
                        <Tag key={u.id}>{u.name}</Tag>
                      ))}
                    </Flex>
                  ),
                },
                { title: t('sna.together'), dataIndex: 'count', width: 100, align: 'right' },
                { title: t('sna.avgTime'), dataIndex: 'avgHours', width: 140, render: (h: number | null) => formatHours(h, t) },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('sna.perUnit')}>
            <Table
              rowKey={(u) => u.unit.id}
              size="small"
              loading={data.isFetching}
              dataSource={c?.units ?? []}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              locale={{ emptyText: t('empty') }}
              columns={[
                { title: t('list.unit'), dataIndex: ['unit', 'name'] },
                { title: t('sna.invitedTimes'), dataIndex: 'consultations', width: 100, align: 'right' },
                { title: t('sna.led'), dataIndex: 'led', width: 90, align: 'right' },
                { title: t('sna.avgTime'), dataIndex: 'avgHours', width: 140, render: (h: number | null) => formatHours(h, t) },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
