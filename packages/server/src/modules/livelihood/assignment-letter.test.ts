import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_NOTO_SUBSET, LETTER_ARTIFACTS, fontRows, pageCount, pdftext, popplerAvailable, squeeze } from '../../testing/pdf.ts';
import { renderOfficialLetter } from '../letters/official-letter.ts';
import { assignmentLetter, chineseIsoDate, committeeShortName, salutation, type AssignmentLetterData } from './assignment-letter.ts';

/** The letter is checked as a reader meets it, with poppler (testing/pdf.ts, as in official-letter.test.ts). */
const POPPLER = popplerAvailable(['pdftotext', 'pdffonts', 'pdfinfo']);

const water: AssignmentLetterData = {
  issuer: '中共阳泉市郊区委员会办公室',
  letterNo: '郊党办交〔2026〕1号',
  cadreName: '吴建国',
  cadreTitle: '区委常委、副区长',
  regionName: '阳泉市郊区',
  listTitle: '2026年阳泉市郊区“我为群众办实事”重点民生项目清单',
  batchName: '第一批',
  project: {
    title: '西南舁乡北七村自来水管网连片工程',
    description:
      '从西南舁村水源井引水，新建加压泵站1座、蓄水池2座，铺设主管网和入户管网，将北七村七个自然村接入集中供水，彻底解决山区群众靠水窖吃水的问题',
    leadUnit: '阳泉市郊区水务局',
    budget: 680,
    startDate: '2026-06-15',
    dueDate: '2026-12-31',
    requirements: '冬季施工要做好管道防冻，入户安装前逐户告知施工时间',
  },
  matters: [
    { title: '西南舁乡北岭村吃水难，盼通自来水', regionName: '西南舁乡北岭村', originatorCount: 18 },
    { title: '西南舁乡石板沟村吃水难，盼通自来水', regionName: '西南舁乡石板沟村', originatorCount: 12 },
    { title: '西南舁乡庙凹村水窖水质差，希望接入集中供水', regionName: '西南舁乡庙凹村', originatorCount: 9 },
  ],
  milestones: [
    { title: '勘察设计', plannedDate: '2026-07-15', weight: 10 },
    { title: '管网铺设', plannedDate: '2026-10-31', weight: 50 },
    { title: '入户安装', plannedDate: '2026-12-10', weight: 30 },
    { title: '通水验收', plannedDate: '2026-12-31', weight: 10 },
  ],
  issuedAt: new Date('2026-06-10T02:00:00Z'),
  contact: '联系人：区委督查室 李某　电话：0353-5012345',
};

const sixtyMatters: AssignmentLetterData = {
  ...water,
  letterNo: '郊党办交〔2026〕11号',
  project: { ...water.project, title: '全区农村户厕改造提升工程', budget: 1260.5, startDate: null, requirements: null },
  matters: Array.from({ length: 60 }, (_, i) => ({
    title: `第${i + 1}号事项：村里还有旱厕，冬天冻、夏天臭，盼改水冲厕所`,
    regionName: `平坦镇第${i + 1}村`,
    originatorCount: (i % 7) + 1,
  })),
  milestones: [
    { title: '摸底排查', plannedDate: '2026-07-31', weight: 1 },
    { title: '改厕施工', plannedDate: '2026-10-31', weight: 1 },
    { title: '验收销号', plannedDate: '2026-11-30', weight: 1 },
  ],
};

