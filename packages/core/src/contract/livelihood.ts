import { z } from 'zod';
import { listStatuses, matterStatuses, originatorKinds, projectStatuses } from '../livelihood/vocabulary.ts';
import { idSchema, pageSizeSchema, phoneSchema, regionCodeSchema, textSchema } from './common.ts';

/** Inputs of livelihood matters and key projects (the API contract; the views are in livelihood-views.ts). */

const isoDate = z.iso.date();
export const livelihoodAreaCodeSchema = z.string().regex(/^[a-z0-9_]{1,40}$/, 'unknown area code format');

/** Who raised a matter. A person needs a phone; a household an address or a phone; a case its id. */
export const originatorInputSchema = z
  .strictObject({
    kind: z.enum(originatorKinds),
    /** The person, the head of the household (户主) or the enterprise. */
    name: textSchema(100).optional(),
    phone: phoneSchema.optional(),
    address: textSchema(200).optional(),
    /** 统一社会信用代码 of an enterprise. */
    creditCode: z
      .string()
      .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'not an 18-character unified social credit code')
      .optional(),
    caseId: idSchema.optional(),
  })
  .superRefine((o, ctx) => {
    const need = (path: keyof typeof o, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (o.kind === 'case') {
      if (o.caseId === undefined) need('caseId', 'an originator of kind case needs the case id');
      return;
    }
    if (o.caseId !== undefined) need('caseId', 'only an originator of kind case names a case');
    if (!o.name) need('name', 'the originator needs a name');
    if (o.kind === 'person' && !o.phone) need('phone', 'a person needs a phone number so that the answer can reach them');
    if (o.kind === 'household' && !o.phone && !o.address) need('address', 'a household needs an address or a phone number');
  });
export type OriginatorInput = z.infer<typeof originatorInputSchema>;

export const matterInputSchema = z.strictObject({
  title: textSchema(100),
  description: textSchema(4000).optional(),
  /** Down to the village (12 digits) where known. */
  regionCode: regionCodeSchema,
  areaCode: livelihoodAreaCodeSchema,
  /** The list (batch) it is collected for; defaults to the region's collecting list. */
  listId: idSchema.optional(),
  collectedOn: isoDate.optional(),
  /** Who collected it on the visit (走访人), free text. */
  collectedBy: textSchema(100).optional(),
  originators: z.array(originatorInputSchema).min(1).max(500),
});
export type MatterInput = z.infer<typeof matterInputSchema>;

export const matterFromCaseSchema = z.strictObject({
  caseId: idSchema,
  areaCode: livelihoodAreaCodeSchema,
  title: textSchema(100).optional(),
  listId: idSchema.optional(),
});

export const matterSearchSchema = z.strictObject({
  q: textSchema(100).optional(),
  /** A region code matches that region and every region under it. */
  regionCode: regionCodeSchema.optional(),
  areaCode: livelihoodAreaCodeSchema.optional(),
  status: z.enum(matterStatuses).optional(),
  listId: idSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: pageSizeSchema,
});
export type MatterSearch = z.infer<typeof matterSearchSchema>;

export const mergeMatterSchema = z.strictObject({ intoId: idSchema });

/** Likely duplicates of text not yet saved (the entry form asks before saving). */
export const similarCheckSchema = z.strictObject({
  title: textSchema(100),
  description: textSchema(4000).optional(),
  regionCode: regionCodeSchema,
});

export const livelihoodSettingsSchema = z.strictObject({
  /** Score (0-1) from which two matters are suggested as duplicates. */
  duplicateThreshold: z.number().min(0.05).max(1),
  /** Only matters collected within this many days of each other are compared. */
  duplicateWindowDays: z.number().int().min(1).max(3650),
  /** Working days a milestone may be late before its yellow light turns red. */
  redAfterWorkingDays: z.number().int().min(1).max(120),
});
export type LivelihoodSettings = z.infer<typeof livelihoodSettingsSchema>;
export const defaultLivelihoodSettings: LivelihoodSettings = {
  duplicateThreshold: 0.35,
  duplicateWindowDays: 365,
  redAfterWorkingDays: 10,
};

export const listInputSchema = z.strictObject({
  regionCode: regionCodeSchema,
  title: textSchema(100),
  batch: z.number().int().min(1).max(99),
  year: z.number().int().min(2000).max(2100),
});
export const listPatchSchema = z.strictObject({ title: textSchema(100).optional(), status: z.enum(listStatuses).optional() });

export const milestoneInputSchema = z.strictObject({
  /** Keep an existing milestone (and its reports) by its id. */
  id: idSchema.optional(),
  title: textSchema(100),
  plannedDate: isoDate,
  /** Relative weight in the project's progress. */
  weight: z.number().min(0.1).max(1000),
  /** Why a milestone is planned after the project's due date. */
  reason: textSchema(500).optional(),
});
export type MilestoneInput = z.infer<typeof milestoneInputSchema>;

/** A milestone planned after the due date needs its reason (shared by create and edit). */
export function milestoneDateProblems(
  dueDate: string | null | undefined,
  milestones: readonly MilestoneInput[],
): { index: number; message: string }[] {
  if (!dueDate) return [];
  return milestones.flatMap((m, index) =>
    m.plannedDate > dueDate && !m.reason
      ? [{ index, message: `milestone “${m.title}” is planned after the project's due date ${dueDate}: give a reason` }]
      : [],
  );
}

const projectFields = {
  title: textSchema(100),
  description: textSchema(4000).optional(),
  areaCode: livelihoodAreaCodeSchema.optional(),
  leadUnitId: idSchema.optional(),
  /** 万元. */
  budget: z.number().min(0).max(10_000_000).optional(),
  startDate: isoDate.optional(),
  dueDate: isoDate.optional(),
};

export const projectInputSchema = z
  .strictObject({
    /** The list (batch) it is proposed on; defaults to the list of its matters, or the county's open list (opened when there is none). */
    listId: idSchema.optional(),
    matterIds: z.array(idSchema).min(1).max(500),
    ...projectFields,
    milestones: z.array(milestoneInputSchema).max(50).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.startDate && p.dueDate && p.dueDate < p.startDate)
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'the due date is before the start date' });
    for (const pr of milestoneDateProblems(p.dueDate, p.milestones ?? []))
      ctx.addIssue({ code: 'custom', path: ['milestones', pr.index, 'reason'], message: pr.message });
  });
