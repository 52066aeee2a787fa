import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Result, Row, Segmented, Skeleton, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../api/session.tsx';
import { LoadError } from '../../../components/admin/LoadError.tsx';
import { formatTime, useI18n } from '../../../i18n/i18n.tsx';
import { DeadLetters } from './DeadLetters.tsx';
import { EscalationList } from './EscalationList.tsx';
import { EscalationRuleCard } from './EscalationRuleCard.tsx';
import { ConsultationLimitCard } from './ConsultationLimitCard.tsx';
import { RatingFlags } from './RatingFlags.tsx';
import { SupervisionTiles } from './SupervisionTiles.tsx';
import { UnitChart } from './UnitChart.tsx';
import { UnitTable } from './UnitTable.tsx';
import { supervisionRoles, windows, type SupervisionOverview } from './types.ts';
import { useApiQuery, keepPreviousData } from '../../../api/query.ts';

const DEFAULT_DAYS = 30;

/** The window from the address (`?days=7|30|90`), so a link keeps it. */
function windowOf(params: URLSearchParams): number {
  const d = Number(params.get('days'));
  return (windows as readonly number[]).includes(d) ? d : DEFAULT_DAYS;
}

/**
 * 督办中心: what is near due and overdue now, per unit, and what was urged, supervised, sent up
 * to the leaders, returned or rated suspiciously in the window; the latest escalations; for
 * admins the escalation rule and the notifications that could not be delivered.
 */
export function SupervisionPage() {
  const { t, lang } = useI18n();
  const { me } = useSession();
  const [params, setParams] = useSearchParams();
  const days = windowOf(params);
  const allowed = !!me?.roles.some((r) => supervisionRoles.includes(r));
  const overview = useApiQuery<SupervisionOverview>(['supervision', 'overview', days], `/api/v1/supervision/overview?days=${days}`, {
    enabled: allowed,
    placeholderData: keepPreviousData,
  });
  if (!allowed) return <Result status="403" title={t('sv.forbidden')} />;
  const isAdmin = !!me?.roles.includes('admin');
  const o = overview.data;

  function setDays(d: number) {
    const next = new URLSearchParams(params);
    if (d === DEFAULT_DAYS) next.delete('days');
    else next.set('days', String(d));
    setParams(next, { replace: true });
  }

  return (
    <Flex vertical gap={16} style={{ minWidth: 0 }}>
      <Card size="small" styles={{ body: { paddingBottom: 4 } }}>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('sv.title')}
          </Typography.Title>
          <Flex align="center" gap={8} wrap>
            <Segmented<number>
              value={days}
              onChange={setDays}
              options={windows.map((n) => ({ value: n, label: t('sv.window.days', { n }) }))}
              aria-label={t('sv.window')}
            />
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void overview.refetch()}
              loading={overview.isFetching && !!o}
              aria-label={t('sv.refresh')}
            />
          </Flex>
        </Flex>
        {overview.error && <LoadError error={overview.error} onRetry={overview.refetch} />}
        {!o && !overview.error && <Skeleton active paragraph={{ rows: 2 }} style={{ marginBottom: 16 }} />}
        {o && <SupervisionTiles overview={o} />}
        {o && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
            {t('sv.generatedAt', { time: formatTime(o.generatedAt, lang) })}
          </Typography.Paragraph>
        )}
      </Card>

      {o && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={o.units.some((u) => u.overdue + u.nearDue > 0) ? 15 : 24} style={{ minWidth: 0 }}>
            <Card size="small" title={t('sv.units.title')} style={{ height: '100%' }}>
              <UnitTable units={o.units} days={o.days} />
            </Card>
          </Col>
          {o.units.some((u) => u.overdue + u.nearDue > 0) && (
            <Col xs={24} xxl={9} style={{ minWidth: 0 }}>
              <Card size="small" title={t('sv.chart.title')} style={{ height: '100%' }} styles={{ body: { padding: 8 } }}>
                <UnitChart units={o.units} />
              </Card>
            </Col>
          )}
        </Row>
      )}

      {o && (
        <Card size="small" title={t('sv.esc.title')}>
          <EscalationList items={o.recentEscalations} />
        </Card>
      )}

      {o && <RatingFlags days={days} />}

      {isAdmin && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={7} style={{ minWidth: 0 }}>
            <Flex vertical gap={16}>
              <EscalationRuleCard />
              <ConsultationLimitCard />
            </Flex>
          </Col>
          <Col xs={24} xxl={17} style={{ minWidth: 0 }}>
            <DeadLetters />
          </Col>
        </Row>
      )}
    </Flex>
  );
}
