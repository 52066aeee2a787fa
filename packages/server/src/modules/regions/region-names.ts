import type { Db } from '../../db/connect.ts';
import { createRegionsRepo } from './regions.repo.ts';

/**
 * How regions are named in full (GB/T 2260 codes: 6 digits down to the county, 9 the township,
 * 12 the village). A district's name alone is ambiguous (郊区 exists in several cities), so
 * letters and page titles name it with its city: 阳泉市郊区. Feature modules ask here instead of
 * joining the lineage themselves.
 */

/**
 * The codes of a region and of the regions above it (140311200201 → 140311200201, 140311200,
 * 140311, 140300, 140000), nearest first: the lists a region sees, the names of its lineage.
 */
export function regionAndAncestors(code: string): string[] {
  const out = [code];
  if (code.length === 12) out.push(code.slice(0, 9));
  if (code.length >= 9) out.push(code.slice(0, 6));
  const county = code.slice(0, 6);
  if (!county.endsWith('00')) out.push(`${county.slice(0, 4)}00`);
  if (!county.endsWith('0000')) out.push(`${county.slice(0, 2)}0000`);
  return [...new Set(out)];
}

/**
 * 阳泉市郊区 for 140311: the region's name with its city in front when it lies in a county (a
 * city or a province is named as it is). `name` is the region's own name when the caller has it;
 * otherwise it is read (the code itself when the region is unknown).
 */
export async function fullRegionName(db: Db, code: string, name?: string): Promise<string> {
  const regions = createRegionsRepo(db);
  const own = name ?? (await regions.get(code))?.name ?? code;
  const county = code.slice(0, 6);
  if (county.endsWith('00')) return own;
  const city = await regions.get(`${county.slice(0, 4)}00`);
  return city && !own.startsWith(city.name) ? `${city.name}${own}` : own;
}

/** Names of regions from the county down, by code: 140311200201 → 郊区西南舁乡北七村. */
export async function namesFromCounty(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  const all = new Set<string>();
  for (const c of codes) for (const a of regionAndAncestors(c)) all.add(a);
  if (all.size === 0) return new Map();
  const byCode = await createRegionsRepo(db).names([...all]);
  const out = new Map<string, string>();
  for (const c of new Set(codes)) {
    const chain = regionAndAncestors(c)
      .map((a) => byCode.get(a))
      .filter((r): r is NonNullable<typeof r> => r !== undefined && r.level >= 3)
      .reverse();
    out.set(c, chain.map((r) => r.name).join(''));
  }
  return out;
}

/** 山西省 运城市 盐湖区 …: a region as people say it, province first, separated by spaces. */
export async function regionLineageName(db: Db, code: string): Promise<string> {
  return (await createRegionsRepo(db).lineage(code))
    .reverse()
    .map((r) => r.name)
    .join(' ');
}
