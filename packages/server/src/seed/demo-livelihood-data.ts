/**
 * The livelihood practice of 阳泉市郊区 as demo data (DOMAIN.md, "我为群众办实事"): 425 matters
 * collected by party members on household visits in spring 2026, about 40 of them raised twice,
 * and the 46 key projects of the first batch with their milestones and progress reports as of
 * 2026-11-27. Pure data, no database: a seeder walks it through the real services.
 *
 * Everything is generated from templates × places × details with a seeded PRNG (mulberry32),
 * so every import yields the same data.
 */

export type DemoAreaCode = 'development' | 'poverty' | 'livelihood' | 'service_reform' | 'governance';

/** The day the demo's progress is as of: milestones planned before it are done or late. */
export const DEMO_LIVELIHOOD_TODAY = '2026-11-27';

// ---------------------------------------------------------------------------------------------
// Deterministic randomness and dates

interface Rng {
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  shuffle<T>(items: readonly T[]): T[];
}

function rng(seed: number): Rng {
  let a = seed | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p: number) => next() < p,
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j] as T, out[i] as T];
      }
      return out;
    },
  };
}

const DAY = 86_400_000;
const toTime = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const fromTime = (t: number) => new Date(t).toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => fromTime(toTime(iso) + days * DAY);
const daysBetween = (from: string, to: string) => Math.round((toTime(to) - toTime(from)) / DAY);
const minIso = (a: string, b: string) => (a < b ? a : b);
const maxIso = (a: string, b: string) => (a > b ? a : b);

// ---------------------------------------------------------------------------------------------
// Places

export interface DemoVillage {
  code: string /* 12 digits */;
  name: string;
  townCode: string /* 9 digits */;
}

/** The townships of 阳泉市郊区 as in the region data (GB/T 2260 + statistical codes). */
export const demoTownships: Readonly<Record<string, string>> = {
  '140311100': '荫营镇',
  '140311101': '河底镇',
  '140311103': '平坦镇',
  '140311200': '西南舁乡',
  '140311201': '杨家庄乡',
  '140311202': '李家庄乡',
  '140311203': '旧街乡',
  '140311400': '开发区',
};

const XINANYU = '140311200';
const DEV_ZONE = '140311400';

/** Names invented for the demo (the region data stops at townships); the first 7 of 西南舁乡 are 北七村. */
const villageNames: [town: string, names: string[]][] = [
  [XINANYU, ['北岭村', '石板沟村', '坡头村', '红崖村', '柏木沟村', '庙凹村', '东梁村', '西南舁村', '前庄村', '后峪村']],
  ['140311100', ['东岭村', '南沟村', '桃坪村', '上社村', '荫营社区']],
  ['140311101', ['河湾村', '西峪村', '石门村', '河底社区']],
  ['140311103', ['平安村', '桃林沟村', '西坡村', '杏园村']],
  ['140311201', ['杨树坪村', '东坡村', '苇子沟村']],
  ['140311202', ['李家峪村', '小河村', '庄头村']],
  ['140311203', ['旧街村', '槐树坪村', '窑上村']],
  [DEV_ZONE, ['南山社区', '桃河社区', '义白社区', '东升社区']],
];

/**
 * Villages of 阳泉市郊区 used by the demo. The real village list is not in our region data
 * package, so these are demo villages: 7 of them form 北七村 in the north of 西南舁乡
 * (140311200); a few per other township. Codes: townCode + 3 digits starting at 201
 * (e.g. 140311200201).
 */
export const demoVillages: DemoVillage[] = villageNames.flatMap(([townCode, names]) =>
  names.map((name, i) => ({ code: `${townCode}${String(201 + i)}`, name, townCode })),
);

/** The 7 small mountain villages in the north of 西南舁乡 known together as 北七村. */
export const beiqiVillageCodes: readonly string[] = demoVillages
  .filter((v) => v.townCode === XINANYU)
  .slice(0, 7)
  .map((v) => v.code);

type PlaceKind = 'village' | 'community' | 'town';

interface Place {
  code: string;
  kind: PlaceKind;
  /** 北岭村, 南山社区, or the township's own name. */
  name: string;
  townCode: string;
  townName: string;
}

