import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, StrictMode, Suspense } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { queryClient } from './api/query.ts';
import { SessionProvider } from './api/session.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { CitizenHome } from './pages/citizen/CitizenHome.tsx';
import { TrackPage } from './pages/citizen/TrackPage.tsx';

// Citizens on a phone load only their pages; the workbench and the admin pages load on demand.
const StaffLayout = lazy(() => import('./layouts/StaffLayout.tsx').then((m) => ({ default: m.StaffLayout })));
const SettingsPage = lazy(() => import('./pages/admin/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })));
const CaseDetailPage = lazy(() => import('./pages/staff/CaseDetailPage.tsx').then((m) => ({ default: m.CaseDetailPage })));
const CaseListPage = lazy(() => import('./pages/staff/CaseListPage.tsx').then((m) => ({ default: m.CaseListPage })));
const LoginPage = lazy(() => import('./pages/staff/LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
const RegisterCasePage = lazy(() => import('./pages/staff/RegisterCasePage.tsx').then((m) => ({ default: m.RegisterCasePage })));
const PolicyLibraryPage = lazy(() => import('./pages/staff/PolicyLibraryPage.tsx').then((m) => ({ default: m.PolicyLibraryPage })));
const AnalysisPage = lazy(() => import('./pages/staff/safety-net/AnalysisPage.tsx').then((m) => ({ default: m.AnalysisPage })));
const ReferralsPage = lazy(() => import('./pages/staff/safety-net/ReferralsPage.tsx').then((m) => ({ default: m.ReferralsPage })));
const RectificationsPage = lazy(() =>
  import('./pages/staff/safety-net/RectificationsPage.tsx').then((m) => ({ default: m.RectificationsPage })),
);
const ConsultationsPage = lazy(() =>
  import('./pages/staff/safety-net/ConsultationsPage.tsx').then((m) => ({ default: m.ConsultationsPage })),
);
const LivelihoodRoutes = lazy(() => import('./pages/staff/livelihood/LivelihoodRoutes.tsx').then((m) => ({ default: m.LivelihoodRoutes })));
const FollowUpPage = lazy(() => import('./pages/citizen/FollowUpPage.tsx').then((m) => ({ default: m.FollowUpPage })));
const PublicProjectsPage = lazy(() => import('./pages/citizen/PublicProjectsPage.tsx').then((m) => ({ default: m.PublicProjectsPage })));
const SupervisionPage = lazy(() => import('./pages/staff/supervision/SupervisionPage.tsx').then((m) => ({ default: m.SupervisionPage })));
const AccountSecurityPage = lazy(() => import('./pages/staff/AccountSecurityPage.tsx').then((m) => ({ default: m.AccountSecurityPage })));
const AuditLogPage = lazy(() => import('./pages/admin/AuditLogPage.tsx').then((m) => ({ default: m.AuditLogPage })));
const WorkbenchPage = lazy(() => import('./pages/staff/WorkbenchPage.tsx').then((m) => ({ default: m.WorkbenchPage })));

function Root() {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { colorPrimary: '#c0392b' } }}>
      <AntApp>
        <Suspense fallback={<Spin style={{ display: 'block', marginTop: 120 }} />}>
          <Routes>
            <Route path="/" element={<CitizenHome />} />
            <Route path="/track" element={<TrackPage />} />
            <Route path="/f/:token" element={<FollowUpPage />} />
            <Route path="/projects" element={<PublicProjectsPage />} />
            <Route path="/projects/:regionCode" element={<PublicProjectsPage />} />
            <Route path="/projects/:regionCode/:projectId" element={<PublicProjectsPage />} />
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
                <Route path="policies" element={<PolicyLibraryPage />} />
                <Route path="safety-net/*" element={<AnalysisPage />} />
                <Route path="referrals" element={<ReferralsPage />} />
                <Route path="rectifications" element={<RectificationsPage />} />
                <Route path="consultations" element={<ConsultationsPage />} />
                <Route path="livelihood/*" element={<LivelihoodRoutes />} />
                <Route path="supervision" element={<SupervisionPage />} />
                <Route path="settings/*" element={<SettingsPage />} />
                <Route path="account" element={<AccountSecurityPage />} />
                <Route path="audit" element={<AuditLogPage />} />
              </Route>
            </Route>
          </Routes>
        </Suspense>
      </AntApp>
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <Root />
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
