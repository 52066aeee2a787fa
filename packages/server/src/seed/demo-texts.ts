import type { CaseType } from '@huiyin/core';

/** Requests and answers of the kind a county service centre receives, for the demo data. */
export interface DemoTemplate {
  category: string;
  unit: string;
  type: CaseType;
  title: string;
  content: string;
  answer: string;
  policy?: string;
}

export const demoTemplates: DemoTemplate[] = [
  {
    category: 'water.outage',
    unit: 'water',
    type: 'help',
    title: '小区停水三天未恢复',
    content: '我们小区从周一开始停水，已经三天了，物业说是市政管网维修，但一直没有通知什么时候恢复供水，老人孩子生活很不方便，请尽快处理。',
    answer: '经核实，该片区停水系市政供水管网抢修所致，已于当日18时恢复供水，并要求供水公司今后提前24小时发布停水通知。',
  },
  {
    category: 'water.quality',
    unit: 'water',
    type: 'complaint',
    title: '自来水发黄有异味',
    content: '最近一周家里自来水放出来发黄，还有一股铁锈味，烧开后有沉淀，担心影响健康，希望有关部门检测水质。',
    answer: '水务局已组织对该楼栋二次供水设施进行清洗消毒，水质检测结果符合《生活饮用水卫生标准》，已向您反馈检测报告。',
  },
  {
    category: 'market.food',
    unit: 'market',
    type: 'report',
    title: '学校周边小吃店卫生差',
    content: '学校门口一家小吃店后厨卫生很差，食材随意堆放在地上，也没有看到健康证公示，很多学生在这里买早餐，请监管部门检查。',
    answer: '市场监督管理局执法人员已现场检查，责令该店限期整改后厨卫生、公示从业人员健康证明，并将持续跟踪复查。',
  },
  {
    category: 'market.price',
    unit: 'market',
    type: 'complaint',
    title: '停车场收费不明码标价',
    content: '商场地下停车场收费标准没有公示，停了两个小时收了二十元，问收费员也说不清标准，怀疑乱收费。',
    answer: '经调查，该停车场未按规定明码标价，已责令其公示收费标准并退还多收费用，依法予以警告。',
  },
  {
    category: 'market.consumer',
    unit: 'market',
    type: 'complaint',
    title: '预付卡商家关门无法退款',
    content: '在一家健身房办了年卡，交了两千八百元，才去了几次健身房就关门了，联系不上老板，要求退款。',
    answer: '已约谈该健身房经营者，经调解，经营者同意按剩余期限退还预付款，款项已于本周退回。',
  },
  {
    category: 'market.license',
    unit: 'approval',
    type: 'help',
    title: '食品经营许可证到期换证',
    content: '我的小超市食品经营许可证快到期了，窗口说需要补交材料，想咨询具体要准备什么材料、多长时间能办好。',
    answer: '已告知换证所需材料清单，经审核材料齐全，当场受理，3个工作日内办结并寄送新证。',
  },
  {
    category: 'gov.approval',
    unit: 'approval',
    type: 'consultation',
    title: '个体工商户注册需要哪些材料',
    content: '想开一家小餐馆，办理个体工商户营业执照需要哪些材料？能不能网上办理？',
    answer: '个体工商户登记可通过山西政务服务网全程网办，需提供经营者身份证明、经营场所证明，1个工作日内办结。',
  },
  {
    category: 'tax.invoice',
    unit: 'tax',
    type: 'consultation',
    title: '小规模纳税人如何开具专票',
    content: '我是小规模纳税人，客户要求开增值税专用发票，请问可以自行开具吗？需要在哪里申请？',
    answer: '小规模纳税人可通过电子税务局自行开具增值税专用发票，已向您发送操作指引，如有疑问可拨打12366。',
  },
  {
    category: 'social.pension',
    unit: 'hrss',
    type: 'consultation',
    title: '灵活就业人员养老保险缴费',
    content: '我现在是灵活就业，想继续缴纳养老保险，请问缴费基数怎么选，在哪里办理？',
    answer: '灵活就业人员可在本年度缴费基数上下限之间自主选择档次，可通过民生山西APP或社保窗口办理。',
  },
  {
    category: 'social.wages',
    unit: 'hrss',
    type: 'help',
    title: '工地拖欠农民工工资',
    content: '我们十几个人在一个工地干了四个月，老板一直拖欠工资，总共十二万多，快过年了，希望政府帮忙讨薪。',
    answer: '人社局劳动保障监察大队已立案调查，约谈施工总承包单位，欠薪已从工资保证金中先行支付到位。',
  },
  {
    category: 'housing.property',
    unit: 'housing',
    type: 'complaint',
    title: '物业不作为电梯经常故障',
    content: '小区电梯一个月坏了四五次，有一次还把人困在里面，物业每次只是简单修一下，业主多次反映没有效果。',
    answer: '住建局已督促物业公司联系电梯维保单位全面检修，更换老化部件，并要求建立故障应急响应机制。',
  },
  {
    category: 'env.noise',
    unit: 'env',
    type: 'complaint',
    title: '夜间施工噪音扰民',
    content: '附近工地每天晚上十一点以后还在施工，噪音很大，严重影响休息，希望有关部门管一管。',
    answer: '生态环境局已现场核查，该工地未取得夜间施工许可，已责令停止夜间施工并立案处罚。',
  },
  {
    category: 'env.pollution',
    unit: 'env',
    type: 'report',
    title: '小作坊排放刺鼻气体',
    content: '村边一家小作坊每天傍晚排放刺鼻的气味，附近居民都不敢开窗，怀疑是违法排污。',
    answer: '经执法检查，该作坊未办理环评手续，已依法责令停止生产并予以处罚。',
  },
  {
    category: 'community',
    unit: 'zhongcheng',
    type: 'suggestion',
    title: '建议小区增设充电桩',
    content: '小区电动车越来越多，很多人从楼上拉线充电，存在火灾隐患，建议在小区内增设集中充电桩。',
    answer: '街道已协调社区和物业，在小区内规划建设两处电动车集中充电点，预计下月投入使用。',
  },
  {
    category: 'community',
    unit: 'zhongcheng',
    type: 'help',
    title: '老旧小区路灯不亮',
    content: '我们小区几条路的路灯坏了好几个月，晚上出行很不安全，老人摔倒过好几次。',
    answer: '街道办已安排维修人员更换损坏路灯12盏，现已全部恢复照明。',
  },
  {
    category: 'gov.approval',
    unit: 'approval',
    type: 'help',
    title: '不动产登记材料反复要求补充',
    content: '办理不动产转移登记，窗口前后让我补了三次材料，每次说的都不一样，跑了好几趟还没办成。',
    answer: '经核查，窗口工作人员一次性告知不到位，已当场为您办结，并对相关人员进行批评教育。',
  },
  {
    category: 'social.pension',
    unit: 'hrss',
    type: 'help',
    title: '退休金未按时发放',
    content: '我父亲今年退休，退休手续办完两个月了，养老金还没有发放，问了几次都说在审核。',
    answer: '经核查，因档案信息需补正导致审核延迟，现已完成审核，养老金已补发到账。',
    policy: '《国务院关于完善企业职工基本养老保险制度的决定》',
  },
  {
    category: 'tax.invoice',
    unit: 'tax',
    type: 'help',
    title: '电子税务局无法登录',
    content: '公司财务人员换了手机号，电子税务局一直登录不上去，没法申报，马上到申报期限了。',
    answer: '已指导您通过办税服务厅变更办税人员手机号，现已恢复正常登录，可按期申报。',
  },
];

