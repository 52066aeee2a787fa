import type {
  CaseDetail,
  CaseEventView,
  CaseList,
  CaseQueues,
  CaseSummary,
  Category,
  CitationView,
  ConsultationView,
  PolicyListItem,
  PolicyView,
  RectificationView,
  SafetyNetBlock,
  UnitRef,
  UnitView,
} from '@huiyin/core';

/**
 * Shapes of the API's answers. Those core declares are its inferred types (re-exported here under
 * the names the pages use); the rest are still the web's own until core declares them too.
 */
export type { CaseDetail, CaseSummary, Category };
export type Unit = UnitView;
export type Queues = CaseQueues;
/** A page of a keyset-paginated list. */
export type Page<T> = Omit<CaseList, 'items'> & { items: T[] };
export type TimelineEvent = CaseEventView;
export type { UnitRef };
export type Citation = CitationView;
export type RootCauseKind = NonNullable<NonNullable<SafetyNetBlock['decision']>['rootCause']['kind']>;
export type ConductKind = NonNullable<NonNullable<SafetyNetBlock['decision']>['rootCause']['conduct']>;
export type Consultation = ConsultationView;
export type Rectification = RectificationView;
export type SafetyNetInfo = SafetyNetBlock;

export type PolicyLevel = PolicyListItem['level'];

/** A hit of the policy library search; `snippet` wraps the match in 【】. */
export type PolicyHit = PolicyListItem;

/** A whole article (GET /api/v1/policies/:id). */
export type PolicyArticle = PolicyView;
