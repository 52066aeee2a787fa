import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_NOTO_SUBSET, LETTER_ARTIFACTS, fontRows, pageCount, pdftext, popplerAvailable, squeeze } from '../../testing/pdf.ts';
import { chineseDate, officialLetterGeometry, renderOfficialLetter, titleLines, type OfficialLetter } from './official-letter.ts';

/**
 * The PDF is checked the way a reader meets it, with poppler (testing/pdf.ts): fonts embedded,
 * text extractable, and the first page rasterised to look for ink, the red masthead and the type
 * area's edges.
 */
const POPPLER = popplerAvailable();

const sample: OfficialLetter = {
  issuer: '阳泉市郊区政务服务中心',
  docNumber: '郊政服答〔2026〕12号',
  title: '关于食品经营许可证延续办理诉求的书面答复',
  recipient: '张某某：',
  paragraphs: [
    '您于2026年11月20日通过“回音”平台反映的食品经营许可证到期后无法在线办理延续的诉求收悉。我中心高度重视，立即会同区市场监督管理局进行了核实，现将有关情况答复如下。',
    '经核实，您经营的便利店食品经营许可证有效期至2026年12月31日。按照规定，食品经营者需要延续许可证有效期的，应当在有效期届满前九十个工作日至十五个工作日期间提出申请。您于11月18日在线提交申请时，系统因材料清单更新未及时同步，导致申请无法提交。',
    '区市场监督管理局已完成系统修复，并于11月25日安排专人电话联系您，指导您重新提交了延续申请。该申请已于11月26日受理，预计10个工作日内办结，证照将免费邮寄送达。',
    '感谢您对政务服务工作的关心和支持。如对本答复有异议，可自收到答复之日起15日内通过原渠道申请复核。',
  ],
  sections: [
    {
      heading: '政策依据',
      items: [
        '《中华人民共和国食品安全法》第三十五条：国家对食品生产经营实行许可制度。',
        '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）第三十二条。',
        '《山西省优化营商环境条例》第二十四条：推行政务服务“一网通办”。',
      ],
    },
  ],
  signature: '阳泉市郊区政务服务中心',
  date: chineseDate(new Date('2026-11-27T02:00:00Z')),
  footerNote: '（联系人：李某　电话：0353-1234567）',
  trackingNo: 'YQJQ-20261120-0042',
};

interface Raster {
  width: number;
  height: number;
  /** RGB triples, row by row. */
  rgb: Uint8Array;
}

/** Reads a binary PPM (P6, 8 bit), the format pdftoppm writes by default. */
function readPpm(file: string): Raster {
  const data = readFileSync(file);
  const fields: string[] = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[i] ?? 0x20))) i++;
    if (data[i] === 0x23) {
      while (data[i] !== 0x0a) i++; // a comment runs to the end of the line
      continue;
    }
    let field = '';
    while (i < data.length && !/\s/.test(String.fromCharCode(data[i] ?? 0x20))) field += String.fromCharCode(data[i++] ?? 0);
    fields.push(field);
  }
  i++; // the single blank after maxval
  const [magic, w, h, max] = fields;
  expect(magic).toBe('P6');
  expect(max).toBe('255');
  const width = Number(w);
  const height = Number(h);
  return { width, height, rgb: new Uint8Array(data.buffer, data.byteOffset + i, width * height * 3) };
}

const isDark = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b < 128;
const isRed = (r: number, g: number, b: number) => r > 150 && g < 90 && b < 90;

