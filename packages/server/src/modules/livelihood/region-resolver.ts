import type { RegionResolver } from './matters.xlsx.ts';

/**
 * Turns what someone typed in a spreadsheet's region column into a region code.
 *
 * Accepted, in this order:
 * - a GB/T 2260 code of 6, 9 or 12 digits (a code padded with zeros to 9 or 12 digits, such as
 *   140311000000, is taken as the shorter code);
 * - a name (西南舁乡) when exactly one region bears it;
 * - a path suffix: the names from any ancestor down to the region, written one after the other
 *   (郊区西南舁乡, 阳泉市郊区西南舁乡北七村, 山西省阳泉市郊区西南舁乡). Spaces and the separators
 *   / ／ \ > ＞ | ｜ - — · between the names are ignored (郊区/西南舁乡 works too).
 *
 * A name or path that fits several regions is an error listing up to three of them in full, so
 * the person can add the name of the region above. Only the regions given are known: pass the
 * ones the importing user may import into, and names outside them are “not found”.
 *
 * Everything is indexed once (every suffix of every region's path), so a lookup is a map read:
 * 10,000 lookups over a few thousand regions take milliseconds.
 */

export interface RegionRecord {
  code: string;
  name: string;
  parentCode: string | null;
  level: number;
}

const CODE = /^\d+$/;
/** Spaces (including full-width and zero-width) and the separators people put between names. */
const SEPARATORS = /[\s\u200b-\u200d\ufeff/／\\>＞|｜\-—–·・]+/gu;
const MAX_DEPTH = 12;

function normalise(text: string): string {
  return text.normalize('NFKC').replace(SEPARATORS, '');
}

const messages = {
  zh: {
    empty: '区域为空',
    badCode: (t: string) => `区划代码“${t}”应为 6、9 或 12 位数字`,
    unknownCode: (t: string) => `区划代码“${t}”不存在，或不在可导入的区域范围内`,
    unknown: (t: string) => `找不到区域“${t}”：请填写区域名称（如 西南舁乡）、从上级写起的名称（如 郊区西南舁乡北七村）或区划代码`,
    ambiguous: (t: string, paths: string[], total: number, example: string) =>
      `区域“${t}”不唯一，可能是：${paths.join('、')}${total > paths.length ? ` 等 ${total} 处` : ''}。请加上上级区域的名称，如 ${example}`,
  },
  en: {
    empty: 'the region is empty',
    badCode: (t: string) => `region code "${t}" must have 6, 9 or 12 digits`,
    unknownCode: (t: string) => `region code "${t}" does not exist or is outside the regions you may import into`,
    unknown: (t: string) =>
      `no region "${t}": write a region name (西南舁乡), the names from a region above down to it (郊区西南舁乡北七村) or a region code`,
    ambiguous: (t: string, paths: string[], total: number, example: string) =>
      `region "${t}" is ambiguous: ${paths.join(', ')}${total > paths.length ? ` and ${total - paths.length} more` : ''}. Add the name of the region above, e.g. ${example}`,
  },
};

export function createRegionResolver(regions: readonly RegionRecord[], opts: { lang?: 'zh' | 'en' } = {}): RegionResolver {
  const m = messages[opts.lang ?? 'zh'];
  const byCode = new Map<string, RegionRecord>();
  for (const r of regions) byCode.set(r.code, r);

  /** The names from the topmost known ancestor down to the region (parent links outside the set end the chain). */
  const chainOf = (r: RegionRecord): string[] => {
    const names = [r.name];
    const seen = new Set([r.code]);
    let parent = r.parentCode;
    while (parent !== null && names.length < MAX_DEPTH && !seen.has(parent)) {
      const p = byCode.get(parent);
      if (!p) break;
      seen.add(parent);
      names.push(p.name);
      parent = p.parentCode;
    }
    return names.reverse();
  };

  const chains = new Map<string, string[]>();
  /** Every suffix of every region's path (its own name included), normalised → codes. */
  const bySuffix = new Map<string, string[]>();
  for (const r of byCode.values()) {
    const names = chainOf(r);
    chains.set(r.code, names);
    const chain = names.map(normalise);
    for (let i = 0; i < chain.length; i++) {
      const key = chain.slice(i).join('');
      if (key === '') continue;
      const codes = bySuffix.get(key);
      if (!codes) bySuffix.set(key, [r.code]);
      else if (codes[codes.length - 1] !== r.code) codes.push(r.code);
    }
  }

  const fullPath = (code: string) => chains.get(code)?.join('') ?? code;
  /** The shortest path that names the region alone: 西南舁乡北七村 rather than 山西省阳泉市郊区西南舁乡北七村. */
  const shortPath = (code: string) => {
    const names = chains.get(code) ?? [];
    for (let i = names.length - 1; i >= 0; i--) {
      const suffix = names.slice(i);
      if (bySuffix.get(suffix.map(normalise).join(''))?.length === 1) return suffix.join('');
    }
    return fullPath(code);
  };

  const byCodeText = (digits: string): { code: string } | { error: string } => {
    if (digits.length !== 6 && digits.length !== 9 && digits.length !== 12) return { error: m.badCode(digits) };
    const tries = [digits];
    if (digits.length === 12 && digits.endsWith('000')) tries.push(digits.slice(0, 9));
    if (
      digits.length >= 9 &&
      digits
        .slice(6)
        .split('')
        .every((c) => c === '0')
    )
      tries.push(digits.slice(0, 6));
    for (const t of tries) if (byCode.has(t)) return { code: t };
    return { error: m.unknownCode(digits) };
  };

  return (text: string) => {
    const key = normalise(text);
    if (key === '') return { error: m.empty };
    if (CODE.test(key)) return byCodeText(key);
    const codes = bySuffix.get(key);
    if (!codes || codes.length === 0) return { error: m.unknown(text.trim()) };
    if (codes.length === 1) return { code: codes[0]! };
    const first = [...codes].sort().slice(0, 3);
    return { error: m.ambiguous(text.trim(), first.map(fullPath), codes.length, shortPath(first[0]!)) };
  };
}
