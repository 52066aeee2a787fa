/** The closed vocabularies of a case (DOMAIN.md glossary). */

export const caseTypes = ['consultation', 'help', 'complaint', 'report', 'suggestion'] as const;
export type CaseType = (typeof caseTypes)[number];

export const channels = ['window', 'safety_net', 'hotline', 'web', 'h5', 'visit', 'grid', 'enterprise', 'open311'] as const;
export type Channel = (typeof channels)[number];

export const caseStatuses = ['registered', 'dispatched', 'returned', 'in_progress', 'reply_review', 'replied', 'closed', 'merged'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Statuses in which nothing more happens to the case. */
export const terminalStatuses: readonly CaseStatus[] = ['closed', 'merged'];

/** Statuses of a case someone still has to act on (the workbench and its counts). */
export const openStatuses: readonly CaseStatus[] = caseStatuses.filter((s) => !terminalStatuses.includes(s));

/** Open311 GeoReport v2 knows two statuses; every case status maps to one. */
export function open311Status(status: CaseStatus): 'open' | 'closed' {
  return terminalStatuses.includes(status) ? 'closed' : 'open';
}

export const replyOutcomes = ['resolved', 'partly', 'explained'] as const;
export type ReplyOutcome = (typeof replyOutcomes)[number];

/** Five levels, best first. */
export const satisfactionLevels = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const;
export type Satisfaction = (typeof satisfactionLevels)[number];

/** 基本满意 or better counts as satisfied for the satisfaction rate and for closing. */
export function isSatisfied(level: Satisfaction): boolean {
  return satisfactionLevels.indexOf(level) <= satisfactionLevels.indexOf('basically_satisfied');
}

export const roles = [
  'clerk',
  'safety_net_officer',
  'dispatcher',
  'handler',
  'unit_head',
  'supervisor',
  'inspector',
  'leader',
  'grid_worker',
  /** 民生办: collects matters, merges them, runs the selection, issues letters and accepts projects. */
  'livelihood_officer',
  /** 系统管理员: units, the routing catalog and the settings of their regions (三员分立: not accounts, not the audit log). */
  'admin',
  /** 安全管理员: accounts, roles, unlocks and sessions of their regions. */
  'security_admin',
  /** 安全审计员: reads the audit log of their regions, changes nothing. */
  'auditor',
] as const;
export type Role = (typeof roles)[number];

/** Roles that work inside a handling unit: they see the cases their units lead or assist. */
export const unitRoles: readonly Role[] = ['handler', 'unit_head'];

/** Roles that see every case of their centre's regions. */
export const regionRoles: readonly Role[] = [
  'clerk',
  'safety_net_officer',
  'dispatcher',
  'supervisor',
  'leader',
  'grid_worker',
  'livelihood_officer',
  'admin',
];

export const unitKinds = ['centre', 'bureau', 'township', 'department', 'office', 'committee'] as const;
export type UnitKind = (typeof unitKinds)[number];
