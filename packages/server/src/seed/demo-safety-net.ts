import type { ActionInput, CreateCaseInput, AuthUser } from '@huiyin/core';
import type { ManualClock } from '../clock.ts';
import type { CaseService } from '../modules/cases/cases.service.ts';
import type { DemoOrg } from './demo-org.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface SafetyNetDemoContext {
  service: CaseService;
  clock: ManualClock;
  org: DemoOrg;
  now: Date;
  u: (username: string) => AuthUser;
  act: (id: number, user: AuthUser, body: ActionInput, at: number) => Promise<void>;
  /** The id of a demo policy whose key (`docNumber|articleNo`) contains the fragment. */
  policy: (fragment: string) => number;
}

interface Story {
  daysAgo: number;
  matter: string;
  unit: string;
  window: string;
  visits: number;
  said: string;
  title: string;
  content: string;
  requester: { name: string; phone: string };
  kind?: 'simple' | 'general';
  /** The actions on the case after registration: who acts, how long after registration, what. */
  steps: Step[];
}

type Step = [by: AuthUser, after: number, body: ActionInput];

/**
 * The safety-net window in the demo: the article's food-licence story walked through the real
 * actions, and a dozen more cases in every state: waiting, in consultation with a unit yet to
 * answer, minutes recorded, a cannot-be-done answer under review, answered, closed with each root
 * cause (one misconduct referral for the inspector), and one matter failing three times in 90
 * days so that the gap analysis has something to show.
 */
