/**
 * The words behind the duplicate score of livelihood matters (see duplicates.ts): the generic
 * frame of a complaint, near-synonyms folded to one word, and place names by their suffix.
 * Mostly data; the small lookups over it sit beside it.
 */

/**
 * Words found in nearly every matter, whatever the need: who complains, that they complain, that it is
 * hard, that something should be done. They weigh {@link genericMatterWordWeight}. Multi-character
 * only; pure function words (的, 了, 我们 …) are the segmenter's stop list and never reach the scorer.
 */
export const genericMatterWords: ReadonlySet<string> = new Set([
  // who
  '群众',
  '村民',
  '居民',
  '老百姓',
  '百姓',
  '住户',
  '农户',
  '人家',
  '家家户户',
  '党员',
  '村委',
  '村委会',
  '两委',
  '村里',
  '本村',
  '该村',
  '全村',
  '村内',
  '村庄',
  '农村',
  '乡村',
  '山村',
  '村子',
  '乡里',
  '镇上',
  '镇里',
  '周边',
  '附近',
  '政府',
  '部门',
  '相关',
  '有关',
  '单位',
  '上级',
  // raising it
  '问题',
  '反映',
  '反应',
  '群众反映',
  '诉求',
  '事项',
  '情况',
  '意见',
  '走访',
  '入户',
  '申请',
  '请求',
  '要求',
  '建议',
  '希望',
  '盼望',
  '期盼',
  '恳请',
  '恳求',
  '渴望',
  '想要',
  '能否',
  '是否',
  '地方',
  // doing something about it
  '解决',
  '处理',
  '协调',
  '落实',
  '帮助',
  '帮忙',
  '关注',
  '重视',
  '尽快',
  '及时',
  '实施',
  '推进',
  '开展',
  '纳入',
  '列入',
  '建设',
  '改造',
  '工程',
  '项目',
  '设施',
  '服务',
  '提供',
  '配备',
  '增设',
  '新建',
  '安排',
  '组织',
  // how bad it is
  '困难',
  '不便',
  '不方便',
  '方便',
  '便利',
  '麻烦',
  '严重',
  '影响',
  '存在',
  '造成',
  '导致',
  '出现',
  '发生',
  '隐患',
  '安全',
  '安全隐患',
  '危险',
  '风险',
  '担心',
  '担忧',
  '害怕',
  '无法',
  '无人',
  '没人',
  '没有',
  '不能',
  '不够',
  '较大',
  '生活',
  '日常',
  '正常',
  '群众生活',
  '出行',
  // when and how much
  '一直',
  '多年',
  '长期',
  '经常',
  '常常',
  '总是',
  '老是',
  '频繁',
  '三天两头',
  '最近',
  '近期',
  '目前',
  '现在',
  '如今',
  '至今',
  '今年',
  '去年',
  '好几',
  '好多',
  '很多',
  '许多',
  '一些',
  '部分',
  '较多',
  '太多',
  '多户',
  '每天',
  '天天',
]);

/**
 * Near-synonyms, each group folded to its first word. Small and deliberately conservative: only words
 * that name the same thing in the way matters are written (colloquial and official), never words that
 * merely go together (路灯 is not 道路, 自来水 is not 污水, 维修 is not 拓宽). Single characters are
 * listed where, written alone, they carry the whole meaning (坏, 修, 堵): they are kept by the
 * segmenter and folded here, every other single character is ignored.
 */
