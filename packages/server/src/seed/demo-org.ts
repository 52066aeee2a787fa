import type { Role, UnitKind } from '@huiyin/core';
import type { Db } from '../db/connect.ts';
import { hashPassword } from '../modules/people/password.ts';
import { createPeopleRepo } from '../modules/people/people.repo.ts';
import { loadRegions } from '../modules/regions/region-source.ts';
import { createRegionsRepo } from '../modules/regions/regions.repo.ts';
import { createUnitsRepo } from '../modules/regions/units.repo.ts';
import { createCategoriesRepo } from '../modules/settings/categories.repo.ts';

/**
 * The demo organisation: Shanxi's regions (all of China's counties when asked), the service
 * centre of 运城市盐湖区 with its bureaus and townships, 阳泉市郊区 with its district office and
 * a township, one account per role, categories and the routing catalog. The three officers of
 * 三员分立 (system admin, security admin, auditor) sit in the province's office above both
 * counties, so the demo's system admin is the deployment's root admin (national settings).
 */
export const DEMO_PASSWORD = 'huiyin-demo';

export const demoAccounts: { username: string; displayName: string; roles: Role[]; unit: string; note: string }[] = [
  {
    username: 'admin',
    displayName: '系统管理员',
    roles: ['admin'],
    unit: 'province',
    note: '系统管理员 system admin (units, catalog, settings)',
  },
  {
    username: 'secadmin',
    displayName: '安全管理员',
    roles: ['security_admin'],
    unit: 'province',
    note: '安全管理员 security admin (accounts, roles, unlocks)',
  },
  { username: 'auditor', displayName: '安全审计员', roles: ['auditor'], unit: 'province', note: '安全审计员 auditor (audit log)' },
  { username: 'clerk', displayName: '李受理', roles: ['clerk'], unit: 'centre', note: '受理员 intake clerk' },
  { username: 'dispatcher', displayName: '王派单', roles: ['dispatcher'], unit: 'centre', note: '派单员 dispatcher' },
  {
    username: 'officer',
    displayName: '赵兜底',
    roles: ['safety_net_officer'],
    unit: 'centre',
    note: '办不成事窗口专员 safety-net officer',
  },
  {
    username: 'safetynet',
    displayName: '钱兜底',
    roles: ['safety_net_officer'],
    unit: 'centre',
    note: '办不成事窗口专员 safety-net officer',
  },
  {
    username: 'approvalhead',
    displayName: '郭科长',
    roles: ['unit_head'],
    unit: 'approval',
    note: '审批科负责人 unit head, 行政审批服务管理局',
  },
  { username: 'handler', displayName: '张承办', roles: ['handler'], unit: 'market', note: '承办人 handler, 市场监督管理局' },
  { username: 'handler2', displayName: '刘承办', roles: ['handler'], unit: 'water', note: '承办人 handler, 水务局' },
  { username: 'unithead', displayName: '陈科长', roles: ['unit_head'], unit: 'market', note: '部门负责人 unit head, 市场监督管理局' },
  { username: 'supervisor', displayName: '孙督办', roles: ['supervisor'], unit: 'centre', note: '督办 supervisor' },
  { username: 'inspector', displayName: '周纪检', roles: ['inspector'], unit: 'discipline', note: '纪检监察 discipline inspector' },
  { username: 'leader', displayName: '吴区长', roles: ['leader'], unit: 'jqOffice', note: '领导干部 cadre, 阳泉市郊区' },
  { username: 'leader2', displayName: '郑副区长', roles: ['leader'], unit: 'jqOffice', note: '领导干部 cadre, 阳泉市郊区' },
  { username: 'leader3', displayName: '高副区长', roles: ['leader'], unit: 'jqOffice', note: '领导干部 cadre, 阳泉市郊区' },
  {
    username: 'minsheng',
    displayName: '冯民生',
    roles: ['livelihood_officer'],
    unit: 'jqOffice',
    note: '民生办专员 livelihood officer, 阳泉市郊区',
  },
];

const YANHU = '140802';
const JIAOQU = '140311';

