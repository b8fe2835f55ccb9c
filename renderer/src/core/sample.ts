// The sample work year (示例数据, issue 8): a complete past year, 2025, that the office can load
// to try every screen, clearly marked (WorkYear.sample) and removable in one action.
//
// Pure and deterministic: the rows depend only on `idPrefix` (the ids) and on nothing else: no
// clock, no randomness (the few "survey" numbers come from a fixed hash of their names). The
// story is written out below per task (plan and actual percent per month, who sent a sheet late
// or not at all, which explanations the office accepted); everything that the app derives — the
// due dates (holiday calendar), statuses, the automatic 加扣分 (proposeEntries, exactly as the
// 赛马 screens propose them), the 约谈 suggestion and the published snapshots — is computed by
// core's own rules, so the sample obeys them and the screens show nothing to correct.
//
// The year: months 3–10 reviewed, scored (every proposal confirmed, or waived where an
// explanation was accepted) and published; November reported and partly reviewed, its proposals
// waiting for a reviewer; a manual 加扣分 either way; one 约谈; third-party evaluation scores
// (evaluations) and four 复盘 (reviews) for the screens that read them.

import { defaultCalendarSettings, dueDate, isOpenInMonth, isWorkingDay, windowMonths } from './calendar';
import { addDays } from './dates';
import {
  defaultGroupForKind,
  type Evaluation,
  type Feedback,
  type Interview,
  type IsoDate,
  type Leader,
  type Milestone,
  type MonthState,
  type ProgressReport,
  type RankingSnapshot,
  type RaterType,
  type Review,
  type ScoreEntry,
  type ScoreRule,
  type Section,
  type Submission,
  type Target,
  type Task,
  type Unit,
  type UnitKind,
  type Verdict,
  type WorkYear,
} from './model';
import { assessTaskMonth, defaultProgressRules, expectedPercent, statusLabels, statusOf } from './progress';
import { defaultListSettings, interviewSuggestions, rankGroups, redBlackLists } from './ranking';
import {
  defaultScoreRules,
  explanationWaiverNote,
  MANUAL_RULE_ID,
  monthScores,
  monthShortfalls,
  proposeEntries,
  shortfallText,
  type MonthFacts,
  type Shortfall,
} from './scoring';

export const SAMPLE_YEAR = 2025;
export const SAMPLE_TITLE = `${SAMPLE_YEAR}年度重点工作（示例数据）`;
/** Months reviewed, scored and published in the sample. */
export const SAMPLE_PUBLISHED_MONTHS: readonly number[] = [3, 4, 5, 6, 7, 8, 9, 10];
/** The month still under review: reported, partly reviewed, proposals not yet decided. */
export const SAMPLE_OPEN_MONTH = 11;

/** The office staff of the story (the audit log names whoever loads the sample). */
export const SAMPLE_CLERK = '陈静';
export const SAMPLE_REVIEWER = '刘洋';

/** Every row of the sample year, by table. */
export interface SampleData {
  year: WorkYear;
  scoreRules: ScoreRule[];
  units: Unit[];
  leaders: Leader[];
  sections: Section[];
  tasks: Task[];
  milestones: Milestone[];
  submissions: Submission[];
  reports: ProgressReport[];
  feedback: Feedback[];
  scoreEntries: ScoreEntry[];
  interviews: Interview[];
  evaluations: Evaluation[];
  reviews: Review[];
  monthStates: MonthState[];
  rankings: RankingSnapshot[];
}

export interface SampleOptions {
  /** Prefix of every id (the loader passes a fresh UUID, so a sample never reuses an old id). */
  idPrefix: string;
}

// ---------------------------------------------------------------------------------- the cast

interface UnitSpec {
  key: string;
  name: string;
  kind: UnitKind;
  aliases: string[];
  contact: string;
  phone: string;
}

const UNITS: UnitSpec[] = [
  {
    key: 'fgj',
    name: '区发展和改革局',
    kind: 'department',
    aliases: ['区发改局', '发改局'],
    contact: '周涛',
    phone: '88100101',
  },
  { key: 'czj', name: '区财政局', kind: 'department', aliases: ['财政局'], contact: '吴婷', phone: '88100102' },
  {
    key: 'zjj',
    name: '区住房和城乡建设局',
    kind: 'department',
    aliases: ['区住建局', '住建局'],
    contact: '郑磊',
    phone: '88100103',
  },
  { key: 'swj', name: '区商务局', kind: 'department', aliases: ['商务局'], contact: '冯雪', phone: '88100104' },
  { key: 'jyj', name: '区教育局', kind: 'department', aliases: ['教育局'], contact: '蒋伟', phone: '88100105' },
  {
    key: 'dc',
    name: '东城街道',
    kind: 'town',
    aliases: ['东城街道办事处', '东城'],
    contact: '韩梅',
    phone: '88100201',
  },
  {
    key: 'xc',
    name: '西城街道',
    kind: 'town',
    aliases: ['西城街道办事处', '西城'],
    contact: '杨帆',
    phone: '88100202',
  },
  {
    key: 'bt',
    name: '北塘街道',
    kind: 'town',
    aliases: ['北塘街道办事处', '北塘'],
    contact: '朱琳',
    phone: '88100203',
  },
  { key: 'qx', name: '清溪镇', kind: 'town', aliases: ['清溪镇人民政府', '清溪'], contact: '秦川', phone: '88100204' },
  {
    key: 'ct',
    name: '区城市建设投资集团有限公司',
    kind: 'soe',
    aliases: ['区城投集团', '城投集团'],
    contact: '许诺',
    phone: '88100301',
  },
  {
    key: 'ck',
    name: '区产业投资集团有限公司',
    kind: 'soe',
    aliases: ['区产投集团', '产投集团'],
    contact: '何静',
    phone: '88100302',
  },
  {
    key: 'lk',
    name: '临空经济示范区管委会',
    kind: 'platform',
    aliases: ['临空示范区', '临空管委会'],
    contact: '吕强',
    phone: '88100303',
  },
];

const LEADERS = [
  { key: 'wjg', name: '王建国', title: '区长', aliases: ['王区长'] },
  { key: 'lm', name: '李明', title: '常务副区长', aliases: ['李常务'] },
  { key: 'zh', name: '赵红', title: '副区长', aliases: ['赵副区长'] },
  { key: 'sw', name: '孙伟', title: '副区长', aliases: ['孙副区长'] },
];

