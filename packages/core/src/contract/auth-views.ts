import { z } from 'zod';
import { roles, unitKinds } from '../case/vocabulary.ts';
import { timestampSchema } from './views-common.ts';

/** The signed-in staff member as the API shows them: roles and unit memberships decide what they see. */
export const meSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(roles)),
    units: z.array(z.object({ id: z.number().int(), name: z.string(), regionCode: z.string(), kind: z.enum(unitKinds) })),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

/** A sign-in: the token (also set as the HttpOnly session cookie), when it expires, and who signed in. */
export const loginResultSchema = z
  .object({
    token: z.string().describe('Send as `Authorization: Bearer <token>`; the web uses the session cookie instead'),
    expiresAt: timestampSchema,
    user: meSchema,
  })
  .meta({ id: 'LoginResult' });
export type LoginResult = z.infer<typeof loginResultSchema>;

/** Who is signed in, or null (never a 401). */
export const sessionViewSchema = z.object({ user: meSchema.nullable() });
export type SessionView = z.infer<typeof sessionViewSchema>;
