import { Typography, theme } from 'antd';
import { useEffect, type CSSProperties, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { LangSwitch } from './LangSwitch.tsx';

/**
 * The frame of the public pages (citizen requests, published projects): the title bar with the
 * app name and the language switch, the page in a centred column of `width`, and a small print
 * below it. Sets the document's title and language.
 */
export function SiteFrame({
  docTitle,
  width,
  padding,
  frameStyle,
  mainProps,
  footer,
  children,
}: {
  /** The page's part of the document title (· 惠音 follows); none: the app name alone. */
  docTitle: string | undefined;
  width: number;
  /** The main column's padding. */
  padding: CSSProperties['padding'];
  frameStyle?: CSSProperties;
  mainProps?: Record<`data-${string}`, string>;
  footer: ReactNode;
  children: ReactNode;
}) {
  const { t, lang } = useI18n();
  const { token } = theme.useToken();

  useEffect(() => {
    document.title = docTitle !== undefined ? `${docTitle} · ${t('appName')}` : t('appName');
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [t, docTitle, lang]);

  return (
    <div style={{ minHeight: '100vh', background: token.colorBgLayout, ...frameStyle }}>
      <header style={{ background: token.colorPrimary, color: '#fff' }}>
        <div
          style={{
            maxWidth: width,
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
      <main {...mainProps} style={{ maxWidth: width, margin: '0 auto', padding }}>
        {children}
        <Typography.Paragraph type="secondary" style={{ marginTop: 24, textAlign: 'center', fontSize: 12 }}>
          {footer}
        </Typography.Paragraph>
      </main>
    </div>
  );
}
