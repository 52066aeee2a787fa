import type { CaseDetail, CaseList, CaseQueues, CaseSummary, Category, UnitView } from '@huiyin/core';

/**
 * Shapes of the API's answers. Those core declares are its inferred types (re-exported here under
 * the names the pages use); the rest are still the web's own until core declares them too.
 */
export type { CaseDetail, CaseSummary, Category };
export type Unit = UnitView;
export type Queues = CaseQueues;
/** A page of a keyset-paginated list. */
export type Page<T> = Omit<CaseList, 'items'> & { items: T[] };
export interface TimelineEvent {
  seq: number;
  action: string;
  at: string;
  actor: { id: number; name: string } | null;
  actorRole: string;
  unit: { id: number; name: string } | null;
  fromStatus: string | null;
  toStatus: string;
  payload: Record<string, unknown>;
}

export interface UnitRef {
  id: number;
  name: string;
}

export interface Citation {
  policyId: number;
  title: string;
  docNumber: string;
  issuer: string;
  articleNo: string | null;
  excerpt: string;
  repealedOn: string | null;
  repealed: boolean;
  note: string | null;
  citedAt: string;
}

export type RootCauseKind = 'policy_barrier' | 'coordination_needed' | 'staff_conduct';
export type ConductKind = 'misconduct' | 'subjective';

export interface Consultation {
  id: number;
  agenda: string;
  convenedAt: string;
  invited: UnitRef[];
  opinions: { unit: UnitRef; opinion: string; at: string }[];
  /** Invited units that have not given their opinion yet. */
  pending: UnitRef[];
  minutes: { leadUnit: UnitRef | null; assistUnits: UnitRef[]; decision: string | null; at: string } | null;
  open: boolean;
}

export interface Rectification {
  id: number;
  unit: UnitRef | null;
  finding: string;
  issuedAt: string;
  dueAt: string;
  status: 'issued' | 'answered' | 'appealed' | 'voided';
  response: string | null;
  answeredAt: string | null;
  /** safety_net: staff conduct at the safety-net window; bad_rating: a 不满意 follow-up. */
  kind?: 'safety_net' | 'bad_rating';
  satisfaction?: string | null;
  appeal?: { reason: string | null; at: string; decision: 'rating_stands' | 'rating_voided' | null; note: string | null } | null;
}

export interface SafetyNetInfo {
  failedMatter: {
    name: string;
    unit: UnitRef | null;
    window: string | null;
    failedAt: string;
    visits: number | null;
    whatWasSaid: string | null;
  };
  kind: 'simple' | 'general' | 'complex' | 'cannotBeDone';
  consultations: Consultation[];
  decision: {
    outcome: 'done' | 'cannot';
    text: string | null;
    alternatives: string | null;
    doneBy: string | null;
    decidedAt: string | null;
    minutesToDecision: number | null;
    letterNo: string | null;
    rootCause: { kind: RootCauseKind | null; conduct: ConductKind | null; finding: string | null };
  } | null;
  rectifications: Rectification[];
  answerPdf: string | null;
}

export type PolicyLevel = 'law' | 'regulation' | 'rule' | 'normative' | 'guide';

/** A hit of the policy library search; `snippet` wraps the match in 【】. */
export interface PolicyHit {
  id: number;
  title: string;
  docNumber: string;
  issuer: string;
  level: PolicyLevel;
  articleNo: string | null;
  snippet: string;
  tags: string[];
  effectiveFrom: string | null;
  repealedOn: string | null;
  repealed: boolean;
  score?: number;
}

/** A whole article (GET /api/v1/policies/:id). */
export interface PolicyArticle extends Omit<PolicyHit, 'snippet' | 'score'> {
  body: string;
  unitIds?: number[];
  citedBy: number;
  createdAt?: string;
  updatedAt?: string;
}