const demoUnits: { key: string; name: string; kind: UnitKind; region: string; parent?: string }[] = [
  { key: 'province', name: '山西省政务服务管理局', kind: 'office', region: '140000' },
  { key: 'centre', name: '运城市盐湖区政务服务中心', kind: 'centre', region: YANHU },
  { key: 'approval', name: '盐湖区行政审批服务管理局', kind: 'bureau', region: YANHU },
  { key: 'market', name: '盐湖区市场监督管理局', kind: 'bureau', region: YANHU },
  { key: 'water', name: '盐湖区水务局', kind: 'bureau', region: YANHU },
  { key: 'tax', name: '国家税务总局运城市盐湖区税务局', kind: 'bureau', region: YANHU },
  { key: 'hrss', name: '盐湖区人力资源和社会保障局', kind: 'bureau', region: YANHU },
  { key: 'housing', name: '盐湖区住房和城乡建设局', kind: 'bureau', region: YANHU },
  { key: 'env', name: '运城市生态环境局盐湖分局', kind: 'bureau', region: YANHU },
  { key: 'zhongcheng', name: '盐湖区中城街道办事处', kind: 'township', region: '140802001' },
  { key: 'dongcheng', name: '盐湖区东城街道办事处', kind: 'township', region: '140802002' },
  { key: 'discipline', name: '盐湖区纪委监委', kind: 'committee', region: YANHU },
  { key: 'jqCentre', name: '阳泉市郊区政务服务中心', kind: 'centre', region: JIAOQU },
  { key: 'jqOffice', name: '中共阳泉市郊区委员会办公室', kind: 'office', region: JIAOQU },
  { key: 'jqWater', name: '阳泉市郊区水务局', kind: 'bureau', region: JIAOQU },
  { key: 'xinanyu', name: '郊区西南舁乡人民政府', kind: 'township', region: '140311200' },
  { key: 'jqTransport', name: '阳泉市郊区交通运输局', kind: 'bureau', region: JIAOQU },
  { key: 'jqHousing', name: '阳泉市郊区住房和城乡建设局', kind: 'bureau', region: JIAOQU },
  { key: 'jqHealth', name: '阳泉市郊区卫生健康局', kind: 'bureau', region: JIAOQU },
  { key: 'jqEducation', name: '阳泉市郊区教育局', kind: 'bureau', region: JIAOQU },
  { key: 'jqCivil', name: '阳泉市郊区民政局', kind: 'bureau', region: JIAOQU },
  { key: 'jqAgri', name: '阳泉市郊区农业农村局', kind: 'bureau', region: JIAOQU },
  { key: 'jqApproval', name: '阳泉市郊区行政审批服务管理局', kind: 'bureau', region: JIAOQU },
  { key: 'jqHrss', name: '阳泉市郊区人力资源和社会保障局', kind: 'bureau', region: JIAOQU },
  { key: 'jqMedicare', name: '阳泉市郊区医疗保障局', kind: 'bureau', region: JIAOQU },
  { key: 'jqPolice', name: '阳泉市公安局郊区分局', kind: 'bureau', region: JIAOQU },
  { key: 'jqUrban', name: '阳泉市郊区城市管理局', kind: 'bureau', region: JIAOQU },
  { key: 'jqIndustry', name: '阳泉市郊区工业和信息化局', kind: 'bureau', region: JIAOQU },
  { key: 'jqCommerce', name: '阳泉市郊区商务局', kind: 'bureau', region: JIAOQU },
  { key: 'jqCulture', name: '阳泉市郊区文化和旅游局', kind: 'bureau', region: JIAOQU },
  { key: 'jqNatural', name: '阳泉市自然资源局郊区分局', kind: 'bureau', region: JIAOQU },
  { key: 'jqDevZone', name: '阳泉市郊区开发区管理委员会', kind: 'township', region: '140311400' },
  { key: 'yinying', name: '郊区荫营镇人民政府', kind: 'township', region: '140311100' },
  { key: 'jiujie', name: '郊区旧街乡人民政府', kind: 'township', region: '140311203' },
];