const SECTIONS = [
  { key: 'xm', name: '项目建设' },
  { key: 'cy', name: '产业发展' },
  { key: 'cs', name: '城市建设与更新' },
  { key: 'ms', name: '民生保障' },
  { key: 'ys', name: '营商环境' },
];

/** Planned cumulative percent per month from March to the due month, by due date. */
const PLANS: Record<string, number[]> = {
  '11-30': [8, 18, 28, 40, 52, 64, 76, 88, 100],
  '10-31': [10, 22, 34, 46, 58, 70, 85, 100],
  '09-30': [10, 25, 40, 55, 70, 85, 100],
  '06-30': [20, 45, 70, 100],
};

interface TaskSpec {
  section: string;
  title: string;
  measures: string[];
  targets: Target[];
  leaders: string[];
  lead: string;
  co: string[];
  person: string;
  /** 'MM-DD' in the sample year; a key of PLANS. */
  due: string;
  /** The lead unit's reported percent per month from March (null: its sheet never came). */
  actual: (number | null)[];
  /** The plan's stages, spread over the months. */
  phases: string[];
  /** Why it falls behind, in the unit's words (滞后原因说明). */
  delay?: string;
}

const TASKS: TaskSpec[] = [
  {
    section: 'xm',
    title: '重大项目攻坚行动',
    leaders: ['lm'],
    lead: 'fgj',
    co: ['zjj', 'ct'],
    person: '周涛',
    due: '11-30',
    measures: [
      '建立重大项目“一项目一专班”推进机制',
      '每月召开重大项目调度会，协调解决要素保障问题',
      '实行项目建设红黄绿灯管理',
    ],
    targets: [
      { text: '完成重大项目年度投资120亿元', value: 120, unit: '亿元' },
      { text: '新开工重大项目30个', value: 30, unit: '个' },
    ],
    actual: [8, 18, 27, 40, 50, 64, 75, 88, 100],
    phases: ['梳理重大项目清单并建立专班', '推动一季度项目集中开工', '加快在建项目形象进度', '组织四季度项目集中竣工'],
  },
  {
    section: 'xm',
    title: '市级重点项目前期工作',
    leaders: ['lm'],
    lead: 'fgj',
    co: ['lk'],
    person: '周涛',
    due: '09-30',
    measures: ['编制项目前期工作计划表', '并联办理立项、用地、规划、环评手续'],
    targets: [{ text: '8个市级重点项目完成前期手续', value: 8, unit: '个' }],
    actual: [12, 28, 45, 60, 78, 100, 100],
    phases: ['完成项目建议书编制', '办理用地预审与规划选址', '完成可研批复和初步设计'],
  },
  {
    section: 'cs',
    title: '城市更新片区改造',
    leaders: ['zh'],
    lead: 'zjj',
    co: ['dc', 'xc'],
    person: '郑磊',
    due: '11-30',
    measures: ['编制片区城市更新实施方案', '推进房屋征收与安置', '同步实施片区道路和管网改造'],
    targets: [
      { text: '完成3个片区改造', value: 3, unit: '个' },
      { text: '完成房屋征收面积12万平方米', value: 12, unit: '万平方米' },
    ],
    actual: [8, 16, 20, 30, 45, 60, 76, 88, 100],
    phases: ['完成实施方案编制和审批', '开展入户调查与征收签约', '启动拆除和安置房建设', '完成片区基础设施改造'],
    delay: '片区内部分房屋产权关系复杂，征收签约进度慢于计划；已增派工作专班逐户攻坚。',
  },
  {
    section: 'cs',
    title: '老旧小区改造提升',
    leaders: ['zh'],
    lead: 'zjj',
    co: ['xc', 'bt'],
    person: '郑磊',
    due: '11-30',
    measures: ['逐小区征求居民改造意见', '统筹实施加装电梯、管网改造和停车设施建设'],
    targets: [{ text: '完成老旧小区改造32个', value: 32, unit: '个' }],
    actual: [8, 18, 28, 38, 52, 64, 76, 88, 100],
    phases: ['完成改造小区摸底和居民议事', '完成施工招标并陆续进场', '全面施工', '组织竣工验收'],
  },
  {
    section: 'cy',
    title: '招商引资攻坚',
    leaders: ['wjg'],
    lead: 'swj',
    co: ['lk', 'ck'],
    person: '冯雪',
    due: '11-30',
    measures: ['开展产业链精准招商', '建立重点在谈项目跟踪台账', '举办专题招商推介会4场'],
    targets: [
      { text: '引进亿元以上项目15个', value: 15, unit: '个' },
      { text: '实际利用外资2亿美元', value: 2, unit: '亿美元' },
    ],
    actual: [10, 22, 33, 45, 58, 70, 82, 92, 100],
    phases: ['制定年度招商计划和产业链图谱', '举办专题推介会并跟踪在谈项目', '推动签约项目注册落地'],
  },
  {
    section: 'cy',
    title: '外贸稳规模优结构',
    leaders: ['sw'],
    lead: 'swj',
    co: [],
    person: '冯雪',
    due: '11-30',
    measures: ['组织企业参加境内外重点展会', '支持跨境电商和市场采购贸易发展'],
    targets: [{ text: '进出口总额增长5%', value: 5, unit: '%' }],
    actual: [8, 17, 28, 40, 50, 62, 76, 88, 100],
    phases: ['走访重点外贸企业摸清订单', '组织企业参展拓市场', '落实出口信保和退税政策'],
  },
  {
    section: 'cy',
    title: '临空经济示范区建设',
    leaders: ['lm'],
    lead: 'lk',
    co: ['fgj'],
    person: '吕强',
    due: '11-30',
    measures: ['完善示范区产业规划', '推进航空物流园二期建设', '引进临空指向型企业'],
    targets: [{ text: '新引进临空产业项目10个', value: 10, unit: '个' }],
    actual: [8, 18, 28, 40, 52, 64, 76, 88, 96],
    phases: ['修编示范区产业规划', '推进物流园二期主体施工', '开展临空产业专题招商', '物流园二期投入试运营'],
  },
  {
    section: 'cy',
    title: '产业基金组建运营',
    leaders: ['lm'],
    lead: 'ck',
    co: ['czj'],
    person: '何静',
    due: '10-31',
    measures: ['组建区级产业引导基金', '遴选专业基金管理机构', '建立项目储备库并完成首批投资'],
    targets: [{ text: '基金认缴规模10亿元', value: 10, unit: '亿元' }],
    actual: [10, 22, 30, 46, 58, 70, 80, null],
    phases: ['完成基金设立方案', '遴选管理机构并完成注册', '完成首批项目投资决策'],
  },
  {
    section: 'cs',
    title: '重点道路建设',
    leaders: ['zh'],
    lead: 'ct',
    co: ['zjj'],
    person: '许诺',
    due: '11-30',
    measures: ['实施主干道新建和拓宽工程', '同步推进管线迁改', '严格施工进度和质量管理'],
    targets: [{ text: '建成主干道12公里', value: 12, unit: '公里' }],
    actual: [8, 18, 28, 36, 44, 56, 70, 82, 92],
    phases: ['完成施工图设计和招标', '完成管线迁改和路基施工', '完成路面和附属工程', '交工验收'],
    delay: '沿线管线迁改涉及多家产权单位，协调时间长于预期，影响路基施工；已提请区领导召开专题协调会。',
  },
  {
    section: 'cs',
    title: '农村人居环境整治',
    leaders: ['zh'],
    lead: 'qx',
    co: [],
    person: '秦川',
    due: '11-30',
    measures: ['开展村庄清洁行动', '推进农村生活污水治理', '建设美丽庭院示范户'],
    targets: [{ text: '完成12个村污水治理', value: 12, unit: '个' }],
    actual: [10, 22, 35, 50, 65, 80, 100, 100, 100],
    phases: ['开展村庄清洁行动', '推进污水管网建设', '完成美丽庭院创建验收'],
  },
  {
    section: 'cs',
    title: '背街小巷环境整治',
    leaders: ['zh'],
    lead: 'dc',
    co: [],
    person: '韩梅',
    due: '06-30',
    measures: ['整治背街小巷路面和立面', '规范沿街店招和管线'],
    targets: [{ text: '整治背街小巷20条', value: 20, unit: '条' }],
    actual: [20, 48, 75, 100],
    phases: ['完成整治方案和居民征询', '分批实施路面和立面整治', '完成验收'],
  },
  {
    section: 'cs',
    title: '城市防洪排涝工程',
    leaders: ['sw'],
    lead: 'ct',
    co: ['qx'],
    person: '许诺',
    due: '09-30',
    measures: ['实施易涝点改造', '新建排涝泵站2座'],
    targets: [{ text: '消除易涝点15处', value: 15, unit: '处' }],
    actual: [10, 25, 40, 52, 70, 85, 100],
    phases: ['完成易涝点排查和设计', '汛前完成重点易涝点改造', '泵站建成投用'],
  },
  {
    section: 'ms',
    title: '新建改扩建中小学',
    leaders: ['sw'],
    lead: 'jyj',
    co: ['zjj', 'ct'],
    person: '蒋伟',
    due: '11-30',
    measures: ['加快新建学校主体工程建设', '同步推进校园配套和设备采购'],
    targets: [
      { text: '新建改扩建中小学6所', value: 6, unit: '所' },
      { text: '新增学位5400个', value: 5400, unit: '个' },
    ],
    actual: [0, 8, 24, 38, 50, 62, 76, 88, 100],
    phases: ['完成用地移交和施工许可', '主体结构施工', '装修和设备安装', '秋季学期前完成交付准备'],
    delay: '两所学校用地移交晚于计划，3月未能开工；已与自然资源部门明确移交时间，4月中旬进场。',
  },
  {
    section: 'ms',
    title: '托育服务扩容',
    leaders: ['sw'],
    lead: 'jyj',
    co: ['dc'],
    person: '蒋伟',
    due: '11-30',
    measures: ['支持幼儿园开设托班', '建设社区普惠托育点'],
    targets: [{ text: '新增普惠托位600个', value: 600, unit: '个' }],
    actual: [8, 18, 28, 40, 52, 64, 76, 88, 100],
    phases: ['摸排托育需求和场地', '改造社区托育点', '开班运营并完成备案'],
  },
  {
    section: 'ms',
    title: '社区养老服务设施建设',
    leaders: ['sw'],
    lead: 'bt',
    co: ['czj'],
    person: '朱琳',
    due: '11-30',
    measures: ['建设社区嵌入式养老服务中心', '推进老年助餐点全覆盖'],
    targets: [{ text: '新建社区养老服务中心4个', value: 4, unit: '个' }],
    actual: [8, 18, 28, 40, 52, 64, 76, 86, 100],
    phases: ['完成选址和设计', '施工改造', '引入运营机构并开业'],
  },
  {
    section: 'ms',
    title: '民生实事资金保障',
    leaders: ['lm'],
    lead: 'czj',
    co: [],
    person: '吴婷',
    due: '11-30',
    measures: ['优先安排民生实事项目预算', '按进度及时拨付资金'],
    targets: [{ text: '民生支出占一般公共预算支出比重不低于75%', value: 75, unit: '%' }],
    actual: [8, 18, 28, 40, 52, 64, 76, 88, 100],
    phases: ['下达民生实事资金预算', '按项目进度拨付资金', '开展资金绩效评价'],
  },
  {
    section: 'ys',
    title: '涉企政策直达快享',
    leaders: ['lm'],
    lead: 'czj',
    co: ['swj'],
    person: '吴婷',
    due: '10-31',
    measures: ['梳理涉企政策清单', '推行惠企资金“免申即享”'],
    targets: [{ text: '“免申即享”政策事项不少于30项', value: 30, unit: '项' }],
    actual: [12, 25, 38, 50, 62, 75, 90, 100],
    phases: ['梳理发布涉企政策清单', '上线“免申即享”事项', '开展政策兑现评估'],
  },
  {
    section: 'ys',
    title: '清理拖欠企业账款',
    leaders: ['lm'],
    lead: 'czj',
    co: ['ct', 'ck'],
    person: '吴婷',
    due: '06-30',
    measures: ['全面排查政府部门和国企拖欠账款', '建立清偿台账并逐笔销号'],
    targets: [{ text: '无分歧欠款全部清偿', value: 100, unit: '%' }],
    actual: [25, 50, 75, 100],
    phases: ['完成拖欠账款排查', '制定清偿计划', '完成清偿并销号'],
  },
  {
    section: 'ys',
    title: '镇街营商环境优化',
    leaders: ['wjg'],
    lead: 'xc',
    co: ['qx'],
    person: '杨帆',
    due: '11-30',
    measures: ['设立镇街企业服务专员', '推行企业诉求“一站受理、限时办结”'],
    targets: [{ text: '企业诉求按期办结率95%以上', value: 95, unit: '%' }],
    actual: [8, 18, 28, 40, null, 56, 76, 88, 100],
    phases: ['建立企业服务专员制度', '上线企业诉求受理平台', '开展营商环境满意度测评'],
  },
  {
    section: 'ys',
    title: '优化工程建设项目审批',
    leaders: ['wjg'],
    lead: 'zjj',
    co: ['fgj'],
    person: '郑磊',
    due: '06-30',
    measures: ['推行施工许可分阶段办理', '实行联合验收'],
    targets: [{ text: '工程建设项目审批时间压减至80个工作日以内', value: 80, unit: '个工作日' }],
    actual: [20, 45, 72, 100],
    phases: ['梳理审批事项清单', '上线分阶段施工许可', '全面实行联合验收'],
  },
];

