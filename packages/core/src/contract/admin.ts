import { z } from 'zod';
import { roles, unitKinds } from '../case/vocabulary.ts';
import { MAX_HOURS, MAX_WORKING_DAYS } from '../deadline/time-limit.ts';
import { passwordSchema, usernameSchema } from './auth.ts';
import { categoryCodeSchema, idSchema, pageSizeSchema, phoneSchema, regionCodeSchema, textSchema } from './common.ts';

/**
 * Requests of the admin pages (units, users and roles, categories, the routing catalog), shared
 * by the API and the web forms. Every body is a strict object: unknown fields are refused.
 */

/** At least one field of a partial update. */
function notEmpty(v: Record<string, unknown>): boolean {
  return Object.values(v).some((x) => x !== undefined);
}
const nothingToChange = { message: 'nothing to change' };

// ---- units ----------------------------------------------------------------------------------

export const unitNameSchema = textSchema(100);

export const createUnitSchema = z.strictObject({
  name: unitNameSchema,
  kind: z.enum(unitKinds),
  regionCode: regionCodeSchema,
  parentId: idSchema.nullable().optional(),
});
export type CreateUnitInput = z.infer<typeof createUnitSchema>;

/** Rename, change the kind, move under another parent (null: top level), deactivate or reactivate. */
export const updateUnitSchema = z
  .strictObject({
    name: unitNameSchema.optional(),
    kind: z.enum(unitKinds).optional(),
    parentId: idSchema.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine(notEmpty, nothingToChange);
export type UpdateUnitInput = z.infer<typeof updateUnitSchema>;

// ---- users ----------------------------------------------------------------------------------

export const displayNameSchema = textSchema(50);
export const roleListSchema = z.array(z.enum(roles)).min(1).max(roles.length);
/** An admin's users belong to at least one unit of the admin's regions (or no admin could manage them). */
export const unitIdListSchema = z.array(idSchema).min(1).max(20);
/** A staff member's e-mail address, where their notifications go (docs/NOTIFICATIONS.md). */
export const userEmailSchema = z.email().max(200);
/** The language of a staff member's notifications (null on the user: Chinese). */
export const userLangs = ['zh', 'en'] as const;
export const userLangSchema = z.enum(userLangs);
export type UserLang = z.infer<typeof userLangSchema>;

export const adminCreateUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
  phone: phoneSchema.optional(),
  email: userEmailSchema.optional(),
  lang: userLangSchema.optional(),
  roles: roleListSchema,
  unitIds: unitIdListSchema,
});
export type AdminCreateUserInput = z.infer<typeof adminCreateUserSchema>;

/**
 * Change the name, phone, e-mail, notification language (null clears each of these three),
 * roles, unit memberships; deactivate or reactivate.
 */
export const updateUserSchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    phone: phoneSchema.nullable().optional(),
    email: userEmailSchema.nullable().optional(),
    lang: userLangSchema.nullable().optional(),
    roles: roleListSchema.optional(),
    unitIds: unitIdListSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine(notEmpty, nothingToChange);
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/**
 * The security admin sets a new password (it must pass the password policy, and the user changes
 * it at the next sign-in); the user's sessions end.
 */
export const resetPasswordSchema = z.strictObject({ password: passwordSchema });

export const listUsersQuerySchema = z.strictObject({
  q: z.string().trim().max(64).optional(),
  unitId: idSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: pageSizeSchema,
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

// ---- categories -----------------------------------------------------------------------------

export const categoryNameZhSchema = textSchema(50);
export const categoryNameEnSchema = textSchema(100);

/** A subcategory's code starts with its parent's code and a dot (water -> water.outage). */
export const createCategorySchema = z
  .strictObject({
    code: categoryCodeSchema,
    parentCode: categoryCodeSchema.nullable().optional(),
    nameZh: categoryNameZhSchema,
    nameEn: categoryNameEnSchema,
  })
  .refine((c) => !c.parentCode || (c.code.startsWith(`${c.parentCode}.`) && c.code.length > c.parentCode.length + 1), {
    message: 'a subcategory code starts with its parent code and a dot',
    path: ['code'],
  });
export type CreateCategoryInput = z.infer<typeof createCategorySchema>;

export const updateCategorySchema = z
  .strictObject({
    nameZh: categoryNameZhSchema.optional(),
    nameEn: categoryNameEnSchema.optional(),
    active: z.boolean().optional(),
  })
  .refine(notEmpty, nothingToChange);
export type UpdateCategoryInput = z.infer<typeof updateCategorySchema>;

// ---- routing catalog ------------------------------------------------------------------------

/**
 * The region part of a routing rule, as a code prefix: 2 digits (province), 4 (city), 6
 * (county), 9 (township) or 12 (village). A case matches when its region code starts with it.
 */
export const routingPrefixSchema = z.string().regex(/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/, 'a region prefix has 2, 4, 6, 9 or 12 digits');

export const createRoutingRuleSchema = z.strictObject({
  categoryCode: categoryCodeSchema,
  regionPrefix: routingPrefixSchema,
  unitId: idSchema,
  /** Assisting units (协办单位), besides the lead unit. */
  assistUnitIds: z.array(idSchema).max(10).optional(),
  /** Working days to answer for cases dispatched by the rule (overrides the region's answer limit). */
  timeLimitDays: z.number().int().min(1).max(365).nullable().optional(),
});
export type CreateRoutingRuleInput = z.infer<typeof createRoutingRuleSchema>;

// ---- time limits (the web form; the API checks the whole policy with validateTimeLimitPolicyOverride) ----

export const workingDaysSchema = z.number().int().min(1).max(MAX_WORKING_DAYS);
export const limitHoursSchema = z.number().positive().max(MAX_HOURS);

/** Path parameter `:code` of a category. */
export const categoryCodeParamsSchema = z.strictObject({ code: categoryCodeSchema });
