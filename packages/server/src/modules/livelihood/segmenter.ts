import { add_word, cut, tag, tokenize, type Token } from 'jieba-wasm/node';
import { foldMatterWord, genericMatterWords, matterSynonyms } from '@huiyin/core';

/**
 * Chinese word segmentation for duplicate suggestion of livelihood matters, on jieba-rs compiled to
 * WASM (`jieba-wasm`, its Node build). Everything is synchronous: importing this file compiles and
 * instantiates the 4 MB WASM module (20-50 ms); the first call into jieba then builds its default
 * dictionary (0.2-0.5 s, blocking), which happens inside the first {@link createSegmenter}; creating
 * it with a county's place names adds 50-150 ms; 1,000 texts of 50 characters take 0.1-0.25 s.
 * jieba holds one global dictionary per process.
 *
 * Choices:
 * - Search mode: a long word comes with the dictionary words inside it (垃圾清运 → 垃圾, 清运,
 *   垃圾清运), so 垃圾清运 and 清运垃圾 overlap. Only inner words the scorer knows (core's synonym
 *   map and generic words, {@link domainWords}) are kept: the others are mostly fragments (自来 in
 *   自来水, 通事 in 交通事故, 压低 in 水压低). An inner word that folds to the same canonical word as
 *   the word around it is dropped (集中供暖 → 供暖 is counted once), and so is anything inside a
 *   place name (西南舁乡 does not also yield 西南).
 * - HMM off: the HMM glues unknown characters into new words from character statistics, and the glue
 *   depends on the neighbours (区仅, 较远且, 灯一闪 in our test set), so the same need written twice
 *   would not give the same words. Without it an unknown run falls apart into single characters,
 *   which are dropped: we lose a little, we never invent. The words the HMM would have been needed
 *   for are added to the dictionary instead: place names, every word of core's synonym map and
 *   generic list, and {@link domainWords}.
 * - Dropped: punctuation and spaces, numbers and quantities (18, 好几个, 十余公里), single characters
 *   (except the few the synonym map gives a meaning: 坏 → 损坏, 修 → 维修), {@link stopWords}, and
 *   words jieba tags as adverbs, numerals, measure words, pronouns, prepositions, conjunctions,
 *   particles, interjections, directions or times (到处, 上面, 夏天), unless the scorer knows them.
 * - Repeats are kept, in text order: the scorer counts them (what a matter names again and again is
 *   what it is about). Use `new Set(words)` for the distinct words.
 */
export interface Segmenter {
  words(text: string): string[];
}

export interface PlaceSegmenter extends Segmenter {
  /** True for a place name given to {@link createSegmenter}, in its full or short form; pass it to core's `duplicateScore`. */
  isPlace(word: string): boolean;
}

/** Words of livelihood matters that jieba's dictionary lacks or cuts wrongly in context (自来水管/网). */
export const domainWords: readonly string[] = [
  '管网',
  '供水管网',
  '自来水管网',
  '污水管网',
  '雨污分流',
  '旱厕',
  '户厕',
  '改厕',
  '厕所革命',
  '农网',
  '危桥',
  '便桥',
  '煤改气',
  '煤改电',
  '户户通',
  '快递点',
  '垃圾点',
  '日间照料',
  '日间照料中心',
  '幸福食堂',
  '老年食堂',
  '助餐',
  '村村通',
  '采煤沉陷区',
  '沉陷区',
  '地质灾害',
  '危房',
  '危房改造',
  '低保',
  '医保',
  '高龄津贴',
  '养老金',
  '候车亭',
  '减速带',
  '广场舞',
  '健身器材',
  '巷道',
  '排污管道',
  '下水管道',
  '垃圾清运',
  '清淤',
  '护坡',
  '河道',
];

/**
 * Words without content: function words, pronouns, particles, frequent adverbs. Words with content
 * that appear in every complaint (问题, 希望, 解决 …) are core's `genericMatterWords`, weighed low.
 */
