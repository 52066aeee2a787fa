import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { originatorInputSchema } from '@huiyin/core';
import * as data from './demo-livelihood-data.ts';
import {
  beiqiVillageCodes,
  DEMO_LIVELIHOOD_TODAY,
  demoMatters,
  demoProjects,
  demoVillages,
  neededDemoUnits,
} from './demo-livelihood-data.ts';

const TOWNSHIPS = ['140311100', '140311101', '140311103', '140311200', '140311201', '140311202', '140311203', '140311400'];
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const matterByKey = new Map(demoMatters.map((m) => [m.key, m]));

/** The unit keys of demo-org.ts (not exported there, so read from its source). */
function demoOrgUnitKeys(): Set<string> {
  const source = readFileSync(path.join(import.meta.dirname, 'demo-org.ts'), 'utf8');
  return new Set([...source.matchAll(/\{ key: '(\w+)', name: '/g)].map((m) => m[1]!));
}

describe('demo villages', () => {
  it('have 12-digit codes under a 140311 township, numbered from 201, with unique names', () => {
    expect(new Set(demoVillages.map((v) => v.code)).size).toBe(demoVillages.length);
    expect(new Set(demoVillages.map((v) => v.name)).size).toBe(demoVillages.length);
    for (const v of demoVillages) {
      expect(v.code).toMatch(/^\d{12}$/);
      expect(TOWNSHIPS).toContain(v.townCode);
      expect(v.code.startsWith(v.townCode)).toBe(true);
      expect(Number(v.code.slice(9))).toBeGreaterThanOrEqual(201);
    }
    for (const town of TOWNSHIPS) expect(demoVillages.some((v) => v.townCode === town)).toBe(true);
  });

  it('include the 7 villages of 北七村 in 西南舁乡', () => {
    expect(beiqiVillageCodes).toHaveLength(7);
    for (const code of beiqiVillageCodes) expect(code.startsWith('140311200')).toBe(true);
    expect(beiqiVillageCodes[0]).toBe('140311200201');
  });
});

describe('demo matters', () => {
  it('are 425 with unique keys, about 40 planted duplicates of earlier matters in the same township', () => {
    expect(demoMatters).toHaveLength(425);
    expect(matterByKey.size).toBe(425);
    const dups = demoMatters.filter((m) => m.duplicateOf);
    expect(dups.length).toBeGreaterThanOrEqual(35);
    expect(dups.length).toBeLessThanOrEqual(45);
    for (const d of dups) {
      const original = matterByKey.get(d.duplicateOf!);
      expect(original, d.key).toBeDefined();
      expect(original!.duplicateOf).toBeUndefined();
      expect(d.regionCode.slice(0, 9)).toBe(original!.regionCode.slice(0, 9));
      expect(d.areaCode).toBe(original!.areaCode);
      expect(d.title).not.toBe(original!.title);
      expect(d.collectedOn >= original!.collectedOn).toBe(true);
    }
  });

  it('are in demo villages or 140311 townships, collected in spring 2026, within the API limits', () => {
    const villages = new Set(demoVillages.map((v) => v.code));
    const areas = ['development', 'poverty', 'livelihood', 'service_reform', 'governance'];
    for (const m of demoMatters) {
      expect(villages.has(m.regionCode) || TOWNSHIPS.includes(m.regionCode), m.regionCode).toBe(true);
      expect(areas).toContain(m.areaCode);
      expect(m.collectedOn).toMatch(isoDate);
      expect(m.collectedOn >= '2026-04-01' && m.collectedOn <= '2026-05-20').toBe(true);
      expect(m.title.length).toBeGreaterThan(0);
      expect(m.title.length).toBeLessThanOrEqual(100);
      expect(m.description.length).toBeLessThanOrEqual(4000);
      expect(m.collectedBy.length).toBeLessThanOrEqual(100);
      expect(m.title).not.toMatch(/[{}]|undefined/);
      expect(m.description).not.toMatch(/[{}]|undefined/);
    }
    // Every area is represented.
    for (const a of areas) expect(demoMatters.some((m) => m.areaCode === a)).toBe(true);
  });

  it('have at least one originator each, valid as API input, with mobile phones', () => {
    for (const m of demoMatters) {
      expect(m.originators.length, m.key).toBeGreaterThanOrEqual(1);
      for (const o of m.originators) {
        if (o.phone !== undefined) expect(o.phone).toMatch(/^1[3-9]\d{9}$/);
        expect(originatorInputSchema.safeParse(o).success, JSON.stringify(o)).toBe(true);
      }
    }
    // Households of a village signing together.
    expect(demoMatters.filter((m) => m.originators.filter((o) => o.kind === 'household').length >= 5).length).toBeGreaterThan(50);
    expect(demoMatters.some((m) => m.originators.some((o) => o.kind === 'enterprise'))).toBe(true);
  });
});

describe('demo projects', () => {
  it('are 46 with unique keys, each answering 1-15 original matters, none answered twice', () => {
    expect(demoProjects).toHaveLength(46);
    expect(new Set(demoProjects.map((p) => p.key)).size).toBe(46);
    const answered = new Set<string>();
    for (const p of demoProjects) {
      expect(p.matterKeys.length, p.title).toBeGreaterThanOrEqual(1);
      expect(p.matterKeys.length, p.title).toBeLessThanOrEqual(15);
      for (const k of p.matterKeys) {
        const m = matterByKey.get(k);
        expect(m, k).toBeDefined();
        expect(m!.duplicateOf).toBeUndefined();
        expect(answered.has(k), k).toBe(false);
        answered.add(k);
      }
    }
  });

  it('start with the water project of 北七村, answering every water matter of its 7 villages', () => {
    const water = demoProjects[0]!;
    expect(water.title).toBe('西南舁乡北七村自来水管网连片工程');
    expect(water.leadUnitKey).toBe('jqWater');
    const villagesAnswered = new Set(water.matterKeys.map((k) => matterByKey.get(k)!.regionCode));
    expect([...villagesAnswered].sort()).toEqual([...beiqiVillageCodes].sort());
    expect(water.matterKeys.length).toBeGreaterThan(7);
    const households = water.matterKeys.reduce((s, k) => s + matterByKey.get(k)!.originators.length, 0);
    expect(households).toBeGreaterThan(80);
    // No water matter of 北七村 is left outside it, other than duplicates to merge into its own.
    const beiqiWater = demoMatters.filter(
      (m) => beiqiVillageCodes.includes(m.regionCode) && /自来水|吃水|水窖|供水|水管/.test(m.title) && !m.duplicateOf,
    );
    for (const m of beiqiWater) expect(water.matterKeys).toContain(m.key);
    expect(water.milestones.map((m) => [m.title, m.percent])).toEqual([
      ['勘察设计', 100],
      ['管网铺设', 100],
      ['入户安装', expect.any(Number)],
      ['通水验收', 0],
    ]);
    expect(water.milestones[2]!.percent).toBeGreaterThan(0);
    expect(water.milestones[2]!.percent).toBeLessThan(100);
    expect(water.milestones.reduce((s, m) => s + m.weight, 0)).toBe(100);
    expect(water.accepted).toBeUndefined();
  });

  it('have sane dates, weights, reports and scores', () => {
    for (const p of demoProjects) {
      expect(p.title.length).toBeLessThanOrEqual(100);
      expect(p.description.length).toBeLessThanOrEqual(4000);
      expect(p.startDate).toMatch(isoDate);
      expect(p.dueDate).toMatch(isoDate);
      expect(p.startDate <= p.dueDate).toBe(true);
      expect(p.budget).toBeGreaterThan(0);
      expect(p.priority).toBeGreaterThanOrEqual(1);
      expect(p.priority).toBeLessThanOrEqual(5);
      expect(p.votes).toBeGreaterThanOrEqual(0);
      expect(p.peopleAffected).toBeGreaterThan(0);
      expect(p.milestones.length).toBeGreaterThan(0);
      let previous = p.startDate;
      for (const m of p.milestones) {
        expect(m.weight).toBeGreaterThan(0);
        expect(m.plannedDate <= p.dueDate, `${p.title} ${m.title}`).toBe(true);
        expect(m.plannedDate >= previous).toBe(true);
        previous = m.plannedDate;
        expect(m.percent).toBeGreaterThanOrEqual(0);
        expect(m.percent).toBeLessThanOrEqual(100);
        expect(m.reports.length > 0).toBe(m.percent > 0);
        let last = 0;
        let lastDate = '';
        for (const r of m.reports) {
          expect(r.date <= DEMO_LIVELIHOOD_TODAY).toBe(true);
          expect(r.date >= p.startDate).toBe(true);
          expect(r.date >= lastDate).toBe(true);
          expect(r.percent).toBeGreaterThanOrEqual(last);
          expect(r.text.length).toBeGreaterThan(0);
          expect(r.text).not.toMatch(/[{}]/);
          last = r.percent;
          lastDate = r.date;
        }
        if (m.reports.length > 0) expect(m.reports.at(-1)!.percent).toBe(m.percent);
      }
      if (p.accepted) {
        expect(p.milestones.every((m) => m.percent === 100)).toBe(true);
        expect(p.accepted.on <= DEMO_LIVELIHOOD_TODAY).toBe(true);
        const lastReport = p.milestones
          .flatMap((m) => m.reports.map((r) => r.date))
          .sort()
          .at(-1)!;
        expect(p.accepted.on >= lastReport).toBe(true);
        expect(p.accepted.findings.length).toBeLessThanOrEqual(4000);
      }
    }
  });

  it('have varied progress: a few accepted, most in progress, a few late', () => {
    const late = (p: data.DemoProject) => p.milestones.some((m) => m.plannedDate < DEMO_LIVELIHOOD_TODAY && m.percent < 100);
    const accepted = demoProjects.filter((p) => p.accepted);
    const lateOnes = demoProjects.filter(late);
    const inProgress = demoProjects.filter((p) => !p.accepted && p.milestones.some((m) => m.percent < 100));
    expect(accepted.length).toBeGreaterThanOrEqual(3);
    expect(accepted.length).toBeLessThanOrEqual(10);
    expect(lateOnes.length).toBeGreaterThanOrEqual(3);
    expect(lateOnes.length).toBeLessThanOrEqual(8);
    expect(inProgress.length).toBeGreaterThan(46 / 2);
    expect(lateOnes.some((p) => p.accepted)).toBe(false);
  });

  it('are led by units of demo-org.ts (the missing bureaus stand in with existing units)', () => {
    const keys = demoOrgUnitKeys();
    expect(keys.has('jqWater')).toBe(true);
    for (const p of demoProjects) expect(keys, `${p.title}: ${p.leadUnitKey}`).toContain(p.leadUnitKey);
    for (const u of neededDemoUnits) expect(keys).toContain(u.standsIn);
  });
});

describe('determinism', () => {
  it('gives the same data on every import', async () => {
    vi.resetModules(); // a fresh evaluation of the module, not the cached one
    const again = await import('./demo-livelihood-data.ts');
    expect(again.demoMatters).not.toBe(data.demoMatters);
    expect(again.demoMatters).toEqual(data.demoMatters);
    expect(again.demoProjects).toEqual(data.demoProjects);
    // And no trace of Math.random in the generator.
    const source = readFileSync(path.join(import.meta.dirname, 'demo-livelihood-data.ts'), 'utf8');
    expect(source).not.toMatch(/Math\.random|Date\.now|new Date\(\)/);
    // A few fixed points, so a change in the generator shows up here.
    expect(demoMatters[0]!.key).toBe('M001');
    expect(demoMatters[0]!.collectedOn).toBe('2026-04-01');
    expect(demoMatters.at(-1)!.collectedOn <= '2026-05-20').toBe(true);
  });
});
