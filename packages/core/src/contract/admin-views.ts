import { z } from 'zod';
import { roles, unitKinds } from '../case/vocabulary.ts';
import { userLangs } from './admin.ts';
import { regionSchema } from './region-views.ts';
import { timestampSchema } from './views-common.ts';

/** What the admin API sends about units and staff accounts (categories and the routing catalog: settings-views.ts). */

// ---- units ----------------------------------------------------------------------------------

const adminUnitFields = {
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(unitKinds),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  parentId: z.number().int().nullable(),
  active: z.boolean(),
  memberCount: z.number().int().describe('Active users who are members'),
};

/** A unit as the admin pages see it: active or not, with its region's name and live member count. */
export const adminUnitSchema = z.object(adminUnitFields).meta({ id: 'AdminUnit' });
export type AdminUnit = z.infer<typeof adminUnitSchema>;

/** A unit in the tree of the admin's units, with its sub-units. */
export interface AdminUnitNode extends AdminUnit {
  children: AdminUnitNode[];
}
export const adminUnitNodeSchema: z.ZodType<AdminUnitNode> = z
  .object({
    ...adminUnitFields,
    get children() {
      return z.array(adminUnitNodeSchema);
    },
  })
  .meta({ id: 'AdminUnitNode' });

/** The units of the admin's regions as a forest: a unit whose parent lies outside is a root. */
export const adminUnitTreeSchema = z.object({ items: z.array(adminUnitNodeSchema) });

/** A changed unit, and how many routing rules its deactivation took out of the catalog. */
export const adminUnitUpdatedSchema = adminUnitSchema.extend({ routesRemoved: z.number().int() });
export type AdminUnitUpdated = z.infer<typeof adminUnitUpdatedSchema>;

/** The admin's regions down to townships, for pickers. */
export const adminRegionListSchema = z.object({ items: z.array(regionSchema) });

// ---- users ----------------------------------------------------------------------------------

/** A staff account as the admin API returns it. */
export const adminUserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable().describe('Where the user’s notification e-mails go (null: none)'),
    lang: z.enum(userLangs).nullable().describe('The language of the user’s notifications (null: Chinese)'),
    roles: z.array(z.enum(roles)),
    active: z.boolean(),
    createdAt: timestampSchema,
    lockedUntil: timestampSchema
      .nullable()
      .describe('Locked after failed sign-ins until then (null: not locked); a security admin may unlock'),
    totpEnabled: z.boolean().describe('The account signs in with a second factor (TOTP)'),
    mustChangePassword: z.boolean().describe('The password was set by a security admin: the user changes it at the next sign-in'),
    units: z.array(
      z.object({ id: z.number().int(), name: z.string(), regionCode: z.string(), kind: z.enum(unitKinds), active: z.boolean() }),
    ),
  })
  .meta({ id: 'AdminUser' });
export type AdminUser = z.infer<typeof adminUserSchema>;

/** A changed account, and how many of its sessions the change ended. */
export const adminUserUpdatedSchema = adminUserSchema.extend({ sessionsEnded: z.number().int() });
export type AdminUserUpdated = z.infer<typeof adminUserUpdatedSchema>;

/** One page of the admin's accounts (page numbers: the list is small and filtered). */
export const adminUserPageSchema = z.object({
  items: z.array(adminUserSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminUserPage = z.infer<typeof adminUserPageSchema>;

/** Every session of an account ended by a security admin. */
export const adminSessionsEndedSchema = z.object({ sessionsEnded: z.number().int() });
export type AdminSessionsEnded = z.infer<typeof adminSessionsEndedSchema>;

/** A new password set: the account and how many sessions ended. */
export const passwordResetSchema = z.object({ id: z.number().int(), sessionsEnded: z.number().int() });
export type PasswordReset = z.infer<typeof passwordResetSchema>;