export const demoCategories: { code: string; parent: string | null; zh: string; en: string; unit?: string }[] = [
  { code: 'gov', parent: null, zh: '政务服务', en: 'Government services' },
  { code: 'gov.approval', parent: 'gov', zh: '审批办证', en: 'Permits and licences', unit: 'approval' },
  { code: 'market', parent: null, zh: '市场监管', en: 'Market regulation' },
  { code: 'market.food', parent: 'market', zh: '食品安全', en: 'Food safety', unit: 'market' },
  { code: 'market.license', parent: 'market', zh: '食品经营许可', en: 'Food business licences', unit: 'approval' },
  { code: 'market.price', parent: 'market', zh: '价格收费', en: 'Prices and fees', unit: 'market' },
  { code: 'market.consumer', parent: 'market', zh: '消费维权', en: 'Consumer rights', unit: 'market' },
  { code: 'water', parent: null, zh: '供水排水', en: 'Water supply and drainage' },
  { code: 'water.outage', parent: 'water', zh: '停水', en: 'Water outage', unit: 'water' },
  { code: 'water.quality', parent: 'water', zh: '水质', en: 'Water quality', unit: 'water' },
  { code: 'tax', parent: null, zh: '税费', en: 'Taxes and fees' },
  { code: 'tax.invoice', parent: 'tax', zh: '发票办理', en: 'Invoices', unit: 'tax' },
  { code: 'social', parent: null, zh: '社会保障', en: 'Social security' },
  { code: 'social.pension', parent: 'social', zh: '养老保险', en: 'Pensions', unit: 'hrss' },
  { code: 'social.wages', parent: 'social', zh: '拖欠工资', en: 'Unpaid wages', unit: 'hrss' },
  { code: 'housing', parent: null, zh: '住房物业', en: 'Housing and property' },
  { code: 'housing.property', parent: 'housing', zh: '物业管理', en: 'Property management', unit: 'housing' },
  { code: 'env', parent: null, zh: '生态环境', en: 'Environment' },
  { code: 'env.noise', parent: 'env', zh: '噪声扰民', en: 'Noise', unit: 'env' },
  { code: 'env.pollution', parent: 'env', zh: '污染排放', en: 'Pollution', unit: 'env' },
  { code: 'community', parent: null, zh: '社区治理', en: 'Community affairs', unit: 'zhongcheng' },
];

export interface DemoOrg {
  units: Record<string, number>;
  users: Record<string, number>;
}

export async function seedDemoOrg(db: Db, opts: { allChina?: boolean } = {}): Promise<DemoOrg> {
  const regions = loadRegions({ prefixes: opts.allChina ? [] : ['14'] });
  const towns = loadRegions({ prefixes: [YANHU, JIAOQU], withTownships: true }).filter((r) => r.level === 4);
  await createRegionsRepo(db).upsertMany([...regions, ...towns]);

  const units: Record<string, number> = {};
  const unitsRepo = createUnitsRepo(db);
  for (const u of demoUnits) {
    const parent =
      u.kind === 'centre' || u.key === 'province' ? null : (units[u.region.startsWith(JIAOQU) ? 'jqCentre' : 'centre'] ?? null);
    units[u.key] = await unitsRepo.insert({ name: u.name, kind: u.kind, regionCode: u.region, parentId: parent });
  }

  const categories = createCategoriesRepo(db);
  for (const c of demoCategories) {
    await categories.upsert({ code: c.code, parentCode: c.parent, nameZh: c.zh, nameEn: c.en });
    if (c.unit) await categories.addRoute(c.code, YANHU, units[c.unit]!);
  }
  await categories.addRoute('water.outage', JIAOQU, units['jqWater']!);
  await categories.addRoute('water.quality', JIAOQU, units['jqWater']!);

  const people = createPeopleRepo(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users: Record<string, number> = {};
  for (const a of demoAccounts) {
    const id = await people.insertUser({
      username: a.username,
      displayName: a.displayName,
      passwordHash,
      phone: null,
      roles: a.roles,
      demo: true,
    });
    await people.addMemberships(id, [units[a.unit]!]);
    users[a.username] = id;
  }
  return { units, users };
}
