import { Card, Result, Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../../api/session.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { MessageKey } from '../../../i18n/messages.ts';
import { BarriersTab } from './BarriersTab.tsx';
import { CoordinationTab } from './CoordinationTab.tsx';
import { GapsTab } from './GapsTab.tsx';
import { StatsTab } from './StatsTab.tsx';

/** Who reads the analysis (the server's analysisRoles). */
export const analysisRoles = ['supervisor', 'safety_net_officer', 'leader', 'admin'];

const tabs: { key: string; label: MessageKey }[] = [
  { key: 'stats', label: 'sna.tab.stats' },
  { key: 'gaps', label: 'sna.tab.gaps' },
  { key: 'coordination', label: 'sna.tab.coordination' },
  { key: 'barriers', label: 'sna.tab.barriers' },
];

/**
 * 办不成事分析: why matters fail at the windows, across cases. Statistics with charts, service
 * gaps (a matter failing again and again), which units must work together, and the ledger of
 * policy barriers; one tab per address.
 */
export function AnalysisPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (!me?.roles.some((r) => analysisRoles.includes(r))) return <Result status="403" title={t('sna.forbidden')} />;
  const current = tabs.find((x) => location.pathname.startsWith(`/admin/safety-net/${x.key}`))?.key ?? 'stats';
  return (
    <Card title={t('sna.title')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={current}
        onChange={(k) => navigate(`/admin/safety-net/${k}`)}
        items={tabs.map((x) => ({ key: x.key, label: t(x.label) }))}
      />
      <Routes>
        <Route index element={<Navigate to="/admin/safety-net/stats" replace />} />
        <Route path="stats" element={<StatsTab />} />
        <Route path="gaps" element={<GapsTab />} />
        <Route path="coordination" element={<CoordinationTab />} />
        <Route path="barriers" element={<BarriersTab />} />
        <Route path="*" element={<Navigate to="/admin/safety-net/stats" replace />} />
      </Routes>
    </Card>
  );
}
