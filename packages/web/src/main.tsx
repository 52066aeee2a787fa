import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { SessionProvider } from './api/session.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { StaffLayout } from './layouts/StaffLayout.tsx';
import { SettingsPage } from './pages/admin/SettingsPage.tsx';
import { CitizenHome } from './pages/citizen/CitizenHome.tsx';
import { TrackPage } from './pages/citizen/TrackPage.tsx';
import { CaseDetailPage } from './pages/staff/CaseDetailPage.tsx';
import { CaseListPage } from './pages/staff/CaseListPage.tsx';
import { LoginPage } from './pages/staff/LoginPage.tsx';
import { RegisterCasePage } from './pages/staff/RegisterCasePage.tsx';
import { WorkbenchPage } from './pages/staff/WorkbenchPage.tsx';

function Root() {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#c0392b' } }}>
      <AntApp>
        <Routes>
          <Route path="/" element={<CitizenHome />} />
          <Route path="/track" element={<TrackPage />} />
          <Route
            element={
              <SessionProvider>
                <Outlet />
              </SessionProvider>
            }
          >
            <Route path="/admin/login" element={<LoginPage />} />
            <Route path="/admin" element={<StaffLayout />}>
              <Route index element={<WorkbenchPage />} />
              <Route path="cases" element={<CaseListPage />} />
              <Route path="cases/new" element={<RegisterCasePage />} />
              <Route path="cases/:id" element={<CaseDetailPage />} />
              <Route path="settings/*" element={<SettingsPage />} />
            </Route>
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <BrowserRouter>
        <Root />
      </BrowserRouter>
    </I18nProvider>
  </StrictMode>,
);