const places: Place[] = [
  ...demoVillages.map((v) => ({
    code: v.code,
    kind: (v.name.endsWith('社区') ? 'community' : 'village') as PlaceKind,
    name: v.name,
    townCode: v.townCode,
    townName: demoTownships[v.townCode] ?? '',
  })),
  ...Object.entries(demoTownships).map(([code, name]) => ({ code, kind: 'town' as PlaceKind, name, townCode: code, townName: name })),
];
const placeByName = new Map(places.map((p) => [p.name, p]));
function place(name: string): Place {
  const p = placeByName.get(name);
  if (!p) throw new Error(`demo livelihood data: unknown place ${name}`);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Matter templates

export interface DemoOriginator {
  kind: 'person' | 'household' | 'enterprise';
  name: string;
  phone?: string;
  address?: string;
}

export interface DemoMatter {
  key: string;
  title: string;
  description: string;
  regionCode: string /* 9 or 12 digits */;
  areaCode: DemoAreaCode;
  collectedOn: string /* ISO date */;
  collectedBy: string;
  originators: DemoOriginator[];
}

type Who = 'household' | 'person' | 'enterprise' | 'coop' | 'mixed';
type Facts = Record<string, string | number>;

interface Template {
  id: string;
  /** Water matters: the ones 北七村's project answers. */
  water?: boolean;
  area: DemoAreaCode;
  scope: PlaceKind[];
  /** Township-level templates that make no sense in the 开发区. */
  rural?: boolean;
  /** Township-level templates limited to these townships. */
  towns?: string[];
  who: [Who, number, number];
  /** Who a project on it reaches: the whole place, or the people who raised it. */
  reach: 'place' | 'people';
  facts?: (r: Rng) => Facts;
  title: string;
  /** The same need in other words, for a second matter raising it again. */
  alt: string;
  desc: string;
  altDesc: string;
}

/**
 * Placeholders: {p} the place in full (西南舁乡北岭村), {v} its own name (北岭村), {t} the
 * township, {folk} 村民/居民/群众, {here} 村里/社区里/乡里, and the template's facts.
 */
const templates: Template[] = [
  // --- 保障和改善基本民生 ---
  {
    id: 'water_supply',
    water: true,
    area: 'livelihood',
    scope: ['village'],
    who: ['household', 6, 22],
    reach: 'place',
    facts: (r) => ({ hh: r.int(40, 160), price: r.int(30, 60) }),
    title: '{p}吃水难，盼通自来水',
    alt: '{p}村民吃水靠水窖，盼通自来水',
    desc: '{v}地处山区，全村{hh}户，至今没有通自来水。村民吃水主要靠水窖收集雨水，旱季水窖见底后只能从山下拉水，每吨{price}元。水窖水沉淀多、夏天容易发臭，老人孩子喝了闹肚子。村民希望把村里接入乡里的集中供水管网，让家家户户用上放心水。',
    altDesc:
      '村里{hh}户人家没有一户通自来水，平时靠水窖存雨水过日子，遇上天旱就得花钱买水、开三轮车到外村拉水。年轻人外出打工，留在村里的多是老人，挑水拉水很吃力。大家联名请求政府帮助通上自来水。',
  },
  {
    id: 'water_quality',
    water: true,
    area: 'livelihood',
    scope: ['village'],
    who: ['household', 3, 12],
    reach: 'place',
    title: '{p}水窖水质差，希望接入集中供水',
    alt: '{p}水窖水浑浊，盼接入集中供水',
    desc: '{v}村民吃的是水窖里存的雨水和山沟里的泉水，水色发黄，烧开后有一层水垢，下雨后浑浊得不能喝。村里没有净水设施，也从没做过水质检测。希望有关部门检测水质，尽快接入集中供水。',
    altDesc: '一下大雨村里的水窖就进泥沙，水浑得没法喝，家里只能买桶装水给孩子喝。希望政府解决安全饮水问题。',
  },
  {
    id: 'water_pipe',
    water: true,
    area: 'livelihood',
    scope: ['village'],
    who: ['household', 4, 15],
    reach: 'place',
    facts: (r) => ({ year: r.int(1998, 2008) }),
    title: '{p}自来水管老化，冬季频繁冻裂停水',
    alt: '{p}水管老化，一到冬天就冻裂停水',
    desc: '{v}的供水管网是{year}年铺设的，管道埋得浅、管材老化，每年冬天都有几处冻裂，一停就是好几天，村里只能拉水应急。希望对老旧管网进行更换改造，管道加深防冻。',
    altDesc: '今年一月份水管冻裂停水一个星期，往年也是一样。管子是{year}年铺的，早该换了，请求彻底改造，不要年年修年年坏。',
  },
  {
    id: 'road',
    area: 'livelihood',
    scope: ['village'],
    who: ['mixed', 3, 10],
    reach: 'place',
    facts: (r) => ({ km: r.int(3, 12), year: r.int(2003, 2012) }),
    title: '{p}通村公路破损严重，雨天难以通行',
    alt: '{p}通村公路坑洼破损，车辆难以通行',
    desc: '{v}至{t}政府所在地的通村公路全长约{km}公里，修建于{year}年，路面多处坑槽、塌陷，部分路段路基被雨水冲毁，雨雪天车辆无法通行。村里的农产品运不出去，学生上学、老人看病出行都不方便。希望对道路进行提质改造。',
    altDesc: '进村这条路烂了好几年，大车进不来，小车底盘经常被刮，下雨天满是泥水，骑摩托车摔倒过好几回。请政府把路修一修。',
  },
  {
    id: 'lanes',
    area: 'livelihood',
    scope: ['village'],
    who: ['household', 4, 12],
    reach: 'place',
    facts: (r) => ({ n: r.int(3, 9) }),
    title: '{p}村内街巷未硬化，下雨满是泥',
    alt: '{p}街巷还是土路，下雨泥泞难行',
    desc: '{v}主街已经硬化，但村内还有{n}条小巷是土路，一下雨泥泞难行，老人出门容易滑倒，三轮车也进不去。村民愿意投工投劳，希望政府支持硬化村内巷道。',
    altDesc: '村里小巷子都是土路，下雨天出门两脚泥，晴天车一过尘土飞扬，村民联名希望把巷道打成水泥路。',
  },
  {
    id: 'bridge',
    area: 'livelihood',
    scope: ['village'],
    who: ['household', 3, 10],
    reach: 'place',
    facts: (r) => ({ km: r.int(3, 8) }),
    title: '{p}过河便桥被冲毁，村民出行绕远',
    alt: '{p}便桥被洪水冲毁，盼早日重建',
    desc: '去年汛期{v}村口的过河便桥被洪水冲毁，村民只能踩着石头过河或绕行{km}公里山路，雨季河水上涨时更是无法通行，学生上学存在安全隐患。希望重建一座安全的便民桥。',
    altDesc: '村口的小桥去年夏天被水冲了，到现在也没修，到地里干活、到乡里赶集都要绕远，孩子上学得大人背着过河。',
  },
  {
    id: 'lights',
    area: 'livelihood',
    scope: ['village', 'community'],
    who: ['mixed', 2, 8],
    reach: 'place',
    facts: (r) => ({ dest: r.pick(['村委会', '卫生室', '文化广场', '公交站', '学校']) }),
    title: '{p}主要街道没有路灯，夜间出行不安全',
    alt: '{p}街道没有路灯，晚上出行不便',
    desc: '{v}主要街道和通往{dest}的路段没有路灯，冬天天黑得早，{folk}晚上出行只能打手电，前段时间有老人夜里摔伤。希望安装路灯，方便群众夜间出行。',
    altDesc: '一到晚上路上漆黑一片，接孩子放学、出门遛弯都不敢走远，希望装几盏路灯。',
  },
  {
    id: 'heating',
    area: 'livelihood',
    scope: ['community'],
    who: ['household', 5, 15],
    reach: 'place',
    facts: (r) => ({ temp: r.int(12, 16) }),
    title: '{p}冬季供暖温度不达标',
    alt: '{p}暖气不热，供暖温度不达标',
    desc: '{v}部分楼栋去年冬天室内温度只有{temp}℃左右，低于18℃的标准，顶层和边户更冷，家里老人只能开电暖器取暖。居民多次向供热站反映未得到解决，希望排查改造供热管网，保证供暖质量。',
    altDesc: '去年冬天家里暖气一直不热，温度计才{temp}度，交了全额取暖费却受冻，邻居们都有意见，请督促供热单位整改。',
  },
  {
    id: 'heating_rural',
    area: 'livelihood',
    scope: ['village'],
    who: ['household', 4, 14],
    reach: 'place',
    facts: (r) => ({ fee: r.int(25, 42) * 100 }),
    title: '{p}清洁取暖改造后电费负担重',
    alt: '{p}“煤改电”后取暖电费负担重',
    desc: '{v}实施“煤改电”清洁取暖改造后，一个采暖季电费约{fee}元，比以前烧煤高出不少，不少老人舍不得开。村民希望落实清洁取暖电价优惠和运行补贴，并对房屋保温进行改造。',
    altDesc: '改了电采暖以后，一个冬天电费{fee}元左右，负担不起，有的人家又偷偷烧起了煤。希望政府在补贴上给予考虑。',
  },
  {
    id: 'toilet',
    area: 'livelihood',
    scope: ['village'],
    who: ['household', 4, 15],
    reach: 'place',
    facts: (r) => ({ n: r.int(20, 90) }),
    title: '{p}户厕改造，告别旱厕',
    alt: '{p}还在用旱厕，盼户厕改造',
    desc: '{v}还有{n}户村民使用传统旱厕，冬天冻、夏天臭、蚊蝇多，老人如厕不方便也不安全。希望列入农村户厕改造计划，同步解决粪污收集清运问题。',
    altDesc: '家里还是旱厕，夏天臭得不行，冬天晚上上厕所要出院子，老人摔过跤。听说别的村在改厕所，希望我们村也能改。',
  },
  {
    id: 'canteen',
    area: 'livelihood',
    scope: ['village', 'community'],
    who: ['mixed', 3, 10],
    reach: 'place',
    facts: (r) => ({ n: r.int(40, 120), site: r.pick(['闲置房屋', '日间照料中心', '党群服务中心']) }),
    title: '{p}开办老年餐桌，解决老人吃饭难',
    alt: '{p}独居老人吃饭难，盼开老年餐桌',
    desc: '{v}60岁以上老人有{n}人，其中不少是独居、空巢老人，子女在外务工，自己做饭不方便，经常凑合一顿。希望依托{site}开办老年餐桌，提供价格实惠的午餐，行动不便的能送餐上门。',
    altDesc: '我们老两口年纪大了，做一顿饭要忙半天，{here}像我们这样的老人很多，希望办个老年食堂，吃口热乎饭。',
  },
  {
    id: 'bus',
    area: 'livelihood',
    scope: ['village'],
    who: ['mixed', 3, 10],
    reach: 'place',
    facts: (r) => ({ km: r.int(8, 25) }),
    title: '{p}开通公交线路，方便群众进城',
    alt: '{p}没有公交线路，群众进城难',
    desc: '{v}距城区约{km}公里，目前没有公交车通达，村民进城看病、办事只能包车或搭乘私家车，单程花费三四十元。希望将城乡公交线路延伸到村，或开通定时班车。',
    altDesc: '村里到城里没有公交车，老人去医院看病要花钱找车，有时候一等就是半天。盼望早日通公交。',
  },
  {
    id: 'clinic',
    area: 'livelihood',
    scope: ['village'],
    who: ['mixed', 3, 10],
    reach: 'place',
    title: '{p}卫生室缺医少药，看病不方便',
    alt: '{p}卫生室没有医生，看病不方便',
    desc: '{v}卫生室原来的乡村医生已年过七旬，去年起不再坐诊，卫生室常年锁门，常用药也买不到。村里慢性病老人多，量血压、拿药都要到{t}卫生院。希望配备乡村医生，或安排卫生院定期巡诊。',
    altDesc: '村里卫生室门一直锁着，头疼脑热也得往乡里跑，高血压的药每个月都要去镇上开，希望有医生定期来村里。',
  },
  {
    id: 'school_bus',
    area: 'livelihood',
    scope: ['village'],
    who: ['household', 3, 10],
    reach: 'place',
    facts: (r) => ({ km: r.int(5, 15) }),
    title: '{p}学生上学路远，希望开通校车',
    alt: '{p}孩子上学路远，盼开通校车',
    desc: '{v}没有小学，孩子都在{t}中心学校就读，离家约{km}公里，家长每天骑电动车接送，遇到雨雪天气很不安全，不少家长只能在镇上租房陪读。希望开通校车或定制公交，保障学生上下学安全。',
    altDesc: '孩子在乡里上学，每天接送要来回{km}公里山路，冬天天不亮就出门，家长心里不踏实，希望有校车。',
  },
  {
    id: 'drainage',
    area: 'livelihood',
    scope: ['village', 'community'],
    who: ['household', 4, 12],
    reach: 'place',
    facts: (r) => ({ spot: r.pick(['主街', '低洼路段', '小区内道路', '学校门口']) }),
    title: '{p}排水不畅，雨天积水严重',
    alt: '{p}一下雨就积水，排水管网不畅',
    desc: '{v}{spot}的排水管道管径小、常年淤堵，每逢强降雨积水深达半米，部分{folk}家中进水，车辆无法通行。希望疏通改造排水管网，实施雨污分流。',
    altDesc: '今年七月那场大雨，水漫进了好几户人家，下水道堵了多年没人清，希望彻底解决排水问题。',
  },
  {
    id: 'network',
    area: 'livelihood',
    scope: ['village'],
    who: ['mixed', 2, 8],
    reach: 'place',
    title: '{p}手机信号弱，宽带未覆盖',
    alt: '{p}手机信号差，宽带网络未覆盖',
    desc: '{v}处在山沟里，手机信号时有时无，很多地方打不了电话，村里也没有通光纤宽带。孩子上网课、村民网上办事和直播卖货都受影响。希望增设通信基站，实现光纤宽带进村入户。',
    altDesc: '在家里打电话得站到院子里找信号，网上办事经常卡住，外出的子女视频通话也打不通，希望解决网络覆盖问题。',
  },
  {
    id: 'property',
    area: 'livelihood',
    scope: ['community'],
    who: ['household', 5, 15],
    reach: 'place',
    facts: (r) => ({ n: r.int(6, 20) }),
    title: '{p}老旧小区无物业管理',
    alt: '{p}老旧小区没有物业，无人管理',
    desc: '{v}有{n}栋老旧住宅楼建成于上世纪九十年代，原产权单位改制后一直没有物业管理，垃圾清运不及时，楼道堆满杂物，单元门损坏无人维修。居民希望引入物业服务或由社区托管，建立长效管理机制。',
    altDesc: '我们楼没有物业，垃圾好几天才拉一次，楼道灯坏了也没人修，居民自己凑钱也不是长久之计。',
  },
  {
    id: 'parking',
    area: 'livelihood',
    scope: ['community'],
    who: ['mixed', 3, 10],
    reach: 'place',
    facts: (r) => ({ n: r.int(20, 60) * 10 }),
    title: '{p}停车难，车辆乱停堵路',
    alt: '{p}停车位太少，车辆乱停',
    desc: '{v}周边居民车辆有{n}辆左右，但规划停车位不足一百个，晚上车辆停满道路两侧，消防车、救护车都进不来。希望利用周边闲置空地建设停车场，施划停车位，规范停车秩序。',
    altDesc: '每天下班回家要转好几圈才能找到车位，路边车停得满满当当，早上经常被堵住出不去。',
  },
  {
    id: 'market',
    area: 'livelihood',
    scope: ['town'],
    rural: true,
    who: ['person', 2, 6],
    reach: 'place',
    title: '{t}集贸市场摊位不足，赶集时占道经营',
    alt: '{t}赶集占道经营，集贸市场摊位不够',
    desc: '{t}集贸市场建成多年，固定摊位只有几十个，每逢集日大量摊贩只能在主街两侧摆摊，车辆行人混行，交通拥堵，也存在安全隐患。希望改造扩建集贸市场，增设固定摊位，规范经营秩序。',
    altDesc: '逢集的时候街上全是摆摊的，车开不过去，人也挤不动，市场里面又没有位置。希望把市场扩建一下。',
  },
  {
    id: 'kindergarten',
    area: 'livelihood',
    scope: ['town'],
    who: ['household', 3, 8],
    reach: 'place',
    title: '{t}公办幼儿园学位紧张',
    alt: '{t}公办幼儿园学位不足，报名难',
    desc: '{t}只有一所公办幼儿园，今年报名人数远超招生计划，不少家庭只能把孩子送到收费较高的民办园或到城区上学。希望扩建公办幼儿园，增加普惠性学位。',
    altDesc: '孩子今年该上幼儿园了，公办园名额满了，民办园一个月一千多，负担太重，希望增加公办学位。',
  },
  {
    id: 'square',
    area: 'livelihood',
    scope: ['village'],
    who: ['mixed', 3, 8],
    reach: 'place',
    title: '{p}缺少文体活动场所',
    alt: '{p}没有文体活动场所，盼建广场',
    desc: '{v}没有像样的文化广场和健身器材，村民晚饭后只能在路边活动，逢年过节办文艺活动也找不到场地。希望利用村委会旁闲置空地建设文体广场，配套健身器材。',
    altDesc: '村里老年人、妇女想跳跳舞、锻炼锻炼，没有场地，只能站在马路上，很不安全。',
  },
  {
    id: 'charging',
    area: 'livelihood',
    scope: ['community'],
    who: ['person', 2, 6],
    reach: 'place',
    title: '{p}电动车充电难，飞线充电隐患大',
    alt: '{p}电动车充电难，居民飞线充电',
    desc: '{v}电动自行车越来越多，但没有集中充电设施，不少居民从楼上拉线充电，还有人把电动车推进楼道和家里，存在火灾隐患。希望建设集中充电桩和车棚。',
    altDesc: '楼上好几户从窗户往下吊电线充电，晚上看着都害怕，希望社区建个充电棚。',
  },
  {
    id: 'gas',
    area: 'livelihood',
    scope: ['community'],
    who: ['household', 4, 10],
    reach: 'place',
    title: '{p}部分楼栋未通管道天然气',
    alt: '{p}还在用液化气罐，盼通管道天然气',
    desc: '{v}部分楼栋至今没有接通管道天然气，居民做饭用的是罐装液化气，换气要扛上楼，也存在安全隐患。希望燃气公司延伸管网，实现天然气入户。',
    altDesc: '家里还用煤气罐，老人扛不动，每次都要找人帮忙，希望早日通上天然气。',
  },
  // --- 巩固拓展脱贫攻坚成果 ---
  {
    id: 'relapse',
    area: 'poverty',
    scope: ['village'],
    who: ['person', 1, 1],
    reach: 'people',
    facts: (r) =>
      r.pick([
        { why: '因病', what: '户主去年查出尿毒症，每周透析两次' },
        { why: '因残', what: '主要劳动力在务工时摔伤致残，无法再干重活' },
        { why: '因灾', what: '今年夏天暴雨冲毁了两间住房和三亩玉米' },
        { why: '因学', what: '两个孩子同时上大学，学费生活费开支大' },
      ]),
    title: '{p}一户脱贫户{why}存在返贫风险，申请帮扶',
    alt: '{p}脱贫户{why}致困，存在返贫风险',
    desc: '{v}一户脱贫户家中{what}，家庭收入明显下降，日常开支难以为继，存在返贫风险。希望将其纳入防止返贫动态监测，落实医疗救助、临时救助、公益岗位等帮扶措施。',
    altDesc: '我家{what}，现在一家人的生活全靠亲戚接济，不知道能不能申请帮扶，希望村里帮忙反映。',
  },
  {
    id: 'crops',
    area: 'poverty',
    scope: ['village'],
    who: ['household', 3, 10],
    reach: 'place',
    facts: (r) => ({ crop: r.pick(['小米', '谷子', '红薯', '黄花菜', '连翘', '花椒']), n: r.int(20, 80), mu: r.int(100, 600) }),
    title: '{p}{crop}卖不上价，缺少加工销售渠道',
    alt: '{p}{crop}卖不上价，盼帮助找销路',
    desc: '{v}有{n}户种植{crop}，今年种植面积约{mu}亩，但村里没有加工设备，只能以原料低价卖给上门收购的商贩，价格被压得很低。希望扶持建设初加工车间，对接电商平台和消费帮扶渠道，帮助脱贫户增收。',
    altDesc: '{crop}种出来了卖不出去，收购的来了一斤才给几块钱，希望政府帮着联系销路，搞点深加工。',
  },
  {
    id: 'jobs',
    area: 'poverty',
    scope: ['village'],
    who: ['person', 2, 6],
    reach: 'people',
    facts: (r) => ({ n: r.int(8, 30) }),
    title: '{p}脱贫劳动力希望就近务工和技能培训',
    alt: '{p}脱贫劳动力想就近务工、学技能',
    desc: '{v}有{n}名脱贫劳动力因照顾老人孩子无法外出务工，希望在附近企业、公益岗位就业，并参加电工、焊工、家政、养老护理等技能培训，取得证书后提高收入。',
    altDesc: '家里有老人要照顾，出不了远门，想在附近找个活干，最好能学门手艺。',
  },
  {
    id: 'livestock',
    area: 'poverty',
    scope: ['village'],
    who: ['household', 2, 6],
    reach: 'place',
    facts: (r) => ({ animal: r.pick(['牛', '羊', '猪', '鸡']), n: r.int(10, 40) }),
    title: '{p}养殖户希望建设标准化养殖小区',
    alt: '{p}散养{animal}污染大，盼建标准化养殖小区',
    desc: '{v}有{n}户{animal}养殖户，目前都在房前屋后散养，粪污处理不了，影响村容村貌和邻里关系。希望规划建设标准化养殖小区，配套粪污处理设施，并提供防疫和技术指导。',
    altDesc: '院子里养{animal}，气味大、苍蝇多，邻居有意见，可是也没别的地方养，希望村里统一建圈舍。',
  },
  {
    id: 'solar',
    area: 'poverty',
    scope: ['village'],
    who: ['person', 2, 5],
    reach: 'place',
    facts: (r) => ({ n: r.int(8, 25) }),
    title: '{p}村级光伏电站收益分配希望公开',
    alt: '{p}光伏电站收益分配不公开',
    desc: '{v}建有村级光伏扶贫电站，每年发电收益约{n}万元，但收益分配和使用情况没有公开，部分村民有疑问。希望按规定公开收益分配方案，优先用于设置公益岗位和小型公益事业。',
    altDesc: '村里的光伏板装了好几年，收益到底多少、给谁发了，大家都不清楚，希望张榜公布。',
  },
  {
    id: 'relocation',
    area: 'poverty',
    scope: ['town'],
    rural: true,
    who: ['person', 2, 6],
    reach: 'people',
    facts: (r) => ({ n: r.int(60, 240) }),
    title: '{t}易地搬迁安置点后续扶持不足',
    alt: '{t}易地搬迁群众就业难，后续扶持不足',
    desc: '{t}易地扶贫搬迁安置点共安置{n}户群众，搬迁后原有耕地离得远，部分群众缺少稳定收入。希望在安置点配建帮扶车间、设置公益岗位，完善社区服务，确保搬得出、稳得住、能致富。',
    altDesc: '搬下山以后地种不上了，在附近又找不到活，一家人的开销全靠打零工，希望政府帮忙解决就业。',
  },
  // --- 推动高质量发展 ---
  {
    id: 'ecommerce',
    area: 'development',
    scope: ['village'],
    who: ['coop', 1, 2],
    reach: 'people',
    facts: (r) => ({ crop: r.pick(['核桃', '苹果', '小米', '杂粮', '蜂蜜', '香菇']), ton: r.int(20, 150) }),
    title: '{p}{crop}滞销，希望拓展电商销售渠道',
    alt: '{p}{crop}滞销，合作社想做电商销售',
    desc: '{v}的{crop}专业合作社今年产量约{ton}吨，以往依靠客商上门收购，今年客商减少，大量产品积压。合作社缺少品牌包装、冷链仓储和网店运营人员，希望帮助对接电商平台、开展直播带货培训，并纳入消费帮扶产品目录。',
    altDesc: '仓库里还压着不少{crop}，自己在网上卖不会弄，希望有人教我们开网店、做直播。',
  },
  {
    id: 'tourism',
    area: 'development',
    scope: ['village'],
    who: ['mixed', 2, 6],
    reach: 'place',
    facts: (r) => ({ sight: r.pick(['古村落和老戏台', '千年古槐', '抗战遗址', '山间梯田', '桃花沟']) }),
    title: '{p}乡村旅游配套设施不足',
    alt: '{p}乡村旅游停车、如厕等配套不足',
    desc: '{v}有{sight}，近两年周末来游玩的市民越来越多，但村里没有停车场、公共厕所和游客服务点，车辆乱停、垃圾随手丢弃。村民希望完善旅游配套设施，发展农家乐和民宿，带动增收。',
    altDesc: '周末来看{sight}的人很多，车停得到处都是，连个厕所都没有，村民想开农家乐也没人指导。',
  },
  {
    id: 'finance',
    area: 'development',
    scope: ['town'],
    who: ['enterprise', 1, 3],
    reach: 'people',
    title: '{t}小微企业融资难、融资贵',
    alt: '{t}小微企业贷款难，融资成本高',
    desc: '{t}部分小微企业反映，银行贷款要求抵押物，企业厂房多为租赁，难以提供足额抵押，转贷过桥成本高。希望搭建政银企对接平台，推广信用贷款、应收账款质押等产品，设立应急转贷资金。',
    altDesc: '企业订单不少，就是缺流动资金，去银行贷款要抵押，厂房是租的，押不了，希望政府帮忙对接金融机构。',
  },
  {
    id: 'park_road',
    area: 'development',
    scope: ['town'],
    towns: [DEV_ZONE, '140311100'],
    who: ['enterprise', 2, 4],
    reach: 'people',
    facts: (r) => ({ n: r.int(6, 18) }),
    title: '{t}工业园区断头路未打通，企业货车绕行',
    alt: '{t}工业园区道路断头，货车只能绕行',
    desc: '{t}工业园区内一条规划道路只修了一半，形成断头路，园区{n}家企业的货车只能绕行居民区，既增加运输成本，又影响居民安全。希望尽快打通道路，完善路灯、排水等配套设施。',
    altDesc: '园区的路修到一半就停了，大货车只能从村里绕，村民有意见，企业也多花运费，盼早日修通。',
  },
  {
    id: 'power',
    area: 'development',
    scope: ['town'],
    who: ['enterprise', 1, 2],
    reach: 'people',
    facts: (r) => ({ kva: r.int(4, 16) * 100 }),
    title: '{t}企业用电增容报装周期长',
    alt: '{t}企业用电增容报装手续多、周期长',
    desc: '企业新上生产线需增容至{kva}千伏安，向供电部门申请后需要多次提交材料，外线工程涉及道路挖掘、绿地占用等审批，整体周期预计两个月以上。希望推行用电报装“三零”“三省”服务，相关审批并联办理。',
    altDesc: '新设备到了，电却迟迟接不上，跑了供电所又跑住建和园林，希望一次办好。',
  },
  {
    id: 'hiring',
    area: 'development',
    scope: ['town'],
    who: ['enterprise', 1, 3],
    reach: 'people',
    facts: (r) => ({ n: r.int(3, 12) * 10 }),
    title: '{t}企业招工难，熟练技工短缺',
    alt: '{t}企业招不到技术工人，招工难',
    desc: '{t}多家制造企业反映，急需电焊工、数控操作工、叉车司机等技术工人{n}余名，长期招不满，本地劳动力又缺少技能。希望组织专场招聘会，开展订单式技能培训，搭建企业与求职者的对接平台。',
    altDesc: '厂里缺{n}来个技术工，网上发招聘没人来，希望人社部门帮着办招聘会、搞培训。',
  },
  // --- 深化“放管服效”改革 ---
  {
    id: 'agency',
    area: 'service_reform',
    scope: ['town'],
    rural: true,
    who: ['person', 2, 6],
    reach: 'place',
    title: '{t}希望在村便民服务站办理社保医保业务',
    alt: '{t}社保医保业务希望在村里就近办理',
    desc: '{t}村民办理社保卡挂失补办、医保参保缴费、高龄补贴申请等业务，仍需到区政务服务中心，往返一趟要大半天。希望把高频事项下放到乡镇便民服务中心和村便民服务站，推行帮办代办。',
    altDesc: '老人补办个社保卡还要坐车进城，排队大半天，希望在乡里甚至村里就能办。',
  },
  {
    id: 'deeds',
    area: 'service_reform',
    scope: ['community'],
    who: ['household', 4, 12],
    reach: 'people',
    facts: (r) => ({ year: r.int(1995, 2005), n: r.int(60, 300) }),
    title: '{p}居民多年办不下房产证',
    alt: '{p}房子住了多年办不下房产证',
    desc: '{v}小区建成于{year}年，因开发企业未完善土地手续且已注销，{n}户居民购房多年一直办不了不动产权证，子女入学、房屋买卖和继承都受影响。希望有关部门专题研究，化解历史遗留问题。',
    altDesc: '买房的时候说好给办证，开发商早就没了，到现在证也办不下来，孩子上学都受影响。',
  },
  {
    id: 'medicare',
    area: 'service_reform',
    scope: ['town'],
    who: ['person', 1, 3],
    reach: 'people',
    title: '{t}异地就医报销手续繁琐',
    alt: '{t}异地就医报销跑多趟，手续繁琐',
    desc: '群众在太原、北京等地住院治疗，因未及时办理异地就医备案，出院后只能回来手工报销，需要准备发票、费用清单、病历等多种材料，往返多次才能办完。希望简化备案手续，推广线上备案和跨省直接结算。',
    altDesc: '家里老人在太原住院，回来报销跑了三趟还没办完，材料要了一遍又一遍，希望简化。',
  },
  {
    id: 'pension_check',
    area: 'service_reform',
    scope: ['town'],
    who: ['person', 1, 3],
    reach: 'people',
    title: '{t}高龄老人养老金资格认证希望上门办理',
    alt: '{t}高龄老人养老金资格认证难，盼上门办理',
    desc: '{t}有不少高龄、失能老人不会用手机进行养老金领取资格认证，也无法到现场办理，担心被暂停发放。希望推行上门认证和数据比对认证，由村干部、网格员帮办。',
    altDesc: '我父亲八十多岁卧床不起，手机刷脸认证总是失败，又去不了现场，希望工作人员能上门认证。',
  },
  {
    id: 'permits',
    area: 'service_reform',
    scope: ['town'],
    who: ['enterprise', 1, 2],
    reach: 'people',
    facts: (r) => ({ area: r.int(2, 12) * 1000 }),
    title: '{t}企业办理工程建设审批跑多个部门',
    alt: '{t}企业工程建设审批跑多个部门、耗时长',
    desc: '企业计划扩建厂房约{area}平方米，办理立项、规划许可、施工许可、消防审查等手续需要分别到多个部门提交材料，部分材料重复提交，预计审批时间超过三个月。希望推行工程建设项目审批“一件事”集成服务，并联审批、容缺受理。',
    altDesc: '厂房扩建的手续办了快两个月，规划、住建、消防来回跑，一样的材料交了好几遍，希望能一窗办理。',
  },
  {
    id: 'id_card',
    area: 'service_reform',
    scope: ['town'],
    who: ['person', 1, 2],
    reach: 'people',
    title: '{t}残疾人和卧床老人希望上门办理身份证',
    alt: '{t}卧床老人和残疾人办身份证难，盼上门办理',
    desc: '{t}部分重度残疾人和卧床老人身份证过期，无法到派出所现场采集照片和指纹，影响领取补贴和看病报销。希望公安机关提供预约上门办证服务。',
    altDesc: '我母亲瘫痪在床，身份证过期了，医院说要有效证件，派出所让本人到场，实在去不了。',
  },
  // --- 加强基层治理 ---
  {
    id: 'garbage',
    area: 'governance',
    scope: ['village'],
    who: ['household', 3, 10],
    reach: 'place',
    title: '{p}垃圾清运不及时，村口堆积',
    alt: '{p}垃圾清运不及时，夏天臭气熏天',
    desc: '{v}设置的垃圾收集点只有几个，清运车一周才来一次，村口和河边垃圾堆积，夏天蚊蝇滋生、气味难闻。希望增设垃圾收集设施，建立“户分类、村收集、乡转运”的长效保洁机制。',
    altDesc: '村口的垃圾堆好久没人拉了，风一吹到处都是塑料袋，希望定时清运。',
  },
  {
    id: 'cameras',
    area: 'governance',
    scope: ['village'],
    who: ['mixed', 2, 6],
    reach: 'place',
    facts: (r) => ({ n: r.int(2, 6) }),
    title: '{p}安装治安监控，保障村民财产安全',
    alt: '{p}接连发生盗窃，盼安装治安监控',
    desc: '今年以来{v}先后发生{n}起盗窃三轮车、电缆和农资的案件，村里主要路口没有监控，案件难以侦破，村民很不放心。希望将村里纳入“雪亮工程”，在主要路口安装视频监控。',
    altDesc: '村里好几家丢了东西，连个监控都没有，到现在也没抓着人，大家晚上都睡不踏实。',
  },
  {
    id: 'river',
    area: 'governance',
    scope: ['village'],
    who: ['household', 2, 8],
    reach: 'place',
    title: '{p}河道垃圾堆积，汛期存在隐患',
    alt: '{p}河道倒满垃圾渣土，汛期有隐患',
    desc: '{v}穿村而过的河道长期无人清理，两岸倾倒了大量生活垃圾和建筑渣土，河道被挤占变窄，汛期容易排水不畅、漫溢进村。希望组织清淤清障，落实河长制巡查。',
    altDesc: '河沟里全是垃圾，有人还往里倒渣土，一到夏天下雨水就漫到路上，希望清理一下。',
  },
  {
    id: 'noise',
    area: 'governance',
    scope: ['community'],
    who: ['person', 2, 6],
    reach: 'place',
    title: '{p}广场舞音响声音过大扰民',
    alt: '{p}广场舞音乐太吵，晚上扰民',
    desc: '{v}广场每天晚上七点到十点有多支广场舞队伍活动，音响声音很大，临街居民家中关窗也能听到，影响老人休息和学生学习。希望社区协调规范活动时间和音量，另行规划活动场地。',
    altDesc: '楼下广场天天晚上放音乐到十点多，孩子写不了作业，老人睡不着觉，说了也不听。',
  },
  {
    id: 'fire_lane',
    area: 'governance',
    scope: ['community'],
    who: ['household', 3, 8],
    reach: 'place',
    title: '{p}消防通道被占用，楼道堆放杂物',
    alt: '{p}楼道堆物、消防通道被占',
    desc: '{v}部分楼栋之间的消防通道被私家车和私搭乱建的棚子占用，楼道里堆放纸箱、旧家具和电动车，一旦发生火灾后果严重。希望开展消防通道专项整治，清理楼道堆物，施划消防通道标线。',
    altDesc: '小区消防通道天天停满车，楼道里也堆得满满的，万一着火了人都跑不出来。',
  },
  {
    id: 'dispute',
    area: 'governance',
    scope: ['village'],
    who: ['person', 1, 2],
    reach: 'people',
    title: '{p}宅基地界址纠纷希望调解',
    alt: '{p}邻里宅基地界线纠纷，盼调解',
    desc: '{v}两户村民因宅基地界址和滴水位置发生争执多年，曾多次发生口角，村里调解未果。希望乡镇司法所、自然资源所联合实地勘查，依法依规调解处理，避免矛盾激化。',
    altDesc: '我家和邻居因为院墙的位置吵了好几年，村里调解不下来，希望上面来人量一量、说一说。',
  },
  {
    id: 'dogs',
    area: 'governance',
    scope: ['village', 'community'],
    who: ['person', 1, 4],
    reach: 'place',
    facts: (r) => ({ n: r.int(2, 5) }),
    title: '{p}流浪犬较多，伤人事件时有发生',
    alt: '{p}流浪狗成群，多人被咬伤',
    desc: '{v}周边流浪犬较多，经常成群出没，今年已有{n}名群众被咬伤，接送孩子的家长很担心。希望组织收容流浪犬，加强对养犬人的管理。',
    altDesc: '路上野狗越来越多，前几天邻居家孩子被咬了，希望有人管管。',
  },
  {
    id: 'grid',
    area: 'governance',
    scope: ['community'],
    who: ['person', 1, 3],
    reach: 'place',
    title: '{p}网格员联系方式不清楚，有事找不到人',
    alt: '{p}居民找不到网格员，联系方式不公开',
    desc: '{v}划分网格后，不少居民不知道本网格的网格员是谁、怎么联系，遇到问题不知道找谁反映。希望在楼栋公示网格员姓名、电话和服务事项，定期入户走访。',
    altDesc: '家里有事想找社区，不知道该找谁，电话也打不通，希望把网格员电话贴到单元门口。',
  },
];
const templateById = new Map(templates.map((t) => [t.id, t]));
function template(id: string): Template {
  const t = templateById.get(id);
  if (!t) throw new Error(`demo livelihood data: unknown template ${id}`);
  return t;
}

function fits(t: Template, p: Place): boolean {
  if (!t.scope.includes(p.kind)) return false;
  if (p.kind !== 'town') return true;
  if (t.towns) return t.towns.includes(p.code);
  return !(t.rural && p.code === DEV_ZONE);
}

function fill(text: string, p: Place, facts: Facts): string {
  const vars: Facts = {
    p: p.kind === 'town' ? p.name : `${p.townName}${p.name}`,
    v: p.name,
    t: p.townName,
    folk: p.kind === 'village' ? '村民' : p.kind === 'community' ? '居民' : '群众',
    here: p.kind === 'village' ? '村里' : p.kind === 'community' ? '社区里' : '乡里',
    ...facts,
  };
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = vars[name];
    if (v === undefined) throw new Error(`demo livelihood data: no value for {${name}} in “${text}”`);
    return String(v);
  });
}

