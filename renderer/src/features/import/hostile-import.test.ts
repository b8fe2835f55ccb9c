// Issue 6 at the data level: hostile files taken through the path of the task-list import screen
// (TaskListImport + useImportFiles, without React): read each file (the worker runs readWorkbook),
// check it is a task list and map it (mapGrid), plan the import (taskListChangeset) and commit
// only when there is something to write, as 确认导入 does. Every table of the database is compared
// before and after, and a good import right after must work.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { strToU8 } from 'fflate';
import type { SaveFileRequest } from '../../../../electron/shared/contract';
import { mapTaskList, type TaskListResult } from '../../core/import/taskList';
import { taskListChangeset } from '../../core/import/taskListChangeset';
import type { Grid } from '../../core/import/types';
import type { ImportBatch, WorkYear } from '../../core/model';
import {
  commitImport,
  createWorkYear,
  db,
  listLeaders,
  listSections,
  listTasks,
  listUnits,
  setOperator,
  sha256Hex,
} from '../../db';
import { TABLE_NAMES } from '../../db/schema';
import { readWorkbook } from '../../io/excel/read';
import {
  encryptXlsx,
  entry,
  fixture,
  packageWith,
  rawZip,
  repeatedEntry,
  worksheetXml,
  xlsxBytes,
} from '../../io/excel/workbooks.testing';
import { mapGrid } from './useImportFiles';
import { defaultCalendarSettings } from '../../core/calendarSettings';

const fake = vi.hoisted(() => ({ saveFile: vi.fn(async (_request: SaveFileRequest) => ({ saved: true })) }));
vi.mock('../../io/desktop', () => ({ desktop: { saveFile: fake.saveFile } }));
const { exportLedger } = await import('../ledger/exportLedger');
const { toLedgerRows } = await import('../ledger/LedgerScreen');

const MB = 1024 * 1024;
const HEADER = [
  '序号',
  '工作板块',
  '重点工作',
  '工作目标',
  '主要措施',
  '分管区领导',
  '牵头单位',
  '责任单位',
  '完成时限',
];

let year: WorkYear;

beforeEach(async () => {
  await db.delete();
  await db.open();
  setOperator('张三');
  year = await createWorkYear({
    title: '',
    ...defaultCalendarSettings(2026),
  });
});

