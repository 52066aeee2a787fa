import { describe, expect, it } from 'vitest';
import { createRegionResolver, type RegionRecord } from './region-resolver.ts';

/** A small tree: two cities with a county each called 郊区, and two villages called 北七村. */
const fakeRegions: RegionRecord[] = [
  { code: '140000', name: '山西省', parentCode: null, level: 1 },
  { code: '140300', name: '阳泉市', parentCode: '140000', level: 2 },
  { code: '140311', name: '郊区', parentCode: '140300', level: 3 },
  { code: '140302', name: '城区', parentCode: '140300', level: 3 },
  { code: '140311201', name: '西南舁乡', parentCode: '140311', level: 4 },
  { code: '140311201201', name: '北七村', parentCode: '140311201', level: 5 },
  { code: '140311201202', name: '南七村', parentCode: '140311201', level: 5 },
  { code: '140311100', name: '河底镇', parentCode: '140311', level: 4 },
  { code: '140311100203', name: '北七村', parentCode: '140311100', level: 5 },
  { code: '140302001', name: '上站街道', parentCode: '140302', level: 4 },
  { code: '140400', name: '长治市', parentCode: '140000', level: 2 },
  { code: '140411', name: '郊区', parentCode: '140400', level: 3 },
  { code: '140411001', name: '老顶山镇', parentCode: '140411', level: 4 },
];

