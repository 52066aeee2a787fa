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
    passwordChangeRequired: z
      .boolean()
      .describe('The password must be changed first: until then only POST /api/v1/me/password, sign-out and /auth/session work'),
    totpEnrolmentRequired: z
      .boolean()
      .describe('The role needs a second factor: until it is enrolled only the /api/v1/me/totp routes, sign-out and /auth/session work'),
  })
  .meta({ id: 'LoginResult' });
export type LoginResult = z.infer<typeof loginResultSchema>;

/** Who is signed in, or null (never a 401). */
export const sessionViewSchema = z.object({
  user: meSchema.nullable(),
  /** What the session may do until the user has changed the password or enrolled the second factor. */
  restricted: z.enum(['password', 'totp']).nullable().optional(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** The signed-in user's own security settings (GET /api/v1/me/security). */
export const mySecuritySchema = z
  .object({
    totpEnabled: z.boolean(),
    /** The roles need a second factor (and the account is not a demo account in demo mode). */
    totpRequired: z.boolean(),
    passwordChangedAt: timestampSchema.nullable(),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'MySecurity' });
export type MySecurity = z.infer<typeof mySecuritySchema>;

/** The start of a TOTP enrolment: the secret, as an otpauth:// URI and as a QR code image. */
export const totpEnrolmentSchema = z
  .object({
    secret: z.string().describe('Base32, for typing into an authenticator app'),
    otpauthUri: z.string(),
    qrDataUrl: z.string().describe('data:image/png;base64,… of the otpauth URI'),
  })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;

/** Ten single-use recovery codes, shown once at enrolment (stored hashed). */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'RecoveryCodes' });
export type RecoveryCodes = z.infer<typeof recoveryCodesSchema>;

/** One of the signed-in user's sessions. */
export const mySessionSchema = z.object({
  id: z.number().int(),
  createdAt: timestampSchema,
  lastSeenAt: timestampSchema.nullable(),
  expiresAt: timestampSchema,
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const mySessionListSchema = z.object({ items: z.array(mySessionSchema) }).meta({ id: 'MySessions' });
export type MySession = z.infer<typeof mySessionSchema>;
export type MySessionList = z.infer<typeof mySessionListSchema>;
