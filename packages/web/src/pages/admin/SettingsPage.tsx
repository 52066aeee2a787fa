import { Card, Result, Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { CalendarPage } from './CalendarPage.tsx';
import { CatalogPage } from './CatalogPage.tsx';
import { TimeLimitsPage } from './TimeLimitsPage.tsx';
import { UnitsPage } from './UnitsPage.tsx';
import { UsersPage } from './UsersPage.tsx';

const tabs: { key: string; label: MessageKey }[] = [
  { key: 'units', label: 'admin.tab.units' },
  { key: 'users', label: 'admin.tab.users' },
  { key: 'catalog', label: 'admin.tab.catalog' },
  { key: 'time-limits', label: 'admin.tab.timeLimits' },
  { key: 'calendar', label: 'admin.tab.calendar' },
];

/** Admin settings: units, users and roles, categories and routing, time limits, holiday calendar; one tab per address. */
export function SettingsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  if (!me?.roles.includes('admin')) return <Result status="403" title={t('admin.forbidden')} />;
  const current = tabs.find((x) => location.pathname.startsWith(`/admin/settings/${x.key}`))?.key ?? 'units';
  return (
    <Card title={t('settings')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={current}
        onChange={(k) => navigate(`/admin/settings/${k}`)}
        items={tabs.map((x) => ({ key: x.key, label: t(x.label) }))}
      />
      <Routes>
        <Route index element={<Navigate to="/admin/settings/units" replace />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="catalog" element={<CatalogPage />} />
        <Route path="time-limits" element={<TimeLimitsPage />} />
        <Route path="calendar" element={<CalendarPage />} />
        <Route path="*" element={<Navigate to="/admin/settings/units" replace />} />
      </Routes>
    </Card>
  );
}
