import {
  addCalendarDays,
  duplicateScore,
  foldMatterWord,
  isoDate,
  type DuplicatePair,
  type LivelihoodSettings,
  type SimilarMatter,
} from '@huiyin/core';
import type { Db } from '../../db/connect.ts';
import { createMattersRepo, type MatterRow } from './matters.repo.ts';
import { createRegionsRepo } from '../regions/regions.repo.ts';
import { createSegmenter, type PlaceSegmenter } from './segmenter.ts';
import { matterTerms } from './matter-view.ts';

/** How many bigram candidates the index hands to the word scorer per matter. */
const CANDIDATES = 100;
/** At most this many matters of one region are compared in the review screen. */
const REVIEW_MAX = 5000;
const WORD_CACHE = 20_000;

/**
 * Likely duplicates among livelihood matters. The bigram index (matters.search_terms) finds
 * candidates in the same township collected within the window; each candidate is then scored
 * by the overlap of its words after segmentation (jieba, with the region's place names in its
 * dictionary; see core duplicateScore).
 */
export function createSimilarityService(deps: { db: Db }) {
  const { db } = deps;
  const matters = createMattersRepo(db);
  let segmenter: Promise<PlaceSegmenter> | null = null;
  const wordCache = new Map<string, string[]>();

  function seg(): Promise<PlaceSegmenter> {
    segmenter ??= (async () => {
      return createSegmenter({ placeNames: await createRegionsRepo(db).placeNames() });
    })();
    return segmenter;
  }

  async function wordsOf(m: { title: string; description: string | null }): Promise<string[]> {
    const key = `${m.title}\u0000${m.description ?? ''}`;
    const hit = wordCache.get(key);
    if (hit) return hit;
    const words = (await seg()).words(`${m.title}。${m.description ?? ''}`);
    if (wordCache.size >= WORD_CACHE) wordCache.delete(wordCache.keys().next().value!);
    wordCache.set(key, words);
    return words;
  }

  /**
   * Score two matters: the word overlap (core duplicateScore, places recognised by the
   * segmenter); two matters placed in different villages (12-digit codes) are not the same need.
   */
  async function score(a: { regionCode: string }, aw: string[], b: { regionCode: string }, bw: string[]) {
    if (a.regionCode.length === 12 && b.regionCode.length === 12 && a.regionCode !== b.regionCode)
      return { score: 0, shared: [] as string[] };
    const s = await seg();
    return duplicateScore(aw, bw, { isPlace: (w) => s.isPlace(w) });
  }

  /** Same township (9 digits) when known, else the county. */
  const areaOf = (regionCode: string) => regionCode.slice(0, regionCode.length >= 9 ? 9 : 6);

  function window(collectedOn: string, days: number): [string, string] {
    const d = isoDate(collectedOn);
    return [addCalendarDays(d, -days), addCalendarDays(d, days)];
  }

  function similarView(m: MatterRow, score: number, shared: string[]): SimilarMatter {
    return {
      id: m.id,
      title: m.title,
      regionCode: m.regionCode,
      regionName: m.regionName,
      status: m.status,
      collectedOn: m.collectedOn,
      originatorCount: m.originatorCount,
      score: Math.round(score * 1000) / 1000,
      shared,
    };
  }

  return {
    /** Build the segmenter now (jieba's dictionary takes a fraction of a second), not on the first request. */
    async warm(): Promise<void> {
      await seg();
    },

    async similar(
      m: { id: number | null; title: string; description: string | null; regionCode: string; collectedOn: string },
      s: LivelihoodSettings,
    ): Promise<SimilarMatter[]> {
      const [from, to] = window(m.collectedOn, s.duplicateWindowDays);
      const terms = matterTerms({ title: m.title, description: m.description }).slice(0, 60);
      const candidates = await matters.candidates(terms, areaOf(m.regionCode), from, to, m.id, CANDIDATES);
      const mine = await wordsOf(m);
      const out: SimilarMatter[] = [];
      for (const c of candidates) {
        const r = await score(m, mine, c, await wordsOf(c));
        if (r.score >= s.duplicateThreshold) out.push(similarView(c, r.score, r.shared));
      }
      return out.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, 10);
    },

    /** Pairs above the threshold among the open matters under a region (the review screen). */
    async pairs(prefix: string, listId: number | undefined, s: LivelihoodSettings): Promise<DuplicatePair[]> {
      const rows = await matters.openUnder(prefix, listId, REVIEW_MAX);
      const full = await matters.byIds(rows.map((r) => r.id));
      const groups = new Map<string, MatterRow[]>();
      for (const r of full) groups.set(areaOf(r.regionCode), [...(groups.get(areaOf(r.regionCode)) ?? []), r]);
      const pairs: DuplicatePair[] = [];
      for (const group of groups.values()) {
        const words = await Promise.all(group.map((g) => wordsOf(g)));
        // Inverted index: only matters sharing a word are compared.
        const byWord = new Map<string, number[]>();
        words.forEach((ws, i) => {
          for (const w of new Set(ws.map(foldMatterWord))) byWord.set(w, [...(byWord.get(w) ?? []), i]);
        });
        const seen = new Set<string>();
        for (const idx of byWord.values()) {
          if (idx.length > 200) continue; // a word in every matter tells nothing
          for (let x = 0; x < idx.length; x++) {
            for (let y = x + 1; y < idx.length; y++) {
              const i = idx[x]!;
              const j = idx[y]!;
              const key = `${i}:${j}`;
              if (seen.has(key)) continue;
              seen.add(key);
              const a = group[i]!;
              const b = group[j]!;
              if (Math.abs(dayNumber(a.collectedOn) - dayNumber(b.collectedOn)) > s.duplicateWindowDays) continue;
              if (a.projectId !== null && b.projectId !== null && a.projectId !== b.projectId) continue;
              const r = await score(a, words[i]!, b, words[j]!);
              if (r.score >= s.duplicateThreshold)
                pairs.push({
                  a: similarView(a, r.score, r.shared),
                  b: similarView(b, r.score, r.shared),
                  score: Math.round(r.score * 1000) / 1000,
                  shared: r.shared,
                });
            }
          }
        }
      }
      return pairs.sort((p, q) => q.score - p.score || p.a.id - q.a.id).slice(0, 500);
    },
  };
}

export type SimilarityService = ReturnType<typeof createSimilarityService>;

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}
