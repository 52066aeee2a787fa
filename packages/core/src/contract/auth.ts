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
});

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
