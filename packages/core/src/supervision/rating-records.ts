import type { Satisfaction } from '../case/vocabulary.ts';

/**
 * One recorded follow-up rating (回访评价) of one answer of a case, as the supervisor's analysis
 * sees it. A case that was reopened and answered again has one record per answer.
 */
export interface RatingRecord {
  caseId: number;
  /** When the rating was saved in the system (the followUp event's time). */
  ratedAt: Date;
  /**
   * Who keyed the rating in: a staff account with its units *at the time of the rating* (a user
   * who later moves units must not change old records), or null when the requester rated
   * themself through the SMS link, the tracking page or the rating pad at the window.
   */
  recordedBy: { userId: number | null; unitIds: readonly number[] } | null;
  channel: 'phone' | 'sms_link' | 'window' | 'web';
  satisfaction: Satisfaction;
  solved: boolean;
  comment: string | null;
  /** When the answer this rating judges was sent to the requester; null if no answer is on record. */
  repliedAt: Date | null;
  /** The unit that led the answer being rated; null for an answer given on the spot by the centre. */
  leadUnitId: number | null;
  /** The matter came back after this rating: the case was reopened, or the requester raised it again. */
  reopened: boolean;
}

/**
 * The rules look for five ways ratings are faked (units telling citizens to answer "satisfied",
 * paying for recorded answers, keying in ratings nobody gave). A flag is a reason for a
 * supervisor to look, with the facts to check; it is never proof, and each rule below names
 * the honest situations that also trip it.
 */
export interface RatingRuleConfig {
  /** Burst: this many ratings by one account ... */
  burstCount: number;
  /** ... within this many minutes. */
  burstWindowMinutes: number;
  /** Too good: only units with at least this many ratings in the period. */
  topGradeMinSample: number;
  /** Too good: share of 非常满意 at or above this ... */
  topGradeShare: number;
  /** ... while the share of ratings whose matter came back is above this. */
  reopenRateAbove: number;
  /** Same comment: at least this many satisfied cases of one unit carry the same text ... */
  sameCommentMinCases: number;
  /** ... of at least this many characters after normalising (满意, 非常满意 are ignored) ... */
  sameCommentMinLength: number;
  /**
   * ... and so many of them falling on this unit by chance is at most this likely: the binomial
   * tail P(X ≥ cases of the unit), X ~ Binomial(cases with the text, the unit's share of all
   * satisfied cases). A stock phrase that citizens and agents write everywhere spreads over the
   * units in proportion to their volume and stays far above it.
   */
  sameCommentMaxChance: number;
}

/**
 * Defaults, reasoned from how the work is done (see the rules' comments):
 * - an honest phone follow-up takes a minute and a half at the very least (dialling, asking
 *   solved and satisfied, saving), usually 2-3 minutes, so 8 ratings in 5 minutes (under 43 s
 *   each on average) is a pace no caller keeps;
 * - 50 ratings a month is enough for a unit's shares to mean something;
 * - 90 % 非常满意 with more than 10 % of matters coming back is a contradiction: in an honest
 *   unit, a matter that comes back was mostly rated unhappy first, so honest units that are this
 *   well liked come back rarely. 90 % rather than "all" leaves room for the sampling noise of a
 *   unit with ~100 ratings (±2-3 %) and the few citizens who do not follow the coaching;
 * - 5 identical comments of 6+ characters on one unit's satisfied cases, with a chance below one
 *   in a million of landing there at random (a few thousand text × unit pairs are tested a month,
 *   so chance alone flags nothing).
 */
export const defaultRatingRuleConfig: RatingRuleConfig = Object.freeze({
  burstCount: 8,
  burstWindowMinutes: 5,
  topGradeMinSample: 50,
  topGradeShare: 0.9,
  reopenRateAbove: 0.1,
  sameCommentMinCases: 5,
  sameCommentMinLength: 6,
  sameCommentMaxChance: 1e-6,
});

export const ratingFlagKinds = [
  'rated_by_handling_unit',
  'burst_by_one_account',
  'rated_before_reply',
  'too_good_with_reopens',
  'same_comment',
] as const;
export type RatingFlagKind = (typeof ratingFlagKinds)[number];

export interface RatingFlag {
  kind: RatingFlagKind;
  /** The cases to look at, ascending, each once. */
  caseIds: number[];
  /** The unit concerned: the lead unit whose answers were rated. */
  unitId?: number;
  /** The account that recorded the ratings. */
  userId?: number;
  /** Numbers and facts a supervisor can check against the records; times as ISO strings. */
  evidence: Record<string, unknown>;
  summary: { zh: string; en: string };
}
