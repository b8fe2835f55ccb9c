// Generated data for the district benchmark (issue 17) and its e2e test: a work year with
// `units` units (60 % 区级部门, 40 % 镇街) and `tasks` tasks (a lead unit and 0–3 co-units each,
// so about 2.5 reports a task), a 月方案 (milestones) for a third of them — and the units'
// answers: each exported 月度进展情况表 filled in as a unit would, with exceljs on the app's own
// bytes (percents near the plan, status words, some tasks behind with an explanation and a few
// without, a few percents left blank, some units sending nothing). Seeded. No runtime import
// of the app's code (the holiday calendar's JSON cannot be loaded by Playwright's test runner):
// the year's rule table is left to the app, which writes the defaults when a scoring screen opens.
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { Milestone, Task, Unit, WorkYear } from '../../renderer/src/core/model';
import { defaultCalendarSettings } from '../../renderer/src/core/calendarSettings';
import { rng } from './rng';
import { seedTables, waitForAppDatabase } from './seed';

export interface DistrictSize {
  tasks: number;
  units: number;
}

export const DISTRICT_SIZES: DistrictSize[] = [
  { tasks: 120, units: 40 },
  { tasks: 300, units: 80 },
  { tasks: 600, units: 120 },
];

/** The month whose templates go out and come back. */
export const DISTRICT_MONTH = 6;
/** The day of the run, in China: after June's due date (06-25), so a missing sheet counts. */
export const DISTRICT_TODAY = '2026-06-27';

export interface District {
  year: WorkYear;
  units: Unit[];
  tasks: Task[];
  milestones: Milestone[];
}

const YEAR = 2026;
const DEPARTMENTS = [
  '发展和改革局',
  '经济和信息化局',
  '财政局',
  '自然资源局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康局',
  '应急管理局',
  '市场监督管理局',
  '生态环境分局',
  '水利局',
  '教育局',
  '民政局',
];
const TOWNS = [
  '东城',
  '西城',
  '南湖',
  '北山',
  '临江',
  '清溪',
  '安桥',
  '柯桥',
  '钱清',
  '杨汛',
  '兰亭',
  '平水',
  '漓渚',
  '福全',
  '齐贤',
  '马鞍',
];
const VERBS = ['推进', '加快', '深化', '实施', '完善', '提升', '优化', '开展'];
const OBJECTS = [
  '重大项目攻坚',
  '民间投资增长',
  '制造业投资',
  '老旧小区改造',
  '数字政府建设',
  '城乡供水一体化',
  '养老服务体系',
  '河湖长制',
];
const DUES = ['11-30', '11-30', '11-30', '11-30', '11-30', '11-30', '11-30', '06-30', '09-30', '12-31'];
const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;

export function generateDistrict(size: DistrictSize, seed = 17): District {
  const r = rng(seed);
  const yearId = 'district-year';
  const year: WorkYear = {
    id: yearId,
    title: '',
    ...defaultCalendarSettings(YEAR),
    createdAt: `${YEAR}-01-05T08:00:00.000Z`,
  };
  const departments = Math.round(size.units * 0.6);
  const units: Unit[] = Array.from({ length: size.units }, (_, i) => {
    const department = i < departments;
    const k = department ? i : i - departments;
    const list = department ? DEPARTMENTS : TOWNS;
    const round = Math.floor(k / list.length);
    const base = list[k % list.length]!;
    return {
      id: `district-unit-${String(i + 1).padStart(4, '0')}`,
      yearId,
      name: department
        ? `区${base}${round ? `（${round + 1}）` : ''}`
        : `${base}${round ? round + 1 : ''}${k % 3 === 2 ? '镇' : '街道'}`,
      kind: department ? 'department' : 'town',
      rankingGroup: department ? '区级部门' : '镇街',
      aliases: [],
      contactPerson: '',
      phone: '',
      sortOrder: i + 1,
    };
  });
  const tasks: Task[] = [];
  const milestones: Milestone[] = [];
  for (let i = 0; i < size.tasks; i++) {
    const lead = r() < 0.7 ? units[Math.floor(r() * departments)]! : pick(r, units);
    const co = new Set<string>();
    const coCount = Math.floor(r() * 4);
    while (co.size < coCount) {
      const u = pick(r, units);
      if (u.id !== lead.id) co.add(u.id);
    }
    const task: Task = {
      id: `bench-task-${String(i + 1).padStart(6, '0')}`,
      yearId,
      code: String(i + 1),
      title: `${pick(r, VERBS)}${pick(r, OBJECTS)}（第${i + 1}项）`,
      measures: [{ text: '按月调度，倒排工期' }],
      targets: [],
      leaderIds: [],
      leadUnitId: lead.id,
      coUnitIds: [...co],
      responsiblePerson: '',
      dueDate: `${YEAR}-${pick(r, DUES)}`,
    };
    tasks.push(task);
    // A 月方案 for a third: a rising curve reaching 100 in the due month.
    if (r() >= 1 / 3) continue;
    const last = Math.min(Number(task.dueDate.slice(5, 7)), year.windowEndMonth);
    for (let m = year.windowStartMonth; m <= last; m++) {
      const plannedPercent = Math.round((100 * (m - year.windowStartMonth + 1)) / (last - year.windowStartMonth + 1));
      milestones.push({
        id: `bench-ms-${task.id}-${m}`,
        taskId: task.id,
        yearId,
        month: m,
        text: `完成阶段任务，累计${plannedPercent}%`,
        plannedPercent,
      });
    }
  }
  return { year, units, tasks, milestones };
}

