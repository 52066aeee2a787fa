import { z } from 'zod';
import { caseTypes, channels, caseStatuses, replyOutcomes, satisfactionLevels } from '../case/vocabulary.ts';
import { categoryCodeSchema, idSchema, pageSizeSchema, phoneSchema, regionCodeSchema, textSchema } from './common.ts';

export const requesterSchema = z.strictObject({
  name: textSchema(50).optional(),
  phone: phoneSchema,
});

const caseFields = {
  type: z.enum(caseTypes),
  title: textSchema(100).optional(),
  content: textSchema(10_000),
  categoryCode: categoryCodeSchema.optional(),
  regionCode: regionCodeSchema,
  address: textSchema(200).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
  urgent: z.boolean().optional(),
  requester: requesterSchema,
};

function latLngTogether(v: { lat?: number | undefined; lng?: number | undefined }): boolean {
  return (v.lat === undefined) === (v.lng === undefined);
}

/** Staff registration (window, hotline, safety-net window, visits ...). */
export const createCaseSchema = z
  .strictObject({ ...caseFields, channel: z.enum(channels).optional() })
  .refine(latLngTogether, { message: 'lat and lng come together', path: ['lat'] });
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

/** Citizen submission: the channel is web or h5, nothing else. */
export const publicCreateCaseSchema = z
  .strictObject({ ...caseFields, channel: z.enum(['web', 'h5']).optional() })
  .refine(latLngTogether, { message: 'lat and lng come together', path: ['lat'] });
export type PublicCreateCaseInput = z.infer<typeof publicCreateCaseSchema>;

const note = textSchema(2000).optional();
const version = z.number().int().min(1);

export const actionBodySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('dispatch'), version, leadUnitId: idSchema, assistUnitIds: z.array(idSchema).max(20).optional(), note }),
  z.strictObject({ action: z.literal('sign'), version, note }),
  z.strictObject({ action: z.literal('return'), version, reason: textSchema(2000) }),
  z.strictObject({ action: z.literal('decideReturn'), version, approve: z.boolean(), note }),
  z.strictObject({ action: z.literal('requestExtension'), version, days: z.number().int().min(1).max(60), reason: textSchema(2000) }),
  z.strictObject({ action: z.literal('decideExtension'), version, approve: z.boolean(), note }),
  z
    .strictObject({ action: z.literal('reply'), version, outcome: z.enum(replyOutcomes), text: textSchema(10_000), policyBasis: textSchema(2000).optional() })
    .refine((v) => v.outcome !== 'explained' || v.policyBasis !== undefined, {
      message: 'an explained answer needs its policy basis',
      path: ['policyBasis'],
    }),
  z.strictObject({ action: z.literal('reviewReply'), version, approve: z.boolean(), note }),
  z.strictObject({ action: z.literal('followUp'), version, solved: z.boolean(), satisfaction: z.enum(satisfactionLevels), comment: textSchema(1000).optional() }),
  z.strictObject({ action: z.literal('reopen'), version, reason: textSchema(2000) }),
  z.strictObject({ action: z.literal('close'), version, reason: textSchema(2000) }),
  z.strictObject({ action: z.literal('merge'), version, masterId: idSchema }),
]);
export type ActionBody = z.infer<typeof actionBodySchema>;

export const dueFilters = ['near', 'overdue'] as const;

export const listCasesQuerySchema = z.strictObject({
  status: z.union([z.enum(caseStatuses), z.string().regex(/^[a-z_]+(,[a-z_]+)*$/)]).optional()
    .transform((v) => (v === undefined ? undefined : v.split(',')))
    .pipe(z.array(z.enum(caseStatuses)).optional()),
  unitId: idSchema.optional(),
  type: z.enum(caseTypes).optional(),
  channel: z.enum(channels).optional(),
  categoryCode: categoryCodeSchema.optional(),
  regionCode: regionCodeSchema.optional(),
  due: z.enum(dueFilters).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  q: z.string().trim().max(100).optional(),
  pageSize: pageSizeSchema,
  cursor: z.string().max(200).optional(),
});
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

export const trackQuerySchema = z.strictObject({
  phone: z.string().regex(/^\d{4}$/, 'the last 4 digits of the phone number'),
});

export const trackingNoSchema = z.string().regex(/^\d{6}-\d{4}-\d{6}$/, 'tracking number looks like 140802-2026-000123');

/** The citizen's own rating of the answer, from the tracking page. */
export const publicRateSchema = z.strictObject({
  phone: z.string().regex(/^\d{4}$/),
  solved: z.boolean(),
  satisfaction: z.enum(satisfactionLevels),
  comment: textSchema(1000).optional(),
});
