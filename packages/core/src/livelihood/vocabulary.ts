/**
 * The livelihood practice (我为群众办实事, DOMAIN.md): matters collected from the public (问题清单),
 * lists owned by regions, key projects (重点民生项目) assigned to cadres by letter (交办书),
 * milestones, acceptance (验收销号) and the answer to every originator (个个有回音).
 */

/** The province's five focus areas; the default set of a new installation (admins may change it). */
export const defaultLivelihoodAreas = [
  { code: 'development', zh: '推动高质量发展', en: 'High-quality development' },
  { code: 'poverty', zh: '巩固拓展脱贫攻坚成果', en: 'Consolidating poverty alleviation' },
  { code: 'livelihood', zh: '保障和改善基本民生', en: 'Basic livelihood' },
  { code: 'service_reform', zh: '深化“放管服效”改革', en: 'Government-service reform' },
  { code: 'governance', zh: '加强基层治理', en: 'Grassroots governance' },
] as const;

/** Who raised a matter: a person (with phone), a household, an enterprise, or a registered case. */
export const originatorKinds = ['person', 'household', 'enterprise', 'case'] as const;
export type OriginatorKind = (typeof originatorKinds)[number];

/** How a matter entered the problem list. */
export const matterSources = ['form', 'case', 'import'] as const;
export type MatterSource = (typeof matterSources)[number];

/**
 * open: on the problem list; merged: folded into another matter (its originators moved there);
 * selected: answered by a key project; answered: its originators were told the outcome.
 */
export const matterStatuses = ['open', 'merged', 'selected', 'answered'] as const;
export type MatterStatus = (typeof matterStatuses)[number];

/** A list (清单) goes from collecting needs to selecting projects to publication. */
export const listStatuses = ['collecting', 'selecting', 'published'] as const;
export type ListStatus = (typeof listStatuses)[number];

/**
 * candidate: proposed from matters; selected: chosen by the selection meeting; dropped: not
 * chosen; assigned: the letter is issued to a cadre; signed: the cadre signed for it; accepted:
 * checked and struck off the ledger (销号).
 */
export const projectStatuses = ['candidate', 'selected', 'dropped', 'assigned', 'signed', 'accepted'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** A project that is being delivered: milestones may be reported on. */
export const deliveryStatuses: readonly ProjectStatus[] = ['assigned', 'signed'];

/** How an originator was answered: through the outbox (sms, the case) or in person and recorded. */
export const answerMethods = ['sms', 'case', 'visit', 'phone', 'letter'] as const;
export type AnswerMethod = (typeof answerMethods)[number];

/** 第一批, 第二批 … for batch numbers 1-99. */
export function batchName(batch: number): string {
  return `第${chineseNumber(batch)}批`;
}

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1-99 in Chinese numerals: 1 一, 10 十, 12 十二, 20 二十, 46 四十六. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

/**
 * The number of an assignment letter: prefix, year in 〔〕, sequence: 郊党办交〔2026〕12号.
 * The default prefix takes the first character of the region's short name and 党办交
 * (阳泉市郊区 → 郊党办交).
 */
export function assignmentLetterNo(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

export function defaultLetterPrefix(regionName: string): string {
  const short = regionName.replace(/^(.*?[省市])?/, '').replace(/(自治县|自治州|新区|区|县|市|旗)$/, '');
  return `${(short || regionName).slice(0, 1)}党办交`;
}
