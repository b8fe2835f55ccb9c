// Generated benchmark data: monthly progress workbooks (月度进展情况表, PRODUCT.md §6) as the
// app's own export would look — title and subtitle rows, a styled header, a hidden 任务编号
// column, status and percent validations, a hidden _meta sheet — written with the app's own
// writer (renderer/src/io/excel/write.ts). Deterministic (seeded), so runs are comparable.
import { metaRows } from '../../renderer/src/core/import/template';
import { writeWorkbook, type ColumnSpec, type SheetSpec } from '../../renderer/src/io/excel/write';
import { BENCH_MONTH, BENCH_UNIT, BENCH_YEAR } from './constants';
import { rng } from './rng';

export { BENCH_MONTH, BENCH_UNIT, BENCH_YEAR, rng };

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;

const VERBS = ['推进', '加快', '深化', '实施', '完善', '提升', '优化', '开展', '落实', '强化'];
const OBJECTS = [
  '重大项目攻坚',
  '民间投资增长',
  '制造业投资',
  '产业基金招引',
  '老旧小区改造',
  '营商环境',
  '数字政府建设',
  '城乡供水一体化',
  '农村人居环境整治',
  '科技企业孵化',
  '一网通办',
  '养老服务体系',
  '义务教育优质均衡',
  '河湖长制',
  '安全生产专项整治',
];
const DONE = [
  '已完成项目立项和可研批复',
  '召开专题推进会2次，协调解决问题5个',
  '完成年度投资计划的阶段任务',
  '开展现场督导检查，整改问题清单已销号',
  '完成招标文件编制，进入公告阶段',
  '已签约项目3个，总投资约12亿元',
  '完成方案初稿，正在征求相关部门意见',
];
const PROBLEMS = [
  '',
  '',
  '',
  '要素保障不足',
  '用地指标紧张',
  '资金到位滞后',
  '部分群众诉求尚未解决',
  '审批环节较多，周期较长',
];
const NEXT = [
  '加快推进前期手续办理',
  '按月调度，确保序时完成',
  '加强与省市部门对接',
  '压实责任，倒排工期',
  '组织专项督查，确保落地见效',
];
const COORD = ['', '', '', '', '需区财政局协调资金拨付', '需区自然资源局协调用地指标'];
const STATUSES = ['已完成', '超前', '序时推进', '序时推进', '序时推进', '滞后', '未启动'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '勇', '军', '杰', '娟', '涛'];

/** The 14 columns: the 12 of PRODUCT.md §6 plus 序号 and 计划累计进度(%). */
export const PROGRESS_COLUMNS: ColumnSpec[] = [
  { header: '序号', key: 'code', width: 6 },
  { header: '任务编号', key: 'taskId', width: 10, hidden: true, locked: true },
  { header: '重点工作', key: 'title', width: 24, wrap: true, locked: true },
  { header: '本月计划节点', key: 'milestone', width: 24, wrap: true, locked: true },
  { header: '本月完成情况', key: 'done', width: 30, wrap: true },
  { header: '计划累计进度(%)', key: 'planned', width: 10, locked: true },
  { header: '累计进度(%)', key: 'percent', width: 10, range: { min: 0, max: 100 } },
  { header: '状态', key: 'status', width: 10, list: ['已完成', '超前', '序时推进', '滞后', '未启动'] },
  { header: '存在问题', key: 'problems', width: 20, wrap: true },
  { header: '下步措施', key: 'next', width: 20, wrap: true },
  { header: '需协调事项', key: 'coord', width: 16, wrap: true },
  { header: '滞后原因说明', key: 'delay', width: 16, wrap: true },
  { header: '填报人', key: 'reporter', width: 8 },
  { header: '联系电话', key: 'phone', width: 14 },
];

export interface GeneratedTask {
  id: string;
  title: string;
}

/** `count` tasks with stable ids ('bench-task-000001') and unique titles. */
export function benchTasks(count: number, seed = 1): GeneratedTask[] {
  const r = rng(seed);
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-task-${String(i + 1).padStart(6, '0')}`,
    title: `${pick(r, VERBS)}${pick(r, OBJECTS)}（第${i + 1}项）`,
  }));
}

/** The bytes of a progress workbook with one row per task. */
export async function progressWorkbook(tasks: readonly GeneratedTask[], seed = 7): Promise<Uint8Array> {
  const r = rng(seed);
  const rows = tasks.map((task, i) => {
    const planned = Math.round(r() * 100);
    const status = pick(r, STATUSES);
    const percent = status === '已完成' ? 100 : Math.min(100, Math.max(0, planned + Math.round((r() - 0.5) * 30)));
    const name = pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.5 ? pick(r, GIVEN) : '');
    return {
      code: String(i + 1),
      taskId: task.id,
      title: task.title,
      milestone: `完成${pick(r, OBJECTS)}阶段任务，累计完成${planned}%`,
      done: `${pick(r, DONE)}；${pick(r, DONE)}`,
      planned,
      percent,
      status,
      problems: pick(r, PROBLEMS),
      next: pick(r, NEXT),
      coord: pick(r, COORD),
      delay: status === '滞后' ? '受前期手续影响，进度略有滞后' : '',
      reporter: name,
      phone: `138${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
    };
  });
  const sheet: SheetSpec = {
    name: `${BENCH_MONTH}月进展`,
    title: `${BENCH_UNIT}${BENCH_YEAR}年${BENCH_MONTH}月重点工作进展情况表`,
    subtitle: `填报单位：${BENCH_UNIT}`,
    columns: PROGRESS_COLUMNS,
    rows,
    landscape: true,
    notes: ['填报说明：累计进度填写0—100之间的数字；状态从下拉列表中选择。'],
  };
  const [first, ...rest] = metaRows({ kind: 'progress', year: BENCH_YEAR, month: BENCH_MONTH, unit: BENCH_UNIT });
  const meta: SheetSpec = {
    name: '_meta',
    hidden: true,
    freezeHeader: false,
    columns: [
      { header: String(first?.[0] ?? 'kind'), key: 'k' },
      { header: String(first?.[1] ?? 'progress'), key: 'v' },
    ],
    rows: rest.map(([k, v]) => ({ k, v })),
  };
  return writeWorkbook([sheet, meta], { creator: 'bench' });
}