/** Units whose sheet came late, by month: days after the due date. */
const LATE: Record<string, Record<number, number>> = {
  swj: { 4: 1 },
  xc: { 5: 3 },
  bt: { 6: 2 },
  ck: { 9: 1 },
};
/** Units that sent no sheet at all in a month. */
const MISSING: Record<string, number[]> = { xc: [7], ck: [10] };
/** A late sheet the reviewer excused (its automatic deduction is waived with this note). */
const WAIVED_LATE: Record<string, Record<number, string>> = {
  swj: { 4: '截止日当天已通过电子邮件报送，纸质件次日送达' },
};
/** Behind without a 滞后原因说明 (task index, month). */
const UNEXPLAINED = new Set(['12:3', '8:9', '18:8']);
/** The review's decision on an explanation (task index, month): accepted or not. */
const ACCEPTED: Record<string, boolean> = {
  '2:5': true,
  '2:6': false,
  '2:7': true,
  '12:4': true,
  '8:7': false,
  '8:8': true,
  '8:10': false,
};
/** A unit's own status word that disagrees with the computed status (task index, month). */
const WORD_MISMATCH = new Set(['8:7']);
/** Verdicts other than 属实, with the reviewer's comment (task index, month, unit key). */
const VERDICTS: Record<string, { verdict: Verdict; comment: string }> = {
  '4:6:swj': { verdict: '基本属实', comment: '部分签约项目尚未完成注册，按已落地项目计算。' },
  '14:8:bt': { verdict: '不属实', comment: '现场核查一处养老服务中心尚未完成消防验收，已要求如实填报。' },
  '0:9:fgj': { verdict: '基本属实', comment: '投资完成额以统计部门反馈数为准。' },
};
/** November: the units the office had reviewed when the sample ends. */
const REVIEWED_IN_NOVEMBER = new Set(['fgj', 'czj', 'zjj']);
/** Manual 加扣分. */
const MANUAL = [
  { unit: 'qx', month: 6, points: 3, reason: '农村人居环境整治工作获区领导批示肯定' },
  { unit: 'zjj', month: 9, points: -2, reason: '老旧小区改造工地文明施工问题被市级通报批评' },
];