export async function seedSafetyNetDemo(ctx: SafetyNetDemoContext): Promise<number> {
  const { service, clock, org, u, act, policy } = ctx;
  const officer = u('safetynet');
  const unit = (key: string) => org.units[key]!;
  const now = ctx.now.getTime();

  async function register(s: Story): Promise<number> {
    const t0 = now - s.daysAgo * DAY;
    clock.set(new Date(t0));
    const input: CreateCaseInput = {
      type: 'help',
      channel: 'safety_net',
      title: s.title,
      content: s.content,
      regionCode: '140802',
      requester: s.requester,
      failedMatter: { name: s.matter, unitId: unit(s.unit), window: s.window, visits: s.visits, whatWasSaid: s.said },
      ...(s.kind ? { safetyNetKind: s.kind } : {}),
    };
    const c = await service.register(input, { kind: 'staff', user: officer });
    for (const [by, after, body] of s.steps) await act(c.id, by, body, t0 + after);
    return c.id;
  }

  const stories: Story[] = [
    {
      // The article's first story (seeds/000): done in under two hours.
      daysAgo: 20,
      matter: '食品经营许可证延续',
      unit: 'approval',
      window: '行政审批服务管理局食品经营许可窗口',
      visits: 3,
      said: '超市开在学校里面，需要出示备案证明才能换证',
      title: '校内超市食品经营许可证换证被要求出示备案证明',
      content:
        '商户王杏桃在山西冶金技师学院运城校区内开办一家小超市，食品经营许可证到期需要更换。因超市开在学校里面，审批局要求出示备案证明，她跑了几家相关单位都开不下证明，换证的事就此耽搁下来。',
      requester: { name: '王杏桃', phone: '13935912345' },
      steps: [
        [
          officer,
          10 * MIN,
          { action: 'convene', unitIds: [unit('approval'), unit('market')], agenda: '校内超市食品经营许可证延续是否需要备案证明' },
        ],
        [
          u('approvalhead'),
          45 * MIN,
          {
            action: 'recordOpinion',
            opinion: '经查阅《食品经营许可和备案管理办法》，许可延续只需提交延续申请，不需要备案证明，可当场换发。',
          },
        ],
        [u('unithead'), 55 * MIN, { action: 'recordOpinion', opinion: '同意审批局意见，校内超市不在需开具备案证明的范围内。' }],
        [officer, 60 * MIN, { action: 'cite', policyId: policy('令第78号|第三十二条'), note: '延续申请无需另行提供备案证明' }],
        [
          officer,
          70 * MIN,
          {
            action: 'recordMinutes',
            leadUnitId: unit('approval'),
            assistUnitIds: [unit('market')],
            decision: '该超市不在开具备案证明的范围内，由审批局当场准许颁发许可证。',
          },
        ],
        [
          officer,
          110 * MIN,
          {
            action: 'decide',
            outcome: 'done',
            text: '经审批科室负责人查阅相关规定并分析讨论，该超市不在开具备案证明的范围内，可以直接准许颁发许可证，已当场办结换证。',
            doneBy: '审批局食品经营许可科当场换发新证',
            citations: [policy('令第78号|第三十二条')],
            rootCause: {
              kind: 'staff_conduct',
              conduct: 'subjective',
              finding: '窗口工作人员误读规定，对许可延续要求提供不必要的备案证明',
            },
          },
        ],
        [
          u('supervisor'),
          DAY,
          { action: 'followUp', solved: true, satisfaction: 'very_satisfied', comment: '感谢办不成事反映窗口，服务质量提升很大。' },
        ],
      ],
    },
    {
      daysAgo: 0.05,
      matter: '户口迁入',
      unit: 'approval',
      window: '公安户籍窗口',
      visits: 2,
      said: '投靠子女落户需要原籍开具无犯罪记录证明',
      title: '投靠子女落户被要求开具无犯罪记录证明',
      content: '老人从外省来投靠女儿，办理户口迁入时窗口要求回原籍开具无犯罪记录证明，老人年事已高往返困难。',
      requester: { name: '郭秀英', phone: '13603591111' },
      kind: 'simple',
      steps: [],
    },
    {
      daysAgo: 1,
      matter: '二手房不动产转移登记',
      unit: 'housing',
      window: '不动产登记综合窗口',
      visits: 2,
      said: '房屋有历史抵押未注销，需要原贷款银行出具证明',
      title: '二手房过户因历史抵押记录无法办理',
      content: '购买的二手房原房主早已还清贷款，但登记簿上仍有抵押记录，原贷款银行已撤并，窗口说必须由银行出具注销证明才能过户。',
      requester: { name: '梁志强', phone: '13734562222' },
      steps: [
        [
          officer,
          20 * MIN,
          { action: 'convene', unitIds: [unit('housing'), unit('approval')], agenda: '原抵押权人撤并后抵押注销证明由谁出具' },
        ],
        [
          u('approvalhead'),
          2 * HOUR,
          { action: 'recordOpinion', opinion: '可由承继原银行债权债务的机构出具注销申请，审批局配合查询承继关系。' },
        ],
      ],
    },
    {
      daysAgo: 2,
      matter: '残疾人两项补贴申领',
      unit: 'hrss',
      window: '社会保障综合窗口',
      visits: 3,
      said: '户籍在村里，需要回乡镇民政所申请',
      title: '残疾人补贴申请被要求回户籍地乡镇办理',
      content: '残疾人长期随子女居住在城区，申领两项补贴时被告知只能回户籍地乡镇申请，本人行动不便。',
      requester: { name: '刘建国', phone: '13834563333' },
      steps: [
        [officer, 30 * MIN, { action: 'convene', unitIds: [unit('hrss'), unit('zhongcheng')], agenda: '两项补贴能否在居住地街道代收代办' }],
        [u('head.hrss'), 3 * HOUR, { action: 'recordOpinion', opinion: '按照全程网办和就近办要求，可由居住地街道受理后转户籍地审核。' }],
        [
          officer,
          4 * HOUR,
          {
            action: 'recordMinutes',
            leadUnitId: unit('zhongcheng'),
            assistUnitIds: [unit('hrss')],
            decision: '由中城街道受理并代转，人社局协调户籍地审核。',
          },
        ],
      ],
    },
    {
      daysAgo: 3,
      matter: '不动产首次登记',
      unit: 'housing',
      window: '不动产登记综合窗口',
      visits: 4,
      said: '房屋没有规划验收手续，不能办理首次登记',
      title: '回迁安置房无规划验收无法办理房产证',
      content: '2012年入住的回迁安置房至今办不下房产证，窗口说开发单位没有办理规划验收，登记不了。',
      requester: { name: '张桂兰', phone: '13934564444' },
      steps: [
        [
          officer,
          5 * HOUR,
          {
            action: 'decide',
            outcome: 'cannot',
            text: '您所在的安置小区尚未取得规划核实和竣工验收手续，依照《不动产登记暂行条例》，目前不具备办理首次登记的条件。',
            alternatives: '区住建局已将该小区列入历史遗留问题专项处置清单，手续补齐后将集中办理，届时由社区通知您，办理当日可走绿色通道。',
            citations: [policy('国土资源部令第63号|第三十五条')],
            rootCause: { kind: 'policy_barrier', finding: '历史遗留安置房缺少规划验收，现行规定下无法办理首次登记，需专项政策' },
          },
        ],
      ],
    },
    {
      daysAgo: 8,
      matter: '企业开办刻章',
      unit: 'approval',
      window: '企业开办专区',
      visits: 2,
      said: '刻章需要公安审批后再来领取执照副本',
      title: '企业开办刻章与执照领取互为前置',
      content: '新办企业在窗口领取执照时被告知先去刻章备案，刻章点又要求先有执照副本，两头跑。',
      requester: { name: '陈思远', phone: '13834565555' },
      steps: [
        [officer, 15 * MIN, { action: 'convene', unitIds: [unit('approval'), unit('market')], agenda: '企业开办执照与刻章环节衔接' }],
        [u('approvalhead'), HOUR, { action: 'recordOpinion', opinion: '执照电子证照可直接推送刻章点，无需纸质副本。' }],
        [u('unithead'), 90 * MIN, { action: 'recordOpinion', opinion: '同意，市场监管局负责刻章备案信息同步。' }],
        [
          officer,
          2 * HOUR,
          {
            action: 'recordMinutes',
            leadUnitId: unit('approval'),
            assistUnitIds: [unit('market')],
            decision: '执照电子证照当场推送刻章点，刻章一次办结。',
          },
        ],
        [
          officer,
          3 * HOUR,
          {
            action: 'decide',
            outcome: 'done',
            text: '已将营业执照电子证照推送至刻章点，企业当日完成刻章并领取执照。',
            doneBy: '审批局企业开办专区与市场监管局联合办理',
            rootCause: { kind: 'coordination_needed', finding: '执照发放与刻章备案两个环节信息未共享，需部门联动' },
          },
        ],
      ],
    },
    {
      daysAgo: 15,
      matter: '个体工商户营业执照变更',
      unit: 'approval',
      window: '个体工商户登记窗口',
      visits: 5,
      said: '材料不全，下次再来（未说明缺什么材料）',
      title: '个体户执照变更五次未办成',
      content: '办理经营场所变更，窗口人员每次都说材料不全却不一次性告知，还暗示找熟人可以快点办。',
      requester: { name: '杨海涛', phone: '13934566666' },
      steps: [
        [
          officer,
          90 * MIN,
          {
            action: 'decide',
            outcome: 'done',
            text: '经核查材料齐全，已当场办理经营场所变更登记。',
            doneBy: '办不成事窗口专员协调审批局当场办理',
            citations: [policy('令第746号')],
            rootCause: {
              kind: 'staff_conduct',
              conduct: 'misconduct',
              finding: '窗口人员未履行一次性告知义务，并暗示“找熟人”加快办理，涉嫌吃拿卡要',
              staffName: '赵某某',
            },
          },
        ],
        [u('supervisor'), DAY, { action: 'followUp', solved: true, satisfaction: 'satisfied' }],
      ],
    },
    {
      daysAgo: 30,
      matter: '医保异地就医备案',
      unit: 'hrss',
      window: '医保服务窗口',
      visits: 2,
      said: '异地备案只能本人到场办理',
      title: '异地就医备案被要求本人到场',
      content: '父亲在外地住院，子女代为办理异地就医备案，窗口坚持要本人到场。',
      requester: { name: '孙丽', phone: '13734567777' },
      steps: [
        [
          officer,
          40 * MIN,
          {
            action: 'decide',
            outcome: 'done',
            text: '异地就医备案可由家属代办或通过国家医保服务平台线上办理，已当场为您代办完成。',
            doneBy: '医保窗口当场代办',
            rootCause: { kind: 'staff_conduct', conduct: 'subjective', finding: '窗口人员不了解代办和线上备案政策', refer: true },
          },
        ],
        [u('supervisor'), DAY, { action: 'followUp', solved: true, satisfaction: 'satisfied' }],
      ],
    },
    {
      daysAgo: 40,
      matter: '养老保险关系转移',
      unit: 'hrss',
      window: '社会保障综合窗口',
      visits: 2,
      said: '转出地没有发来联系函，这边办不了',
      title: '外省养老保险关系转入办不了',
      content: '在外省缴纳的养老保险要转回本地，窗口说对方没有发联系函，让自己去外省跑。',
      requester: { name: '何建军', phone: '13834568888' },
      steps: [
        [
          officer,
          3 * HOUR,
          {
            action: 'decide',
            outcome: 'cannot',
            text: '养老保险关系转移需由转出地社保机构出具参保缴费凭证并传送信息，本窗口无法替代转出地办理。',
            alternatives: '我们已通过全国社保转移接续平台向转出地发起联系函，您无需往返，预计15个工作日内完成，可拨打12345查询进度。',
            citations: [policy('主席令第三十五号')],
            rootCause: { kind: 'coordination_needed', finding: '跨省转移接续依赖转出地配合，需平台联动' },
          },
        ],
        [u('supervisor'), 5 * HOUR, { action: 'reviewReply', approve: true, note: '依据充分，替代方案可行' }],
      ],
    },
  ];
  // The same matter failing three times in 90 days: a service gap.
  for (const [i, daysAgo] of [12, 35, 70].entries()) {
    stories.push({
      daysAgo,
      matter: i === 1 ? '社保关系 转移' : '社保关系转移',
      unit: 'hrss',
      window: '社会保障综合窗口',
      visits: 2 + i,
      said: '系统里查不到转出记录，办不了',
      title: `社保关系转移反复办不成（第${i + 1}例）`,
      content: '办理社保关系转移，窗口称系统中查不到转出记录，无法受理，也未告知下一步怎么办。',
      requester: { name: ['赵明', '钱芳', '李强'][i]!, phone: `1390359000${i}` },
      steps: [
        ...(i === 0
          ? []
          : [
              [
                officer,
                4 * HOUR,
                {
                  action: 'decide',
                  outcome: 'done',
                  text: '经与社保经办机构核对，转出信息已补录，关系转移已办结。',
                  doneBy: '人社局社保经办科补录信息后办结',
                  rootCause: { kind: 'coordination_needed', finding: '转出信息未及时同步至本地系统' },
                },
              ] satisfies Step,
            ]),
        ...(i === 2
          ? [
              [
                u('supervisor'),
                2 * DAY,
                { action: 'followUp', solved: false, satisfaction: 'dissatisfied', comment: '拖了很久才办好' },
              ] satisfies Step,
            ]
          : []),
      ],
    });
  }
  for (const s of stories) await register(s);
  return stories.length;
}
