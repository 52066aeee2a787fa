/** Shapes of the API's answers, as the web uses them. Requests are typed by core's schemas. */
export interface CaseSummary {
  id: number;
  trackingNo: string;
  type: string;
  channel: string;
  title: string;
  categoryCode: string | null;
  regionCode: string;
  urgent: boolean;
  status: string;
  version: number;
  requester: { name: string | null; phone: string };
  leadUnit: { id: number; name: string } | null;
  assistUnits: { id: number; name: string }[];
  signBy: string | null;
  answerBy: string;
  nextDueAt: string | null;
  dueState: 'ok' | 'near' | 'overdue' | null;
  createdAt: string;
  updatedAt: string;
}

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

export interface CaseDetail extends CaseSummary {
  regionName: string;
  content: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  masterId: number | null;
  mergedCases: { id: number; trackingNo: string }[];
  reply: { outcome: string; text: string | null; policyBasis: string | null; repliedAt: string | null } | null;
  followUp: { state: 'none' | 'unsatisfied'; solved: boolean | null; satisfaction: string | null };
  pendingExtension: { days: number; reason: string; requestedAt: string } | null;
  returnCount: number;
  reopenCount: number;
  closedAt: string | null;
  attachments: { id: string; fileName: string; mimeType: string; sizeBytes: number; createdAt: string }[];
  timeline: TimelineEvent[];
  allowedActions: string[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Unit {
  id: number;
  name: string;
  kind: string;
  regionCode: string;
  parentId: number | null;
}

export interface Category {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
}

export type Queues = Record<'registered' | 'dispatched' | 'returned' | 'in_progress' | 'reply_review' | 'awaiting_follow_up' | 'awaiting_decision' | 'near' | 'overdue', number>;