const synonymGroups: readonly (readonly string[])[] = [
  // state of things
  ['损坏', '坏', '坏了', '坏掉', '破损', '损毁', '毁坏', '故障', '失修', '年久失修', '不亮', '烂'],
  ['维修', '修', '修理', '修缮', '修复', '检修', '抢修', '维护', '修好', '修一修'],
  ['倒塌', '塌', '坍塌', '垮塌', '倒了'],
  ['开裂', '裂', '裂缝', '裂开', '裂纹', '缝'],
  ['堵塞', '堵', '堵了', '淤塞', '淤堵', '不通', '不畅'],
  ['漏水', '漏', '渗水', '渗漏', '跑水'],
  ['积水', '内涝', '进水', '倒灌', '灌水', '水淹', '淹'],
  ['寒冷', '冷', '冰凉', '不热', '冻', '冰冷'],
  ['异味', '臭', '臭味', '气味', '发臭', '臭气', '臭气熏天', '难闻', '味'],
  ['浑浊', '混浊', '发黄', '黄', '浑'],
  ['泥泞', '泥', '烂泥', '泥水', '泥坑'],
  ['坑洼', '坑', '坑坑洼洼', '坑洼不平', '不平', '凹凸不平', '颠簸'],
  ['拓宽', '加宽', '扩宽', '变宽', '太窄', '狭窄'],
  // roads and traffic
  ['道路', '路', '马路', '公路', '村路', '路面', '路段', '水泥路'],
  ['巷道', '巷子', '小巷', '胡同', '街巷', '小巷子'],
  ['路口', '十字路口', '交叉路口', '岔路口', '交叉口'],
  ['红绿灯', '信号灯', '交通灯', '交通信号灯'],
  ['事故', '交通事故', '车祸', '撞车'],
  ['桥梁', '桥', '小桥', '便桥', '危桥', '桥面'],
  ['护栏', '栏杆', '桥栏杆', '围栏'],
  ['货车', '大车', '大货车', '拉煤车', '运煤车', '煤车', '重车', '重型车', '卡车'],
  ['运煤', '拉煤'],
  ['公交', '公交车', '班车', '客车', '公共汽车', '大巴'],
  ['班次', '趟', '车次'],
  ['公交站', '车站', '站牌', '站台', '公交站牌'],
  // lights
  ['路灯', '照明', '照明灯', '街灯', '太阳能路灯'],
  ['夜间', '晚上', '夜里', '夜晚', '天黑', '黑灯瞎火', '黑乎乎', '漆黑'],
  // water
  ['饮水', '吃水', '饮用水', '喝水', '人饮', '吃水难', '饮水难'],
  ['自来水', '供水', '自来水管'],
  ['停水', '断水', '没水', '不来水', '缺水'],
  ['水压', '水压低', '水压不足', '水小', '水流小'],
  ['水费', '水价'],
  ['污水', '脏水', '臭水', '废水', '生活污水'],
  ['下水道', '排污管', '排污管道', '污水管', '污水管道', '下水管', '下水管道'],
  ['排水沟', '排水渠', '排水', '水沟', '排洪沟', '排水设施'],
  ['河道', '河', '河沟', '河床', '河滩', '沟渠'],
  ['清淤', '淤积', '淤泥', '淤'],
  ['灌溉', '浇地', '浇灌', '水利'],
  ['耕地', '农田', '田地', '庄稼地'],
  // waste and environment
  ['垃圾', '生活垃圾', '垃圾堆'],
  ['垃圾点', '垃圾池', '垃圾站', '收集点', '垃圾箱', '垃圾桶'],
  ['清运', '拉运', '运走', '拉走', '转运'],
  ['扬尘', '灰尘', '粉尘', '尘土', '灰', '尘'],
  ['流浪狗', '狗', '野狗', '流浪犬', '犬', '恶犬'],
  ['咬伤', '咬', '伤人', '被咬'],
  ['厕所', '茅房', '茅厕', '卫生间', '茅坑'],
  ['公厕', '公共厕所'],
  // heat, gas, power, signal
  ['供暖', '暖气', '供热', '取暖', '集中供暖', '暖气片'],
  ['天然气', '燃气', '煤气', '通气', '气化', '燃气管道', '燃气管', '煤改气'],
  ['电压', '电压低', '电压不稳'],
  ['电网', '农网', '电线', '供电线路', '线路老化'],
  ['停电', '断电', '跳闸'],
  ['电器', '家电', '电饭锅', '冰箱'],
  ['信号', '手机信号', '没信号', '信号差'],
  ['基站', '信号塔', '铁塔'],
  ['通话', '电话', '打电话'],
  ['电视', '有线电视', '户户通'],
  // people, health, schools, services
  ['老年人', '老人', '老年', '老人家', '独居老人', '留守老人', '高龄老人', '空巢老人'],
  ['就餐', '吃饭', '用餐', '助餐', '吃饭难'],
  ['食堂', '饭堂', '老年食堂', '幸福食堂', '爱心食堂'],
  ['就医', '看病', '就诊', '求医', '治病', '看病难'],
  ['卫生室', '诊所', '卫生所', '医务室'],
  ['医生', '大夫', '村医', '乡村医生'],
  ['孩子', '娃娃', '娃', '小孩', '儿童', '小孩子'],
  ['上学', '就读', '上下学', '读书', '求学'],
  ['学校', '教学点', '中心校', '小学', '校'],
  ['广场', '文化广场', '休闲广场'],
  ['场地', '场所', '活动场所', '活动场地'],
  ['广场舞', '跳舞', '跳广场舞'],
  ['健身', '锻炼', '健身器材', '体育'],
  ['快递', '包裹', '快件', '网购'],
  ['网点', '快递点', '服务站', '驿站', '站点', '代收点'],
  ['补贴', '补助', '津贴', '补偿'],
  ['收费', '费用', '缴费', '交费', '费'],
  // houses and mining
  ['房屋', '房子', '住房', '民房', '民宅', '墙', '墙体', '房'],
  ['采煤', '挖煤', '煤矿', '开采'],
  ['沉陷', '塌陷', '下沉', '地陷', '沉降'],
];