/**
 * Writes the operator, the year, its units, tasks and milestones straight into the
 * app's database, once the app has opened it (with its schema). Used by the benchmark and
 * by the e2e test of a large district.
 */
export async function seedDistrict(page: Page, d: District): Promise<void> {
  await waitForAppDatabase(page);
  await seedTables(page, { workYears: [d.year], units: d.units, tasks: d.tasks, milestones: d.milestones });
}

export interface FilledSet {
  files: { name: string; bytes: Uint8Array }[];
  /** Rows filled with a percent: the reports the import must store. */
  reports: number;
  /** Rows left without a percent (an error each, not imported). */
  blank: number;
  behind: number;
  behindUnexplained: number;
  /** Units whose template was not sent back. */
  missing: string[];
}

const DONE = ['完成项目立项和可研批复', '召开专题推进会2次，协调解决问题5个', '完成阶段任务', '完成招标文件编制'];
const NEXT = ['加快推进前期手续办理', '按月调度，确保序时完成', '压实责任，倒排工期'];
const WHY = ['受前期手续办理影响，进度略有滞后', '资金到位滞后，已协调财政加快拨付', '用地指标尚未落实，正在对接'];

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  for (let r = 1; r <= 6; r++) {
    const row = sheet.getRow(r);
    for (let c = 1; c <= row.cellCount; c++) if (String(row.getCell(c).value ?? '') === header) return c;
  }
  throw new Error(`no column ${header}`);
}

/**
 * Each unit's template filled in; about 5 % of the units (every 19th, never the first) send
 * nothing. `templates`: file name → bytes, as the export's zip holds them.
 */
export async function fillTemplates(templates: Map<string, Uint8Array>, seed = 6): Promise<FilledSet> {
  const r = rng(seed);
  const out: FilledSet = { files: [], reports: 0, blank: 0, behind: 0, behindUnexplained: 0, missing: [] };
  const names = [...templates.keys()].sort();
  for (const [index, name] of names.entries()) {
    if (index % 19 === 18) {
      out.missing.push(name);
      continue;
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(templates.get(name) as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((s) => s.state === 'visible');
    if (!sheet) throw new Error(`${name}: no visible sheet`);
    const col = (h: string) => columnOf(sheet, h);
    const [idCol, lastCol, doneCol, percentCol, statusCol, nextCol, whyCol] = [
      col('任务编号'),
      col('上月累计进度(%)'),
      col('本月完成情况'),
      col('累计进度(%)'),
      col('状态'),
      col('下步措施'),
      col('滞后原因说明'),
    ];
    sheet.eachRow((row, n) => {
      const id = String(row.getCell(idCol).value ?? '');
      if (n <= 3 || !id.startsWith('bench-task-')) return;
      if (r() < 0.01) {
        out.blank++;
        return;
      }
      const last = Number(row.getCell(lastCol).value ?? 0) || 0;
      const x = r();
      const status = x < 0.1 ? '滞后' : x < 0.13 ? '已完成' : x < 0.16 ? '未启动' : '序时推进';
      const percent =
        status === '已完成'
          ? 100
          : status === '未启动'
            ? 0
            : status === '滞后'
              ? Math.max(last, 20 + Math.floor(r() * 10))
              : Math.max(last, 35 + Math.floor(r() * 20));
      row.getCell(percentCol).value = percent;
      row.getCell(statusCol).value = status;
      row.getCell(doneCol).value = pick(r, DONE);
      row.getCell(nextCol).value = pick(r, NEXT);
      if (status === '滞后') {
        out.behind++;
        if (r() < 0.8) row.getCell(whyCol).value = pick(r, WHY);
        else out.behindUnexplained++;
      }
      out.reports++;
    });
    out.files.push({ name, bytes: new Uint8Array(await book.xlsx.writeBuffer()) });
  }
  return out;
}
