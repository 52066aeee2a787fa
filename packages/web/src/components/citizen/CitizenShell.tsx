import { FormOutlined, SearchOutlined } from '@ant-design/icons';
import { theme } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { SiteFrame } from '../SiteFrame.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/messages.ts';

export type CitizenView = 'home' | 'submit' | 'track';

/**
 * The frame of every citizen page (phone first, centred on a desktop): the title bar with the
 * language switch, the two big entries (submit a request, track one) and the staff link.
 */
export function CitizenShell({ view, title, children }: { view: CitizenView; title?: MessageKey; children: ReactNode }) {
  const { t } = useI18n();
  const { token } = theme.useToken();

  const entry = (to: string, active: boolean, icon: ReactNode, label: MessageKey, hint: MessageKey) => (
    <Link
      to={to}
      aria-current={active ? 'page' : undefined}
      style={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 4,
        padding: view === 'home' ? '20px 8px' : '10px 8px',
        borderRadius: token.borderRadiusLG,
        border: `1px solid ${active ? token.colorPrimary : token.colorBorderSecondary}`,
        background: active ? token.colorPrimary : token.colorBgContainer,
        color: active ? '#fff' : token.colorText,
        boxShadow: token.boxShadowTertiary,
        textAlign: 'center',
        minHeight: 48,
      }}
    >
      <span style={{ fontSize: view === 'home' ? 32 : 20, color: active ? '#fff' : token.colorPrimary }} aria-hidden>
        {icon}
      </span>
      <span style={{ fontSize: view === 'home' ? 18 : 16, fontWeight: 600 }}>{t(label)}</span>
      {view === 'home' && <span style={{ fontSize: 12, color: token.colorTextSecondary }}>{t(hint)}</span>}
    </Link>
  );

  return (
    <SiteFrame
      docTitle={title ? t(title) : undefined}
      width={640}
      padding={16}
      footer={
        <>
          {t('hotlineNote')}
          <br />
          <Link to="/admin">{t('staffPortal')}</Link>
        </>
      }
    >
      <nav aria-label={t('citizenNav')} style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 12, marginBottom: 16 }}>
        {entry('/?view=submit', view === 'submit', <FormOutlined />, 'submitRequest', 'submitRequestHint')}
        {entry('/track', view === 'track', <SearchOutlined />, 'track', 'trackHint')}
      </nav>
      {children}
    </SiteFrame>
  );
}