/** Every table of the schema, rows in key order. */
async function allTables(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

interface Outcome {
  /** Per file: its refusal, or what the mapping read. */
  files: Map<string, { refusal?: string; result?: TaskListResult }>;
  batch?: ImportBatch;
}

/** What choosing these files on 导入任务清单 and pressing 确认导入 (when enabled) does. */
async function importTaskLists(files: { name: string; bytes: Uint8Array }[]): Promise<Outcome> {
  const outcome: Outcome = { files: new Map() };
  const used: { name: string; sha256: string; result: TaskListResult }[] = [];
  for (const { name, bytes } of files) {
    const read = await readWorkbook(name, bytes);
    if (!read.ok) {
      outcome.files.set(name, { refusal: read.message });
      continue;
    }
    const mapped = mapGrid(read.grid, 'tasks', undefined, '“重点工作、牵头单位、完成时限”', (grid: Grid) =>
      mapTaskList(grid, { year: year.year, defaultDue: year.completionDue }),
    );
    outcome.files.set(name, mapped);
    if ('result' in mapped) used.push({ name, sha256: await sha256Hex(bytes), result: mapped.result });
  }
  if (used.length === 0) return outcome;
  const changeset = taskListChangeset(
    used.map((f) => ({ file: f.name, sheet: f.result.sheet, rows: f.result.rows })),
    {
      yearId: year.id,
      tasks: await listTasks(year.id),
      units: await listUnits(year.id),
      leaders: await listLeaders(year.id),
      sections: await listSections(year.id),
    },
    { units: {}, leaders: {} },
    () => crypto.randomUUID(),
  );
  if (changeset.creates.length === 0 && changeset.updates.length === 0) return outcome; // 确认导入 stays disabled
  outcome.batch = await commitImport({
    yearId: year.id,
    kind: 'tasks',
    creates: changeset.creates,
    updates: changeset.updates,
    unchanged: changeset.unchanged,
    files: used.map((f) => ({ name: f.name, sha256: f.sha256 })),
  });
  return outcome;
}

/** The hostile files of the suite in io/excel/hostile.test.ts that the reader refuses, with their messages. */
async function refusedFiles(): Promise<{ name: string; bytes: Uint8Array; message: string }[]> {
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const header = `<row r="1">${HEADER.map((h, i) => inline(`${'ABCDEFGHI'[i]}1`, h)).join('')}</row>`;
  const manyRows = Array.from({ length: 400_000 }, (_, i) => `<row r="${i + 2}" s="1" customFormat="1"/>`).join('');
  return [
    { name: '空.xlsx', bytes: new Uint8Array(0), message: '"空.xlsx"：文件为空' },
    {
      name: 'truncated.xlsx',
      bytes: fixture('bad/truncated.xlsx'),
      message: '"truncated.xlsx"：文件不完整（可能下载或复制时中断），请重新获取',
    },
    {
      name: '清单.xlsx',
      bytes: strToU8(`${HEADER.join(',')}\r\n1,,重大项目攻坚年行动,,,,区发展和改革局,,11月底前\r\n`),
      message:
        '"清单.xlsx"：是文本文件（如CSV）改成了Excel的扩展名，并不是真正的Excel文件，请用Excel打开后另存为.xlsx再导入',
    },
    {
      name: '炸弹.xlsx',
      bytes: rawZip(
        await packageWith({
          'xl/worksheets/sheet1.xml': repeatedEntry('xl/worksheets/sheet1.xml', '', new Uint8Array(16 * MB), 64, ''),
        }),
      ),
      message: '"炸弹.xlsx"：文件解压后超过200MB，疑似恶意文件（压缩炸弹），已拒绝',
    },
    {
      name: '笑.xlsx',
      bytes: rawZip(
        await packageWith({
          'xl/sharedStrings.xml':
            '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "哈哈"><!ENTITY b "&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>',
        }),
      ),
      message: '"笑.xlsx"：文件含有不安全的XML声明，已拒绝',
    },
    {
      name: '路径.xlsx',
      bytes: rawZip(await packageWith({ '../../evil.xml': '<x/>' })),
      message: '"路径.xlsx"：文件内部含有异常的路径（如"../"），疑似恶意文件，已拒绝',
    },
    {
      name: '空行.xlsx',
      bytes: rawZip(
        await packageWith({
          'xl/worksheets/sheet1.xml': entry('xl/worksheets/sheet1.xml', worksheetXml(header + manyRows)),
        }),
      ),
      message:
        '"空行.xlsx"：表格的行和单元格超过30万个（常见原因是整行或整列设置了格式），请在Excel中删除表格以外多余的行和列，另存后再导入',
    },
    {
      name: '重叠.xlsx',
      bytes: rawZip(
        await packageWith({
          'xl/worksheets/sheet1.xml': worksheetXml(
            header,
            '<mergeCells count="2"><mergeCell ref="B2:B9"/><mergeCell ref="A5:C5"/></mergeCells>',
          ),
        }),
      ),
      message:
        '"重叠.xlsx"：工作表"数据"的合并单元格B2:B9与A5:C5相互重叠，文件已损坏，请用Excel打开后另存为.xlsx再导入',
    },
    {
      name: '串.xlsx',
      bytes: rawZip(
        await packageWith({
          'xl/worksheets/sheet1.xml': worksheetXml(`${header}<row r="2"><c r="C2" t="s"><v>99</v></c></row>`),
        }),
      ),
      message: '"串.xlsx"：文件已损坏或格式不受支持，无法读取，请用Excel打开后另存为.xlsx再导入',
    },
    {
      name: '长.xlsx',
      bytes: rawZip(
        await packageWith({
          'xl/worksheets/sheet1.xml': worksheetXml(`${header}<row r="2">${inline('C2', '长'.repeat(40_000))}</row>`),
        }),
      ),
      message: '"长.xlsx"：工作表"数据"C2单元格的文字超过Excel的上限（32767个字符），无法导入，请缩短后再导入',
    },
    {
      name: '进展.xlsx',
      bytes: fixture('区发展和改革局-5月进展.xlsx'),
      message: '"进展.xlsx"：不是重点工作任务清单（识别为“月度进展情况表”），未导入',
    },
  ];
}

describe('hostile files on 导入任务清单', () => {
  it('each is refused with its own message naming it, nothing is written, and the task list imports right after', async () => {
    const hostile = await refusedFiles();
    const before = await allTables();
    const outcome = await importTaskLists(hostile);
    expect([...outcome.files].map(([name, f]) => [name, f.refusal])).toEqual(hostile.map((f) => [f.name, f.message]));
    expect(outcome.batch).toBeUndefined();
    expect(await allTables()).toEqual(before);

    const good = await importTaskLists([{ name: '任务清单-2026.xlsx', bytes: fixture('任务清单-2026.xlsx') }]);
    expect(good.batch?.counts).toMatchObject({ created: expect.any(Number) as number, updated: 0 });
    expect(await listTasks(year.id)).toHaveLength(20);
  }, 60_000);

  it('in one batch with the good file, only the good file is written', async () => {
    const hostile = await refusedFiles();
    const outcome = await importTaskLists([
      ...hostile.slice(0, 4),
      { name: '任务清单-2026.xlsx', bytes: fixture('任务清单-2026.xlsx') },
      ...hostile.slice(4),
    ]);
    expect(outcome.batch?.files.map((f) => f.name)).toEqual(['任务清单-2026.xlsx']);
    expect(await listTasks(year.id)).toHaveLength(20);
    expect(outcome.files.get('任务清单-2026.xlsx')?.result?.rows).toHaveLength(20);
  }, 60_000);

  it('formula-looking text, markup and hidden characters import as text and the ledger export writes them back as text', async () => {
    const titles = ["=cmd|' /C calc'!A0", '+SUM(1)', '@SUM(A1)', '-1+1', '<img src=x onerror=alert(1)>'];
    const bytes = await xlsxBytes((wb) => {
      const sheet = wb.addWorksheet('重点工作任务清单');
      sheet.addRow(HEADER);
      titles.forEach((title, i) => sheet.addRow([i + 1, '', title, '', '', '', '区发展和改革局', '', '11月底前']));
      sheet.addRow([6, '', '区财政局\u202Egnp.exe\u0007任务', '', '', '', '区发展和改革局', '', '11月底前']);
      // eslint-disable-next-line no-loss-of-precision -- an 18-digit ID typed into a General cell
      sheet.addRow([110105199001011234, '', '身份证号作序号', '', '', '', '区发展和改革局', '', '11月底前']);
      const zero = sheet.addRow([8, '', '完成时限为0', '', '', '', '区发展和改革局', '', 0]);
      zero.getCell(9).numFmt = 'yyyy-mm-dd'; // Excel shows 1900/1/0
    });
    const outcome = await importTaskLists([{ name: '怪.xlsx', bytes }]);
    const mapped = outcome.files.get('怪.xlsx')?.result;
    expect(
      mapped?.issues.filter((i) => i.severity !== 'info').map((i) => [i.severity, i.row, i.column, i.message]),
    ).toEqual([
      [
        'warning',
        8,
        'A',
        'A列第8行的数字110105199001011000超过15位，Excel只保存15位有效数字，末尾几位已变成0；如果是证件号码或编号，请在Excel中把该列设为“文本”格式后重新填写',
      ],
      ['error', 9, 'I', 'I列第9行的"0"不是可识别的日期'],
    ]);
    const tasks = await listTasks(year.id);
    expect(tasks.map((t) => [t.code, t.title])).toEqual([
      ...titles.map((title, i) => [String(i + 1), title]),
      ['6', '区财政局gnp.exe任务'],
      ['110105199001011000', '身份证号作序号'],
    ]);

    await exportLedger(
      year,
      toLedgerRows(tasks, await listSections(year.id), await listUnits(year.id), await listLeaders(year.id)),
    );
    const exported = fake.saveFile.mock.lastCall?.[0].bytes;
    if (!exported) throw new Error('nothing exported');
    const read = await readWorkbook('台账.xlsx', exported);
    if (!read.ok) throw new Error(read.message);
    const titleColumn = read.grid.sheets[0]?.rows.slice(3).map((row) => row[2]);
    expect(titleColumn?.slice(0, 5)).toEqual(titles.map((v) => ({ t: 'text', v })));
  }, 30_000);

  it("a task list behind Excel's default password imports; one with a password of its own is refused, saying so", async () => {
    const plain = await xlsxBytes((wb) => {
      const sheet = wb.addWorksheet('重点工作任务清单');
      sheet.addRow(HEADER);
      sheet.addRow([1, '', '重大项目攻坚年行动', '', '', '', '区发展和改革局', '', '11月底前']);
    });
    const outcome = await importTaskLists([
      { name: '保护.xlsx', bytes: encryptXlsx(plain, 'VelvetSweatshop') },
      { name: '密码.xlsx', bytes: encryptXlsx(plain, '1234') },
    ]);
    expect(outcome.files.get('密码.xlsx')?.refusal).toBe('"密码.xlsx"：文件设有打开密码，请在Excel中取消密码后再导入');
    expect(outcome.batch?.files.map((f) => f.name)).toEqual(['保护.xlsx']);
    expect((await listTasks(year.id)).map((t) => t.title)).toEqual(['重大项目攻坚年行动']);
  }, 30_000);

  it("a WPS picture in a cell imports as empty, and the warning naming its cell is in the preview's issues", async () => {
    const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const header = `<row r="1">${HEADER.map((h, i) => inline(`${'ABCDEFGHI'[i]}1`, h)).join('')}</row>`;
    const row =
      `<row r="2">${inline('C2', '老旧小区改造')}` +
      `<c r="E2" t="str"><f>_xlfn.DISPIMG("ID_6F2A81C0B9D84E7C",1)</f><v>=DISPIMG("ID_6F2A81C0B9D84E7C",1)</v></c>` +
      `${inline('G2', '区住房和城乡建设局')}${inline('I2', '11月底前')}</row>`;
    const bytes = rawZip(await packageWith({ 'xl/worksheets/sheet1.xml': worksheetXml(header + row) }));
    const outcome = await importTaskLists([{ name: '照片.xlsx', bytes }]);
    const mapped = outcome.files.get('照片.xlsx')?.result;
    expect(mapped?.issues.filter((i) => i.severity === 'warning')).toEqual([
      {
        severity: 'warning',
        file: '照片.xlsx',
        sheet: '数据',
        row: 2,
        column: 'E',
        message: 'E2单元格是WPS嵌入单元格的图片，图片无法导入，该单元格按空白读取',
      },
    ]);
    const [task] = await listTasks(year.id);
    expect(task).toMatchObject({ title: '老旧小区改造', measures: [] });
  }, 30_000);
});
