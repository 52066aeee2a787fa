import { policyInputSchema, type PolicyInput } from '@huiyin/core';
import type { Db } from '../db/connect.ts';
import { createPoliciesRepo } from '../modules/policies/policies.repo.ts';
import { policyWrite } from '../modules/policies/policies.service.ts';

/**
 * The demo policy library (知识库). National laws and regulations are given as paraphrases of
 * their articles, written for the demo (not authoritative texts; article numbers may differ from
 * the current official version); the Shanxi (阳泉市, 运城市) rules and service guides are
 * plausible inventions. The food-business licence articles carry the demo's story: a licence
 * renewal (延续) needs only the application and the existing licence, no filing certificate.
 */
export const demoPolicies: PolicyInput[] = [
  // ---- food-business licensing ----
  {
    title: '中华人民共和国食品安全法',
    docNumber: '中华人民共和国主席令第二十一号',
    issuer: '全国人民代表大会常务委员会',
    level: 'law',
    articleNo: '第三十五条',
    body: '国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可。销售食用农产品和仅销售预包装食品的，不需要取得许可；仅销售预包装食品的，应当报所在地县级以上地方人民政府食品安全监督管理部门备案。食品安全监督管理部门审核申请人提交的材料，必要时对生产经营场所进行现场核查；符合条件的准予许可，不符合条件的不予许可并书面说明理由。',
    effectiveFrom: '2015-10-01',
    tags: ['食品经营许可', '食品安全', '备案'],
  },
  {
    title: '食品经营许可和备案管理办法',
    docNumber: '国家市场监督管理总局令第78号',
    issuer: '国家市场监督管理总局',
    level: 'rule',
    articleNo: '第二条',
    body: '在中华人民共和国境内从事食品销售和餐饮服务活动，应当依法取得食品经营许可。仅销售预包装食品的，应当向所在地县级以上地方市场监督管理部门备案，不需要取得食品经营许可。食品经营许可和备案实行一地一证（一备案）原则，食品经营者在一个经营场所从事食品经营活动，取得一个食品经营许可证或者办理一次备案。',
    effectiveFrom: '2023-12-01',
    tags: ['食品经营许可', '备案', '市场监管'],
  },
  {
    title: '食品经营许可和备案管理办法',
    docNumber: '国家市场监督管理总局令第78号',
    issuer: '国家市场监督管理总局',
    level: 'rule',
    articleNo: '第三十二条',
    body: '食品经营者需要延续依法取得的食品经营许可有效期的，应当在许可有效期届满前九十个工作日至十五个工作日期间，向原发证的市场监督管理部门提出延续申请。申请延续食品经营许可，提交食品经营许可延续申请书和现有食品经营许可证即可。许可证载明事项未发生变化的，市场监督管理部门不得要求申请人提供备案证明、营业执照复印件以及其他能够通过部门间信息共享获取的材料。',
    effectiveFrom: '2023-12-01',
    tags: ['食品经营许可', '延续', '申请材料', '备案'],
  },
  {
    title: '食品经营许可和备案管理办法',
    docNumber: '国家市场监督管理总局令第78号',
    issuer: '国家市场监督管理总局',
    level: 'rule',
    articleNo: '第三十三条',
    body: '原发证的市场监督管理部门应当对延续申请进行审查。申请人声明经营条件未发生变化的，可以不再进行现场核查，当场或者自受理之日起五个工作日内作出准予延续的决定；经营条件发生变化、可能影响食品安全的，应当对变化情况进行现场核查。准予延续的，换发食品经营许可证，许可证编号不变，有效期自作出延续决定之日起计算。',
    effectiveFrom: '2023-12-01',
    tags: ['食品经营许可', '延续', '现场核查'],
  },
  {
    title: '食品经营许可和备案管理办法',
    docNumber: '国家市场监督管理总局令第78号',
    issuer: '国家市场监督管理总局',
    level: 'rule',
    articleNo: '第五十条',
    body: '仅销售预包装食品的食品经营者，应当在开展销售活动之日起五个工作日内向县级以上地方市场监督管理部门提交备案信息；备案信息发生变化的，应当自变化之日起十五个工作日内办理变更。已经取得食品经营许可证的食品经营者增加预包装食品销售的，不需要另行备案，备案不是办理许可或者许可延续的前置条件。',
    effectiveFrom: '2023-12-01',
    tags: ['备案', '预包装食品', '食品经营许可'],
  },
  {
    title: '食品经营许可管理办法',
    docNumber: '国家食品药品监督管理总局令第17号',
    issuer: '国家食品药品监督管理总局',
    level: 'rule',
    articleNo: '第二十七条',
    body: '食品经营者需要延续依法取得的食品经营许可的有效期的，应当在该食品经营许可有效期届满30个工作日前，向原发证的食品药品监督管理部门提出申请，并提交食品经营许可延续申请书、食品经营许可证正本和副本以及与延续食品经营许可事项有关的其他材料。',
    effectiveFrom: '2015-10-01',
    repealedOn: '2023-12-01',
    tags: ['食品经营许可', '延续'],
  },
  {
    title: '食品经营许可证延续办事指南',
    docNumber: '运审管发〔2024〕12号',
    issuer: '运城市行政审批服务管理局',
    level: 'guide',
    body: '一、适用对象：食品经营许可证有效期即将届满、需要继续从事食品经营的经营者（含学校、幼儿园内的食堂和小卖部）。二、申请材料：1.《食品经营许可延续申请书》；2.现有食品经营许可证正本、副本（已领取电子证照的免交）。以上为全部申请材料，窗口不得要求申请人提供备案证明、场所平面图或者其他材料。三、办理时限：经营条件未发生变化的即来即办、当场发证；需要现场核查的，5个工作日内办结。四、办理地点：各县（市、区）政务服务中心市场监管综合窗口，也可以通过山西政务服务网在线申请。',
    effectiveFrom: '2024-03-01',
    tags: ['食品经营许可', '延续', '办事指南', '一次办'],
  },

  // ---- water supply and 停水 ----
  {
    title: '城市供水条例',
    docNumber: '国务院令第158号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第二十二条',
    body: '城市自来水供水企业和自建设施对外供水的企业应当保持不间断供水。由于工程施工、设备维修等原因确需停止供水的，应当经城市供水行政主管部门批准，并提前24小时通知用水单位和个人；因发生灾害或者紧急事故不能提前通知的，应当在抢修的同时通知用水单位和个人，尽快恢复正常供水，并报告城市供水行政主管部门。',
    effectiveFrom: '1994-10-01',
    tags: ['停水', '供水', '提前通知'],
  },
  {
    title: '城市供水条例',
    docNumber: '国务院令第158号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第二十条',
    body: '城市自来水供水企业和自建设施对外供水的企业，应当建立健全水质检测制度，确保城市供水的水质符合国家规定的饮用水卫生标准。',
    effectiveFrom: '1994-10-01',
    tags: ['供水', '水质'],
  },
  {
    title: '城市供水条例',
    docNumber: '国务院令第158号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第三十三条',
    body: '城市自来水供水企业或者自建设施对外供水的企业擅自停止供水、未履行停水通知义务或者未按照规定检修供水设施的，由城市供水行政主管部门责令改正，可以处以罚款；情节严重的，经县级以上人民政府批准，可以责令停业整顿；对负有直接责任的主管人员和其他直接责任人员，可以依法给予处分。',
    effectiveFrom: '1994-10-01',
    tags: ['停水', '供水', '法律责任'],
  },
  {
    title: '阳泉市城市供水用水管理办法',
    docNumber: '阳泉市人民政府令第21号',
    issuer: '阳泉市人民政府',
    level: 'rule',
    articleNo: '第十八条',
    body: '因管网施工、设备检修等原因需要计划停水的，供水企业应当提前24小时通过电视、报纸、网站、微信公众号和小区公告栏等方式发布停水通知，载明停水原因、范围和起止时间，并同时告知12345政务服务便民热线。连续停水超过24小时的，供水企业应当采取送水车等临时供水措施，保障居民基本生活用水。',
    effectiveFrom: '2019-07-01',
    tags: ['停水', '供水', '临时供水', '12345'],
  },
  {
    title: '运城市城市供水服务指南',
    docNumber: '运城市城市管理局公告2023年第3号',
    issuer: '运城市城市管理局',
    level: 'guide',
    body: '居民遇到无计划停水、水压不足或者水质异常的，可以拨打供水企业24小时服务电话或者12345热线反映。供水企业接到报修后，市区30分钟内到达现场，2小时内反馈处理进度；因抢修临时停水超过12小时的，应当告知预计恢复供水时间。停水期间的水费按实际用水量计收。',
    effectiveFrom: '2023-05-01',
    tags: ['停水', '报修', '供水', '办事指南'],
  },

  // ---- social insurance ----
  {
    title: '中华人民共和国社会保险法',
    docNumber: '中华人民共和国主席令第三十五号',
    issuer: '全国人民代表大会常务委员会',
    level: 'law',
    articleNo: '第十九条',
    body: '个人跨统筹地区就业的，其基本养老保险关系随本人转移，缴费年限累计计算。个人达到法定退休年龄时，基本养老金分段计算、统一支付。具体办法由国务院规定。',
    effectiveFrom: '2011-07-01',
    tags: ['社会保险', '养老保险', '转移接续'],
  },
  {
    title: '中华人民共和国社会保险法',
    docNumber: '中华人民共和国主席令第三十五号',
    issuer: '全国人民代表大会常务委员会',
    level: 'law',
    articleNo: '第五十八条',
    body: '用人单位应当自用工之日起三十日内为其职工向社会保险经办机构申请办理社会保险登记。未办理社会保险登记的，由社会保险经办机构核定其应当缴纳的社会保险费。自愿参加社会保险的无雇工的个体工商户、未在用人单位参加社会保险的非全日制从业人员以及其他灵活就业人员，应当向社会保险经办机构申请办理社会保险登记。',
    effectiveFrom: '2011-07-01',
    tags: ['社会保险', '参保登记'],
  },
  {
    title: '城镇企业职工基本养老保险关系转移接续暂行办法',
    docNumber: '国办发〔2009〕66号',
    issuer: '国务院办公厅',
    level: 'normative',
    articleNo: '第八条',
    body: '参保人员跨省流动就业的，由本人向新参保地社保经办机构提出转移接续申请。新参保地审核同意后，15个工作日内向原参保地发出同意接收函；原参保地在15个工作日内办理转出手续，转移基本养老保险关系和资金；新参保地在收到参保缴费信息和资金后15个工作日内办结转入手续。参保人员不需要往返两地办理。',
    effectiveFrom: '2010-01-01',
    tags: ['养老保险', '转移接续', '社会保险'],
  },
  {
    title: '基本养老保险关系转移接续办事指南',
    docNumber: '阳社保指〔2024〕2号',
    issuer: '阳泉市社会保险中心',
    level: 'guide',
    body: '申请方式：通过国家社会保险公共服务平台、掌上12333 APP或者新参保地社保经办窗口申请，全程网上流转。申请材料：居民身份证。参保缴费情况由经办机构通过全国转移接续信息系统核验，申请人不需要回原参保地开具参保缴费凭证或者其他证明。办理时限：转入转出各15个工作日。',
    effectiveFrom: '2024-01-01',
    tags: ['养老保险', '转移接续', '办事指南', '证明'],
  },

  // ---- household registration ----
  {
    title: '中华人民共和国户口登记条例',
    docNumber: '1958年1月9日全国人民代表大会常务委员会第九十一次会议通过',
    issuer: '全国人民代表大会常务委员会',
    level: 'law',
    articleNo: '第十条',
    body: '公民迁出本户口管辖区，由本人或者户主在迁出前向户口登记机关申报迁出登记，领取迁移证件，注销户口。公民由农村迁往城市，必须持有城市劳动部门的录用证明、学校的录取证明或者城市户口登记机关的准予迁入的证明，向常住地户口登记机关申请办理迁出手续。',
    effectiveFrom: '1958-01-09',
    tags: ['户口迁移', '户籍'],
  },
  {
    title: '居住证暂行条例',
    docNumber: '国务院令第663号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第二条',
    body: '公民离开常住户口所在地，到其他城市居住半年以上，符合有合法稳定就业、合法稳定住所、连续就读条件之一的，可以依照本条例的规定申领居住证。',
    effectiveFrom: '2016-01-01',
    tags: ['居住证', '户籍'],
  },
  {
    title: '居住证暂行条例',
    docNumber: '国务院令第663号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第十二条',
    body: '居住证持有人在居住地依法享受劳动就业，参加社会保险，缴存、提取和使用住房公积金的权利。县级以上人民政府及其有关部门应当为居住证持有人提供义务教育、基本公共就业服务、基本公共卫生服务和计划生育服务、公共文化体育服务、法律援助等基本公共服务。',
    effectiveFrom: '2016-01-01',
    tags: ['居住证', '公共服务'],
  },
  {
    title: '户籍迁移“跨省通办”办事指南',
    docNumber: '阳公指〔2023〕5号',
    issuer: '阳泉市公安局',
    level: 'guide',
    body: '符合迁入地落户条件的，申请人只需向迁入地公安机关户籍窗口提出申请，迁入地审核同意后通过网上流转办理迁出，申请人不需要回迁出地开具户口迁移证明。申请材料：居民身份证、居民户口簿，以及落户条件所需的房产、就业等证明材料，能够通过部门共享核验的不再提交。办理时限：材料齐全的，10个工作日内办结。',
    effectiveFrom: '2023-06-01',
    tags: ['户口迁移', '跨省通办', '办事指南', '证明'],
  },

  // ---- real estate registration ----
  {
    title: '不动产登记暂行条例',
    docNumber: '国务院令第656号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第十六条',
    body: '申请人应当提交下列材料，并对申请材料的真实性负责：（一）登记申请书；（二）申请人、代理人身份证明材料、授权委托书；（三）相关的不动产权属来源证明材料、登记原因证明文件、不动产权属证书；（四）不动产界址、空间界限、面积等材料；（五）与他人利害关系的说明材料；（六）法律、行政法规以及本条例实施细则规定的其他材料。不动产登记机构应当在办公场所和门户网站公开申请登记所需材料目录和示范文本等信息。',
    effectiveFrom: '2015-03-01',
    tags: ['不动产登记', '申请材料', '证明'],
  },
  {
    title: '不动产登记暂行条例',
    docNumber: '国务院令第656号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第二十条',
    body: '不动产登记机构应当自受理登记申请之日起30个工作日内办结不动产登记手续，法律另有规定的除外。',
    effectiveFrom: '2015-03-01',
    tags: ['不动产登记', '办理时限'],
  },
  {
    title: '不动产登记暂行条例',
    docNumber: '国务院令第656号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第二十五条',
    body: '国土资源、公安、民政、财政、税务、工商、金融、审计、统计等部门应当加强不动产登记有关信息互通共享。不动产登记机构能够通过实时互通共享取得的信息，不得要求不动产登记申请人重复提交。',
    effectiveFrom: '2015-03-01',
    tags: ['不动产登记', '信息共享', '减证便民'],
  },

  {
    title: '不动产登记暂行条例实施细则',
    docNumber: '国土资源部令第63号',
    issuer: '国土资源部',
    level: 'rule',
    articleNo: '第三十五条',
    body: '申请国有建设用地使用权及房屋所有权首次登记的，应当提交下列材料：（一）不动产权属证书或者土地权属来源材料；（二）建设工程符合规划的材料；（三）房屋已经竣工的材料；（四）房地产调查或者测绘报告；（五）相关税费缴纳凭证；（六）其他必要材料。缺少建设工程符合规划的材料或者房屋竣工材料的，不动产登记机构不予办理首次登记。',
    effectiveFrom: '2016-01-01',
    tags: ['不动产登记', '首次登记', '规划验收'],
  },

  // ---- business registration ----
  {
    title: '中华人民共和国市场主体登记管理条例',
    docNumber: '国务院令第746号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第十六条',
    body: '申请办理市场主体登记，应当提交下列材料：（一）申请书；（二）申请人资格文件、自然人身份证明；（三）住所或者主要经营场所相关文件；（四）公司、非公司企业法人、农民专业合作社（联合社）章程或者合伙企业合伙协议；（五）法律、行政法规和国务院市场监督管理部门规定提交的其他材料。登记机关不得要求申请人提交上述以外的材料。',
    effectiveFrom: '2022-03-01',
    tags: ['市场主体登记', '申请材料', '营业执照'],
  },
  {
    title: '中华人民共和国市场主体登记管理条例',
    docNumber: '国务院令第746号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第十九条',
    body: '登记机关应当对申请材料进行形式审查。对申请材料齐全、符合法定形式的予以确认并当场登记；不能当场登记的，应当在3个工作日内予以登记；情形复杂的，经登记机关负责人批准，可以再延长3个工作日。申请材料不齐全或者不符合法定形式的，登记机关应当一次性告知申请人需要补正的材料。',
    effectiveFrom: '2022-03-01',
    tags: ['市场主体登记', '当场办结', '一次性告知'],
  },
  {
    title: '中华人民共和国企业法人登记管理条例',
    docNumber: '国务院令第1号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第十六条',
    body: '申请企业法人开业登记的单位，经登记主管机关核准登记注册，领取《企业法人营业执照》后，企业即告成立。登记主管机关应当在受理申请后30日内，作出核准登记或者不予核准登记的决定。',
    effectiveFrom: '1988-07-01',
    repealedOn: '2022-03-01',
    tags: ['市场主体登记', '营业执照'],
  },

  // ---- 证明事项告知承诺制 ----
  {
    title: '国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见',
    docNumber: '国办发〔2020〕42号',
    issuer: '国务院办公厅',
    level: 'normative',
    articleNo: '二（一）',
    body: '证明事项告知承诺制，是指公民、法人和其他组织在向行政机关申请办理行政事项时，行政机关以书面形式将证明义务、证明内容以及不实承诺的法律责任一次性告知申请人，申请人书面承诺已经符合告知的条件、要求，愿意承担不实承诺的法律责任，行政机关不再索要有关证明而依据书面承诺办理相关事项。',
    effectiveFrom: '2020-11-02',
    tags: ['告知承诺制', '证明', '减证便民'],
  },
  {
    title: '国务院办公厅关于全面推行证明事项和涉企经营许可事项告知承诺制的指导意见',
    docNumber: '国办发〔2020〕42号',
    issuer: '国务院办公厅',
    level: 'normative',
    articleNo: '三（三）',
    body: '行政机关应当在规定时间内对申请人的承诺内容进行核查。发现承诺不实的，依法终止办理、责令限期整改、撤销行政决定或者予以行政处罚，并纳入信用记录。申请人不愿承诺或者无法承诺的，应当提交法律法规要求的证明，不得因此不予办理。',
    effectiveFrom: '2020-11-02',
    tags: ['告知承诺制', '证明', '信用监管'],
  },
  {
    title: '阳泉市证明事项告知承诺制实施办法',
    docNumber: '阳政办发〔2021〕21号',
    issuer: '阳泉市人民政府办公室',
    level: 'normative',
    articleNo: '第六条',
    body: '对列入告知承诺制清单的证明事项，申请人书面承诺符合条件的，窗口工作人员应当当场受理，不得再索要该证明；申请人自愿提供证明的，可以按原方式办理。窗口工作人员拒不执行告知承诺制、变相索要证明的，按照首问负责和责任追究有关规定处理。',
    effectiveFrom: '2021-06-01',
    tags: ['告知承诺制', '证明', '窗口服务'],
  },

  // ---- 容缺受理 ----
  {
    title: '阳泉市政务服务容缺受理实施办法',
    docNumber: '阳政办发〔2023〕15号',
    issuer: '阳泉市人民政府办公室',
    level: 'normative',
    articleNo: '第五条',
    body: '申请事项基本条件具备、主要申请材料齐全且符合法定条件，次要材料欠缺或者存在非实质性瑕疵的，申请人书面承诺在规定期限内补齐的，窗口应当先行受理并进入审查程序，同时出具容缺受理告知书，一次性载明需要补正的材料和补正期限。',
    effectiveFrom: '2023-04-01',
    tags: ['容缺受理', '承诺', '窗口服务'],
  },
  {
    title: '阳泉市政务服务容缺受理实施办法',
    docNumber: '阳政办发〔2023〕15号',
    issuer: '阳泉市人民政府办公室',
    level: 'normative',
    articleNo: '第八条',
    body: '容缺材料的补正期限由受理单位根据事项情况确定，不得超过该事项的法定办理时限。申请人在承诺期限内补齐材料的，审批部门应当在办理时限内作出决定；逾期未补齐的，终止办理，并告知申请人理由。',
    effectiveFrom: '2023-04-01',
    tags: ['容缺受理', '补正期限', '终止办理'],
  },

  // ---- 12345 hotline ----
  {
    title: '国务院办公厅关于进一步优化地方政务服务便民热线的指导意见',
    docNumber: '国办发〔2020〕53号',
    issuer: '国务院办公厅',
    level: 'normative',
    articleNo: '二（一）',
    body: '除110、119、120、122等紧急热线外，各地设立的政务服务便民热线原则上归并为12345政务服务便民热线，实现“一号对外”、诉求统一受理。热线对企业和群众诉求实行“接诉即办”，能够当场答复的当场答复，不能当场答复的及时转有关部门办理，并按规定时限反馈办理结果。',
    effectiveFrom: '2020-12-28',
    tags: ['12345', '热线', '接诉即办'],
  },
  {
    title: '运城市12345政务服务便民热线管理办法',
    docNumber: '运政办发〔2022〕30号',
    issuer: '运城市人民政府办公室',
    level: 'normative',
    articleNo: '第十五条',
    body: '承办单位应当按照下列时限办理热线工单：（一）紧急求助类诉求，2小时内响应并到达现场或者联系诉求人；（二）咨询类诉求，2个工作日内答复；（三）求助、建议类诉求，10个工作日内办结；（四）投诉、举报类诉求，15个工作日内办结。情况复杂不能按时办结的，应当在期限届满前申请延期，经热线工作机构同意后可以延期一次。',
    effectiveFrom: '2022-09-01',
    tags: ['12345', '办理时限', '热线'],
  },
  {
    title: '运城市12345政务服务便民热线管理办法',
    docNumber: '运政办发〔2022〕30号',
    issuer: '运城市人民政府办公室',
    level: 'normative',
    articleNo: '第十九条',
    body: '承办单位应当在收到工单后1个工作日内签收。认为工单不属于本单位职责的，应当在签收时限内提出退单申请并写明理由和法律政策依据，不得推诿、拖延；退单经热线工作机构审核不成立的，由原承办单位继续办理。对职责交叉或者不明确的诉求，由热线工作机构组织会商确定承办单位。',
    effectiveFrom: '2022-09-01',
    tags: ['12345', '退单', '首接负责'],
  },

  // ---- 优化营商环境条例 ----
  {
    title: '优化营商环境条例',
    docNumber: '国务院令第722号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第三十五条',
    body: '政府及其有关部门办理政务服务事项，应当根据实际情况，推行当场办结、一次办结、限时办结等制度，实现集中办理、就近办理、网上办理、异地可办。需要市场主体补正有关材料、手续的，应当一次性告知需要补正的内容；需要进行现场踏勘、现场核查、技术审查、听证论证的，应当及时安排、限时办结。',
    effectiveFrom: '2020-01-01',
    tags: ['营商环境', '一次性告知', '限时办结'],
  },
  {
    title: '优化营商环境条例',
    docNumber: '国务院令第722号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第三十六条',
    body: '政府及其有关部门应当按照国家有关规定，提供数据共享服务，及时将有关政务服务数据上传至共享平台。能够通过共享获取的信息，不得要求市场主体重复提交；没有法律、法规依据的，不得要求市场主体提供证明材料。',
    effectiveFrom: '2020-01-01',
    tags: ['营商环境', '证明', '数据共享'],
  },

  // ---- 政府信息公开条例 ----
  {
    title: '中华人民共和国政府信息公开条例',
    docNumber: '国务院令第711号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第二十七条',
    body: '除行政机关主动公开的政府信息外，公民、法人或者其他组织可以向地方各级人民政府、对外以自己名义履行行政管理职能的县级以上人民政府部门申请获取相关政府信息。',
    effectiveFrom: '2019-05-15',
    tags: ['政府信息公开', '依申请公开'],
  },
  {
    title: '中华人民共和国政府信息公开条例',
    docNumber: '国务院令第711号',
    issuer: '国务院',
    level: 'regulation',
    articleNo: '第三十三条',
    body: '行政机关收到政府信息公开申请，能够当场答复的，应当当场予以答复。不能当场答复的，应当自收到申请之日起20个工作日内予以答复；需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日。',
    effectiveFrom: '2019-05-15',
    tags: ['政府信息公开', '答复期限'],
  },

  // ---- 个人信息保护法 ----
  {
    title: '中华人民共和国个人信息保护法',
    docNumber: '中华人民共和国主席令第九十一号',
    issuer: '全国人民代表大会常务委员会',
    level: 'law',
    articleNo: '第三十四条',
    body: '国家机关为履行法定职责处理个人信息，应当依照法律、行政法规规定的权限、程序进行，不得超出履行法定职责所必需的范围和限度。',
    effectiveFrom: '2021-11-01',
    tags: ['个人信息保护', '国家机关'],
  },
  {
    title: '中华人民共和国个人信息保护法',
    docNumber: '中华人民共和国主席令第九十一号',
    issuer: '全国人民代表大会常务委员会',
    level: 'law',
    articleNo: '第三十五条',
    body: '国家机关为履行法定职责处理个人信息，应当依照本法规定履行告知义务；但是，有本法规定的可以不告知情形，或者告知将妨碍国家机关履行法定职责的除外。',
    effectiveFrom: '2021-11-01',
    tags: ['个人信息保护', '告知义务'],
  },

  // ---- the safety-net window itself ----
  {
    title: '阳泉市“办不成事”反映窗口工作规程',
    docNumber: '阳政服发〔2024〕8号',
    issuer: '阳泉市政务服务管理局',
    level: 'normative',
    articleNo: '第六条',
    body: '“办不成事”反映窗口受理群众反映后，应当立即联系相关部门负责人现场会商。事项简单、依法能办的，当日办结；需要协调的一般事项，2个工作日内办结；情况复杂需要多部门会商的，5个工作日内反馈进展。',
    effectiveFrom: '2024-05-01',
    tags: ['办不成事', '兜底', '办理时限'],
  },
  {
    title: '阳泉市“办不成事”反映窗口工作规程',
    docNumber: '阳政服发〔2024〕8号',
    issuer: '阳泉市政务服务管理局',
    level: 'normative',
    articleNo: '第九条',
    body: '经会商确属政策法规规定不能办理的，应当在3个工作日内向申请人出具书面答复，说明不能办理的理由和政策依据，并告知可以采取的其他途径。每件反映事项办结时应当认定原因：属于政策障碍的，纳入政策梳理台账；属于工作人员吃拿卡要或者主观原因的，移交纪检监察机关处理。',
    effectiveFrom: '2024-05-01',
    tags: ['办不成事', '书面答复', '政策依据'],
  },
];

