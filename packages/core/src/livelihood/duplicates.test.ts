import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  duplicateScore,
  foldMatterWord,
  genericMatterWords,
  looksLikePlaceName,
  matterSynonyms,
  matterWordCounts,
  placeConflictFactor,
  placeLevel,
} from './duplicates.ts';

describe('duplicateScore', () => {
  it('is 1 for the same words and 0 for nothing in common', () => {
    const words = ['北七村', '自来水', '管网', '吃水', '困难'];
    expect(duplicateScore(words, words).score).toBe(1);
    expect(duplicateScore(words, [...words].reverse()).score).toBe(1);
    expect(duplicateScore(words, ['路灯', '损坏', '夜间'])).toEqual({ score: 0, shared: [] });
    expect(duplicateScore([], []).score).toBe(0);
    expect(duplicateScore(['路灯'], []).score).toBe(0);
  });

  it('folds near-synonyms: 坏 / 损坏, 修 / 维修, 照明 / 路灯', () => {
    const a = ['路灯', '坏', '修'];
    const b = ['照明', '损坏', '维修'];
    expect(duplicateScore(a, b).score).toBe(1);
    expect(duplicateScore(a, b).shared.sort()).toEqual(['损坏', '维修', '路灯'].sort());
  });

  it('ignores single characters and numbers that have no synonym', () => {
    expect(duplicateScore(['路灯', '灯', '3'], ['路灯']).score).toBe(1);
    expect(duplicateScore(['灯', '18'], ['灯', '18']).score).toBe(0);
  });

  it('gives little for an overlap of generic words only', () => {
    const a = ['群众', '反映', '路灯', '损坏', '希望', '解决'];
    const b = ['群众', '反映', '垃圾', '清运', '希望', '解决'];
    const r = duplicateScore(a, b);
    expect(r.score).toBeLessThan(0.05);
    expect(r.shared).toEqual([]);
    // the same frame around the same need scores high
    expect(duplicateScore(a, ['村民', '反映', '路灯', '坏', '尽快', '维修']).score).toBeGreaterThan(0.6);
  });

  it('weighs what a matter repeats', () => {
    const lights = ['路灯', '损坏', '路灯', '夜间'];
    expect(duplicateScore(lights, ['路灯', '不亮', '道路']).score).toBeGreaterThan(duplicateScore(lights, ['夜间', '不亮', '道路']).score);
  });

  it('a shared village adds little; different villages lower the score', () => {
    const need = ['垃圾', '清运', '及时', '垃圾点'];
    const same = duplicateScore(['燕龛村', ...need], ['燕龛村', ...need]).score;
    const oneSided = duplicateScore(['燕龛村', ...need], need).score;
    const different = duplicateScore(['燕龛村', ...need], ['闫家庄村', ...need]).score;
    expect(same).toBe(1);
    expect(oneSided).toBeGreaterThan(0.99);
    expect(different).toBeLessThan(placeConflictFactor + 1e-9);
    // a different township conflicts too, a township and a village of it do not
    expect(duplicateScore(['荫营镇', ...need], ['河底镇', ...need]).score).toBeLessThan(0.31);
    expect(duplicateScore(['荫营镇', ...need], ['辛兴村', ...need]).score).toBeGreaterThan(0.99);
    // sharing one of several villages is no conflict
    expect(duplicateScore(['北七村', '南七村', ...need], ['北七村', ...need]).score).toBeGreaterThan(0.9);
  });

  it('takes the segmenter’s idea of a place', () => {
    const need = ['路灯', '损坏'];
    // 荫营 is a short form the default test cannot know: counted as content, it lifts the score
    const asContent = duplicateScore(['荫营', ...need], ['荫营', '路灯', '道路']).score;
    const asPlace = duplicateScore(['荫营', ...need], ['荫营', '路灯', '道路'], { isPlace: (w) => w === '荫营' }).score;
    expect(asPlace).toBeLessThan(asContent);
    // a two-character village is a place only when the caller says so; then it can conflict
    expect(duplicateScore(['东村', ...need], ['西村', ...need]).score).toBeCloseTo(2 / 3, 9);
    expect(duplicateScore(['东村', ...need], ['西村', ...need], { isPlace: (w) => w.endsWith('村') }).score).toBeLessThan(0.31);
  });
});