function buildSynonyms(): ReadonlyMap<string, string> {
  const m = new Map<string, string>();
  for (const group of synonymGroups) {
    const canonical = group[0]!;
    for (const w of group) {
      const prev = m.get(w);
      if (prev !== undefined && prev !== canonical) throw new Error(`synonym “${w}” is in two groups: ${prev}, ${canonical}`);
      m.set(w, canonical);
    }
  }
  return m;
}

/** Word → its canonical form; the canonical form maps to itself. */
export const matterSynonyms: ReadonlyMap<string, string> = buildSynonyms();

/** The canonical form of a word (the word itself when it has no synonym group). */
export function foldMatterWord(word: string): string {
  return matterSynonyms.get(word) ?? word;
}

/** Generic words that end like a place name but name none (农村 is not a village called 农). */
const placeLookalikes: ReadonlySet<string> = new Set([
  '农村',
  '乡村',
  '山村',
  '新农村',
  '全村',
  '本村',
  '该村',
  '我村',
  '邻村',
  '各村',
  '村村',
  '外村',
  '进村',
  '出村',
  '下乡',
  '城乡',
  '家乡',
  '老乡',
  '全乡',
  '本乡',
  '各乡',
  '城镇',
  '乡镇',
  '村镇',
  '集镇',
  '小镇',
  '全镇',
  '本镇',
  '该镇',
  '各镇',
  '社区',
  '街道',
  '居委会',
  '村委会',
  '镇上',
  '村里',
  '乡里',
  '镇里',
]);

export type PlaceLevel = 'township' | 'village';

/**
 * The level of a place name, from its administrative suffix: 乡, 镇, 街道 (办事处) name a township,
 * 村, 社区, 居委会 a village. Undefined for anything else, and for generic words such as 农村.
 * Says nothing about whether the word is a place name: see {@link looksLikePlaceName}.
 */
export function placeLevel(word: string): PlaceLevel | undefined {
  if (placeLookalikes.has(word)) return undefined;
  if (/(?:村|社区|居委会|村委会)$/u.test(word)) return 'village';
  if (/(?:乡|镇|街道|办事处)$/u.test(word)) return 'township';
  return undefined;
}

/**
 * Default place test: three characters or more ending in an administrative suffix (西南舁乡, 北七村,
 * 荫营社区). Two-character words ending in 村 are nearly all generic (山村, 邻村), so a real village
 * such as 东村 is only known as a place when the segmenter says so.
 */
export function looksLikePlaceName(word: string): boolean {
  return [...word].length >= 3 && placeLevel(word) !== undefined;
}
