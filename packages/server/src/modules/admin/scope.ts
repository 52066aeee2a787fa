/** The admin's scope lives with the regions it is made of; this path stays for the modules that import it from here. */
export { adminScopeOf, type AdminScope } from '../regions/admin-scope.ts';