export const explainedTemplates: DemoTemplate[] = [
  {
    category: 'social.pension',
    unit: 'hrss',
    type: 'help',
    title: '要求一次性补缴十五年养老保险',
    content: '我今年快六十岁了，之前一直没交养老保险，想一次性补缴十五年，然后按月领养老金。',
    answer: '根据现行政策，不允许一次性补缴超过规定年限的养老保险费，建议您按规定延长缴费至满15年，或参加城乡居民养老保险。',
    policy: '《中华人民共和国社会保险法》第十六条；人社部发〔2011〕31号',
  },
  {
    category: 'housing.property',
    unit: 'housing',
    type: 'help',
    title: '要求政府出资更换小区全部窗户',
    content: '我们小区窗户都是二十年前的，漏风严重，希望政府出钱把全部窗户换成新的。',
    answer: '住宅专有部分的维修更换属业主个人责任，不属于政府出资范围；小区如列入老旧小区改造计划，可对公共部位进行改造。',
    policy: '《中华人民共和国民法典》第二百七十二条；《城镇老旧小区改造工作指导意见》',
  },
];

export const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
];
export const givenNames = ['秀英', '建国', '丽娟', '志强', '桂兰', '海燕', '伟', '敏', '静', '磊', '军', '芳', '勇', '娜', '涛', '杰'];
export const addresses = [
  '盐湖区解放南路',
  '盐湖区河东东街',
  '盐湖区中银大道',
  '盐湖区凤凰北路',
  '盐湖区学苑路',
  '盐湖区红旗东街',
  '盐湖区人民北路',
  '盐湖区机场路',
];
