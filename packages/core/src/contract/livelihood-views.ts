import { z } from 'zod';
import { caseStatuses } from '../case/vocabulary.ts';
import { milestoneLights } from '../livelihood/progress.ts';
import { answerMethods, listStatuses, matterSources, matterStatuses, originatorKinds, projectStatuses } from '../livelihood/vocabulary.ts';
import { dateSchema, timestampSchema, unitRefSchema } from './views-common.ts';

/**
 * What the livelihood API answers (views, as sent on the wire); the inputs are in
 * contract/livelihood.ts. The main views carry an OpenAPI name.
 */

const int = () => z.number().int();
const idTitle = z.object({ id: int(), title: z.string() });

export const livelihoodAreaSchema = z
  .object({ code: z.string(), zh: z.string(), en: z.string() })
  .meta({ id: 'LivelihoodArea', description: 'A focus area (领域) of livelihood matters' });
export type LivelihoodArea = z.infer<typeof livelihoodAreaSchema>;

export const livelihoodAreasSchema = z.object({ items: z.array(livelihoodAreaSchema) });

const originatorViewShape = z.object({
  id: int(),
  kind: z.enum(originatorKinds),
  name: z.string().nullable(),
  phone: z.string().nullable().describe('Masked for everyone but the matter’s managers'),
  address: z.string().nullable(),
  creditCode: z.string().nullable(),
  caseId: int().nullable(),
  trackingNo: z.string().nullable(),
  originMatterId: int().describe('The matter it was first raised under (differs after a merge)'),
  answeredAt: timestampSchema.nullable(),
  answerMethod: z.enum(answerMethods).nullable(),
  answerNote: z.string().nullable(),
  reachable: z.boolean().describe('Can the answer reach it through the outbox (a mobile phone, or a case)?'),
});
export const originatorViewSchema = originatorViewShape.meta({ id: 'LivelihoodOriginator' });
export type OriginatorView = z.infer<typeof originatorViewSchema>;

/** An originator not yet answered, with the matter it raised (a project gathers several matters). */
export const unansweredOriginatorSchema = originatorViewShape
  .extend({ matterId: int(), matterTitle: z.string() })
  .meta({ id: 'UnansweredOriginator' });
export type UnansweredOriginator = z.infer<typeof unansweredOriginatorSchema>;

const matterListItemShape = z.object({
  id: int(),
  title: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  areaCode: z.string(),
  status: z.enum(matterStatuses),
  source: z.enum(matterSources),
  listId: int().nullable(),
  mergedIntoId: int().nullable(),
  projectId: int().nullable(),
  originatorCount: int(),
  collectedOn: dateSchema,
  createdAt: timestampSchema,
});
export const matterListItemSchema = matterListItemShape.meta({ id: 'MatterListItem' });
export type MatterListItem = z.infer<typeof matterListItemSchema>;

export const matterViewSchema = matterListItemShape
  .extend({
    description: z.string().nullable(),
    collectedBy: z.string().nullable(),
    originators: z.array(originatorViewSchema),
    mergedFrom: z.array(idTitle).describe('Matters merged into this one'),
    project: z.object({ id: int(), title: z.string(), status: z.enum(projectStatuses) }).nullable(),
  })
  .meta({ id: 'MatterDetail' });
export type MatterView = z.infer<typeof matterViewSchema>;

/** A page of the problem list. */
export const matterPageSchema = z.object({ items: z.array(matterListItemSchema), total: int(), page: int(), pageSize: int() });

export const similarMatterSchema = z
  .object({
    id: int(),
    title: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    status: z.enum(matterStatuses),
    collectedOn: dateSchema,
    originatorCount: int(),
    score: z.number().describe('0-1, word overlap after segmentation'),
    shared: z.array(z.string()).describe('The words both share'),
  })
  .meta({ id: 'SimilarMatter' });
export type SimilarMatter = z.infer<typeof similarMatterSchema>;

export const similarMattersSchema = z.object({
  items: z.array(similarMatterSchema),
  threshold: z.number().describe('The score from which matters are suggested as duplicates'),
});

export const duplicatePairSchema = z
  .object({ a: similarMatterSchema, b: similarMatterSchema, score: z.number(), shared: z.array(z.string()) })
  .meta({ id: 'DuplicatePair' });
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

export const duplicatePairsSchema = z.object({ items: z.array(duplicatePairSchema), threshold: z.number() });

/** Answers sent through the outbox, and who is left to answer in person. */
export const answersSentSchema = z.object({
  sent: int().describe('Originators told through the outbox (SMS, or the case)'),
  unanswered: z.array(unansweredOriginatorSchema).describe('Those it cannot reach: to be answered in person'),
});
export type AnswersSent = z.infer<typeof answersSentSchema>;

export const matterAnswersSentSchema = answersSentSchema.extend({ matter: matterViewSchema });
export type MatterAnswersSent = z.infer<typeof matterAnswersSentSchema>;

export const matterImportReportSchema = z
  .object({
    imported: int(),
    errors: z.array(z.object({ row: int(), column: z.string(), reason: z.string() })).describe('Every bad row; nothing is imported then'),
  })
  .meta({ id: 'MatterImportReport' });
export type MatterImportReport = z.infer<typeof matterImportReportSchema>;

export const listViewSchema = z
  .object({
    id: int(),
    regionCode: z.string(),
    regionName: z.string(),
    title: z.string(),
    batch: int(),
    batchName: z.string(),
    year: int(),
    status: z.enum(listStatuses),
    inherited: z.boolean().describe('True when the list belongs to a region above the one asked about'),
    matterCount: int(),
    projectCount: int(),
    selectedCount: int(),
    publishedAt: timestampSchema.nullable(),
    selection: z
      .object({ heldAt: timestampSchema, attendees: z.string(), notes: z.string().nullable(), recordedBy: z.string() })
      .nullable()
      .describe('The selection meeting (遴选会)'),
  })
  .meta({ id: 'LivelihoodList' });