export const stopWords: ReadonlySet<string> = new Set([
  '的',
  '了',
  '在',
  '是',
  '有',
  '和',
  '与',
  '及',
  '或',
  '也',
  '都',
  '就',
  '还',
  '又',
  '很',
  '太',
  '更',
  '最',
  '被',
  '把',
  '从',
  '到',
  '向',
  '对',
  '给',
  '让',
  '使',
  '为',
  '着',
  '过',
  '个',
  '之',
  '其',
  '等',
  '啊',
  '吧',
  '呢',
  '吗',
  '呀',
  '嘛',
  '哦',
  '我们',
  '你们',
  '他们',
  '她们',
  '它们',
  '咱们',
  '俺们',
  '自己',
  '大家',
  '我',
  '你',
  '他',
  '她',
  '它',
  '俺',
  '这',
  '那',
  '这个',
  '那个',
  '这些',
  '那些',
  '这里',
  '那里',
  '这儿',
  '那儿',
  '这样',
  '那样',
  '这么',
  '那么',
  '那条',
  '那段',
  '什么',
  '怎么',
  '怎么办',
  '为什么',
  '哪里',
  '啥',
  '啥时候',
  '什么时候',
  '时候',
  '的话',
  '一下',
  '一个',
  '一些',
  '一点',
  '因为',
  '所以',
  '但是',
  '可是',
  '而且',
  '并且',
  '如果',
  '虽然',
  '或者',
  '以及',
  '还是',
  '就是',
  '不是',
  '还有',
  '已经',
  '可以',
  '能够',
  '能不能',
  '需要',
  '应该',
  '必须',
  '还要',
  '为了',
  '通过',
  '进行',
  '对于',
  '关于',
  '由于',
  '以来',
  '以后',
  '以前',
  '之后',
  '之前',
  '其中',
  '等等',
  '比如',
  '而是',
  '只能',
  '只有',
  '都是',
  '全是',
  '也是',
  '都得',
  '出来',
  '起来',
  '下来',
  '上去',
  '进来',
  '来回',
  '一到',
  '好好',
  '特别',
  '非常',
  '十分',
  '比较',
  '有点',
  '有些',
]);

/** jieba tags of word classes without content of their own (the ICTCLAS set jieba uses). */
const contentlessTags: ReadonlySet<string> = new Set([
  'd',
  'm',
  'mq',
  'q',
  'r',
  'p',
  'c',
  'u',
  'uj',
  'ul',
  'ud',
  'uz',
  'uv',
  'ug',
  'y',
  'e',
  'o',
  'f',
  't',
]);
/** jieba tags of proper names: a short form jieba knows with one of these is still a place. */
const nameTags: ReadonlySet<string> = new Set(['ns', 'nr', 'nrt', 'nz']);
/** Administrative suffixes stripped to get a short form, longest first. */
const placeSuffixes = ['街道办事处', '村民委员会', '社区居委会', '办事处', '居委会', '村委会', '街道', '社区', '镇', '乡', '村'];

const han = /^\p{Script=Han}$/u;
const hasLetterOrDigit = /[\p{L}\p{N}]/u;
const numberLike = /^[\p{N}.,%]+$/u;
/** A number with its measure word (好几个, 十余公里, 两趟): says how much, not what. */
const quantity =
  /^[零一二三四五六七八九十百千万两几半多好余数]+(?:公里|小时|分钟|[个天年月日周次回遍台户家里米条处座盏件位趟班岁度亩人辆栋间口块斤元多余来])*$/u;

/** Words added to jieba's global dictionary by this process: each is added once. */
const addedWords = new Set<string>();

function addOnce(word: string, wordTag: string | null): void {
  if (addedWords.has(word)) return;
  addedWords.add(word);
  add_word(word, null, wordTag);
}

/** The scorer's vocabulary plus {@link domainWords}: inner words of a compound are kept only from here. */
let knownWords: ReadonlySet<string> | undefined;

function loadLexicon(): ReadonlySet<string> {
  if (knownWords) return knownWords;
  const known = new Set([...matterSynonyms.keys(), ...genericMatterWords, ...domainWords]);
  for (const w of known) if ([...w].length >= 2 && cut(w, false).length > 1) addOnce(w, null);
  knownWords = known;
  return known;
}