export type ProjectInput = z.infer<typeof projectInputSchema>;

export const projectPatchSchema = z.strictObject({
  ...projectFields,
  title: textSchema(100).optional(),
  matterIds: z.array(idSchema).min(1).max(500).optional(),
});

export const milestonesPutSchema = z.strictObject({ milestones: z.array(milestoneInputSchema).min(1).max(50) });

export const selectionSchema = z.strictObject({
  heldAt: z.iso.datetime({ offset: true }),
  /** Who attended the selection meeting. */
  attendees: textSchema(1000),
  notes: textSchema(4000).optional(),
  scores: z
    .array(
      z.strictObject({
        projectId: idSchema,
        votes: z.number().int().min(0).max(100_000),
        /** 1 (highest) - 5. */
        priority: z.number().int().min(1).max(5),
        peopleAffected: z.number().int().min(0).max(100_000_000),
      }),
    )
    .min(1)
    .max(1000),
  selectedIds: z.array(idSchema).max(1000),
});

export const assignSchema = z.strictObject({
  cadreUserId: idSchema,
  dueDate: isoDate,
  leadUnitId: idSchema.optional(),
  /** What the letter asks in particular (交办要求). */
  requirements: textSchema(2000).optional(),
});

export const progressSchema = z.strictObject({
  milestoneId: idSchema,
  percent: z.number().min(0).max(100),
  text: textSchema(4000),
  photoIds: z.array(idSchema).max(9).optional(),
});

export const acceptSchema = z.strictObject({
  findings: textSchema(4000),
  /** Others who checked with the signed-in user. */
  checkers: textSchema(500).optional(),
  photoIds: z.array(idSchema).max(9).optional(),
  /** When given, sent first to every originator not yet answered who can be reached. */
  answer: textSchema(2000).optional(),
});

export const sendAnswersSchema = z.strictObject({ text: textSchema(2000) });

/** An answer given in person, by phone or by letter, recorded for an originator. */
export const recordAnswerSchema = z.strictObject({
  method: z.enum(['visit', 'phone', 'letter']),
  note: textSchema(1000),
});

export const projectSearchSchema = z.strictObject({
  regionCode: regionCodeSchema.optional(),
  listId: idSchema.optional(),
  status: z.enum(projectStatuses).optional(),
  cadreUserId: idSchema.optional(),
  q: textSchema(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: pageSizeSchema,
});

/** Replace the focus areas (admin). */
export const livelihoodAreasPutSchema = z.strictObject({
  items: z
    .array(z.strictObject({ code: livelihoodAreaCodeSchema, zh: textSchema(40), en: textSchema(80) }))
    .min(1)
    .max(30),
});

/** `?regionCode=`: a region code matches that region and every region under it. */
export const livelihoodRegionQuerySchema = z.strictObject({ regionCode: regionCodeSchema.optional() });

export const matterDuplicatesQuerySchema = z.strictObject({ regionCode: regionCodeSchema.optional(), listId: idSchema.optional() });

export const dutyListQuerySchema = z.strictObject({
  userId: idSchema.optional().describe('Another cadre (supervisors, livelihood officers, admins)'),
});

/** Path `:id/originators/:originatorId` of a matter or a project. */
export const originatorParamsSchema = z.strictObject({ id: idSchema, originatorId: idSchema });

/** Path `:id/photos/:photoId` of a project. */
export const projectPhotoParamsSchema = z.strictObject({ id: idSchema, photoId: idSchema });

/** Path `:photoId` of a photo on the public page. */
export const photoIdParamsSchema = z.strictObject({ photoId: idSchema });
