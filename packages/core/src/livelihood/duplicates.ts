/**
 * Duplicate suggestion for livelihood matters (民生事项): how alike two matters are, from the words
 * a segmenter found in their title and description.
 *
 * The score is the cosine of two weighted word-count vectors, multiplied by a place factor:
 *
 *   v(w)  = weight(w) × count(w)
 *   score = Σ vA(w)·vB(w) / (‖vA‖ · ‖vB‖) × placeFactor
 *
 * Counts matter: what a matter names again and again (its title repeated in its description) is
 * what it is about, and the cosine lets a short colloquial note (村里路灯坏了) match a long official
 * write-up of the same need. The score is symmetric, in [0, 1], 1 for the same word list in any
 * order (the same words with other counts score a little less), 0 when nothing is shared.
 *
 * Before counting, each word is folded to a canonical form through {@link matterSynonyms}
 * (坏/损坏/破损 → 损坏, 修/修理/维修 → 维修 …). Words that are still one character long, or only
 * digits, are ignored. The weight of a word is
 *
 * - {@link genericMatterWordWeight} for {@link genericMatterWords}, the frame of nearly every
 *   complaint (问题, 反映, 群众, 希望, 解决, 村民, 困难 …): overlap there says nothing about the need;
 * - {@link placeWordWeight} for place names: matters are only compared within one township, and
 *   one village raises many needs, so the same village is nearly necessary but adds almost nothing;
 * - 1 for every other word.
 *
 * The place factor is {@link placeConflictFactor} when both matters name a village (or both name a
 * township) and they name none in common: different villages are different needs, however alike the
 * words. Otherwise it is 1 (a side that names no place says nothing about the place).
 *
 * Measured on the labelled pairs of packages/server/src/modules/livelihood/duplicate-pairs.json
 * (see the test there): word overlap separates rewordings from unrelated needs well, but not from
 * hard look-alikes that share the village and the object and differ in what is wrong with it
 * (卫生室关门 vs 卫生室不能刷医保卡). Treat a suggestion as a question to the user, never as a merge.
 */

import { foldMatterWord, genericMatterWords, looksLikePlaceName, placeLevel } from './matter-words.ts';

export * from './matter-words.ts';

/** Weight of a generic word (see {@link genericMatterWords}). */
export const genericMatterWordWeight = 0.1;
/** Weight of a place name: as little as a generic word; its real job is the conflict check. */
export const placeWordWeight = 0.1;
/** What the score is multiplied by when the two matters name different villages (or townships). */
export const placeConflictFactor = 0.3;

export interface DuplicateScoreOptions {
  /**
   * Which words are place names. Defaults to {@link looksLikePlaceName}; pass the segmenter's own
   * test when it also knows short forms (荫营 for 荫营镇). A place word without an administrative
   * suffix weighs as a place but cannot create a conflict, since its level is unknown.
   */
  isPlace?: (word: string) => boolean;
}

export interface DuplicateScore {
  /** 0-1. */
  score: number;
  /** The canonical words both share, generic words left out, the most weighty first. */
  shared: string[];
}

const numberLike = /^[\p{Nd}.,%]+$/u;

/** Canonical word → how often it occurs, for the words that take part in the score. */
export function matterWordCounts(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const raw of words) {
    const w = foldMatterWord(raw);
    if ([...w].length < 2 || numberLike.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

const byCodePoint = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * How alike two matters are (see the module comment), from the segmenter's words for each
 * (title and description, repeats kept). Symmetric; in [0, 1]; 0 when nothing is shared.
 */
export function duplicateScore(a: readonly string[], b: readonly string[], opts: DuplicateScoreOptions = {}): DuplicateScore {
  const isPlace = opts.isPlace ?? looksLikePlaceName;
  const weight = (w: string): number => (genericMatterWords.has(w) ? genericMatterWordWeight : isPlace(w) ? placeWordWeight : 1);
  const vector = (words: readonly string[]): Map<string, number> => {
    const v = new Map<string, number>();
    for (const [w, n] of matterWordCounts(words)) v.set(w, weight(w) * n);
    return v;
  };
  const va = vector(a);
  const vb = vector(b);
  // Sums in one fixed order (by code point), so that swapping a and b gives the very same number.
  const norm2 = (v: Map<string, number>): number => [...v.keys()].sort(byCodePoint).reduce((s, w) => s + v.get(w)! ** 2, 0);
  const common = [...va.keys()].filter((w) => vb.has(w)).sort(byCodePoint);
  if (common.length === 0) return { score: 0, shared: [] };
  const dot = common.reduce((s, w) => s + va.get(w)! * vb.get(w)!, 0);
  const cosine = Math.min(1, dot / Math.sqrt(norm2(va) * norm2(vb)));
  const shared = common
    .filter((w) => !genericMatterWords.has(w))
    .sort((x, y) => va.get(y)! * vb.get(y)! - va.get(x)! * vb.get(x)! || byCodePoint(x, y));
  return { score: cosine * placeFactor([...va.keys()], [...vb.keys()], isPlace), shared };
}

/** {@link placeConflictFactor} when both name places of one level and share none of them, else 1. */
function placeFactor(a: readonly string[], b: readonly string[], isPlace: (w: string) => boolean): number {
  for (const level of ['village', 'township'] as const) {
    const pa = a.filter((w) => isPlace(w) && placeLevel(w) === level);
    const pb = new Set(b.filter((w) => isPlace(w) && placeLevel(w) === level));
    if (pa.length > 0 && pb.size > 0 && !pa.some((w) => pb.has(w))) return placeConflictFactor;
  }
  return 1;
}