/** jieba's tag of a single dictionary word (undefined when it is not one word), cached. */
const tagCache = new Map<string, string | undefined>();

function wordTag(word: string): string | undefined {
  if (tagCache.has(word)) return tagCache.get(word);
  const tags = tag(word, false);
  const t = tags.length === 1 ? tags[0]!.tag : undefined;
  if (tagCache.size >= 100_000) tagCache.clear();
  tagCache.set(word, t);
  return t;
}

const inside = (inner: Token, outer: Token): boolean =>
  outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;

/**
 * A segmenter that keeps the given place names whole. Short forms (西南舁 for 西南舁乡, 北七 for
 * 北七村) are kept whole too, unless jieba already knows them as ordinary words (平坦 of 平坦镇 stays
 * the adjective); a short form of one place comes back as that place's full name, one shared by
 * several places (荫营 of 荫营镇 and 荫营村) as it is.
 *
 * The dictionary is global: every word is added once per process, and a segmenter also cuts the
 * place names of earlier segmenters whole (it only reports its own as places). Creating a segmenter
 * a second time with the same names costs next to nothing.
 */
export function createSegmenter(opts: { placeNames: readonly string[] }): PlaceSegmenter {
  const known = loadLexicon();
  const places = new Set<string>();
  const fullNamesOfShort = new Map<string, Set<string>>();
  for (const raw of opts.placeNames) {
    const name = raw.normalize('NFKC').toLowerCase().trim();
    if ([...name].length < 2) continue;
    places.add(name);
    const suffix = placeSuffixes.find((s) => name.endsWith(s) && name.length > s.length);
    if (!suffix) continue;
    const short = name.slice(0, -suffix.length);
    if ([...short].length < 2) continue;
    if (!addedWords.has(short)) {
      const t = wordTag(short);
      if (t !== undefined && !nameTags.has(t)) continue;
    }
    let names = fullNamesOfShort.get(short);
    if (!names) fullNamesOfShort.set(short, (names = new Set()));
    names.add(name);
  }
  for (const p of places) addOnce(p, 'ns');
  for (const short of fullNamesOfShort.keys()) {
    addOnce(short, 'ns');
    tagCache.delete(short);
    places.add(short);
  }
  const fullName = new Map<string, string>();
  for (const [short, names] of fullNamesOfShort) if (names.size === 1) fullName.set(short, [...names][0]!);

  const hasContent = (w: string): boolean => {
    if (!hasLetterOrDigit.test(w) || numberLike.test(w) || quantity.test(w) || stopWords.has(w)) return false;
    if ([...w].length === 1) return han.test(w) && [...foldMatterWord(w)].length > 1;
    if (places.has(w) || known.has(w)) return true;
    const t = wordTag(w);
    return t === undefined || !contentlessTags.has(t);
  };

  return {
    isPlace: (word) => places.has(word),
    words(text) {
      const tokens = tokenize(text.normalize('NFKC').toLowerCase(), 'search', false);
      // Search mode lists the inner words of a long word just before it, each inside its span:
      // walking backwards, the long word comes first and its inner words follow.
      const outerOf: (Token | undefined)[] = new Array<Token | undefined>(tokens.length);
      let current: Token | undefined;
      for (let i = tokens.length - 1; i >= 0; i--) {
        const t = tokens[i]!;
        if (current && inside(t, current)) outerOf[i] = current;
        else current = t;
      }
      const out: string[] = [];
      tokens.forEach((t, i) => {
        const w = t.word;
        if (!hasContent(w)) return;
        const outer = outerOf[i];
        // An inner word counts when the scorer knows it and it adds a meaning: not 西南 in 西南舁乡,
        // not 供暖 in 集中供暖 (both fold to 供暖), not the fragment 自来 in 自来水.
        if (outer && (!known.has(w) || places.has(outer.word) || foldMatterWord(w) === foldMatterWord(outer.word))) return;
        out.push(fullName.get(w) ?? w);
      });
      return out;
    },
  };
}