// ---------------------------------------------------------------------------------------------
// People

const surnames = [
  ...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段',
];
const givenNames = [
  '秀英',
  '建国',
  '丽娟',
  '志强',
  '桂兰',
  '海燕',
  '伟',
  '敏',
  '静',
  '磊',
  '军',
  '芳',
  '勇',
  '娜',
  '涛',
  '杰',
  '玉梅',
  '俊峰',
  '晓东',
  '红霞',
  '国庆',
  '福生',
  '金花',
  '二虎',
  '润生',
  '翠萍',
  '保平',
  '宝珍',
  '文斌',
  '海军',
  '春梅',
  '永刚',
  '兰英',
  '拴柱',
  '爱民',
  '瑞芳',
  '满仓',
  '引弟',
  '平安',
  '小军',
];
const phonePrefixes = [
  '139',
  '138',
  '137',
  '136',
  '135',
  '134',
  '159',
  '158',
  '157',
  '152',
  '151',
  '150',
  '188',
  '187',
  '183',
  '182',
  '178',
  '147',
  '130',
  '131',
  '132',
  '155',
  '156',
  '185',
  '186',
  '176',
  '133',
  '153',
  '180',
  '181',
  '189',
  '177',
  '199',
  '166',
  '198',
];
const brands = ['恒达', '瑞丰', '鑫源', '宏远', '晋阳', '华昌', '泰和', '永盛', '金鼎', '天润', '安泰', '聚源', '兆丰', '狮脑山', '桃河'];
const trades = ['机械制造', '耐火材料', '新材料', '物流', '陶瓷', '食品', '建材', '电子科技', '铸造', '环保科技'];
const collectorUnits = [
  '区委组织部',
  '区水务局',
  '区住建局',
  '区交通运输局',
  '区卫健局',
  '区教育局',
  '区民政局',
  '区农业农村局',
  '区人社局',
  '区政务服务中心',
  '区纪委监委',
  '区财政局',
];