// ---------------------------------------------------------------------------------- helpers

/** A fixed, well-spread hash of a text (FNV-1a): the sample's only "randomness". */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** An ISO timestamp for a China-time date and time ('2025-06-30', '16:30'). */
function chinaTime(date: IsoDate, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// ---------------------------------------------------------------------------------- the generator

/** The whole sample year. Same `idPrefix`, same rows. */
export function generateSample(options: SampleOptions): SampleData {
  const { context, leaders, sections } = registriesAndTasks(options.idPrefix);
  const milestones = monthlyPlans(context);
  const planSubmissions = planSheets(context);
  const { submissions: progressSubmissions, reports } = progressSheets(context, milestones);
  // Plan and progress sheets are one table, kept in id order like every other.
  const submissions = [...planSubmissions, ...progressSubmissions].sort(byId);
  const feedback = officeFeedback(context, reports);
  const records: SampleRecords = { milestones, submissions, reports, feedback };
  const { scoreEntries, shortfallsByMonth } = scoreDecisions(context, records);
  const interviews = interviewsHeld(context, scoreEntries, shortfallsByMonth);
  const evaluations = thirdPartyEvaluations(context);
  const reviews = taskReviews(context);
  const { monthStates, rankings } = publishedMonths(context, records);

  return {
    year: context.year,
    scoreRules: context.scoreRules,
    units: context.units,
    leaders,
    sections,
    tasks: context.tasks,
    milestones,
    submissions,
    reports,
    feedback,
    scoreEntries,
    interviews,
    evaluations,
    reviews,
    monthStates,
    rankings,
  };
}

/** What every phase of the year reads: the year, its registries and tasks, and lookups into them. */
interface SampleContext {
  /** Prefix of every id. */
  idPrefix: string;
  year: WorkYear;
  yearId: string;
  /** The work window's first month (March): the first month of every plan and of the stories' percents. */
  firstMonth: number;
  /** The window's months up to the open month: the months the units reported. */
  monthsToReport: number[];
  scoreRules: ScoreRule[];
  units: Unit[];
  /** In the order of TASKS: a task's index there is its number in the ids. */
  tasks: Task[];
  /** The tasks in ledger order (listTasks: section, then code): the order of a unit's sheet rows and of a snapshot. */
  ledger: Task[];
  /** The unit of a key of UNITS. */
  unitOf(key: string): Unit;
  /** The key in UNITS of a unit. */
  keyOf(unitId: string): string;
  /** The task of an index of TASKS. */
  taskAt(index: number): Task;
  /** A task's story: its index in TASKS and its spec there. */
  storyOf(taskId: string): { index: number; spec: TaskSpec };
}

/** What the units planned and reported and the office reviewed: the facts 加扣分 and publication read. */
interface SampleRecords {
  milestones: Milestone[];
  submissions: Submission[];
  reports: ProgressReport[];
  feedback: Feedback[];
}

/** Registries and tasks: the year, its rules, units, leaders, sections and tasks. */
function registriesAndTasks(idPrefix: string): { context: SampleContext; leaders: Leader[]; sections: Section[] } {
  const p = idPrefix;
  const settings = defaultCalendarSettings(SAMPLE_YEAR);
  const year: WorkYear = {
    ...settings,
    id: `${p}-year`,
    title: SAMPLE_TITLE,
    createdAt: chinaTime('2025-02-24', '09:00'),
    sample: true,
  };
  const yearId = year.id;
  const months = windowMonths(year);
  const [firstMonth] = months;
  if (firstMonth === undefined) throw new Error('sample: the work window has no month');

  const scoreRules: ScoreRule[] = defaultScoreRules.map((r) => ({ ...r, yearId })).sort(byId);

  const unitId = (key: string) => `${p}-unit-${key}`;
  const units: Unit[] = UNITS.map((u, i) => ({
    id: unitId(u.key),
    yearId,
    name: u.name,
    kind: u.kind,
    rankingGroup: defaultGroupForKind[u.kind],
    aliases: [...u.aliases],
    contactPerson: u.contact,
    phone: u.phone,
    sortOrder: i + 1,
  }));
  const unitOf = (key: string): Unit => {
    const unit = units.find((u) => u.id === unitId(key));
    if (!unit) throw new Error(`sample: no unit ${key}`);
    return unit;
  };
  const keyByUnitId = new Map(UNITS.map((u) => [unitId(u.key), u.key]));
  const keyOf = (id: string): string => {
    const key = keyByUnitId.get(id);
    if (key === undefined) throw new Error(`sample: no unit ${id}`);
    return key;
  };
  const leaders: Leader[] = LEADERS.map((l, i) => ({
    id: `${p}-leader-${l.key}`,
    yearId,
    name: l.name,
    title: l.title,
    aliases: [...l.aliases],
    sortOrder: i + 1,
  }));
  const sections: Section[] = SECTIONS.map((s, i) => ({
    id: `${p}-section-${s.key}`,
    yearId,
    name: s.name,
    sortOrder: i + 1,
  }));

  const taskId = (index: number) => `${p}-task-${pad(index + 1)}`;
  const tasks: Task[] = TASKS.map((t, i) => ({
    id: taskId(i),
    yearId,
    sectionId: `${p}-section-${t.section}`,
    code: String(i + 1),
    title: t.title,
    measures: t.measures.map((text) => ({ text })),
    targets: t.targets.map((g) => ({ ...g })),
    leaderIds: t.leaders.map((k) => `${p}-leader-${k}`),
    leadUnitId: unitOf(t.lead).id,
    coUnitIds: t.co.map((k) => unitOf(k).id),
    responsiblePerson: t.person,
    dueDate: `${SAMPLE_YEAR}-${t.due}`,
  }));
  const taskAt = (index: number): Task => {
    const task = tasks[index];
    if (!task) throw new Error(`sample: no task ${index}`);
    return task;
  };
  const stories = new Map(TASKS.map((spec, index) => [taskId(index), { index, spec }]));
  const storyOf = (id: string) => {
    const story = stories.get(id);
    if (!story) throw new Error(`sample: no task ${id}`);
    return story;
  };
  /** Ledger order (listTasks): section, then code. */
  const sectionRank = new Map(SECTIONS.map((s, i) => [`${p}-section-${s.key}`, i]));
  const ledger = [...tasks].sort(
    (a, b) => sectionRank.get(a.sectionId!)! - sectionRank.get(b.sectionId!)! || Number(a.code) - Number(b.code),
  );

  return {
    context: {
      idPrefix,
      year,
      yearId,
      firstMonth,
      monthsToReport: months.filter((m) => m <= SAMPLE_OPEN_MONTH),
      scoreRules,
      units,
      tasks,
      ledger,
      unitOf,
      keyOf,
      taskAt,
      storyOf,
    },
    leaders,
    sections,
  };
}

/** Monthly plans (月方案): a milestone for every month from March to the due month. */
function monthlyPlans(context: SampleContext): Milestone[] {
  const { idPrefix: p, yearId, firstMonth, taskAt } = context;
  const milestones: Milestone[] = [];
  TASKS.forEach((spec, i) => {
    const plan = PLANS[spec.due]!;
    plan.forEach((percent, j) => {
      const month = firstMonth + j;
      const phase = spec.phases[Math.min(spec.phases.length - 1, Math.floor((j * spec.phases.length) / plan.length))]!;
      const text = percent === 100 ? `全面完成：${spec.phases[spec.phases.length - 1]}` : phase;
      milestones.push({
        id: `${p}-milestone-${pad(i + 1)}-${pad(month)}`,
        taskId: taskAt(i).id,
        yearId,
        month,
        text,
        plannedPercent: percent,
      });
    });
  });
  return milestones;
}

/** A task's milestones, month by month. */
function milestonesOfTask(milestones: Milestone[], taskId: string): Milestone[] {
  return milestones.filter((m) => m.taskId === taskId);
}

/** Plan sheets (月方案报送): everyone by 03-10 except 北塘街道, two days late. */
function planSheets(context: SampleContext): Submission[] {
  const { idPrefix: p, year, yearId, keyOf } = context;
  const planDue = dueDate(year, 'plan').due;
  return context.units.map((u, i) => {
    const key = keyOf(u.id);
    const received = key === 'bt' ? addDays(planDue, 2) : latestWorkday(addDays(planDue, -(i % 4)), year);
    return {
      id: `${p}-submission-plan-${key}`,
      yearId,
      kind: 'plan',
      month: 0,
      unitId: u.id,
      receivedDate: received,
      fileName: `${u.name}-${SAMPLE_YEAR}年月方案.xlsx`,
    };
  });
}

/** Progress sheets and their rows (月度进展): one sheet per unit and month, a row per task it owes. */
function progressSheets(
  context: SampleContext,
  milestones: Milestone[],
): { submissions: Submission[]; reports: ProgressReport[] } {
  const { idPrefix: p, year, yearId, firstMonth, ledger, keyOf, unitOf, storyOf } = context;
  const submissions: Submission[] = [];
  const reports: ProgressReport[] = [];
  const percentOf = (spec: TaskSpec, month: number): number | null => spec.actual[month - firstMonth] ?? null;
  for (const month of context.monthsToReport) {
    const due = dueDate(year, 'report', month).due;
    for (const unit of context.units) {
      const key = keyOf(unit.id);
      if (MISSING[key]?.includes(month)) continue;
      const owed = ledger.filter(
        (t) => isOpenInMonth(t, SAMPLE_YEAR, month) && (t.leadUnitId === unit.id || t.coUnitIds.includes(unit.id)),
      );
      if (owed.length === 0) continue;
      const late = LATE[key]?.[month];
      const receivedDate =
        late !== undefined ? addDays(due, late) : latestWorkday(addDays(due, -(hash(`${key}:${month}`) % 3)), year);
      const fileName = `${unit.name}-${SAMPLE_YEAR}年${month}月进展.xlsx`;
      submissions.push({
        id: `${p}-submission-${pad(month)}-${key}`,
        yearId,
        kind: 'progress',
        month,
        unitId: unit.id,
        receivedDate,
        fileName,
      });
      owed.forEach((task, row) => {
        const { index: i, spec } = storyOf(task.id);
        const taskMilestones = milestonesOfTask(milestones, task.id);
        const lead = task.leadUnitId === unit.id;
        const leadPercent = percentOf(spec, month);
        // A co-unit reports its own part: the lead's figure, or last month's when the lead sent nothing.
        const percent = leadPercent ?? percentOf(spec, month - 1) ?? 0;
        const expected = expectedPercent(task, taskMilestones, month, year).percent;
        const status = statusOf(percent, expected);
        const behind = lead && (status === 'behind' || status === 'not_started');
        const explained = behind && !UNEXPLAINED.has(`${i}:${month}`);
        const milestone = taskMilestones.find((m) => m.month === month);
        const next = taskMilestones.find((m) => m.month === month + 1);
        const word = lead && WORD_MISMATCH.has(`${i}:${month}`) ? statusLabels.on_track : statusLabels[status];
        reports.push({
          id: `${p}-report-${pad(month)}-${pad(i + 1)}-${key}`,
          yearId,
          month,
          taskId: task.id,
          unitId: unit.id,
          isLeadUnit: lead,
          percent,
          statusWord: lead ? word : '',
          doneThisMonth: lead
            ? `${behind ? '部分完成' : '已完成'}本月节点“${milestone?.text ?? ''}”，累计完成${percent}%。`
            : `配合${unitOf(spec.lead).name}推进“${task.title}”，按分工完成本单位事项。`,
          problems: behind ? (spec.delay ?? '进度慢于计划。').split('；')[0]! : '',
          nextSteps: next
            ? `下月节点：${next.text}`
            : percent >= 100
              ? '巩固成果，做好总结验收。'
              : '加快推进，确保按期完成。',
          coordination: behind && explained ? '需区领导协调相关部门加快办理。' : '',
          delayExplanation: explained ? (spec.delay ?? '受前期手续影响，进度慢于计划，将倒排工期加快追赶。') : '',
          reporter: unit.contactPerson,
          phone: unit.phone,
          receivedDate,
          sourceFile: fileName,
          sourceSheet: '月度进展',
          sourceRow: row + 4,
        });
      });
    }
  }
  return { submissions, reports: reports.sort(byId) };
}

/** The office's review (督查反馈): every row of a published month, part of November. */
function officeFeedback(context: SampleContext, reports: ProgressReport[]): Feedback[] {
  const { idPrefix: p, year, yearId, keyOf, storyOf } = context;
  const feedback: Feedback[] = [];
  for (const r of reports) {
    const key = keyOf(r.unitId);
    if (r.month === SAMPLE_OPEN_MONTH && !REVIEWED_IN_NOVEMBER.has(key)) continue;
    const { index: i } = storyOf(r.taskId);
    const special = VERDICTS[`${i}:${r.month}:${key}`];
    const row: Feedback = {
      id: `${p}-feedback-${pad(r.month)}-${pad(i + 1)}-${key}`,
      yearId,
      month: r.month,
      taskId: r.taskId,
      unitId: r.unitId,
      verdict: special?.verdict ?? '属实',
      comment: special?.comment ?? '',
      reviewer: SAMPLE_CLERK,
      date: reviewDate(year, r.month),
    };
    const accepted = r.isLeadUnit && r.delayExplanation !== '' ? ACCEPTED[`${i}:${r.month}`] : undefined;
    if (accepted !== undefined) {
      row.explanationAccepted = accepted;
      if (row.comment === '')
        row.comment = accepted
          ? '滞后原因属实，予以采纳，请按整改措施加快推进。'
          : '滞后原因说明不充分，不予采纳，按规定扣分。';
    }
    feedback.push(row);
  }
  return feedback.sort(byId);
}

/**
 * 加扣分: the automatic entries as the 赛马 screens propose them, decided by the reviewer.
 * Only decisions are stored (the open month's undecided proposals follow from its facts).
 */
function scoreDecisions(
  context: SampleContext,
  records: SampleRecords,
): { scoreEntries: ScoreEntry[]; shortfallsByMonth: Map<number, Map<string, Shortfall>> } {
  const { idPrefix: p, year, yearId, units, scoreRules, keyOf, unitOf } = context;
  const { milestones, submissions, reports, feedback } = records;
  const scoreEntries: ScoreEntry[] = [];
  const shortfallsByMonth = new Map<number, Map<string, Shortfall>>();
  for (const month of context.monthsToReport) {
    const facts: MonthFacts = {
      year,
      month,
      units,
      tasks: context.ledger.filter((t) => isOpenInMonth(t, SAMPLE_YEAR, month)),
      reports: reports.filter((r) => r.month === month),
      previousReports: reports.filter((r) => r.month === month - 1),
      milestones,
      submissions: submissions.filter((s) => s.kind === 'progress' && s.month === month),
      feedback: feedback.filter((f) => f.month === month),
      reportDue: dueDate(year, 'report', month),
      today: reviewDate(year, month),
      rules: scoreRules,
      progressRules: defaultProgressRules,
    };
    const proposals = proposeEntries(facts);
    shortfallsByMonth.set(month, monthShortfalls(facts));
    const decidedAt = chinaTime(reviewDate(year, month), '15:00');
    for (const proposal of proposals) {
      const entry: ScoreEntry = {
        id: `${yearId}:${month}:${proposal.key}`,
        yearId,
        month,
        unitId: proposal.unitId,
        ruleId: proposal.ruleId,
        points: proposal.points,
        reason: proposal.reason,
        state: 'proposed',
        automatic: true,
        evidence: { ...proposal.evidence },
      };
      const excuse = proposal.ruleId === 'late' ? WAIVED_LATE[keyOf(proposal.unitId)]?.[month] : undefined;
      if (excuse !== undefined || (proposal.waivedByExplanation && month !== SAMPLE_OPEN_MONTH)) {
        Object.assign(entry, {
          state: 'waived',
          decidedBy: SAMPLE_REVIEWER,
          decidedAt,
          decisionNote: excuse ?? explanationWaiverNote,
        });
      } else if (month !== SAMPLE_OPEN_MONTH) {
        Object.assign(entry, { state: 'confirmed', decidedBy: SAMPLE_REVIEWER, decidedAt });
      } else continue;
      scoreEntries.push(entry);
    }
  }
  MANUAL.forEach((m) => {
    scoreEntries.push({
      id: `${p}-manual-${pad(m.month)}-${m.unit}`,
      yearId,
      month: m.month,
      unitId: unitOf(m.unit).id,
      ruleId: MANUAL_RULE_ID,
      points: m.points,
      reason: m.reason,
      state: 'confirmed',
      automatic: false,
      decidedBy: SAMPLE_REVIEWER,
      decidedAt: chinaTime(reviewDate(year, m.month), '10:00'),
    });
  });
  return { scoreEntries, shortfallsByMonth };
}

/** 约谈: the unit the rules suggest for the last published month that suggests one. */
function interviewsHeld(
  context: SampleContext,
  scoreEntries: ScoreEntry[],
  shortfallsByMonth: ReadonlyMap<number, ReadonlyMap<string, Shortfall>>,
): Interview[] {
  const { idPrefix: p, year, yearId, units, keyOf } = context;
  const suggestions = interviewSuggestionsOf(
    units,
    scoreEntries,
    context.scoreRules,
    shortfallsByMonth,
    SAMPLE_PUBLISHED_MONTHS,
  );
  const interviews: Interview[] = [];
  const last = [...suggestions.entries()].filter(([, ids]) => ids.length > 0).pop();
  if (last) {
    const [month, [unitId]] = last as [number, [string]];
    const unit = units.find((u) => u.id === unitId)!;
    const held = latestWorkday(addDays(reviewDate(year, month), 7), year);
    interviews.push({
      id: `${p}-interview-${pad(month)}-${keyOf(unitId)}`,
      yearId,
      month,
      unitId,
      date: held,
      attendees: `区政府督查室${SAMPLE_REVIEWER}、${SAMPLE_CLERK}；${unit.name}主要负责人、分管负责人`,
      reason: `${month - 1}月、${month}月连续两个月列入黑榜`,
      outcome: `${unit.name}说明了重点工作进度滞后的原因，承认工作调度不到位，表态限期整改。`,
      followUp: '一个月内报送整改报告，督查室下月重点跟踪其重点工作进度。',
      suggested: true,
    });
  }
  return interviews;
}

/** 第三方评估: survey scores of every unit (企业, 群众) and of some tasks (第三方机构). */
function thirdPartyEvaluations(context: SampleContext): Evaluation[] {
  const { idPrefix: p, yearId, keyOf, taskAt } = context;
  const evaluations: Evaluation[] = [];
  const rater = (r: RaterType): string => ({ 企业: 'enterprise', 群众: 'public', 第三方机构: 'agency' })[r];
  for (const unit of context.units) {
    for (const r of ['企业', '群众'] as RaterType[]) {
      const h = hash(`${unit.name}:${r}`);
      const key = keyOf(unit.id);
      const penalty = key === 'xc' || key === 'ct' ? 8 : 0;
      evaluations.push({
        id: `${p}-evaluation-${key}-${rater(r)}`,
        yearId,
        unitId: unit.id,
        rater: r,
        score: Math.round(820 + (h % 140) - penalty * 10) / 10,
        sampleSize: r === '企业' ? 30 + (h % 90) : 200 + (h % 300),
      });
    }
  }
  for (const i of [0, 2, 8, 9, 12, 18]) {
    const task = taskAt(i);
    const h = hash(`${task.title}:第三方机构`);
    evaluations.push({
      id: `${p}-evaluation-task-${pad(i + 1)}`,
      yearId,
      taskId: task.id,
      rater: '第三方机构',
      score: Math.round((i === 8 ? 760 : 840) + (h % 120)) / 10,
      sampleSize: 50 + (h % 100),
    });
  }
  return evaluations;
}

/**
 * 复盘: four tasks, four steps each.
 * Three reviews finished, the last still at its third step: the 复盘 list shows both states.
 */
function taskReviews(context: SampleContext): Review[] {
  const { idPrefix: p, yearId, taskAt } = context;
  return REVIEWS.map((r, i) => {
    const updatedAt = chinaTime(r.date, '16:00');
    const done = i < REVIEWS.length - 1;
    return {
      id: `${p}-review-${pad(r.task + 1)}`,
      yearId,
      taskId: taskAt(r.task).id,
      ...r.texts,
      updatedAt,
      step: done ? 3 : 2,
      ...(done ? { completedAt: updatedAt } : {}),
    };
  });
}

/** Publication: months 3–10, each with the snapshot the 督查反馈 screen stores. */
function publishedMonths(
  context: SampleContext,
  records: SampleRecords,
): { monthStates: MonthState[]; rankings: RankingSnapshot[] } {
  const { idPrefix: p, year, yearId } = context;
  const { milestones, submissions, reports, feedback } = records;
  const monthStates: MonthState[] = [];
  const rankings: RankingSnapshot[] = [];
  for (const month of SAMPLE_PUBLISHED_MONTHS) {
    const day = reviewDate(year, month);
    const publishedAt = chinaTime(day, '17:00');
    monthStates.push({
      id: `${yearId}:${month}`,
      yearId,
      month,
      state: 'published',
      publishedAt,
      publishedBy: SAMPLE_REVIEWER,
    });
    const open = context.ledger.filter((t) => isOpenInMonth(t, SAMPLE_YEAR, month));
    const monthReports = reports.filter((r) => r.month === month);
    const snapshot = {
      tasks: open.map((task) => {
        const report = monthReports.find((r) => r.taskId === task.id && r.unitId === task.leadUnitId) ?? null;
        const a = assessTaskMonth({
          task,
          milestones: milestonesOfTask(milestones, task.id),
          month,
          workWindow: year,
          report,
          today: day,
        });
        return {
          taskId: task.id,
          title: task.title,
          expected: a.expected,
          percent: a.percent,
          status: a.status,
          light: a.light,
        };
      }),
      reports: monthReports,
      submissions: submissions.filter((s) => s.kind === 'progress' && s.month === month),
      feedback: feedback.filter((f) => f.month === month),
    };
    rankings.push({
      id: `${p}-snapshot-${pad(month)}`,
      yearId,
      period: 'month',
      month,
      publishedAt,
      publishedBy: SAMPLE_REVIEWER,
      data: snapshot,
    });
  }
  return { monthStates, rankings };
}

/** The number of rows of each table (the year counts 1). */
export function sampleCounts(data: SampleData): Record<keyof SampleData, number> {
  const out = {} as Record<keyof SampleData, number>;
  for (const [key, value] of Object.entries(data))
    out[key as keyof SampleData] = Array.isArray(value) ? value.length : 1;
  return out;
}

/** The day the office reviewed a month: three days after the report due date, by the feedback due date. */
function reviewDate(year: WorkYear, month: number): IsoDate {
  const report = dueDate(year, 'report', month).due;
  const feedback = dueDate(year, 'feedback', month).due;
  const day = latestWorkday(addDays(report, 3), year);
  return day > feedback ? feedback : day < report ? feedback : day;
}

/** The working day on or before `date`. */
function latestWorkday(date: IsoDate, year: WorkYear): IsoDate {
  let day = date;
  for (let i = 0; i < 30 && !isWorkingDay(day, year); i += 1) day = addDays(day, -1);
  return day;
}

/**
 * The 约谈 suggestions of each month (units black-listed that month and the month before), from
 * the confirmed entries, as the 赛马 screens compute them (features/scoring/useScoring.ts) with
 * the default list settings.
 */
function interviewSuggestionsOf(
  units: Unit[],
  entries: ScoreEntry[],
  rules: ScoreRule[],
  shortfalls: ReadonlyMap<number, ReadonlyMap<string, Shortfall>>,
  months: readonly number[],
): Map<number, string[]> {
  const scores = new Map(
    months.map((m) => [
      m,
      monthScores(
        units,
        entries.filter((e) => e.month === m),
        rules,
      ),
    ]),
  );
  const black = new Map<number, string[]>();
  for (const m of months) {
    const ranked = [...rankGroups(scores.get(m)!, units, scores.get(m - 1)).values()].flat();
    const monthEntries = entries.filter((e) => e.month === m);
    const shortfallOf = (unitId: string) => {
      const s = shortfalls.get(m)?.get(unitId);
      return s ? shortfallText(s) : undefined;
    };
    black.set(
      m,
      redBlackLists(ranked, monthEntries, shortfallOf, defaultListSettings).black.map((l) => l.unitId),
    );
  }
  return new Map(months.map((m) => [m, interviewSuggestions(black, m)]));
}

const REVIEWS: {
  task: number;
  date: IsoDate;
  texts: Pick<Review, 'recallGoals' | 'assessResults' | 'analyseCauses' | 'lessons'>;
}[] = [
  {
    task: 2,
    date: '2025-12-10',
    texts: {
      recallGoals: '年初目标：完成3个片区改造，完成房屋征收面积12万平方米，11月底前全面完成。',
      assessResults: '3个片区改造全部完成，征收面积12.4万平方米；5—7月连续滞后，8月起追回进度，11月按期完成。',
      analyseCauses:
        '部分房屋产权关系复杂，前期摸底不够细，征收签约集中在二季度受阻；专班攻坚和街道联动是追回进度的关键。',
      lessons: '征收类项目要提前一个季度完成入户摸底；街道与主管部门建立周调度机制，滞后苗头早发现、早协调。',
    },
  },
  {
    task: 8,
    date: '2025-12-12',
    texts: {
      recallGoals: '年初目标：建成主干道12公里，11月底前交工验收。',
      assessResults:
        '11月底建成11公里，累计完成92%，未按期全部完成；7—11月持续滞后，9月未说明滞后原因被扣分，并被约谈。',
      analyseCauses:
        '管线迁改涉及多家产权单位，协调周期估计不足；施工组织按理想工期倒排，缺少余量；滞后后未及时说明情况。',
      lessons: '管线迁改纳入项目前期同步推进；进度计划留出协调余量；滞后必须当月说明原因并提出追赶措施。',
    },
  },
  {
    task: 9,
    date: '2025-12-08',
    texts: {
      recallGoals: '年初目标：完成12个村污水治理，开展村庄清洁行动，建设美丽庭院示范户。',
      assessResults: '9月提前完成全部目标，获区领导批示肯定。',
      analyseCauses: '镇村两级层层压实责任，施工队伍提前进场，雨季前完成管网主体。',
      lessons: '“先地下、后地上”的施工顺序和雨季前抢工的做法可在其他镇街推广。',
    },
  },
  {
    task: 12,
    date: '2025-12-09',
    texts: {
      recallGoals: '年初目标：新建改扩建中小学6所，新增学位5400个，秋季学期前完成交付准备。',
      assessResults: '6所学校全部建成，新增学位5460个；3月未能开工、4月滞后，5月起恢复序时。',
      analyseCauses: '两所学校用地移交晚于计划，开工推迟；与自然资源部门明确移交时间后，通过增加作业面追回进度。',
      lessons: '学校项目用地移交列入上一年度底的前期工作清单；开工节点与用地移交节点挂钩调度。',
    },
  },
];