describe('assignmentLetter', () => {
  it('addresses the cadre, names the project, its unit, budget and Chinese deadline', () => {
    const l = assignmentLetter(water);
    expect(l.issuer).toBe('中共阳泉市郊区委员会办公室');
    expect(l.signature).toBe('中共阳泉市郊区委员会办公室');
    expect(l.docNumber).toBe('郊党办交〔2026〕1号');
    expect(l.title).toBe('关于交办“西南舁乡北七村自来水管网连片工程”重点民生项目的通知');
    expect(l.recipient).toBe('吴建国同志：');
    expect(l.date).toBe('2026年6月10日');
    expect(l.footerNote).toBe('联系人：区委督查室 李某　电话：0353-5012345');
    const body = l.paragraphs.join('');
    expect(body).toContain('件件有落实、个个有回音');
    expect(body).toContain('经区委研究');
    expect(body).toContain('2026年阳泉市郊区“我为群众办实事”重点民生项目清单（第一批）');
    expect(body).toContain('由你（区委常委、副区长）担任该项目责任领导');
    expect(body).toContain('阳泉市郊区水务局为牵头单位');
    expect(body).toContain('680万元');
    expect(body).toContain('自2026年6月15日起实施，须于2026年12月31日前完成');
    expect(body).toContain('签收');
    expect(body).toContain('逐一向反映对应民生事项的39人（户）群众答复办理结果');
    expect(body).toContain('（四）冬季施工要做好管道防冻，入户安装前逐户告知施工时间。');
    expect(body).not.toContain('。。');
    expect(l.sections?.map((s) => s.heading)).toEqual(['对应民生事项（共3件）', '进度节点']);
    expect(l.sections?.[0]?.items[0]).toBe('西南舁乡北岭村吃水难，盼通自来水（西南舁乡北岭村，18名群众反映）');
    expect(l.sections?.[1]?.items).toEqual([
      '勘察设计：2026年7月15日前完成，权重10%',
      '管网铺设：2026年10月31日前完成，权重50%',
      '入户安装：2026年12月10日前完成，权重30%',
      '通水验收：2026年12月31日前完成，权重10%',
    ]);
  });

  it('lists 30 matters and sums up the rest, weights as shares of their total', () => {
    const l = assignmentLetter(sixtyMatters);
    const matters = l.sections?.[0];
    expect(matters?.heading).toBe('对应民生事项（共60件）');
    expect(matters?.items).toHaveLength(30);
    expect(matters?.items[29]).toMatch(/^第30号事项.*等60件，完整清单见“回音”平台$/);
    expect(l.sections?.[1]?.items[0]).toBe('摸底排查：2026年7月31日前完成，权重33.3%');
    expect(l.paragraphs.join('')).toContain('1260.5万元');
    expect(l.paragraphs.join('')).toContain('项目须于2026年12月31日前完成');
    expect(l.paragraphs.join('')).not.toContain('（四）');
  });

  it('copes with a project without budget, unit, description, matters or milestones', () => {
    const l = assignmentLetter({
      ...water,
      cadreName: '吴区长',
      cadreTitle: null,
      contact: null,
      project: { ...water.project, description: null, leadUnit: null, budget: null, startDate: null, requirements: null },
      matters: [],
      milestones: [],
    });
    expect(l.recipient).toBe('吴区长：');
    expect(l.sections).toBeUndefined();
    expect(l.footerNote).toBeUndefined();
    const body = l.paragraphs.join('');
    expect(body).toContain('由你担任该项目责任领导');
    expect(body).toContain('牵头单位由你研究确定');
    expect(body).toContain('项目所需资金由牵头单位按程序申报安排');
    expect(body).not.toContain('null');
  });

  it('formats dates, salutations and the committee name', () => {
    expect(chineseIsoDate('2026-09-30')).toBe('2026年9月30日');
    expect(chineseIsoDate('2027-01-05')).toBe('2027年1月5日');
    expect(salutation('王志强')).toBe('王志强同志：');
    expect(salutation('吴区长')).toBe('吴区长：');
    expect(committeeShortName('阳泉市郊区')).toBe('区委');
    expect(committeeShortName('平定县')).toBe('县委');
  });
});

/** Page objects in the file itself (pdfkit writes object dictionaries uncompressed). */
const pageObjects = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;

describe('assignment letter PDF', () => {
  let dir = '';
  let waterPdf = '';
  let longPdf = '';
  let longBytes: Buffer = Buffer.alloc(0);

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'huiyin-assignment-'));
    const w = await renderOfficialLetter(assignmentLetter(water));
    longBytes = await renderOfficialLetter(assignmentLetter(sixtyMatters));
    waterPdf = path.join(dir, 'water.pdf');
    longPdf = path.join(dir, 'sixty.pdf');
    writeFileSync(waterPdf, w);
    writeFileSync(longPdf, longBytes);
    // For people to look at: artifacts/ is git-ignored.
    mkdirSync(LETTER_ARTIFACTS, { recursive: true });
    writeFileSync(path.join(LETTER_ARTIFACTS, 'assignment-letter.pdf'), w);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('flows 60 matters over more than one page', () => {
    expect(pageObjects(longBytes)).toBeGreaterThan(1);
  });

  it.skipIf(!POPPLER)('has the letter number, cadre, project, deadline, milestones and matters as text', () => {
    const text = squeeze(pdftext(waterPdf));
    expect(text).toContain('郊党办交〔2026〕1号');
    expect(text).toContain('吴建国同志：');
    expect(text).toContain('西南舁乡北七村自来水管网连片工程');
    expect(text).toContain('须于2026年12月31日前完成');
    for (const m of water.milestones) expect(text).toContain(squeeze(`${m.title}：${chineseIsoDate(m.plannedDate)}前完成`));
    expect(text).toContain('西南舁乡北岭村吃水难，盼通自来水');
    expect(text).toContain('权重50%');
    expect(text).toContain('中共阳泉市郊区委员会办公室2026年6月10日');
  });

  it.skipIf(!POPPLER)('embeds every font it uses', () => {
    for (const pdf of [waterPdf, longPdf]) {
      const rows = fontRows(pdf);
      expect(rows.length).toBeGreaterThanOrEqual(1);
      for (const row of rows) expect(row).toMatch(EMBEDDED_NOTO_SUBSET);
    }
  });

  it.skipIf(!POPPLER)('paginates 60 matters: several pages, the summed-up rest and the signature on the last', () => {
    const pages = pageCount(longPdf);
    expect(pages).toBeGreaterThan(1);
    const text = pdftext(longPdf);
    expect(text.split('\f').filter((p) => p.trim() !== '')).toHaveLength(pages);
    const all = squeeze(text);
    expect(all).toContain('等60件');
    expect(all).not.toContain('第31号事项');
    expect(all).toContain('摸底排查：2026年7月31日前完成，权重33.3%');
    expect(all).toContain(`—${pages}—`);
  });
});
