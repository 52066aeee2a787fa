import { registerRoles, type Role } from '@huiyin/core';
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../api/session.tsx';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** The staff frame: side menu, user and language in the header, the page in the middle. */
export function StaffLayout() {
  const { t } = useI18n();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  if (me === undefined) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (me === null) return <Navigate to="/admin/login" replace />;
  const items = [
    { key: '/admin', label: t('workbench') },
    ...(me.roles.some((r) => registerRoles.includes(r as Role)) ? [{ key: '/admin/cases/new', label: t('nav.register') }] : []),
    { key: '/admin/cases', label: t('cases') },
    ...(me.roles.includes('admin') ? [{ key: '/admin/settings', label: t('settings') }] : []),
  ];
  const selected = items
    .map((i) => i.key)
    .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} theme="dark">
        <Typography.Title level={5} style={{ color: '#fff', padding: '20px 24px', margin: 0 }}>
          {t('appName')}
        </Typography.Title>
        <Menu theme="dark" mode="inline" selectedKeys={selected ? [selected] : []} items={items} onClick={(e) => navigate(e.key)} />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', paddingInline: 24 }}>
          <Space>
            <span>
              {me.displayName} · {me.units.map((u) => u.name).join('、')}
            </span>
            <LangSwitch />
            <Button onClick={() => void signOut()}>{t('signOut')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