describe('places and words', () => {
  it('tells places by their administrative suffix, not generic words', () => {
    expect(placeLevel('西南舁乡')).toBe('township');
    expect(placeLevel('荫营镇')).toBe('township');
    expect(placeLevel('北七村')).toBe('village');
    expect(placeLevel('荫营社区')).toBe('village');
    expect(placeLevel('农村')).toBeUndefined();
    expect(placeLevel('新农村')).toBeUndefined();
    expect(placeLevel('路灯')).toBeUndefined();
    expect(looksLikePlaceName('上千亩坪村')).toBe(true);
    expect(looksLikePlaceName('山村')).toBe(false);
    expect(looksLikePlaceName('东村')).toBe(false);
  });

  it('folds synonyms to a canonical word that maps to itself', () => {
    expect(foldMatterWord('坏')).toBe('损坏');
    expect(foldMatterWord('修理')).toBe('维修');
    expect(foldMatterWord('自来水')).toBe('自来水');
    expect(foldMatterWord('污水')).toBe('污水');
    expect(foldMatterWord('没听过的词')).toBe('没听过的词');
    for (const canonical of new Set(matterSynonyms.values())) {
      expect(matterSynonyms.get(canonical)).toBe(canonical);
      expect([...canonical].length).toBeGreaterThan(1);
    }
  });

  it('keeps distinct needs apart in the synonym map', () => {
    const distinct = [
      ['路灯', '道路'],
      ['自来水', '污水'],
      ['维修', '拓宽'],
      ['红绿灯', '路灯'],
      ['户厕', '公厕'],
      ['饮水', '灌溉'],
    ];
    for (const [x, y] of distinct) expect(foldMatterWord(x!)).not.toBe(foldMatterWord(y!));
  });

  it('generic words are multi-character and fold to themselves', () => {
    for (const w of genericMatterWords) {
      expect([...w].length).toBeGreaterThan(1);
      expect(foldMatterWord(w)).toBe(w);
    }
  });

  it('counts canonical words', () => {
    expect([...matterWordCounts(['坏', '损坏', '路灯', '灯', '12'])]).toEqual([
      ['损坏', 2],
      ['路灯', 1],
    ]);
  });
});

describe('duplicateScore properties', () => {
  const vocabulary = [
    '路灯',
    '损坏',
    '坏',
    '维修',
    '修',
    '道路',
    '坑洼',
    '自来水',
    '污水',
    '管网',
    '北七村',
    '燕龛村',
    '荫营镇',
    '河底镇',
    '群众',
    '反映',
    '希望',
    '解决',
    '灯',
    '1',
    '垃圾',
    '清运',
  ];
  const words = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ minLength: 1, maxLength: 4 })), { maxLength: 30 });

  it('is symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(words, words, (a, b) => {
        const ab = duplicateScore(a, b);
        const ba = duplicateScore(b, a);
        expect(ab.score).toBe(ba.score);
        expect(ab.shared).toEqual(ba.shared);
        expect(ab.score).toBeGreaterThanOrEqual(0);
        expect(ab.score).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is 1 for a list and any reordering of it, when something counts', () => {
    fc.assert(
      fc.property(words, fc.integer(), (a, seed) => {
        const shuffled = [...a].sort((x, y) => ((x.charCodeAt(0) ^ seed) & 7) - ((y.charCodeAt(0) ^ seed) & 7));
        const expected = matterWordCounts(a).size > 0 ? 1 : 0;
        expect(duplicateScore(a, shuffled).score).toBe(expected);
      }),
    );
  });

  it('is 0 when the canonical words are disjoint', () => {
    fc.assert(
      fc.property(words, words, (a, b) => {
        const ka = new Set(matterWordCounts(a).keys());
        fc.pre(![...matterWordCounts(b).keys()].some((w) => ka.has(w)));
        expect(duplicateScore(a, b).score).toBe(0);
      }),
    );
  });
});
