import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { AdminPage } from './pages/AdminPage.tsx';
import { TrackPage } from './pages/TrackPage.tsx';

function Root() {
  const { lang } = useI18n();
  const isAdmin = window.location.pathname.startsWith('/admin');
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#c0392b' } }}>
      <AntApp>{isAdmin ? <AdminPage /> : <TrackPage />}</AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <Root />
    </I18nProvider>
  </StrictMode>,
);
