import type {
  ActionInput,
  AuthUser,
  CaseAction,
  CaseExtras,
  CaseSnapshot,
  CreateCaseInput,
  DeadlineRules,
  PublicCreateCaseInput,
  TimeLimit,
} from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import type { CaseRow } from '../../db/schema.ts';

/**
 * How other modules take part in the case lifecycle without cases importing them: cases declares
 * these hooks, the modules implement them, the composition root (main/services.ts) hands them to
 * the case service. Every hook gets the connection to use: inside an action it is the action's
 * transaction, so whatever a hook writes commits or rolls back with the action.
 */

/**
 * Facts the case row does not hold but the lifecycle table's guards read: the open consultation
 * (会商), whether a consultation's minutes settled an ordinary case's dispatch, the safety-net's root cause.
 */
export type SnapshotFacts = Pick<CaseSnapshot, 'consultation' | 'hasRootCause' | 'consultationSettled'>;

/** What the effects of an action need from a module: the policy basis a decision prints, the time to settle a dispatch dispute. */
export interface EffectFacts {
  policyBasis?: string | undefined;
  consultationSettleLimit?: TimeLimit | undefined;
}

/** A module's part in the lifecycle of every case. */
export interface CaseExtension {
  /** Facts for the guards of the lifecycle table. */
  snapshotFacts?(conn: Db, row: CaseRow): Promise<Partial<SnapshotFacts>>;
  /** Whether the user may see a case the scope rule does not show them (a unit invited to a consultation). */
  alsoVisibleTo?(conn: Db, user: AuthUser, row: CaseRow): Promise<boolean>;
  /** Check what an action names that this module owns (cited articles, a staff member's unit); throw validation_failed. */
  checkReferences?(trx: Db, row: CaseRow, input: ActionInput, user: AuthUser): Promise<void>;
  /** What the effects of an action need from this module. */
  effectFacts?(trx: Db, row: CaseRow, input: ActionInput): Promise<EffectFacts>;
  /** Registration: what this module writes beside the new case, in its transaction. */
  onRegister?(trx: Db, row: CaseRow, input: CreateCaseInput | PublicCreateCaseInput, now: Date): Promise<void>;
  /** What this module adds to the case detail. */
  detailExtras?(conn: Db, row: CaseRow, now: Date): Promise<Partial<CaseExtras>>;
}

/** An action being taken, as its reactions see it: inside its transaction, after its event and message. */
export interface ActionContext {
  trx: Db;
  input: ActionInput;
  /** The case before and after the action. */
  before: CaseRow;
  after: CaseRow;
  eventId: number;
  actorId: number | null;
  /** The signed-in user; null for a citizen's rating. */
  user: AuthUser | null;
  rules: DeadlineRules;
  now: Date;
  /** The answer became visible to the requester (reply approved, safety-net decision). */
  publishesAnswer: boolean;
  /** recordOpinion: the convened unit the opinion speaks for. */
  opinionUnitId: number | undefined;
}

/** What another module does after an action, in its transaction. */
export type CaseReaction = (ctx: ActionContext) => Promise<void>;

/** The follow-on reactions of each action, in the order they run. */
export type CaseReactions = Partial<Record<CaseAction, readonly CaseReaction[]>>;

/** Several modules' reaction tables as one, each action's reactions in the order of the tables. */
export function combineReactions(...tables: CaseReactions[]): CaseReactions {
  const out: Partial<Record<CaseAction, CaseReaction[]>> = {};
  for (const table of tables) {
    for (const [action, reactions] of Object.entries(table) as [CaseAction, readonly CaseReaction[]][]) {
      (out[action] ??= []).push(...reactions);
    }
  }
  return out;
}

/** The request catalog as cases need it (the settings module owns categories and the routing catalog). */
export interface CaseCatalog {
  categoryExists(conn: Db, code: string): Promise<boolean>;
  /** The units the routing catalog names for a category in a region, best first. */
  routeUnits(conn: Db, categoryCode: string, regionCode: string): Promise<number[]>;
  /** The catalog's rules for a category in a region, best first: lead unit, assisting units, own time limit (working days). */
  routes(
    conn: Db,
    categoryCode: string,
    regionCode: string,
  ): Promise<{ unitId: number; assistUnitIds: number[]; timeLimitDays: number | null }[]>;
}