describe('createRegionResolver', () => {
  const resolve = createRegionResolver(fakeRegions);

  it('matches codes of 6, 9 and 12 digits, and codes padded with zeros', () => {
    expect(resolve('140311')).toEqual({ code: '140311' });
    expect(resolve('140311201')).toEqual({ code: '140311201' });
    expect(resolve(' 140311201201 ')).toEqual({ code: '140311201201' });
    expect(resolve('140311000000')).toEqual({ code: '140311' });
    expect(resolve('140311201000')).toEqual({ code: '140311201' });
    expect(resolve('１４０３１１')).toEqual({ code: '140311' });
    expect(resolve('140399')).toMatchObject({ error: expect.stringContaining('140399') });
    expect(resolve('1403')).toMatchObject({ error: expect.stringContaining('6、9 或 12 位') });
  });

  it('matches a unique name and path suffixes from any ancestor down', () => {
    expect(resolve('西南舁乡')).toEqual({ code: '140311201' });
    expect(resolve('南七村')).toEqual({ code: '140311201202' });
    expect(resolve('郊区西南舁乡')).toEqual({ code: '140311201' });
    expect(resolve('西南舁乡北七村')).toEqual({ code: '140311201201' });
    expect(resolve('郊区西南舁乡北七村')).toEqual({ code: '140311201201' });
    expect(resolve('阳泉市郊区西南舁乡北七村')).toEqual({ code: '140311201201' });
    expect(resolve('山西省阳泉市郊区西南舁乡')).toEqual({ code: '140311201' });
    expect(resolve('阳泉市郊区')).toEqual({ code: '140311' });
    expect(resolve('长治市郊区')).toEqual({ code: '140411' });
    expect(resolve('山西省')).toEqual({ code: '140000' });
    // Spaces and separators between the names are ignored.
    expect(resolve('郊区 / 西南舁乡 / 北七村')).toEqual({ code: '140311201201' });
    expect(resolve('阳泉市-郊区-河底镇-北七村')).toEqual({ code: '140311100203' });
  });

  it('lists up to three candidates of an ambiguous name, in full', () => {
    const village = resolve('北七村');
    expect(village).toHaveProperty('error');
    const message = (village as { error: string }).error;
    expect(message).toContain('山西省阳泉市郊区西南舁乡北七村');
    expect(message).toContain('山西省阳泉市郊区河底镇北七村');
    expect(message).toContain('如 河底镇北七村');
    const county = (resolve('郊区') as { error: string }).error;
    expect(county).toContain('山西省阳泉市郊区');
    expect(county).toContain('山西省长治市郊区');
    expect(county).toContain('如 阳泉市郊区');
  });

  it('lists three and counts the rest when there are more', () => {
    const many: RegionRecord[] = [{ code: '140000', name: '山西省', parentCode: null, level: 1 }];
    for (let i = 1; i <= 5; i++) {
      many.push({ code: `14${String(i).padStart(2, '0')}00`, name: `市${i}`, parentCode: '140000', level: 2 });
      many.push({ code: `14${String(i).padStart(2, '0')}01`, name: '城区', parentCode: `14${String(i).padStart(2, '0')}00`, level: 3 });
    }
    const message = (createRegionResolver(many)('城区') as { error: string }).error;
    expect(message.match(/山西省市\d城区/g)).toHaveLength(3);
    expect(message).toContain('如 市1城区');
    expect(message).toContain('等 5 处');
  });

  it('answers unknown and empty texts with an error, in English when asked', () => {
    expect(resolve('火星村')).toMatchObject({ error: expect.stringContaining('找不到区域“火星村”') });
    expect(resolve('西南舁乡北八村')).toHaveProperty('error');
    expect(resolve('  ')).toHaveProperty('error');
    const en = createRegionResolver(fakeRegions, { lang: 'en' });
    expect(en('火星村')).toMatchObject({ error: expect.stringContaining('no region') });
    expect(en('北七村')).toMatchObject({ error: expect.stringContaining('ambiguous') });
  });

  it('survives parents outside the list and cycles', () => {
    const odd = createRegionResolver([
      { code: '140311201', name: '西南舁乡', parentCode: '140311', level: 4 },
      { code: '140311201201', name: '北七村', parentCode: '140311201', level: 5 },
      { code: '110000', name: '甲', parentCode: '120000', level: 1 },
      { code: '120000', name: '乙', parentCode: '110000', level: 1 },
    ]);
    expect(odd('西南舁乡北七村')).toEqual({ code: '140311201201' });
    expect(odd('郊区西南舁乡')).toHaveProperty('error');
    expect(odd('乙甲')).toEqual({ code: '110000' });
  });

  it('is fast: 10,000 lookups over ~2,000 regions', () => {
    const regions: RegionRecord[] = [{ code: '140000', name: '山西省', parentCode: null, level: 1 }];
    for (let c = 1; c <= 4; c++) {
      const city = `14${String(c).padStart(2, '0')}00`;
      regions.push({ code: city, name: `第${c}市`, parentCode: '140000', level: 2 });
      for (let k = 1; k <= 5; k++) {
        const county = `${city.slice(0, 4)}${String(k).padStart(2, '0')}`;
        regions.push({ code: county, name: `第${c}市${k}县`, parentCode: city, level: 3 });
        for (let t = 1; t <= 10; t++) {
          const town = `${county}${String(t).padStart(3, '0')}`;
          regions.push({ code: town, name: `乡${c}${k}${t}`, parentCode: county, level: 4 });
          for (let v = 1; v <= 9; v++)
            regions.push({ code: `${town}${String(v).padStart(3, '0')}`, name: `村${v}`, parentCode: town, level: 5 });
        }
      }
    }
    const t0 = performance.now();
    const resolver = createRegionResolver(regions);
    const built = performance.now() - t0;
    const byCode = new Map(regions.map((r) => [r.code, r]));
    const texts = regions.filter((r) => r.level === 5).flatMap((v) => [v.code, `${byCode.get(v.parentCode!)!.name}${v.name}`, v.name]);
    const t1 = performance.now();
    let found = 0;
    for (let i = 0; i < 10_000; i++) if ('code' in resolver(texts[i % texts.length]!)) found++;
    const looked = performance.now() - t1;
    console.log(`[region-resolver] ${regions.length} regions indexed in ${built.toFixed(1)} ms; 10,000 lookups in ${looked.toFixed(1)} ms`);
    // Codes and town+village paths are unique; bare village names (村1 …) are ambiguous.
    expect(found).toBe(6667);
  });
});
