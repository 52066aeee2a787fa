import * as admin from './admin.ts';
import * as adminExcel from './admin-excel.ts';
import * as audit from './audit.ts';
import * as casePapers from './case-papers.ts';
import * as citizen from './citizen.ts';
import * as common from './common.ts';
import * as consultation from './consultation.ts';
import * as hotline from './hotline.ts';
import * as livelihood from './livelihood.ts';
import * as livelihoodProjects from './livelihood-projects.ts';
import * as publicProjects from './public-projects.ts';
import * as refusal from './refusal.ts';
import * as staff from './staff.ts';
import * as safetyNet from './safety-net.ts';
import * as policies from './policies.ts';
import * as supervision from './supervision.ts';
import * as signIn from './sign-in.ts';

/**
 * All UI text, one file per area (common, citizen, staff, safety net, policies, admin, livelihood,
 * supervision …), merged here. Every English
 * file must have exactly the keys of its Chinese file (the types enforce it); keys are English.
 */
export const zh = {
  ...common.zh,
  ...citizen.zh,
  ...staff.zh,
  ...safetyNet.zh,
  ...policies.zh,
  ...admin.zh,
  ...adminExcel.zh,
  ...livelihood.zh,
  ...livelihoodProjects.zh,
  ...publicProjects.zh,
  ...supervision.zh,
  ...signIn.zh,
  ...audit.zh,
  ...casePapers.zh,
  ...refusal.zh,
  ...hotline.zh,
  ...consultation.zh,
};
export type MessageKey = keyof typeof zh;
export const en: Record<MessageKey, string> = {
  ...common.en,
  ...citizen.en,
  ...staff.en,
  ...safetyNet.en,
  ...policies.en,
  ...admin.en,
  ...adminExcel.en,
  ...livelihood.en,
  ...livelihoodProjects.en,
  ...publicProjects.en,
  ...supervision.en,
  ...signIn.en,
  ...audit.en,
  ...casePapers.en,
  ...refusal.en,
  ...hotline.en,
  ...consultation.en,
};
