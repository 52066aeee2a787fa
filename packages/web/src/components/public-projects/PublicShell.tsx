import { Typography, theme } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { LangSwitch } from '../LangSwitch.tsx';

/**
 * The frame of the public projects pages: the citizen pages' title bar (app name, language
 * switch), but wider than the request forms so that a desktop shows the cards in columns.
 */
export function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();

  useEffect(() => {
    document.title = `${title} · ${t('appName')}`;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [t, title, lang]);

  return (
    <div style={{ minHeight: '100vh', background: token.colorBgLayout, overflowX: 'hidden' }}>
      <header style={{ background: token.colorPrimary, color: '#fff' }}>
        <div
          style={{
            maxWidth: 1200,
            margin: '0 auto',
            padding: '10px 8px 10px 16px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
          }}
        >
          <Link to="/" style={{ color: '#fff', minWidth: 0 }}>
            <div style={{ fontSize: 17, fontWeight: 600, lineHeight: 1.3 }}>{t('appName')}</div>
            <div style={{ fontSize: 12, opacity: 0.85 }}>{t('slogan')}</div>
          </Link>
          <LangSwitch dark />
        </div>
      </header>
      <main data-testid="public-projects" style={{ maxWidth: 1200, margin: '0 auto', padding: '16px 12px' }}>
        {children}
        <Typography.Paragraph type="secondary" style={{ marginTop: 24, textAlign: 'center', fontSize: 12 }}>
          {t('pub.projects.privacy')}
          <br />
          {t('hotlineNote')}
        </Typography.Paragraph>
      </main>
    </div>
  );
}