function rasterise(pdf: string, page: number, dpi: number, dir: string): Raster {
  const prefix = path.join(dir, `p${page}-${dpi}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  return readPpm(`${prefix}.ppm`);
}

describe('chineseDate', () => {
  it('writes the Beijing date in full, without leading zeros', () => {
    expect(chineseDate(new Date('2026-11-27T02:00:00Z'))).toBe('2026年11月27日');
    expect(chineseDate(new Date('2026-01-04T16:30:00Z'))).toBe('2026年1月5日'); // already the 5th in Beijing
    expect(chineseDate(new Date('2025-12-31T15:59:59Z'))).toBe('2025年12月31日');
  });
});

describe('titleLines', () => {
  it('keeps a title that fits on one line, balances a longer one', () => {
    expect(titleLines('关于食品经营许可证延续办理诉求的书面答复')).toEqual(['关于食品经营许可证延续办理诉求的书面答复']);
    const lines = titleLines('关于阳泉市郊区义井镇小河村村民反映自来水管网老化导致冬季频繁停水问题的书面答复');
    expect(lines).toHaveLength(2);
    expect(Math.abs([...lines[0]!].length - [...lines[1]!].length)).toBeLessThanOrEqual(1);
  });

  it('does not start a line with closing punctuation', () => {
    const lines = titleLines('关于某某某某某，某某某某某某某', 6);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[，。、）》]/);
    expect(lines.join('')).toBe('关于某某某某某，某某某某某某某');
  });
});

describe.skipIf(!POPPLER)('renderOfficialLetter', () => {
  let dir = '';
  let pdf = '';
  let bytes = 0;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'huiyin-letter-'));
    const buffer = await renderOfficialLetter(sample);
    bytes = buffer.length;
    pdf = path.join(dir, 'sample-answer.pdf');
    writeFileSync(pdf, buffer);
    // For people to look at: artifacts/ is git-ignored.
    mkdirSync(LETTER_ARTIFACTS, { recursive: true });
    writeFileSync(path.join(LETTER_ARTIFACTS, 'sample-answer.pdf'), buffer);
    execFileSync('pdftoppm', ['-r', '80', '-f', '1', '-l', '1', '-singlefile', '-png', pdf, path.join(LETTER_ARTIFACTS, 'sample-answer')]);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('embeds subset fonts from the npm package, none from the system, and stays small', () => {
    expect(bytes).toBeGreaterThan(10_000);
    expect(bytes).toBeLessThan(300_000); // two subset faces, not two 15 MB files
    const rows = fontRows(pdf);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      // name, type (two words for CID TrueType), encoding, emb, sub, uni, object, generation
      expect(row).toMatch(EMBEDDED_NOTO_SUBSET);
    }
  });

  it('has extractable text: title, document number with 〔〕, body and date', () => {
    const text = squeeze(pdftext(pdf));
    expect(text).toContain('关于食品经营许可证延续办理诉求的书面答复');
    expect(text).toContain('郊政服答〔2026〕12号');
    expect(text).toContain('我中心高度重视，立即会同区市场监督管理局进行了核实');
    expect(text).toContain('《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）');
    expect(text).toContain('阳泉市郊区政务服务中心2026年11月27日');
    expect(text).toContain('诉求编号：YQJQ-20261120-0042');
    expect(text).toContain('—1—');
  });

  it('prints ink inside the type area, with a red masthead and rule at the top', () => {
    const dpi = 50;
    const page = rasterise(pdf, 1, dpi, dir);
    const px = (pt: number) => (pt / 72) * dpi;
    const { margin, pageWidth } = officialLetterGeometry;
    const typeLeft = px(margin.left);
    const typeRight = px(pageWidth - margin.right);
    const typeTop = px(margin.top);
    let dark = 0;
    let red = 0;
    let redTop = Infinity;
    let redBottom = 0;
    let minX = Infinity;
    let maxX = 0;
    let minY = Infinity;
    const footerTop = page.height - px(margin.bottom);
    for (let y = 0; y < page.height; y++) {
      for (let x = 0; x < page.width; x++) {
        const o = (y * page.width + x) * 3;
        const r = page.rgb[o]!;
        const g = page.rgb[o + 1]!;
        const b = page.rgb[o + 2]!;
        const ink = isDark(r, g, b);
        const redInk = isRed(r, g, b);
        if (ink) dark++;
        if (redInk) {
          red++;
          redTop = Math.min(redTop, y);
          redBottom = Math.max(redBottom, y);
        }
        if ((ink || redInk) && y < footerTop) {
          minX = Math.min(minX, x);
          maxX = Math.max(maxX, x);
          minY = Math.min(minY, y);
        }
      }
    }
    const share = dark / (page.width * page.height);
    expect(share).toBeGreaterThan(0.01); // a page of 16 pt text, not a blank page
    expect(share).toBeLessThan(0.25);
    expect(red).toBeGreaterThan(500);
    // The masthead and the rule sit in the top third of the page.
    expect(redTop).toBeGreaterThanOrEqual(typeTop - 2);
    expect(redBottom).toBeLessThan(page.height / 3);
    // Body lines start at the left edge of the 156 mm type area and stop at its right edge.
    expect(Math.abs(minX - typeLeft)).toBeLessThanOrEqual(3);
    expect(maxX).toBeLessThanOrEqual(typeRight + 2);
    expect(maxX).toBeGreaterThan(typeRight - 6);
    expect(minY).toBeGreaterThanOrEqual(typeTop - 2);
  });

  it('flows a long letter over several pages with page numbers, odd right and even left', async () => {
    const long: OfficialLetter = {
      ...sample,
      title: '关于阳泉市郊区义井镇小河村村民反映自来水管网老化导致冬季频繁停水问题的书面答复',
      paragraphs: Array.from({ length: 60 }, (_, i) => `第${i + 1}段：${sample.paragraphs[i % sample.paragraphs.length]}`),
    };
    const file = path.join(dir, 'long.pdf');
    writeFileSync(file, await renderOfficialLetter(long));
    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(5);
    for (let p = 1; p <= pages; p++) expect(squeeze(pdftext(file, '-f', String(p), '-l', String(p)))).toContain(`—${p}—`);
    const all = squeeze(pdftext(file));
    expect(all).toContain('第60段：');
    expect(all).toContain('阳泉市郊区政务服务中心2026年11月27日');

    // A page of body text holds the standard's 22 lines (plus the page number line).
    const lines = pdftext(file, '-layout', '-f', '2', '-l', '2')
      .split('\n')
      .filter((l) => l.trim() !== '');
    expect(lines.length).toBe(23);

    // Page numbers: odd pages on the right, even pages on the left.
    const dpi = 30;
    const bottom = (officialLetterGeometry.margin.bottom / 72) * dpi;
    for (const p of [1, 2]) {
      const page = rasterise(file, p, dpi, dir);
      let sum = 0;
      let n = 0;
      for (let y = Math.floor(page.height - bottom); y < page.height; y++) {
        for (let x = 0; x < page.width; x++) {
          const o = (y * page.width + x) * 3;
          if (isDark(page.rgb[o]!, page.rgb[o + 1]!, page.rgb[o + 2]!)) {
            sum += x;
            n++;
          }
        }
      }
      expect(n).toBeGreaterThan(0);
      const centre = sum / n / page.width;
      if (p % 2 === 1) expect(centre).toBeGreaterThan(0.7);
      else expect(centre).toBeLessThan(0.3);
    }
  });
});
