import { z } from 'zod';
import { roles, type Role, type UnitKind } from '../case/vocabulary.ts';
import { idSchema, phoneSchema, textSchema } from './common.ts';

export const loginSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'contains control characters'),
  password: z.string().min(1).max(256),
  /** The second factor: a 6-digit TOTP code or a single-use recovery code (`abcde-fghij`). */
  totp: z.string().trim().min(1).max(32).optional(),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** The signed-in user changes their own password (POST /api/v1/me/password). */
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** A 6-digit code from the authenticator app. */
export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, '6 digits');
export const totpConfirmSchema = z.strictObject({ code: totpCodeSchema });
export const totpRemoveSchema = z.strictObject({ password: z.string().min(1).max(256) });
/** Starting an enrolment from a session older than 15 minutes needs the password (a stolen session must not bind its own authenticator). */
export const totpStartSchema = z
  .strictObject({ currentPassword: z.string().min(1).max(256).optional() })
  .describe('currentPassword: required more than 15 minutes after sign-in (not in the session sign-in opened only to enrol)');

export const usernameSchema = z.string().regex(/^[a-z][a-z0-9_.-]{1,31}$/, 'lower-case letters, digits, _ . -; 2 to 32 characters');

export const passwordSchema = z.string().min(10, 'at least 10 characters').max(256);

export const createUserSchema = z.strictObject({
  username: usernameSchema,
  displayName: textSchema(50),
  password: passwordSchema,
  phone: phoneSchema.optional(),
  roles: z.array(z.enum(roles)).min(1).max(roles.length),
  unitIds: z.array(idSchema).max(20).default([]),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

/** The signed-in staff member as the server knows them on every request: roles and unit memberships decide scope. */
export interface AuthUser {
  id: number;
  username: string;
  displayName: string;
  phone: string | null;
  roles: Role[];
  active: boolean;
  units: { id: number; name: string; regionCode: string; kind: UnitKind }[];
}

/** Roles that must sign in with a second factor (等保 level 3: administrators, auditors, inspectors). */
export const rolesRequiringTotp: readonly Role[] = ['admin', 'security_admin', 'auditor', 'inspector'];

export function rolesNeedTotp(userRoles: readonly Role[]): boolean {
  return userRoles.some((r) => rolesRequiringTotp.includes(r));
}
