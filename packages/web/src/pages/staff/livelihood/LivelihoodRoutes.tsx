import { Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { SectionTabs } from './components/SectionTabs.tsx';
import { DutyPage } from './DutyPage.tsx';
import { useLvRoles } from './lv-api.ts';
import { DuplicatesPage } from './DuplicatesPage.tsx';
import { ListPage } from './ListPage.tsx';
import { MattersPage } from './MattersPage.tsx';
import { OverviewPage } from './OverviewPage.tsx';
import { ProjectPage } from './ProjectPage.tsx';

function WithTabs() {
  return (
    <>
      <SectionTabs />
      <Outlet />
    </>
  );
}

/** A cadre coming from the menu lands on the own duty list; the lists tab (with ?region=) still shows the lists. */
function Landing() {
  const { cadreOnly } = useLvRoles();
  const { search } = useLocation();
  return cadreOnly && !search ? <Navigate to="duty" replace /> : <OverviewPage />;
}

/** The livelihood section of the staff app (/admin/livelihood/*). */
export function LivelihoodRoutes() {
  return (
    <Routes>
      <Route element={<WithTabs />}>
        <Route index element={<Landing />} />
        <Route path="matters" element={<MattersPage />} />
        <Route path="duplicates" element={<DuplicatesPage />} />
        <Route path="duty" element={<DutyPage />} />
      </Route>
      <Route path="lists/:id" element={<ListPage />} />
      <Route path="projects/:id" element={<ProjectPage />} />
      <Route path="*" element={<Navigate to="/admin/livelihood" replace />} />
    </Routes>
  );
}
