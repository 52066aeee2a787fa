import type { AnswerMethod, ListStatus, MatterSource, MatterStatus, OriginatorKind, ProjectStatus } from '../livelihood/vocabulary.ts';
import type { MilestoneLight } from '../livelihood/progress.ts';

/** What the livelihood API answers (views); the inputs are in contract/livelihood.ts. */
export interface LivelihoodArea {
  code: string;
  zh: string;
  en: string;
}

export interface OriginatorView {
  id: number;
  kind: OriginatorKind;
  name: string | null;
  /** Masked for everyone but the matter's managers. */
  phone: string | null;
  address: string | null;
  creditCode: string | null;
  caseId: number | null;
  trackingNo: string | null;
  /** The matter it was first raised under (differs after a merge). */
  originMatterId: number;
  answeredAt: string | null;
  answerMethod: AnswerMethod | null;
  answerNote: string | null;
  /** Can the answer reach it through the outbox (a phone, or a case)? */
  reachable: boolean;
}

export interface MatterListItem {
  id: number;
  title: string;
  regionCode: string;
  regionName: string;
  areaCode: string;
  status: MatterStatus;
  source: MatterSource;
  listId: number | null;
  mergedIntoId: number | null;
  projectId: number | null;
  originatorCount: number;
  collectedOn: string;
  createdAt: string;
}

export interface MatterView extends MatterListItem {
  description: string | null;
  collectedBy: string | null;
  originators: OriginatorView[];
  /** Matters merged into this one. */
  mergedFrom: { id: number; title: string }[];
  project: { id: number; title: string; status: ProjectStatus } | null;
}

export interface SimilarMatter {
  id: number;
  title: string;
  regionCode: string;
  regionName: string;
  status: MatterStatus;
  collectedOn: string;
  originatorCount: number;
  /** 0-1, word overlap after segmentation. */
  score: number;
  /** The words both share. */
  shared: string[];
}

export interface DuplicatePair {
  a: SimilarMatter;
  b: SimilarMatter;
  score: number;
  shared: string[];
}

export interface ListView {
  id: number;
  regionCode: string;
  regionName: string;
  title: string;
  batch: number;
  batchName: string;
  year: number;
  status: ListStatus;
  /** True when the list belongs to a region above the one asked about. */
  inherited: boolean;
  matterCount: number;
  projectCount: number;
  selectedCount: number;
  publishedAt: string | null;
  selection: { heldAt: string; attendees: string; notes: string | null; recordedBy: string } | null;
}

export interface MilestoneView {
  id: number;
  title: string;
  plannedDate: string;
  weight: number;
  reason: string | null;
  percent: number;
  light: MilestoneLight;
  doneOn: string | null;
}

export interface ReportView {
  id: number;
  milestoneId: number;
  milestoneTitle: string;
  percent: number;
  text: string;
  photoIds: number[];
  reportedBy: string | null;
  createdAt: string;
}

export interface ProjectListItem {
  id: number;
  listId: number;
  regionCode: string;
  regionName: string;
  title: string;
  areaCode: string | null;
  status: ProjectStatus;
  leadUnit: { id: number; name: string } | null;
  cadre: { id: number; name: string } | null;
  dueDate: string | null;
  progress: number;
  /** The worst light of its milestones. */
  light: MilestoneLight | null;
  letterNo: string | null;
  matterCount: number;
  originatorCount: number;
  score: { votes: number; priority: number; peopleAffected: number } | null;
}

export interface ProjectView extends ProjectListItem {
  description: string | null;
  budget: number | null;
  startDate: string | null;
  assignedAt: string | null;
  signedAt: string | null;
  requirements: string | null;
  milestones: MilestoneView[];
  reports: ReportView[];
  matters: { id: number; title: string; regionName: string; originatorCount: number }[];
  originators: { total: number; answered: number; unanswered: (OriginatorView & { matterId: number; matterTitle: string })[] };
  acceptance: { acceptedAt: string; acceptedBy: string; checkers: string | null; findings: string; photoIds: number[] } | null;
  /** What the signed-in user may do now. */
  can: { edit: boolean; assign: boolean; sign: boolean; report: boolean; accept: boolean; letter: boolean };
}

export interface DutyList {
  cadre: { id: number; name: string };
  projects: ProjectListItem[];
  /** Next milestones not done, soonest first. */
  nextMilestones: (MilestoneView & { projectId: number; projectTitle: string })[];
  late: (MilestoneView & { projectId: number; projectTitle: string })[];
  /** Open cases led by the cadre's units. */
  cases: { id: number; trackingNo: string; title: string; status: string; dueAt: string | null }[];
}

export interface PublicProject {
  id: number;
  title: string;
  description: string | null;
  regionCode: string;
  regionName: string;
  /** Where it is done, from the regions of its matters: 西南舁乡北岭村, 西南舁乡（7个村）, 平坦镇、河底镇, or the region. */
  place: string;
  listTitle: string;
  batchName: string;
  areaCode: string | null;
  status: ProjectStatus;
  leadUnit: string | null;
  dueDate: string | null;
  progress: number;
  milestones: { title: string; plannedDate: string; percent: number; light: MilestoneLight }[];
  lastReports: { milestoneTitle: string; percent: number; text: string; photoIds: number[]; date: string }[];
  acceptedOn: string | null;
  originatorCount: number;
}

export interface MatterImportReport {
  imported: number;
  errors: { row: number; column: string; reason: string }[];
}
