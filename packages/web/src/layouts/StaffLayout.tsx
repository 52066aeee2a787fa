import { NotificationBell } from '../components/NotificationBell.tsx';
import { regionRoles, registerRoles, unitRoles } from '@huiyin/core';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useSession } from '../api/session.tsx';
import { LangSwitch } from '../components/LangSwitch.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** Who reads the safety-net analysis (as the server decides). */
const analysisRoles: readonly string[] = ['supervisor', 'safety_net_officer', 'leader', 'admin'];
/** Who sees rectification notices: the units' own staff and the centre. */
const noticeRoles: readonly string[] = [...unitRoles, ...regionRoles].filter((r) => r !== 'grid_worker');
/** Who reads the supervision centre (督办中心), as the server decides. */
const supervisionRoles: readonly string[] = ['supervisor', 'dispatcher', 'leader', 'admin'];
/** Who works with livelihood matters and key projects (民生实事). */
const livelihoodRoles: readonly string[] = ['livelihood_officer', 'leader', 'supervisor', 'admin', 'clerk', 'grid_worker'];

/** The staff frame: side menu, user and language in the header, the page in the middle. */
export function StaffLayout() {
  const { t } = useI18n();
  const { me, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  // On a phone the menu folds away; the button in the header brings it back.
  const [collapsed, setCollapsed] = useState(false);
  const [narrow, setNarrow] = useState(false);
  if (me === undefined) return <Spin style={{ display: 'block', marginTop: 120 }} />;
  if (me === null) return <Navigate to={`/admin/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  const has = (roles: readonly string[]) => me.roles.some((r) => roles.includes(r));
  // The security admin and the auditor (三员) handle no citizen's request: no workbench, no cases.
  const officerOnly = me.roles.every((r) => r === 'security_admin' || r === 'auditor');
  if (officerOnly && location.pathname.replace(/\/+$/, '') === '/admin') {
    return <Navigate to={has(['auditor']) ? '/admin/audit' : '/admin/settings/users'} replace />;
  }
  const items = [
    ...(officerOnly ? [] : [{ key: '/admin', label: t('workbench') }]),
    ...(has(registerRoles) ? [{ key: '/admin/cases/new', label: t('nav.register') }] : []),
    ...(officerOnly ? [] : [{ key: '/admin/cases', label: t('cases') }]),
    ...(has(['unit_head']) ? [{ key: '/admin/consultations', label: t('queue.consultations') }] : []),
    ...(officerOnly ? [] : [{ key: '/admin/policies', label: t('nav.policies') }]),
    ...(has(supervisionRoles) ? [{ key: '/admin/supervision', label: t('nav.supervision') }] : []),
    ...(has(analysisRoles) ? [{ key: '/admin/safety-net', label: t('nav.safetyNet') }] : []),
    // A cadre (leader) lands on the own duty list (履职清单) from there.
    ...(has(livelihoodRoles) ? [{ key: '/admin/livelihood', label: t('nav.livelihood') }] : []),
    ...(has(noticeRoles) ? [{ key: '/admin/rectifications', label: t('nav.rectifications') }] : []),
    // Referrals exist for discipline inspectors alone.
    ...(has(['inspector']) ? [{ key: '/admin/referrals', label: t('nav.referrals') }] : []),
    ...(has(['admin', 'security_admin']) ? [{ key: '/admin/settings', label: t('settings') }] : []),
    ...(has(['auditor']) ? [{ key: '/admin/audit', label: t('nav.audit') }] : []),
    { key: '/admin/account', label: t('nav.account') },
  ];
  const selected = items
    .map((i) => i.key)
    .filter((k) => location.pathname === k || location.pathname.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        width={208}
        theme="dark"
        breakpoint="lg"
        collapsedWidth={0}
        collapsible
        collapsed={narrow && collapsed}
        trigger={null}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
      >
        <Typography.Title level={5} style={{ color: '#fff', padding: '20px 24px', margin: 0 }}>
          {t('appName')}
        </Typography.Title>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items}
          onClick={(e) => {
            void navigate(e.key);
            if (narrow) setCollapsed(true);
          }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'space-between',
            alignItems: 'center',
            paddingInline: narrow ? 12 : 24,
            gap: 8,
            ...(narrow ? { height: 'auto', minHeight: 64, lineHeight: 1.4, paddingBlock: 8 } : {}),
          }}
        >
          <span>
            {narrow && (
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => setCollapsed(!collapsed)}
                aria-label={t('nav.menu')}
              />
            )}
          </span>
          <Space wrap style={{ justifyContent: 'flex-end', lineHeight: 1.4 }}>
            <span style={narrow ? { fontSize: 12 } : undefined}>
              {me.displayName} · {me.units.map((u) => u.name).join('、')}
            </span>
            <NotificationBell />
            <LangSwitch />
            <Button onClick={() => void signOut()}>{t('signOut')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: narrow ? 8 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
