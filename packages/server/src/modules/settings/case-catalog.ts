import type { CaseCatalog } from '../cases/case-hooks.ts';
import { createCategoriesRepo } from './categories.repo.ts';

/** Categories and the routing catalog as the case service asks for them. */
export const caseCatalog: CaseCatalog = {
  categoryExists: (conn, code) => createCategoriesRepo(conn).exists(code),
  routeUnits: (conn, categoryCode, regionCode) => createCategoriesRepo(conn).route(categoryCode, regionCode),
  routes: (conn, categoryCode, regionCode) => createCategoriesRepo(conn).routes(categoryCode, regionCode),
};
