import pdfMake from 'pdfmake';
import { PDF_FONT_FAMILY, registerPdfFonts } from '../../pdf/fonts.ts';
import type { Content, ContentText, TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * Official documents (公文) as PDF, laid out after GB/T 9704-2012 "公文格式": A4, a 156 × 225 mm
 * type area, a red masthead with the document number and a red rule, a centred title, 三号 body
 * text with two-character first-line indents, the issuer and date at the bottom right and
 * "— 1 —" page numbers. The face is Noto Serif SC (思源宋体, OFL-1.1) from the npm package
 * `@expo-google-fonts/noto-serif-sc`: never a system font, and pdfkit embeds only the glyphs used.
 */
export interface OfficialLetter {
  /** 发文机关: printed in large red type as the masthead. */
  issuer: string;
  /** 发文字号, e.g. '郊政服答〔2026〕12号': centred under the masthead, above the red rule. */
  docNumber: string;
  /** 标题: centred in 二号 type, may wrap onto several lines. */
  title: string;
  /** 主送机关 or addressee, e.g. '张某某：', flush left before the body. */
  recipient?: string;
  /** 正文 paragraphs, each with a two-character first-line indent. */
  paragraphs: string[];
  /** Numbered lists after the paragraphs, e.g. 政策依据 with its citations. */
  sections?: { heading: string; items: string[] }[];
  /** 发文机关署名 at the bottom right. */
  signature: string;
  /** 成文日期 such as '2026年11月27日' (see `chineseDate`), under the signature. */
  date: string;
  /** 附注, e.g. '（联系人：… 电话：…）'; put in full-width parentheses when it has none. */
  footerNote?: string;
  /** The request's tracking number, printed small above the masthead as '诉求编号：…'. */
  trackingNo?: string;
}

const MM = 72 / 25.4;
const PAGE_WIDTH = 210 * MM;
const MARGIN = { top: 37 * MM, left: 28 * MM, right: 26 * MM, bottom: 35 * MM };
const TYPE_WIDTH = 156 * MM; // 版心 width
const TYPE_HEIGHT = 225 * MM; // 版心 height

const RED = '#C00000';
const BODY_SIZE = 16; // 三号
const TITLE_SIZE = 22; // 二号
const PAGE_NUMBER_SIZE = 14; // 四号
const SMALL_SIZE = 10.5; // 五号
const INDENT = 2 * BODY_SIZE; // 两个字
/** The standard's 22 lines to a page: one line pitch is the type area's height divided by 22. */
const LINE_PITCH = TYPE_HEIGHT / 22;
/**
 * pdfmake's `lineHeight` multiplies the face's own line height, (ascender − descender) / em.
 * Noto Serif SC has hhea ascender 1151 and descender −286 on a 1000-unit em.
 */
const FACE_LINE_HEIGHT = (1151 + 286) / 1000;
const bodyLineHeight = LINE_PITCH / (FACE_LINE_HEIGHT * BODY_SIZE);

/** The masthead's size: as large as 36 pt allows while the issuer's name fits on one line. */
function mastheadSize(issuer: string): number {
  const chars = Math.max([...issuer].length, 1);
  return Math.min(36, Math.floor((TYPE_WIDTH / (chars + 0.5)) * 10) / 10);
}

const NO_LINE_START = new Set([...'，。、；：？！）》〕」』”’·…—,.;:?!)]']);
const NO_LINE_END = new Set([...'（《〔「『“‘([']);

/**
 * The title broken into lines of nearly equal length (the standard asks for a balanced,
 * trapezoid or diamond shape rather than a full line and a stray word), never starting a line
 * with closing punctuation nor ending one with an opening bracket.
 */
export function titleLines(title: string, perLine = Math.floor(TYPE_WIDTH / TITLE_SIZE)): string[] {
  const chars = [...title.trim()];
  if (chars.length <= perLine) return [chars.join('')];
  const count = Math.ceil(chars.length / perLine);
  const lines: string[] = [];
  let start = 0;
  for (let i = 1; i < count; i++) {
    let end = start + Math.ceil((chars.length - start) / (count - i + 1));
    while (end > start + 1 && (NO_LINE_START.has(chars[end] ?? '') || NO_LINE_END.has(chars[end - 1] ?? ''))) end--;
    lines.push(chars.slice(start, end).join(''));
    start = end;
  }
  lines.push(chars.slice(start).join(''));
  return lines;
}

/** Leading blanks (ASCII or the ideographic space) would double the two-character indent. */
function stripIndent(text: string): string {
  return text.replace(/^\s+/, '');
}

function withParentheses(note: string): string {
  return /^[（(]/.test(note) ? note : `（${note}）`;
}

/** A body paragraph: first line indented two characters, wrapped lines flush left, justified. */
function bodyParagraph(text: string, extra: Omit<ContentText, 'text'> = {}): ContentText {
  return { text, leadingIndent: INDENT, alignment: 'justify', ...extra };
}

function buildDefinition(letter: OfficialLetter): TDocumentDefinitions {
  const content: Content[] = [];

  if (letter.trackingNo) {
    content.push({ text: `诉求编号：${letter.trackingNo}`, fontSize: SMALL_SIZE, lineHeight: 1, margin: [0, 0, 0, 6] });
  }

  // 发文机关标志, a blank line, 发文字号, then the red separator about 4 mm under it.
  const masthead = mastheadSize(letter.issuer);
  content.push({ text: letter.issuer, bold: true, color: RED, fontSize: masthead, lineHeight: 1, alignment: 'center' });
  content.push({ text: letter.docNumber, alignment: 'center', margin: [0, LINE_PITCH, 0, 0] });
  content.push({
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: TYPE_WIDTH, y2: 0, lineWidth: 1.5, lineColor: RED }],
    margin: [0, 4 * MM - (LINE_PITCH - FACE_LINE_HEIGHT * BODY_SIZE), 0, 0],
  });

  // 标题 below the rule (about two blank lines), then one blank line, then 主送机关.
  content.push({
    text: titleLines(letter.title).join('\n'),
    bold: true,
    fontSize: TITLE_SIZE,
    lineHeight: 1.05,
    alignment: 'center',
    margin: [0, 1.5 * LINE_PITCH, 0, LINE_PITCH - 4],
  });
  if (letter.recipient) content.push({ text: letter.recipient });

  for (const p of letter.paragraphs) content.push(bodyParagraph(stripIndent(p)));

  for (const section of letter.sections ?? []) {
    // headlineLevel lets pageBreakBefore keep a heading with the first item under it.
    content.push(bodyParagraph(stripIndent(section.heading), { bold: true, headlineLevel: 1 }));
    section.items.forEach((item, i) => content.push(bodyParagraph(`${i + 1}．${stripIndent(item)}`)));
  }

  // 署名 one blank line below the body, two characters from the right; the date's first
  // character two characters right of the signature's, or the signature moved left when the
  // date is the longer one (GB/T 9704-2012 7.3.5.1). An auto-width column does exactly that.
  content.push({
    unbreakable: true,
    margin: [0, LINE_PITCH, 0, 0],
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        stack: [{ text: letter.signature }, { text: letter.date, margin: [INDENT, 0, 0, 0] }],
      },
      { width: INDENT, text: '' },
    ],
  });
  if (letter.footerNote) content.push(bodyParagraph(withParentheses(letter.footerNote)));

  return {
    pageSize: 'A4',
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    info: { title: letter.title, author: letter.issuer, subject: letter.docNumber, creator: 'Huiyin' },
    language: 'zh-CN',
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: BODY_SIZE, lineHeight: bodyLineHeight },
    content,
    // 页码: "— 1 —" in 四号, 7 mm under the type area; odd pages right, even pages left, one
    // character in from the edge of the type area.
    footer: (currentPage) => {
      const odd = currentPage % 2 === 1;
      return {
        text: `— ${currentPage} —`,
        fontSize: PAGE_NUMBER_SIZE,
        lineHeight: 1,
        alignment: odd ? 'right' : 'left',
        margin: [MARGIN.left + (odd ? 0 : PAGE_NUMBER_SIZE), 7 * MM, MARGIN.right + (odd ? PAGE_NUMBER_SIZE : 0), 0],
      };
    },
    pageBreakBefore: (node, queries) => node.headlineLevel === 1 && queries.getFollowingNodesOnPage().length === 0,
  };
}

/** Renders the letter to a PDF with its fonts embedded (subset to the glyphs used). */
export async function renderOfficialLetter(letter: OfficialLetter): Promise<Buffer> {
  registerPdfFonts();
  return pdfMake.createPdf(buildDefinition(letter)).getBuffer();
}

const shanghaiDate = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** 成文日期 in Beijing time: '2026年11月27日', the year in full and no leading zeros. */
export function chineseDate(d: Date): string {
  const parts = Object.fromEntries(shanghaiDate.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts['year']}年${parts['month']}月${parts['day']}日`;
}

/** Exposed for the tests: the page width and the type area, in points. */
export const officialLetterGeometry = {
  pageWidth: PAGE_WIDTH,
  margin: MARGIN,
  typeWidth: TYPE_WIDTH,
  typeHeight: TYPE_HEIGHT,
  linePitch: LINE_PITCH,
};
