import { Routes, Route } from 'react-router';

/** The livelihood section of the staff app (/admin/livelihood/*). */
export function LivelihoodRoutes() {
  return (
    <Routes>
      <Route index element={<div />} />
    </Routes>
  );
}
