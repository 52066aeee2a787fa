import { chineseDate, type OfficialLetter } from '../letters/official-letter.ts';

/**
 * The assignment letter (民生事项交办书): the county party committee's office gives one key
 * livelihood project to a responsible cadre, with its lead unit, budget, deadline, milestones and
 * the matters (and so the people) it answers. Rendered with `renderOfficialLetter`.
 */
export interface AssignmentLetterData {
  /** 发文机关, e.g. 中共阳泉市郊区委员会办公室. */
  issuer: string;
  /** 发文字号, e.g. 郊党办交〔2026〕12号. */
  letterNo: string;
  /** The responsible cadre, addressed as '吴建国同志：' (a name that already ends in a title, such as 吴区长, is used as it stands). */
  cadreName: string;
  /** The cadre's position, e.g. 区委常委、副区长. */
  cadreTitle?: string | null;
  /** 阳泉市郊区: gives the committee's short name (区委) used in the text. */
  regionName: string;
  /** 2026年阳泉市郊区“我为群众办实事”重点民生项目清单. */
  listTitle: string;
  /** 第一批. */
  batchName: string;
  project: {
    title: string;
    description: string | null;
    leadUnit: string | null;
    /** 万元. */
    budget: number | null;
    /** ISO date. */
    startDate: string | null;
    /** ISO date. */
    dueDate: string;
    /** What the letter asks in particular (交办要求). */
    requirements: string | null;
  };
  matters: { title: string; regionName: string; originatorCount: number }[];
  milestones: { title: string; plannedDate: string; weight: number }[];
  issuedAt: Date;
  /** 联系人 and phone, printed as the 附注. */
  contact?: string | null;
}

/** At most this many matters are listed; the rest are summed up as '等N件'. */
export const LISTED_MATTERS = 30;

/** '2026-09-30' → '2026年9月30日' (a calendar date, no time zone involved); anything else as it is. */
export function chineseIsoDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

const TITLE_ENDINGS = /(书记|主任|区长|县长|市长|镇长|乡长|局长|部长|主席|委员|常委|同志|组长)$/;

/** '吴建国' → '吴建国同志：'; '吴区长' stays '吴区长：'. */
export function salutation(name: string): string {
  const n = name.trim();
  return TITLE_ENDINGS.test(n) ? `${n}：` : `${n}同志：`;
}

/** The party committee of the region in its short form: 阳泉市郊区 → 区委, 平定县 → 县委. */
export function committeeShortName(regionName: string): string {
  const last = regionName.trim().slice(-1);
  return ['区', '县', '市', '旗'].includes(last) ? `${last}委` : '党委';
}

/** 680 → '680', 85.5 → '85.5', 12.345 → '12.35'. */
function amount(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** A weight as its share of all weights: 30 of 100 → '30%', 1 of 3 → '33.3%'. */
function share(weight: number, total: number): string {
  if (total <= 0) return '—';
  return `${Math.round((weight / total) * 1000) / 10}%`;
}

/** Text that ends a sentence gets no second full stop. */
function sentence(text: string): string {
  const t = text.trim();
  return /[。！？；…”）]$/.test(t) ? t : `${t}。`;
}

export function assignmentLetter(d: AssignmentLetterData): OfficialLetter {
  const committee = committeeShortName(d.regionName);
  const p = d.project;
  const due = chineseIsoDate(p.dueDate);
  const people = d.matters.reduce((s, m) => s + Math.max(0, m.originatorCount), 0);
  const title = p.title.trim();

  const paragraphs: string[] = [
    `为深入开展“我为群众办实事”实践活动，把群众的“问题清单”变成党员干部的“履职清单”，确保民生事项件件有落实、个个有回音，经${committee}研究，决定将${d.listTitle}（${d.batchName}）中的“${title}”交由你牵头负责。现将有关事项交办如下。`,
    `一、项目内容。${p.description?.trim() ? sentence(p.description) : '按照重点民生项目清单确定的内容组织实施。'}${
      d.matters.length > 0 ? `该项目对应群众反映的民生事项${d.matters.length}件，涉及群众${people}人（户），具体见所附对应民生事项。` : ''
    }`,
    `二、责任分工。由你${d.cadreTitle?.trim() ? `（${d.cadreTitle.trim()}）` : ''}担任该项目责任领导，负责统筹协调、督促推进，研究解决项目实施中的重大问题；${
      p.leadUnit?.trim()
        ? `${p.leadUnit.trim()}为牵头单位，负责具体实施，有关单位和乡镇配合。`
        : '牵头单位由你研究确定后在“回音”平台登记，有关单位和乡镇配合。'
    }`,
    `三、资金安排。${p.budget !== null && p.budget > 0 ? `项目计划总投资${amount(p.budget)}万元，由牵头单位按程序申报，专款专用。` : '项目所需资金由牵头单位按程序申报安排，专款专用。'}`,
    `四、完成时限。${p.startDate ? `项目自${chineseIsoDate(p.startDate)}起实施，` : '项目'}须于${due}前完成并申请验收。`,
    '五、工作要求。',
    '（一）请于收到本交办书之日起3个工作日内在“回音”平台签收，细化实施方案，明确具体责任人和完成时限。',
    d.milestones.length > 0
      ? '（二）按所附进度节点推进，每个节点完成或进展发生变化时，及时在“回音”平台报告进展并上传现场照片；节点逾期的，须说明原因和整改措施。'
      : '（二）在“回音”平台确定项目进度节点，每个节点完成或进展发生变化时及时报告进展并上传现场照片；节点逾期的，须说明原因和整改措施。',
    `（三）项目验收前，须逐一向反映对应民生事项的${people > 0 ? `${people}人（户）` : ''}群众答复办理结果，做到个个有回音；群众未全部答复的，不予验收销号。`,
  ];
  if (p.requirements?.trim()) paragraphs.push(`（四）${sentence(p.requirements)}`);
  paragraphs.push(`${committee}督查室将对项目推进情况跟踪督办，办理情况纳入年度目标责任考核。`);

  const sections: NonNullable<OfficialLetter['sections']> = [];
  if (d.matters.length > 0) {
    const listed = d.matters.slice(0, LISTED_MATTERS);
    const items = listed.map((m) => `${m.title.trim()}（${m.regionName}，${m.originatorCount}名群众反映）`);
    if (d.matters.length > listed.length) {
      items[items.length - 1] += `等${d.matters.length}件，完整清单见“回音”平台`;
    }
    sections.push({ heading: `对应民生事项（共${d.matters.length}件）`, items });
  }
  if (d.milestones.length > 0) {
    const total = d.milestones.reduce((s, m) => s + Math.max(0, m.weight), 0);
    sections.push({
      heading: '进度节点',
      items: d.milestones.map(
        (m) => `${m.title.trim()}：${chineseIsoDate(m.plannedDate)}前完成，权重${share(Math.max(0, m.weight), total)}`,
      ),
    });
  }

  return {
    issuer: d.issuer,
    docNumber: d.letterNo,
    title: `关于交办“${title}”重点民生项目的通知`,
    recipient: salutation(d.cadreName),
    paragraphs,
    ...(sections.length > 0 ? { sections } : {}),
    signature: d.issuer,
    date: chineseDate(d.issuedAt),
    ...(d.contact?.trim() ? { footerNote: d.contact.trim() } : {}),
  };
}