/** The stable key of an article: its document number and article number. */
export function policyKey(docNumber: string, articleNo = ''): string {
  return `${docNumber}|${articleNo}`;
}

/** Keys of the articles the demo stories cite (look them up in seedDemoPolicies' map). */
export const demoPolicyKeys = {
  /** 延续 needs only the application and the licence; no 备案证明 may be asked for. */
  foodLicenceRenewal: policyKey('国家市场监督管理总局令第78号', '第三十二条'),
  /** The local guide to the same renewal (全部申请材料, no 备案证明). */
  foodRenewalGuide: policyKey('运审管发〔2024〕12号'),
  /** A licence holder needs no separate filing; filing is no precondition of a renewal. */
  foodFiling: policyKey('国家市场监督管理总局令第78号', '第五十条'),
  /** Planned 停水 announced 24 hours ahead. */
  waterStopNotice: policyKey('国务院令第158号', '第二十二条'),
  /** First registration needs the planning and completion papers. */
  realEstateFirstRegistration: policyKey('国土资源部令第63号', '第三十五条'),
  realEstateMaterials: policyKey('国务院令第656号', '第十六条'),
  realEstateNoResubmission: policyKey('国务院令第656号', '第二十五条'),
  /** Registration on the spot, or within 3 working days; missing papers told all at once. */
  businessRegistration: policyKey('国务院令第746号', '第十九条'),
  businessMaterials: policyKey('国务院令第746号', '第十六条'),
  oneTimeNotice: policyKey('国务院令第722号', '第三十五条'),
  /** Pension insurance follows the person across regions. */
  pensionTransfer: policyKey('中华人民共和国主席令第三十五号', '第十九条'),
  pensionTransferProcedure: policyKey('国办发〔2009〕66号', '第八条'),
  proofPledge: policyKey('国办发〔2020〕42号', '二（一）'),
  pledgeAcceptance: policyKey('阳政办发〔2023〕15号', '第五条'),
  hotlineTimeLimits: policyKey('运政办发〔2022〕30号', '第十五条'),
  safetyNetWrittenAnswer: policyKey('阳政服发〔2024〕8号', '第九条'),
} as const;

/**
 * Write the demo library (insert, or update an article already there: idempotent) in one
 * transaction (or in the caller's, when `db` is one); returns each article's id by
 * `policyKey(docNumber, articleNo)`.
 */
export async function seedDemoPolicies(db: Db, now: Date, createdBy: number | null = null): Promise<Map<string, number>> {
  const writes = demoPolicies.map((p) => policyWrite(policyInputSchema.parse(p)));
  const upsert = (d: Db) => createPoliciesRepo(d).upsertMany(writes, createdBy, now);
  const rows = db.isTransaction ? await upsert(db) : await db.transaction().execute(upsert);
  return new Map(rows.map((r) => [policyKey(r.docNumber, r.articleNo), r.id]));
}
