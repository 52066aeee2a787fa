import type { Role } from '@huiyin/core';
import { Card, Result, Tabs } from 'antd';
import type { JSX } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';
import { ApiKeysPage } from './ApiKeysPage.tsx';
import { CalendarPage } from './CalendarPage.tsx';
import { CatalogPage } from './CatalogPage.tsx';
import { TimeLimitsPage } from './TimeLimitsPage.tsx';
import { UnitsPage } from './UnitsPage.tsx';
import { UsersPage } from './UsersPage.tsx';

/** 三员分立: the system admin's tabs, and the security admin's. */
const tabs: { key: string; label: MessageKey; role: Role }[] = [
  { key: 'units', label: 'admin.tab.units', role: 'admin' },
  { key: 'users', label: 'admin.tab.users', role: 'security_admin' },
  { key: 'catalog', label: 'admin.tab.catalog', role: 'admin' },
  { key: 'time-limits', label: 'admin.tab.timeLimits', role: 'admin' },
  { key: 'calendar', label: 'admin.tab.calendar', role: 'admin' },
  { key: 'api-keys', label: 'apikeys.tab', role: 'admin' },
];

const pages: Record<string, JSX.Element> = {
  units: <UnitsPage />,
  users: <UsersPage />,
  catalog: <CatalogPage />,
  'time-limits': <TimeLimitsPage />,
  calendar: <CalendarPage />,
  'api-keys': <ApiKeysPage />,
};

/**
 * Settings, one tab per address, by role (三员分立): the system admin sees units, categories and
 * routing, time limits and the holiday calendar; the security admin sees users and roles.
 */
export function SettingsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const mine = tabs.filter((x) => me?.roles.includes(x.role));
  const first = mine[0];
  if (!first) return <Result status="403" title={t('admin.forbidden')} />;
  const current = mine.find((x) => location.pathname.startsWith(`/admin/settings/${x.key}`))?.key ?? first.key;
  return (
    <Card title={t('settings')} styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        activeKey={current}
        onChange={(k) => navigate(`/admin/settings/${k}`)}
        items={mine.map((x) => ({ key: x.key, label: t(x.label) }))}
      />
      <Routes>
        <Route index element={<Navigate to={`/admin/settings/${first.key}`} replace />} />
        {mine.map((x) => (
          <Route key={x.key} path={x.key} element={pages[x.key]} />
        ))}
        <Route path="*" element={<Navigate to={`/admin/settings/${first.key}`} replace />} />
      </Routes>
    </Card>
  );
}
