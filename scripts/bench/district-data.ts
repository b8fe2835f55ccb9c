// Generated data for the district benchmark (issue 17): a work year with `units` units and
// `tasks` tasks (a lead unit and 0–3 co-units each, so about 2.5 reports a task), a third of
// them with a 月方案 (milestones), the default rule table — from scoring-data.ts — and the
// units' answers: each exported 月度进展情况表 filled in as a unit would, with exceljs on the
// app's own bytes (percents near the plan, status words, some tasks behind with an explanation
// and a few without, a few percents left blank, some units sending nothing). Seeded.
import ExcelJS from 'exceljs';
import type { Milestone, ScoreRule, Task, Unit, WorkYear } from '../../renderer/src/core/model';
import { rng } from './rng';
import { generateScoring } from './scoring-data';

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
  rules: ScoreRule[];
}

export function generateDistrict(size: DistrictSize, seed = 17): District {
  const data = generateScoring({ units: size.units, tasks: size.tasks, seed, throughMonth: 3 });
  return { year: data.year, units: data.units, tasks: data.tasks, milestones: data.milestones, rules: data.rules };
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

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
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