export type ListView = z.infer<typeof listViewSchema>;

export const listViewsSchema = z.object({ items: z.array(listViewSchema) });

const milestoneViewShape = z.object({
  id: int(),
  title: z.string(),
  plannedDate: dateSchema,
  weight: z.number(),
  reason: z.string().nullable(),
  percent: z.number(),
  light: z.enum(milestoneLights),
  doneOn: dateSchema.nullable(),
});
export const milestoneViewSchema = milestoneViewShape.meta({ id: 'ProjectMilestone' });
export type MilestoneView = z.infer<typeof milestoneViewSchema>;

/** A milestone with its project (the duty list). */
const datedMilestoneSchema = milestoneViewShape.extend({ projectId: int(), projectTitle: z.string() });

export const reportViewSchema = z
  .object({
    id: int(),
    milestoneId: int(),
    milestoneTitle: z.string(),
    percent: z.number(),
    text: z.string(),
    photoIds: z.array(int()),
    reportedBy: z.string().nullable(),
    createdAt: timestampSchema,
  })
  .meta({ id: 'ProgressReport' });
export type ReportView = z.infer<typeof reportViewSchema>;

const projectListItemShape = z.object({
  id: int(),
  listId: int(),
  regionCode: z.string(),
  regionName: z.string(),
  title: z.string(),
  areaCode: z.string().nullable(),
  status: z.enum(projectStatuses),
  leadUnit: unitRefSchema.nullable(),
  cadre: z.object({ id: int(), name: z.string() }).nullable(),
  dueDate: dateSchema.nullable(),
  progress: z.number(),
  light: z.enum(milestoneLights).nullable().describe('The worst light of its milestones'),
  letterNo: z.string().nullable(),
  matterCount: int(),
  originatorCount: int(),
  score: z.object({ votes: int(), priority: int(), peopleAffected: int() }).nullable(),
});
export const projectListItemSchema = projectListItemShape.meta({ id: 'ProjectListItem' });
export type ProjectListItem = z.infer<typeof projectListItemSchema>;

export const projectPageSchema = z.object({ items: z.array(projectListItemSchema), total: int(), page: int(), pageSize: int() });

export const projectViewSchema = projectListItemShape
  .extend({
    description: z.string().nullable(),
    budget: z.number().nullable().describe('万元'),
    startDate: dateSchema.nullable(),
    assignedAt: timestampSchema.nullable(),
    signedAt: timestampSchema.nullable(),
    requirements: z.string().nullable(),
    milestones: z.array(milestoneViewSchema),
    reports: z.array(reportViewSchema),
    matters: z.array(z.object({ id: int(), title: z.string(), regionName: z.string(), originatorCount: int() })),
    originators: z.object({ total: int(), answered: int(), unanswered: z.array(unansweredOriginatorSchema) }),
    acceptance: z
      .object({
        acceptedAt: timestampSchema,
        acceptedBy: z.string(),
        checkers: z.string().nullable(),
        findings: z.string(),
        photoIds: z.array(int()),
      })
      .nullable(),
    can: z
      .object({
        edit: z.boolean(),
        assign: z.boolean(),
        sign: z.boolean(),
        report: z.boolean(),
        accept: z.boolean(),
        letter: z.boolean(),
      })
      .describe('What the signed-in user may do now'),
  })
  .meta({ id: 'ProjectDetail' });
export type ProjectView = z.infer<typeof projectViewSchema>;

export const dutyListSchema = z
  .object({
    cadre: z.object({ id: int(), name: z.string() }),
    projects: z.array(projectListItemSchema),
    nextMilestones: z.array(datedMilestoneSchema).describe('Next milestones not done, soonest first'),
    late: z.array(datedMilestoneSchema),
    cases: z
      .array(
        z.object({ id: int(), trackingNo: z.string(), title: z.string(), status: z.enum(caseStatuses), dueAt: timestampSchema.nullable() }),
      )
      .describe('Open cases led by the cadre’s units'),
  })
  .meta({ id: 'DutyList' });
export type DutyList = z.infer<typeof dutyListSchema>;

export const cadresSchema = z.object({
  items: z.array(z.object({ id: int(), name: z.string(), unitName: z.string(), regionCode: z.string() })),
});

export const publicProjectSchema = z
  .object({
    id: int(),
    title: z.string(),
    description: z.string().nullable(),
    regionCode: z.string(),
    regionName: z.string(),
    place: z
      .string()
      .describe('Where it is done, from the regions of its matters: 西南舁乡北岭村, 西南舁乡（7个村）, 平坦镇、河底镇, or the region'),
    listTitle: z.string(),
    batchName: z.string(),
    areaCode: z.string().nullable(),
    status: z.enum(projectStatuses),
    leadUnit: z.string().nullable(),
    dueDate: dateSchema.nullable(),
    progress: z.number(),
    milestones: z.array(z.object({ title: z.string(), plannedDate: dateSchema, percent: z.number(), light: z.enum(milestoneLights) })),
    lastReports: z.array(
      z.object({ milestoneTitle: z.string(), percent: z.number(), text: z.string(), photoIds: z.array(int()), date: dateSchema }),
    ),
    acceptedOn: dateSchema.nullable(),
    originatorCount: int(),
  })
  .meta({ id: 'PublicProject' });
export type PublicProject = z.infer<typeof publicProjectSchema>;

export const publicProjectsSchema = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  items: z.array(publicProjectSchema),
});

/** The ids of photos just uploaded to a project. */
export const photoIdsSchema = z.object({ ids: z.array(int()) });