function personName(r: Rng): string {
  return `${r.pick(surnames)}${r.pick(givenNames)}`;
}

function phone(r: Rng): string {
  return `${r.pick(phonePrefixes)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
}

function address(r: Rng, p: Place): string {
  if (p.kind === 'community') return `${p.townName}${p.name}${r.int(1, 30)}号楼${r.int(1, 4)}单元${r.int(1, 6)}0${r.int(1, 4)}`;
  if (p.kind === 'town') return `${p.townName}${r.pick(['前街', '后街', '北街', '新村'])}${r.int(1, 120)}号`;
  return `${p.townName}${p.name}${r.int(1, 6)}组${r.int(1, 80)}号`;
}

function originators(r: Rng, t: Template, p: Place, facts: Facts, count?: number): DemoOriginator[] {
  const [who, min, max] = t.who;
  const n = count ?? r.int(min, max);
  const out: DemoOriginator[] = [];
  for (let i = 0; i < n; i++) {
    const kind =
      who === 'mixed' ? (i === 0 || r.chance(0.3) ? 'person' : 'household') : who === 'coop' ? (i === 0 ? 'enterprise' : 'household') : who;
    if (kind === 'person') {
      out.push({ kind: 'person', name: personName(r), phone: phone(r) });
    } else if (kind === 'household') {
      out.push({ kind: 'household', name: personName(r), address: address(r, p), ...(r.chance(0.6) ? { phone: phone(r) } : {}) });
    } else if (who === 'coop') {
      out.push({
        kind: 'enterprise',
        name: `阳泉市郊区${p.name.replace(/村$/, '')}${String(facts['crop'] ?? '农产品')}专业合作社`,
        phone: phone(r),
      });
    } else {
      out.push({ kind: 'enterprise', name: `阳泉${r.pick(brands)}${r.pick(trades)}有限公司`, phone: phone(r) });
    }
  }
  // The same enterprise does not sign twice.
  const seen = new Set<string>();
  return out.filter((o) => o.kind !== 'enterprise' || (seen.has(o.name) ? false : (seen.add(o.name), true)));
}

function collector(r: Rng, p: Place): string {
  const unit =
    p.kind === 'town'
      ? r.pick([`${p.townName}机关党支部`, ...collectorUnits])
      : r.pick([`${p.name}党支部`, `${p.name}党支部`, `${p.townName}机关党支部`, ...collectorUnits]);
  return `${personName(r)}（${unit}）`;
}

// ---------------------------------------------------------------------------------------------
// Key projects (their matters are planted first, so every project has the matters it answers)

type Scheme = 'construction' | 'facility' | 'service' | 'procurement' | 'industry' | 'bus';
type State = 'accepted' | 'awaiting' | 'progress' | 'late';

/** District units the projects want but demo-org.ts does not have yet; each stands in with the closest existing key. */
/** Units a project wants that demo-org.ts lacks, with the unit standing in meanwhile (none now: demo-org.ts has them all). */
export const neededDemoUnits: { key: string; name: string; kind: 'bureau' | 'township'; region: string; standsIn: string }[] = [];

/** The unit a project wants, or the existing unit standing in for it until demo-org.ts has it. */
function unit(key: string): string {
  return neededDemoUnits.find((u) => u.key === key)?.standsIn ?? key;
}

interface ProjectSpec {
  title: string;
  area: DemoAreaCode;
  /** The unit the project should have (see `neededDemoUnits`). */
  unit: string;
  budget: number;
  start: string;
  due: string;
  scheme: Scheme;
  state: State;
  /** Template × places: every matter planted there is answered by the project. */
  answers: [templateId: string, placeNames: string[]][];
  description: string;
}

const BEIQI = ['北岭村', '石板沟村', '坡头村', '红崖村', '柏木沟村', '庙凹村', '东梁村'];

const projectSpecs: ProjectSpec[] = [
  {
    title: '西南舁乡北七村自来水管网连片工程',
    area: 'livelihood',
    unit: 'jqWater',
    budget: 680,
    start: '2026-06-15',
    due: '2026-12-31',
    scheme: 'construction',
    state: 'progress',
    answers: [
      ['water_supply', BEIQI],
      ['water_quality', ['庙凹村', '东梁村']],
    ],
    description:
      '北七村并不是一个村，而是由西南舁乡北部的七个小村落组成。七个村地处山区，偏远缺水，以前吃水基本只能靠水窖里收集的雨水。工程从西南舁村水源井引水，新建加压泵站1座、高位蓄水池2座，铺设主管网约23公里及各村支管网和入户管道，将七个村连片接入集中供水，工程完工后将彻底告别吃水难。',
  },
  {
    title: '荫营镇东岭村、南沟村供水管网改造工程',
    area: 'livelihood',
    unit: 'jqWater',
    budget: 236,
    start: '2026-06-20',
    due: '2026-10-31',
    scheme: 'construction',
    state: 'accepted',
    answers: [['water_pipe', ['东岭村', '南沟村']]],
    description:
      '更换东岭村、南沟村老化供水主管和支管约9公里，管道埋深加至冻土层以下，新建阀门井和入户水表井，解决冬季管道冻裂、频繁停水问题。',
  },
  {
    title: '平坦镇通村公路提质改造工程',
    area: 'livelihood',
    unit: 'jqTransport',
    budget: 1450,
    start: '2026-06-25',
    due: '2026-11-30',
    scheme: 'construction',
    state: 'late',
    answers: [['road', ['平安村', '桃林沟村', '西坡村', '杏园村']]],
    description:
      '对平坦镇平安村、桃林沟村、西坡村、杏园村4条通村公路共约26公里进行提质改造，修复路基、铺设沥青路面，增设波形护栏、警示标志和错车道。',
  },
  {
    title: '河底镇河湾村至石门村道路改造工程',
    area: 'livelihood',
    unit: 'jqTransport',
    budget: 520,
    start: '2026-06-25',
    due: '2026-10-31',
    scheme: 'construction',
    state: 'awaiting',
    answers: [['road', ['河湾村', '石门村']]],
    description: '改造河湾村至石门村通村公路约8.5公里，拓宽路面至5.5米，完善排水边沟和安全防护设施。',
  },
  {
    title: '旧街乡村内街巷硬化工程',
    area: 'livelihood',
    unit: 'jiujie',
    budget: 186,
    start: '2026-07-01',
    due: '2026-10-15',
    scheme: 'construction',
    state: 'awaiting',
    answers: [['lanes', ['旧街村', '槐树坪村', '窑上村']]],
    description: '硬化旧街村、槐树坪村、窑上村村内街巷约12000平方米，同步修建排水明渠，村民投工投劳参与建设。',
  },
  {
    title: '李家庄乡小河村便民桥重建工程',
    area: 'livelihood',
    unit: 'jqTransport',
    budget: 95,
    start: '2026-07-01',
    due: '2026-11-15',
    scheme: 'construction',
    state: 'late',
    answers: [['bridge', ['小河村']]],
    description: '拆除小河村被洪水冲毁的便桥，在原址重建长32米、宽6米的钢筋混凝土桥梁，配套护栏和引道，解决村民出行和学生上学安全问题。',
  },
  {
    title: '西南舁乡村庄路灯亮化工程',
    area: 'livelihood',
    unit: 'xinanyu',
    budget: 78,
    start: '2026-06-20',
    due: '2026-09-30',
    scheme: 'procurement',
    state: 'accepted',
    answers: [['lights', ['西南舁村', '前庄村', '后峪村', '北岭村', '坡头村']]],
    description: '在西南舁村、前庄村、后峪村、北岭村、坡头村主要街道和通往村委会、卫生室的路段安装太阳能路灯260盏，明确村级管护责任。',
  },
  {
    title: '开发区社区路灯补亮工程',
    area: 'livelihood',
    unit: 'jqUrban',
    budget: 64,
    start: '2026-07-01',
    due: '2026-12-15',
    scheme: 'procurement',
    state: 'progress',
    answers: [['lights', ['南山社区', '桃河社区', '义白社区']]],
    description: '对南山、桃河、义白三个社区背街小巷和小区内部道路照明盲区进行补亮，新装和更换LED路灯180盏，纳入城市照明统一管护。',
  },
  {
    title: '开发区老旧小区供热管网改造工程',
    area: 'livelihood',
    unit: 'jqHousing',
    budget: 960,
    start: '2026-06-15',
    due: '2026-11-10',
    scheme: 'construction',
    state: 'awaiting',
    answers: [['heating', ['南山社区', '桃河社区', '东升社区', '义白社区']]],
    description: '改造四个社区老旧小区供热二次管网约14公里，更换老化换热站设备3套，对顶层和边户加装保温，确保供暖季室温达到18℃以上。',
  },
  {
    title: '杨家庄乡、李家庄乡清洁取暖运行补贴落实行动',
    area: 'livelihood',
    unit: 'jqHousing',
    budget: 300,
    start: '2026-07-01',
    due: '2026-12-31',
    scheme: 'service',
    state: 'progress',
    answers: [['heating_rural', ['杨树坪村', '东坡村', '苇子沟村', '李家峪村', '庄头村']]],
    description: '对已完成“煤改电”的农户落实采暖季电价优惠和运行补贴，对脱贫户、低保户等困难群众提高补贴标准，同步实施农房保温改造试点。',
  },
  {
    title: '全区农村户厕改造提升工程（首批）',
    area: 'livelihood',
    unit: 'jqAgri',
    budget: 1120,
    start: '2026-06-20',
    due: '2027-05-31',
    scheme: 'construction',
    state: 'progress',
    answers: [
      [
        'toilet',
        [
          '东岭村',
          '桃坪村',
          '上社村',
          '河湾村',
          '西峪村',
          '平安村',
          '西坡村',
          '杨树坪村',
          '苇子沟村',
          '李家峪村',
          '小河村',
          '旧街村',
          '窑上村',
          '西南舁村',
        ],
      ],
    ],
    description:
      '首批在14个村改造农村户厕约1400户，因地制宜采用三格式化粪池和双瓮式厕所，配套建设粪污收集清运体系，冬季停工期间开展入户摸底和群众动员。',
  },
  {
    title: '荫营镇老年餐桌建设项目',
    area: 'livelihood',
    unit: 'jqCivil',
    budget: 90,
    start: '2026-07-01',
    due: '2026-10-31',
    scheme: 'facility',
    state: 'accepted',
    answers: [['canteen', ['东岭村', '上社村', '荫营社区']]],
    description: '依托村级日间照料中心和社区服务站建设老年餐桌3处，为60岁以上老人提供每餐不超过5元的午餐，对失能和独居老人送餐上门。',
  },
  {
    title: '开发区社区老年助餐服务点建设',
    area: 'livelihood',
    unit: 'jqCivil',
    budget: 120,
    start: '2026-07-01',
    due: '2026-12-31',
    scheme: 'facility',
    state: 'progress',
    answers: [['canteen', ['南山社区', '桃河社区', '东升社区']]],
    description: '在南山、桃河、东升三个社区建设老年助餐服务点，引入专业餐饮企业运营，对高龄、低保、特困老人给予助餐补贴。',
  },
  {
    title: '西南舁乡、旧街乡城乡公交延伸工程',
    area: 'livelihood',
    unit: 'jqTransport',
    budget: 260,
    start: '2026-07-01',
    due: '2026-12-31',
    scheme: 'bus',
    state: 'progress',
    answers: [['bus', ['西南舁村', '前庄村', '红崖村', '旧街村', '槐树坪村']]],
    description: '将城区至西南舁乡、旧街乡的城乡公交线路延伸至5个村，新建候车亭12座，购置新能源公交车6辆，实行固定班次运行。',
  },
  {
    title: '平坦镇桃林沟村、杏园村卫生室标准化建设',
    area: 'livelihood',
    unit: 'jqHealth',
    budget: 60,
    start: '2026-07-01',
    due: '2026-11-20',
    scheme: 'facility',
    state: 'late',
    answers: [['clinic', ['桃林沟村', '杏园村']]],
    description: '改造提升两个村卫生室业务用房，配齐诊疗设备和常用药品，通过乡村医生定向招聘和镇卫生院派驻，保证每周至少5天有医生坐诊。',
  },
  {
    title: '杨家庄乡、李家庄乡村卫生室巡诊服务全覆盖',
    area: 'livelihood',
    unit: 'jqHealth',
    budget: 35,
    start: '2026-07-01',
    due: '2026-12-31',
    scheme: 'service',
    state: 'progress',
    answers: [['clinic', ['杨树坪村', '东坡村', '小河村', '庄头村']]],
    description: '由乡镇卫生院组建巡诊医疗队，对暂无乡村医生的村开展每周固定巡诊，为慢性病老人提供签约服务和送药上门。',
  },
  {
    title: '河底镇农村学生定制公交项目',
    area: 'livelihood',
    unit: 'jqEducation',
    budget: 80,
    start: '2026-07-15',
    due: '2026-09-15',
    scheme: 'bus',
    state: 'accepted',
    answers: [['school_bus', ['河湾村', '西峪村', '石门村']]],
    description: '为河湾村、西峪村、石门村在河底镇中心学校就读的学生开通定制公交，早晚各两班，配备随车照管员，学生免费乘坐。',
  },
  {
    title: '开发区东升社区雨污分流改造工程',
    area: 'livelihood',
    unit: 'jqHousing',
    budget: 780,
    start: '2026-06-20',
    due: '2027-06-30',
    scheme: 'construction',
    state: 'progress',
    answers: [['drainage', ['东升社区', '义白社区']]],
    description: '新建东升、义白社区雨水管网约6公里，改造混接错接污水管道，疏通清淤老旧排水管网，消除低洼路段积水点。',
  },
  {
    title: '荫营镇桃坪村排水渠疏浚改造工程',
    area: 'livelihood',
    unit: 'jqWater',
    budget: 48,
    start: '2026-07-01',
    due: '2026-09-30',
    scheme: 'construction',
    state: 'accepted',
    answers: [['drainage', ['桃坪村']]],
    description: '疏浚改造桃坪村主排水渠约1.8公里，加大低洼路段过水涵管管径，解决雨季积水进院问题。',
  },
  {
    title: '偏远山村通信基站和光纤宽带覆盖工程',
    area: 'livelihood',
    unit: 'jqIndustry',
    budget: 420,
    start: '2026-07-01',
    due: '2026-12-31',
    scheme: 'procurement',
    state: 'progress',
    answers: [['network', ['柏木沟村', '庙凹村', '东梁村', '槐树坪村', '苇子沟村', '西峪村']]],
    description: '协调通信运营企业在6个偏远山村新建4G/5G基站8座，光纤宽带进村入户，实现手机信号和宽带网络全覆盖。',
  },
  {
    title: '开发区老旧小区物业服务全覆盖',
    area: 'livelihood',
    unit: 'jqHousing',
    budget: 150,
    start: '2026-07-01',
    due: '2026-12-31',
    scheme: 'service',
    state: 'progress',
    answers: [['property', ['南山社区', '桃河社区', '义白社区', '东升社区']]],
    description: '对无物业管理的老旧小区，通过引入专业物业、社区托管、居民自治等方式实现物业服务全覆盖，建立“红色物业”联席会议制度。',
  },
  {
    title: '开发区桃河社区停车场建设',
    area: 'livelihood',
    unit: 'jqUrban',
    budget: 210,
    start: '2026-07-01',
    due: '2026-11-30',
    scheme: 'construction',
    state: 'late',
    answers: [['parking', ['桃河社区', '南山社区']]],
    description: '利用桃河社区周边闲置地块建设生态停车场，新增停车位320个，在周边道路施划夜间限时停车位，配套充电桩。',
  },
  {
    title: '荫营镇集贸市场升级改造工程',
    area: 'livelihood',
    unit: 'yinying',
    budget: 380,
    start: '2026-07-01',
    due: '2027-04-30',
    scheme: 'construction',
    state: 'progress',
    answers: [['market', ['荫营镇']]],
    description: '改造扩建荫营镇集贸市场，新增固定摊位160个和临时摊位区，完善排水、消防和公厕设施，引导占道摊贩入市经营。',
  },
  {
    title: '河底镇农村生活垃圾收运体系建设',
    area: 'governance',
    unit: 'jqHousing',
    budget: 130,
    start: '2026-07-01',
    due: '2026-12-31',
    scheme: 'procurement',
    state: 'progress',
    answers: [['garbage', ['河湾村', '西峪村', '石门村']]],
    description:
      '为河湾村、西峪村、石门村配置密闭式垃圾收集箱和分类垃圾桶，购置垃圾转运车2辆，建立“户分类、村收集、镇转运”的长效保洁机制。',
  },
  {
    title: '旧街乡“雪亮工程”视频监控建设',
    area: 'governance',
    unit: 'jqPolice',
    budget: 66,
    start: '2026-07-01',
    due: '2026-12-20',
    scheme: 'procurement',
    state: 'progress',
    answers: [['cameras', ['旧街村', '槐树坪村', '窑上村']]],
    description: '在旧街村、槐树坪村、窑上村主要路口和公共场所安装高清视频监控48路，接入公安视频专网和乡综治中心。',
  },
  {
    title: '平坦镇河道清淤整治工程',
    area: 'governance',
    unit: 'jqWater',
    budget: 140,
    start: '2026-07-01',
    due: '2026-11-30',
    scheme: 'construction',
    state: 'progress',
    answers: [['river', ['平安村', '西坡村', '杏园村']]],
    description: '清理平坦镇穿村河道垃圾和建筑渣土，清淤疏浚约7公里，修复损毁护岸，设立河长公示牌，落实村级河长日常巡查。',
  },
  {
    title: '开发区广场舞噪声治理和文体活动场地建设',
    area: 'governance',
    unit: 'jqUrban',
    budget: 85,
    start: '2026-07-01',
    due: '2026-11-30',
    scheme: 'facility',
    state: 'progress',
    answers: [['noise', ['义白社区', '东升社区']]],
    description: '制定广场文体活动公约，配置定向音响和噪声监测显示屏，利用河滨闲置空地建设远离住宅的文体活动场地2处。',
  },
  {
    title: '开发区老旧小区消防通道专项整治',
    area: 'governance',
    unit: 'jqHousing',
    budget: 25,
    start: '2026-07-01',
    due: '2026-09-30',
    scheme: 'service',
    state: 'accepted',
    answers: [['fire_lane', ['南山社区', '桃河社区', '东升社区']]],
    description: '集中清理老旧小区楼道堆物和占用消防通道的私搭乱建，施划消防通道标线，设置电动车集中停放点，建立网格员日常巡查制度。',
  },
  {
    title: '村级文体广场建设项目',
    area: 'livelihood',
    unit: 'jqCulture',
    budget: 150,
    start: '2026-07-01',
    due: '2026-11-30',
    scheme: 'construction',
    state: 'progress',
    answers: [['square', ['前庄村', '后峪村', '桃坪村', '平安村', '李家峪村']]],
    description: '利用闲置空地在5个村建设文体广场，配套健身器材、篮球架和简易舞台，由村委会负责日常管护。',
  },
  {
    title: '防止返贫动态监测和帮扶全覆盖行动',
    area: 'poverty',
    unit: 'jqAgri',
    budget: 200,
    start: '2026-06-15',
    due: '2026-12-31',
    scheme: 'service',
    state: 'progress',
    answers: [['relapse', ['北岭村', '红崖村', '南沟村', '西坡村', '东坡村', '庄头村', '窑上村', '石门村']]],
    description:
      '对走访中发现的因病、因残、因灾、因学存在返贫风险的农户，按程序纳入防止返贫动态监测，逐户制定帮扶措施，落实医疗救助、临时救助和公益岗位，做到应纳尽纳、应帮尽帮。',
  },
  {
    title: '西南舁乡小杂粮加工车间建设项目',
    area: 'poverty',
    unit: 'jqAgri',
    budget: 180,
    start: '2026-07-01',
    due: '2027-03-31',
    scheme: 'industry',
    state: 'progress',
    answers: [['crops', ['西南舁村', '坡头村', '石板沟村']]],
    description: '在西南舁村建设小杂粮初加工车间，购置清选、脱壳、包装设备，注册区域公用品牌，由村集体经济组织运营，带动脱贫户种植增收。',
  },
  {
    title: '脱贫劳动力技能培训和就近就业行动',
    area: 'poverty',
    unit: 'jqHrss',
    budget: 60,
    start: '2026-06-20',
    due: '2026-12-31',
    scheme: 'service',
    state: 'progress',
    answers: [['jobs', ['东岭村', '桃林沟村', '杨树坪村', '小河村', '旧街村', '后峪村']]],
    description: '组织电工、焊工、家政服务、养老护理等免费技能培训，开发乡村公益岗位，组织区内企业开展就近就业专场对接。',
  },
  {
    title: '杨家庄乡标准化养殖小区建设项目',
    area: 'poverty',
    unit: 'jqAgri',
    budget: 260,
    start: '2026-07-01',
    due: '2027-06-30',
    scheme: 'industry',
    state: 'progress',
    answers: [['livestock', ['杨树坪村', '苇子沟村']]],
    description: '在村外规划建设标准化养殖小区，配套粪污资源化利用设施，引导散养户入区集中养殖，提供防疫和技术指导。',
  },
  {
    title: '村级光伏帮扶电站收益分配公开规范行动',
    area: 'poverty',
    unit: 'jqAgri',
    budget: 5,
    start: '2026-07-01',
    due: '2026-12-31',
    scheme: 'service',
    state: 'progress',
    answers: [['solar', ['前庄村', '上社村', '李家峪村']]],
    description: '规范村级光伏帮扶电站收益分配，制定收益使用方案并经村民代表会议通过，在村务公开栏和平台定期公示收益和使用情况。',
  },
  {
    title: '平坦镇、旧街乡农产品电商销售服务中心建设',
    area: 'development',
    unit: 'jqCommerce',
    budget: 95,
    start: '2026-07-01',
    due: '2026-12-31',
    scheme: 'facility',
    state: 'progress',
    answers: [['ecommerce', ['平安村', '杏园村', '槐树坪村']]],
    description: '建设乡镇农产品电商销售服务中心，提供品牌包装设计、冷链仓储和直播带货培训，将合作社产品纳入消费帮扶产品目录。',
  },
  {
    title: '开发区小微企业政银企融资对接服务',
    area: 'development',
    unit: 'jqDevZone',
    budget: 2000,
    start: '2026-06-20',
    due: '2026-12-31',
    scheme: 'service',
    state: 'progress',
    answers: [['finance', ['开发区', '荫营镇']]],
    description: '设立2000万元中小企业应急转贷资金，每月举办政银企对接会，推广信用贷款和应收账款质押融资，压减转贷成本。',
  },
  {
    title: '开发区工业园区断头路打通工程',
    area: 'development',
    unit: 'jqTransport',
    budget: 1680,
    start: '2026-06-20',
    due: '2027-06-30',
    scheme: 'construction',
    state: 'progress',
    answers: [['park_road', ['开发区']]],
    description: '打通工业园区规划道路断头路段约2.3公里，同步建设路灯、雨污管网和绿化，园区货车不再穿行居民区。',
  },
  {
    title: '企业用电报装“三零”服务提速行动',
    area: 'development',
    unit: 'jqApproval',
    budget: 10,
    start: '2026-06-20',
    due: '2026-12-31',
    scheme: 'service',
    state: 'progress',
    answers: [['power', ['开发区', '河底镇']]],
    description: '联合供电企业推行低压小微企业用电报装零上门、零审批、零投资，外线工程涉及的占路、掘路、绿地审批并联办理、限时办结。',
  },
  {
    title: '重点企业用工保障专项行动',
    area: 'development',
    unit: 'jqHrss',
    budget: 40,
    start: '2026-06-20',
    due: '2026-12-31',
    scheme: 'service',
    state: 'progress',
    answers: [['hiring', ['开发区', '荫营镇', '平坦镇']]],
    description: '建立重点企业用工需求清单，每月举办专场招聘会，开展订单式技能培训，对吸纳脱贫劳动力就业的企业落实补贴。',
  },
  {
    title: '工程建设项目审批“一件事”集成服务改革',
    area: 'service_reform',
    unit: 'jqApproval',
    budget: 30,
    start: '2026-06-15',
    due: '2026-10-31',
    scheme: 'service',
    state: 'late',
    answers: [['permits', ['开发区', '河底镇']]],
    description:
      '在区政务服务中心设立工程建设项目审批综合窗口，推行一次告知、一表申请、并联审批、容缺受理，社会投资小型项目审批时间压减至15个工作日以内。',
  },
  {
    title: '社保医保高频事项乡村两级帮办代办',
    area: 'service_reform',
    unit: 'jqCentre',
    budget: 45,
    start: '2026-06-15',
    due: '2026-09-30',
    scheme: 'service',
    state: 'accepted',
    answers: [['agency', ['西南舁乡', '杨家庄乡', '李家庄乡', '旧街乡']]],
    description:
      '将社保卡补办、医保参保缴费、高龄补贴申请等23项高频事项下放至乡镇便民服务中心，在村便民服务站推行帮办代办，群众办事不出乡、少跑腿。',
  },
  {
    title: '开发区老旧小区不动产登记历史遗留问题化解',
    area: 'service_reform',
    unit: 'jqNatural',
    budget: 20,
    start: '2026-07-01',
    due: '2027-03-31',
    scheme: 'service',
    state: 'progress',
    answers: [['deeds', ['南山社区', '义白社区', '东升社区']]],
    description: '对开发企业注销、土地手续不全的老旧小区，按“一项目一方案”分类处置，补办土地和规划手续，分批为居民办理不动产权证。',
  },
  {
    title: '异地就医备案和直接结算便民服务',
    area: 'service_reform',
    unit: 'jqMedicare',
    budget: 15,
    start: '2026-06-15',
    due: '2026-12-31',
    scheme: 'service',
    state: 'progress',
    answers: [['medicare', ['荫营镇', '平坦镇', '旧街乡']]],
    description: '推广手机端异地就医备案，在乡镇便民服务中心设立医保服务点，对手工报销实行一次告知、限时办结。',
  },
  {
    title: '高龄失能老人养老金资格上门认证服务',
    area: 'service_reform',
    unit: 'jqHrss',
    budget: 8,
    start: '2026-07-01',
    due: '2026-12-31',
    scheme: 'service',
    state: 'progress',
    answers: [['pension_check', ['河底镇', '杨家庄乡', '西南舁乡']]],
    description: '推行养老金领取资格数据比对“静默认证”，对无法自助认证的高龄、失能老人由村干部和网格员预约上门认证。',
  },
  {
    title: '重度残疾人和卧床老人身份证上门办理服务',
    area: 'service_reform',
    unit: 'jqPolice',
    budget: 5,
    start: '2026-07-01',
    due: '2026-09-30',
    scheme: 'service',
    state: 'awaiting',
    answers: [['id_card', ['李家庄乡', '平坦镇']]],
    description: '派出所开通预约上门办证服务，对重度残疾人和卧床老人上门采集照片和指纹，办好的身份证送证上门。',
  },
  {
    title: '荫营镇、河底镇公办幼儿园扩容工程',
    area: 'livelihood',
    unit: 'jqEducation',
    budget: 860,
    start: '2026-06-20',
    due: '2027-08-31',
    scheme: 'construction',
    state: 'progress',
    answers: [['kindergarten', ['荫营镇', '河底镇']]],
    description: '扩建荫营镇中心幼儿园、河底镇中心幼儿园，新增普惠性学位360个，2027年秋季学期投入使用。',
  },
];

// ---------------------------------------------------------------------------------------------
// Matters

interface Draft {
  seq: number;
  template: Template;
  place: Place;
  facts: Facts;
  collectedOn: string;
  duplicateOf?: Draft;
  matter: Omit<DemoMatter, 'key'>;
}

const COLLECT_FROM = '2026-04-01';
const COLLECT_TO = '2026-05-20';
const MATTER_COUNT = 425;
const DUPLICATE_COUNT = 40;

function buildMatters(): { drafts: Draft[]; byPair: Map<string, Draft[]> } {
  const r = rng(20260401);
  const collectDays = daysBetween(COLLECT_FROM, COLLECT_TO);
  const drafts: Draft[] = [];
  const byPair = new Map<string, Draft[]>();
  const pairKey = (t: Template, p: Place) => `${t.id}@${p.code}`;

  const plant = (t: Template, p: Place, count?: number) => {
    if (!fits(t, p)) throw new Error(`demo livelihood data: ${t.id} does not fit ${p.name}`);
    const facts = t.facts?.(r) ?? {};
    const draft: Draft = {
      seq: drafts.length,
      template: t,
      place: p,
      facts,
      collectedOn: addDays(COLLECT_FROM, r.int(0, collectDays)),
      matter: {
        title: fill(t.title, p, facts),
        description: fill(t.desc, p, facts),
        regionCode: p.code,
        areaCode: t.area,
        collectedOn: '',
        collectedBy: collector(r, p),
        originators: originators(r, t, p, facts, count),
      },
    };
    draft.matter.collectedOn = draft.collectedOn;
    drafts.push(draft);
    const k = pairKey(t, p);
    byPair.set(k, [...(byPair.get(k) ?? []), draft]);
  };

  // 1. What the projects answer; 北七村's water matters carry many households each.
  const used = new Set<string>();
  for (const spec of projectSpecs) {
    for (const [id, names] of spec.answers) {
      const t = template(id);
      for (const name of names) {
        const p = place(name);
        if (used.has(pairKey(t, p))) throw new Error(`demo livelihood data: ${id} at ${name} is answered twice`);
        used.add(pairKey(t, p));
        const beiqiWater = t.water === true && beiqiVillageCodes.includes(p.code);
        plant(t, p, beiqiWater ? r.int(t.id === 'water_supply' ? 12 : 6, t.id === 'water_supply' ? 25 : 12) : undefined);
      }
    }
  }

  // 2. The rest of the problem list: other templates at other places. Every water matter of
  //    北七村 is answered by its project, so none is planted there outside it.
  const candidates: [Template, Place][] = [];
  for (const t of templates) {
    for (const p of places) {
      if (!fits(t, p) || used.has(pairKey(t, p))) continue;
      if (t.water && beiqiVillageCodes.includes(p.code)) continue;
      candidates.push([t, p]);
    }
  }
  const originals = MATTER_COUNT - DUPLICATE_COUNT;
  const more = originals - drafts.length;
  if (more < 0 || more > candidates.length) throw new Error('demo livelihood data: cannot reach the planned number of matters');
  for (const [t, p] of r.shuffle(candidates).slice(0, more)) plant(t, p);

  // 3. Planted duplicates: the same need raised again, in other words, in the same township
  //    (the same village, or filed with the township), later in the campaign.
  const projectDrafts = drafts.slice(0, drafts.length - more);
  const beiqiWater = projectDrafts.filter((d) => d.template.water && beiqiVillageCodes.includes(d.place.code));
  const chosen = [
    beiqiWater[0],
    beiqiWater[beiqiWater.length - 1],
    ...r.shuffle(projectDrafts.filter((d) => !beiqiWater.includes(d))).slice(0, 18),
    ...r.shuffle(drafts.slice(drafts.length - more)).slice(0, DUPLICATE_COUNT - 20),
  ].filter((d): d is Draft => d !== undefined);
  for (const original of chosen) {
    const t = original.template;
    const p = original.place;
    const atTown = p.kind !== 'town' && r.chance(0.25);
    const collectedOn = minIso(addDays(original.collectedOn, r.int(1, 20)), COLLECT_TO);
    const [, min, max] = t.who;
    const dup: Draft = {
      seq: drafts.length,
      template: t,
      place: p,
      facts: original.facts,
      collectedOn,
      duplicateOf: original,
      matter: {
        title: fill(t.alt, p, original.facts),
        description: fill(t.altDesc, p, original.facts),
        regionCode: atTown ? p.townCode : p.code,
        areaCode: t.area,
        collectedOn,
        collectedBy: collector(r, p),
        originators: originators(r, t, p, original.facts, r.int(Math.min(min, 2), Math.max(1, Math.min(max, 6)))),
      },
    };
    drafts.push(dup);
  }
  return { drafts, byPair };
}

const built = buildMatters();
const ordered = [...built.drafts].sort((a, b) =>
  a.collectedOn === b.collectedOn ? a.seq - b.seq : a.collectedOn < b.collectedOn ? -1 : 1,
);
const keyOf = new Map<Draft, string>(ordered.map((d, i) => [d, `M${String(i + 1).padStart(3, '0')}`]));
function matterKey(d: Draft): string {
  const k = keyOf.get(d);
  if (!k) throw new Error('demo livelihood data: a matter without a key');
  return k;
}

/**
 * 425 matters collected by party members on household visits in spring 2026 (collectedOn
 * between 2026-04-01 and 2026-05-20), keyed M001… in the order they were collected. About 40
 * are planted duplicates (`duplicateOf`): the same need raised again in other words in the same
 * township, filed with the village or the township. Projects answer originals only: a duplicate
 * is meant to be merged into its original first.
 */
export const demoMatters: (DemoMatter & { duplicateOf?: string })[] = ordered.map((d) => ({
  key: matterKey(d),
  ...d.matter,
  ...(d.duplicateOf ? { duplicateOf: matterKey(d.duplicateOf) } : {}),
}));

// ---------------------------------------------------------------------------------------------
// Milestones and progress

export interface DemoMilestone {
  title: string;
  plannedDate: string;
  weight: number;
  percent: number;
  reports: { date: string; percent: number; text: string }[];
}

export interface DemoProject {
  key: string;
  title: string;
  description: string;
  areaCode: DemoMatter['areaCode'];
  leadUnitKey: string;
  budget: number /* 万元 */;
  startDate: string;
  dueDate: string;
  matterKeys: string[];
  votes: number;
  priority: number;
  peopleAffected: number;
  milestones: DemoMilestone[];
  accepted?: { on: string; findings: string };
}

/** Each scheme's steps: title, share of the time from start to due at which it is planned, weight. */
const schemes: Record<Scheme, [string, number, number][]> = {
  construction: [
    ['勘察设计', 0.15, 15],
    ['招标采购', 0.3, 10],
    ['施工建设', 0.85, 55],
    ['竣工验收', 1, 20],
  ],
  facility: [
    ['选址改造', 0.35, 30],
    ['设备配置', 0.55, 20],
    ['试运营', 0.85, 30],
    ['正式运营', 1, 20],
  ],
  service: [
    ['制定方案', 0.2, 20],
    ['试点推行', 0.55, 35],
    ['全面推开', 0.9, 30],
    ['总结评估', 1, 15],
  ],
  procurement: [
    ['方案设计', 0.2, 20],
    ['设备采购', 0.5, 30],
    ['安装调试', 0.85, 35],
    ['验收交付', 1, 15],
  ],
  industry: [
    ['项目论证', 0.15, 15],
    ['基地建设', 0.6, 45],
    ['设备安装', 0.8, 20],
    ['投产运营', 1, 20],
  ],
  bus: [
    ['线路规划', 0.25, 20],
    ['站点建设', 0.6, 35],
    ['试运行', 0.85, 25],
    ['正式开通', 1, 20],
  ],
};

/** What a report says on the way ({p}: percent) and when the step is done. */
const reportTexts: Record<string, { doing: string[]; done: string }> = {
  勘察设计: {
    doing: ['已完成现场踏勘和地形测量，正在编制设计方案。', '设计单位已进场，完成初步设计，正在逐村征求群众意见。'],
    done: '施工图设计通过评审，工程量和概算已确定。',
  },
  招标采购: {
    doing: ['招标文件已编制完成，已在市公共资源交易平台发布招标公告。'],
    done: '完成公开招标，确定施工单位并签订合同，施工队伍进场。',
  },
  施工建设: {
    doing: ['施工队伍已进场，完成工程量约{p}%。', '主体工程施工中，累计完成约{p}%，现场质量安全检查未发现问题。'],
    done: '主体工程全部完工，正在清理现场、整理竣工资料。',
  },
  竣工验收: { doing: ['已组织初验，对初验发现的问题逐项整改。'], done: '通过竣工验收，工程交付使用。' },
  选址改造: { doing: ['已确定场地，房屋改造施工中，完成约{p}%。'], done: '场地改造完成，水电、消防设施通过检查。' },
  设备配置: { doing: ['设备已采购到位，正在安装调试。'], done: '设备安装调试完毕，工作人员到岗并完成培训。' },
  试运营: { doing: ['已开始试运营，正在根据群众意见调整服务时间和内容。'], done: '试运营结束，群众反映良好，运营管理制度已建立。' },
  正式运营: { doing: ['正式运营准备工作推进中，完成约{p}%。'], done: '正式投入运营，服务情况在公示栏和平台公开。' },
  制定方案: { doing: ['正在调研摸底，起草实施方案。'], done: '实施方案经研究印发，明确责任分工和时间表。' },
  试点推行: { doing: ['已在{first}开展试点，完成约{p}%。'], done: '试点工作完成，总结经验做法并完善工作流程。' },
  全面推开: { doing: ['在全部涉及的村（社区）推开，完成约{p}%。'], done: '已在全部涉及的村（社区）推开，服务措施落实到位。' },
  总结评估: { doing: ['正在开展群众满意度回访和总结评估。'], done: '完成总结评估，建立长效工作机制。' },
  方案设计: { doing: ['已完成点位摸排，正在编制实施方案。'], done: '实施方案和点位布局确定，经村（社区）群众代表会议讨论通过。' },
  设备采购: { doing: ['采购文件已挂网公示，正在组织采购。'], done: '设备采购完成，已全部到货并通过进场验收。' },
  安装调试: { doing: ['安装施工中，已完成约{p}%。'], done: '全部安装调试完毕，运行正常。' },
  验收交付: { doing: ['已组织初验，正在整改初验提出的问题。'], done: '通过验收，移交村（社区）和管护单位。' },
  项目论证: { doing: ['正在开展可行性论证和选址。'], done: '项目可行性研究报告通过评审，用地手续办理完毕。' },
  基地建设: { doing: ['基地建设施工中，完成约{p}%。'], done: '基地主体建设完成。' },
  设备安装: { doing: ['生产设备安装中，完成约{p}%。'], done: '生产设备安装调试完毕。' },
  投产运营: { doing: ['试生产中，正在完善运营管理和利益联结机制。'], done: '正式投产运营，带动农户增收的利益联结机制已建立。' },
  线路规划: { doing: ['正在开展客流调查和线路走向论证。'], done: '线路走向、站点和班次确定，向社会公示。' },
  站点建设: { doing: ['候车亭和站牌建设中，完成约{p}%。'], done: '候车亭和站牌全部建成，车辆购置到位。' },
  试运行: { doing: ['线路试运行中，根据乘客意见调整班次。'], done: '试运行结束，班次和票价方案确定。' },
  正式开通: { doing: ['正式开通准备工作推进中。'], done: '线路正式开通运营，群众出行更加方便。' },
};

/** Why a late step is behind, by the kind of work, with what is being done about it. */
const lateReasons: Record<'works' | 'facility' | 'service', string[]> = {
  works: [
    '受汛期连续降雨影响，施工进度滞后，已增加施工班组、延长作业时间，计划12月中旬完成。',
    '因部分材料设备到货延迟，进度滞后，已与供货商协调加快供货，计划12月底前完成。',
    '因涉及群众意见不统一，方案调整耗时，已逐户做工作，计划12月20日前完成。',
    '因征地协调耗时较长，进度滞后于计划，已由责任领导专题协调解决，计划12月底前完成。',
  ],
  facility: [
    '因部分设备到货延迟，进度滞后，已与供货商协调加快供货，计划12月中旬完成。',
    '因专业人员招聘未及时到位，进度滞后，已由主管部门临时派驻人员，计划12月20日前完成。',
  ],
  service: [
    '因部门间数据共享接口尚未打通，进度滞后，已提请区政府协调，计划12月中旬完成。',
    '因涉及部门多、流程再造耗时，进度滞后，已建立每周调度机制，计划12月底前完成。',
  ],
};
const lateKind: Record<Scheme, keyof typeof lateReasons> = {
  construction: 'works',
  procurement: 'works',
  industry: 'works',
  facility: 'facility',
  bus: 'facility',
  service: 'service',
};

const acceptanceChecks: Record<Scheme, string> = {
  construction: '工程按设计内容全部完成，质量检测合格，资料齐全',
  facility: '服务设施已正式投入运营，运行情况良好，管理制度健全',
  service: '各项服务措施落实到位，已建立长效工作机制',
  procurement: '设备全部安装到位、运行正常，管护责任已明确',
  industry: '项目已投产运营，利益联结机制落实到位',
  bus: '线路已正常运营，班次准点，群众乘车方便',
};

/** The planned date of a step `share` of the way from start to due, never before the start. */
function plannedDate(start: string, due: string, share: number): string {
  if (share >= 1) return due;
  return addDays(start, Math.max(1, Math.round(daysBetween(start, due) * share)));
}

/** Reports rising to `percent` on dates between `from` and `to` (inclusive), each with its text. */
function reports(
  r: Rng,
  title: string,
  from: string,
  to: string,
  percent: number,
  vars: Facts,
): { date: string; percent: number; text: string }[] {
  if (percent <= 0) return [];
  const texts = reportTexts[title] ?? { doing: ['按计划推进，完成约{p}%。'], done: '已完成。' };
  const span = Math.max(0, daysBetween(from, to));
  // Roughly one report a month, at least one.
  const count = Math.max(1, Math.min(Math.round(span / 30) + r.int(0, 1), 5, span + 1));
  const out: { date: string; percent: number; text: string }[] = [];
  for (let i = 1; i <= count; i++) {
    const p = i === count ? percent : Math.max(out.at(-1)?.percent ?? 0, Math.round(((percent * i) / count) * (0.8 + r.next() * 0.2)));
    const date = addDays(from, Math.round((span * i) / count));
    const text = p >= 100 ? texts.done : r.pick(texts.doing);
    out.push({ date, percent: p, text: text.replace('{p}', String(p)).replace('{first}', String(vars['first'] ?? '试点村')) });
  }
  return out;
}

/** 北七村's water project, as the article has it: the pipes are laid, households are being connected. */
const waterMilestones: DemoMilestone[] = [
  {
    title: '勘察设计',
    plannedDate: '2026-07-15',
    weight: 10,
    percent: 100,
    reports: [
      {
        date: '2026-06-28',
        percent: 50,
        text: '设计单位完成七个村的现场踏勘和管线测量，初步确定从西南舁村水源井引水、新建加压泵站的方案。',
      },
      { date: '2026-07-14', percent: 100, text: '设计方案通过专家评审，主管网约23公里和各村支管网走向确定，逐村召开村民会议征求了意见。' },
    ],
  },
  {
    title: '管网铺设',
    plannedDate: '2026-10-31',
    weight: 50,
    percent: 100,
    reports: [
      { date: '2026-08-20', percent: 30, text: '施工队伍分三个作业面进场，主管网开挖铺设约7公里。' },
      { date: '2026-09-25', percent: 70, text: '加压泵站主体完工，主管网累计铺设约16公里，穿越山沟段采取了保温防冻措施。' },
      { date: '2026-10-28', percent: 100, text: '主管网和七个村的支管网全部铺设完毕，打压试验合格。' },
    ],
  },
  {
    title: '入户安装',
    plannedDate: '2026-12-10',
    weight: 30,
    percent: 65,
    reports: [
      { date: '2026-11-10', percent: 35, text: '开始逐户安装入户管道和水表，北岭村、石板沟村已完成。' },
      { date: '2026-11-25', percent: 65, text: '坡头村、红崖村入户安装完成，累计完成约65%，柏木沟村、庙凹村、东梁村计划12月上旬完成。' },
    ],
  },
  { title: '通水验收', plannedDate: '2026-12-31', weight: 10, percent: 0, reports: [] },
];

function buildProjects(): DemoProject[] {
  const r = rng(20260605);
  const today = DEMO_LIVELIHOOD_TODAY;
  const population = new Map<string, number>(
    places.map((p) => [
      p.code,
      p.kind === 'town'
        ? r.int(8000, 30000)
        : p.kind === 'community'
          ? r.int(2000, 8000)
          : beiqiVillageCodes.includes(p.code)
            ? r.int(150, 420)
            : r.int(300, 1800),
    ]),
  );

  return projectSpecs.map((spec, index) => {
    const drafts = spec.answers.flatMap(([id, names]) => names.flatMap((name) => built.byPair.get(`${id}@${place(name).code}`) ?? []));
    const matterKeys = drafts.map(matterKey).sort();
    const raised = drafts.reduce((s, d) => s + d.matter.originators.length, 0);
    // A place counts once with its population; people who raised a need count with their
    // households (three people) or, for an enterprise, its staff.
    const reached = new Set(drafts.filter((d) => d.template.reach === 'place').map((d) => d.place.code));
    const peopleAffected =
      [...reached].reduce((s, code) => s + (population.get(code) ?? 0), 0) +
      drafts
        .filter((d) => d.template.reach === 'people')
        .flatMap((d) => d.matter.originators)
        .reduce((s, o) => s + (o.kind === 'enterprise' ? r.int(30, 400) : 3), 0);
    const first = drafts[0]?.place;

    let milestones: DemoMilestone[];
    if (index === 0) {
      milestones = waterMilestones;
    } else {
      const steps = schemes[spec.scheme];
      const dates = steps.map(([, share]) => plannedDate(spec.start, spec.due, share));
      // The late step is the last one planned before today; it is behind, later ones not started.
      const lateAt = spec.state === 'late' ? dates.reduce((last, d, i) => (d < today ? i : last), -1) : -1;
      if (spec.state === 'late' && lateAt < 0) throw new Error(`demo livelihood data: “${spec.title}” is late but nothing is due yet`);
      milestones = steps.map(([title, , weight], i) => {
        const planned = dates[i] ?? spec.due;
        const from = i === 0 ? spec.start : addDays(dates[i - 1] ?? spec.start, 1);
        let percent: number;
        let until = minIso(planned, today);
        if (spec.state === 'accepted' || spec.state === 'awaiting') percent = 100;
        else if (spec.state === 'late' && i === lateAt) {
          percent = r.int(11, 17) * 5;
          until = addDays(today, -r.int(1, 4));
        } else if (spec.state === 'late' && i > lateAt) percent = 0;
        else if (planned < today) percent = 100;
        else if (from >= today) percent = 0;
        else {
          const elapsed = daysBetween(from, today) / Math.max(1, daysBetween(from, planned));
          percent = Math.max(5, Math.min(90, Math.round((elapsed * 100 * (0.8 + r.next() * 0.3)) / 5) * 5));
          until = addDays(today, -r.int(1, 5));
        }
        const rs = reports(r, title, from, maxIso(from, until), percent, { first: first ? first.name : '试点村' });
        const last = rs.at(-1);
        if (spec.state === 'late' && i === lateAt && last)
          last.text = `${last.text.replace(/。$/, '，')}${r.pick(lateReasons[lateKind[spec.scheme]])}`;
        return { title, plannedDate: planned, weight, percent, reports: rs };
      });
    }

    const lastReport =
      milestones
        .flatMap((m) => m.reports.map((x) => x.date))
        .sort()
        .at(-1) ?? spec.start;
    const project: DemoProject = {
      key: `P${String(index + 1).padStart(2, '0')}`,
      title: spec.title,
      description: spec.description,
      areaCode: spec.area,
      leadUnitKey: unit(spec.unit),
      budget: spec.budget,
      startDate: spec.start,
      dueDate: spec.due,
      matterKeys,
      votes: index === 0 ? 212 : r.int(40, 180),
      priority: index === 0 ? 1 : r.pick([1, 2, 2, 3, 3, 3, 4, 5]),
      peopleAffected,
      milestones,
    };
    if (spec.state === 'accepted') {
      const on = minIso(maxIso(addDays(spec.due, r.int(5, 20)), addDays(lastReport, 3)), addDays(today, -1));
      project.accepted = {
        on,
        findings: `经区委督查室、区政府督查室会同牵头单位和群众代表现场验收，${acceptanceChecks[spec.scheme]}。对应的${matterKeys.length}件民生事项已逐一答复${raised}名（户）反映群众，群众满意，同意验收销号。`,
      };
    }
    return project;
  });
}

/**
 * The 46 key projects of the first batch (首批), each answering 1-15 of the matters (never a
 * planted duplicate). The first is 西南舁乡北七村自来水管网连片工程, answering every water
 * matter of the 7 villages of 北七村, with the pipes laid and households being connected. A few
 * are accepted, a few finished and awaiting acceptance, most in progress and a few late (a
 * milestone past its planned date below 100% as of 2026-11-27). `leadUnitKey` is a key of
 * demo-org.ts; where the right bureau is missing there, the unit standing in for it (see
 * `neededDemoUnits`).
 */
export const demoProjects: DemoProject[] = buildProjects();
