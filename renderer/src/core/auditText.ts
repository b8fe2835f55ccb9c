// The 操作日志 written for people (PRODUCT.md §8): each entry in Chinese — the object by its
// name (unit, task, month), what changed with the screens' field labels, values as the screens
// show them (2026年12月5日, China time, 已确认). The stored before/after and the hash chain are
// untouched: this is presentation only. Pure: names come from a lookup the caller builds.

import { chineseDate, chineseDateTime } from './dates';
import {
  entityLabels,
  scoreEntryStateLabels,
  unitKindLabels,
  type AuditEntry,
  type ImportChange,
  type ScoreEntryState,
  type UnitKind,
} from './model';

/** Names of the objects entries refer to by id (any year); undefined when unknown (deleted since). */
export interface AuditNames {
  unit(id: string): string | undefined;
  task(id: string): string | undefined;
  leader(id: string): string | undefined;
  section(id: string): string | undefined;
  /** A work year's number (2026). */
  year(id: string): number | undefined;
  /** A rule of a year's table by its id: its name. */
  rule(yearId: string, ruleId: string): string | undefined;
}

export interface AuditLine {
  /** The object, by name: 东城街道、“老旧小区改造”6月进展、2026年度6月 … */
  object: string;
  /** What happened to it, in a sentence or a list of changed fields. */
  summary: string;
}

type Row = Record<string, unknown>;

export const actionLabels: Record<AuditEntry['action'], string> = { create: '新增', update: '修改', delete: '删除' };

/** How a field's value is shown. */
type Kind =
  | 'text'
  | 'date'
  | 'time'
  | 'unit'
  | 'units'
  | 'task'
  | 'leaders'
  | 'section'
  | 'percent'
  | 'month'
  | 'months'
  | 'yesno'
  | 'points'
  | 'entryState'
  | 'monthState'
  | 'unitKind'
  | 'texts'
  | 'count';

/** The fields each table's rows show, with their labels and kinds; fields not listed are not shown. */
const fields: Record<string, Record<string, [label: string, kind: Kind]>> = {
  workYears: {
    year: ['年度', 'count'],
    title: ['名称', 'text'],
    windowStartMonth: ['工作起始月', 'month'],
    windowEndMonth: ['工作结束月', 'month'],
    planDue: ['月方案报送截止', 'text'],
    reportDueDay: ['月度进展报送日', 'count'],
    feedbackDueDay: ['督查反馈截止日', 'count'],
    completionDue: ['完成时限', 'text'],
    extraHolidays: ['补充节假日', 'texts'],
    extraWorkdays: ['补充调休上班日', 'texts'],
  },
  units: {
    name: ['名称', 'text'],
    kind: ['类别', 'unitKind'],
    rankingGroup: ['排名分组', 'text'],
    aliases: ['别名', 'texts'],
    contactPerson: ['联系人', 'text'],
    phone: ['联系电话', 'text'],
    sortOrder: ['排序', 'count'],
  },
  leaders: {
    name: ['姓名', 'text'],
    title: ['职务', 'text'],
    aliases: ['别名', 'texts'],
    sortOrder: ['排序', 'count'],
  },
  sections: { name: ['名称', 'text'], sortOrder: ['排序', 'count'] },
  tasks: {
    code: ['序号', 'text'],
    title: ['重点工作', 'text'],
    sectionId: ['工作板块', 'section'],
    targets: ['工作目标', 'texts'],
    measures: ['主要措施', 'texts'],
    leaderIds: ['分管区领导', 'leaders'],
    leadUnitId: ['牵头单位', 'unit'],
    coUnitIds: ['责任单位', 'units'],
    responsiblePerson: ['责任人', 'text'],
    dueDate: ['完成时限', 'date'],
  },
  milestones: { month: ['月份', 'month'], text: ['节点目标', 'text'], plannedPercent: ['计划累计进度', 'percent'] },
  reports: {
    percent: ['累计进度', 'percent'],
    statusWord: ['状态（单位填报）', 'text'],
    doneThisMonth: ['本月完成情况', 'text'],
    problems: ['存在问题', 'text'],
    nextSteps: ['下步措施', 'text'],
    coordination: ['需协调事项', 'text'],
    delayExplanation: ['滞后原因说明', 'text'],
    reporter: ['填报人', 'text'],
    phone: ['联系电话', 'text'],
    receivedDate: ['收到日期', 'date'],
    receivedDateReason: ['更改收到日期的原因', 'text'],
    sourceFile: ['来源文件', 'text'],
  },
  feedback: {
    verdict: ['核查结论', 'text'],
    comment: ['反馈意见', 'text'],
    explanationAccepted: ['采纳滞后原因说明', 'yesno'],
    reviewer: ['核查人', 'text'],
    date: ['核查日期', 'date'],
  },
  submissions: {
    receivedDate: ['收到日期', 'date'],
    receivedDateReason: ['更改收到日期的原因', 'text'],
    fileName: ['文件', 'text'],
  },
  monthStates: {
    state: ['状态', 'monthState'],
    publishedAt: ['发布时间', 'time'],
    publishedBy: ['发布人', 'text'],
    reopenedAt: ['撤销发布时间', 'time'],
    reopenReason: ['撤销发布原因', 'text'],
  },
  scoreEntries: {
    reason: ['事项', 'text'],
    points: ['分值', 'points'],
    state: ['状态', 'entryState'],
    decidedBy: ['确认人', 'text'],
    decidedAt: ['确认时间', 'time'],
    decisionNote: ['免扣原因', 'text'],
  },
  scoreRules: {
    name: ['名称', 'text'],
    points: ['分值', 'points'],
    cap: ['每月上限', 'count'],
    leadUnitOnly: ['仅牵头单位', 'yesno'],
    enabled: ['启用', 'yesno'],
  },
  rankings: { publishedAt: ['发布时间', 'time'], publishedBy: ['发布人', 'text'] },
  interviews: {
    date: ['约谈日期', 'date'],
    reason: ['约谈事由', 'text'],
    attendees: ['参加人员', 'text'],
    outcome: ['约谈情况', 'text'],
    followUp: ['整改跟踪', 'text'],
    suggested: ['按规则建议', 'yesno'],
  },
  evaluations: {
    rater: ['评价主体', 'text'],
    score: ['得分（百分制）', 'count'],
    rawScore: ['原始得分', 'count'],
    sampleSize: ['样本数', 'count'],
    sampleAcceptedBy: ['采纳人', 'text'],
    sampleAcceptedAt: ['采纳时间', 'time'],
    sourceFile: ['来源文件', 'text'],
  },
  reviews: {
    recallGoals: ['回忆目标', 'text'],
    assessResults: ['评估结果', 'text'],
    analyseCauses: ['分析原因', 'text'],
    lessons: ['总结经验', 'text'],
    nextYearPlan: ['纳入下年度计划', 'text'],
    step: ['复盘步骤', 'count'],
    completedAt: ['完成复盘', 'time'],
  },
};

/** The settings, by key, with the labels of the fields of their values. */
const settingNames: Record<string, string> = {
  operator: '操作人',
  columnAliases: '列名别名',
  progressRules: '进度状态与红黄绿灯规则',
  listSettings: '红黑榜设置',
  compositeWeights: '综合得分权重',
  evaluationSettings: '第三方评估设置',
};
const settingFields: Record<string, string> = {
  onTrackTolerance: '序时推进容差（百分点）',
  yellowMaxBehind: '黄灯上限（落后百分点）',
  dueSoonDays: '临近完成时限（天）',
  mode: '红黑榜方式',
  redTop: '红榜前几名',
  redMinScore: '红榜最低分',
  blackBottom: '黑榜后几名',
  blackBelow: '黑榜分数线（低于）',
  process: '过程得分权重',
  evaluation: '第三方评估权重',
  minSample: '样本数下限',
  raterWeights: '评价主体权重',
};
const listModes: Record<string, string> = { rank: '按名次', threshold: '按分数线', both: '名次和分数线' };
const steps = ['回忆目标', '评估结果', '分析原因', '总结经验'];
const importKinds: Record<string, string> = {
  tasks: '任务清单',
  plan: '月方案',
  progress: '月度进展',
  evaluation: '第三方评估',
};
/** Longer texts are cut in a summary line (the whole text is in the stored entry). */
const MAX_TEXT = 60;

const EMPTY = '（空）';
const deleted = (what: string) => `（已删除的${what}）`;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const clip = (text: string): string => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);
const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A value as the screens show it. */
function show(kind: Kind, value: unknown, names: AuditNames, field?: string): string {
  if (isEmpty(value)) return EMPTY;
  switch (kind) {
    case 'date':
      return chineseDate(str(value));
    case 'time':
      return chineseDateTime(str(value));
    case 'unit':
      return names.unit(str(value)) ?? deleted('单位');
    case 'units':
      return asArray(value)
        .map((id) => names.unit(str(id)) ?? deleted('单位'))
        .join('、');
    case 'leaders':
      return asArray(value)
        .map((id) => names.leader(str(id)) ?? deleted('区领导'))
        .join('、');
    case 'task':
      return `“${names.task(str(value)) ?? deleted('重点工作')}”`;
    case 'section':
      return names.section(str(value)) ?? deleted('工作板块');
    case 'percent':
      return `${String(value)}%`;
    case 'month':
      return `${String(value)}月`;
    case 'months':
      return asArray(value)
        .map((m) => `${String(m)}月`)
        .join('、');
    case 'yesno':
      return value === true ? '是' : value === false ? '否' : String(value);
    case 'points': {
      const n = num(value);
      return n === undefined ? String(value) : `${n > 0 ? '+' : ''}${n}分`;
    }
    case 'entryState':
      return scoreEntryStateLabels[value as ScoreEntryState] ?? String(value);
    case 'monthState':
      return value === 'published' ? '已发布' : value === 'open' ? '未发布' : String(value);
    case 'unitKind':
      return unitKindLabels[value as UnitKind] ?? String(value);
    case 'texts':
      return asArray(value)
        .map((v) => clip(typeof v === 'object' && v !== null ? str((v as Row).text) : String(v)))
        .join('；');
    case 'count':
      return field === 'step' && typeof value === 'number' ? (steps[value] ?? String(value)) : String(value);
    default:
      return clip(String(value));
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** 'label：before → after' for every shown field that differs. */
function changes(entity: string, before: Row, after: Row, names: AuditNames): string[] {
  const labels = fields[entity] ?? {};
  const out: string[] = [];
  for (const [field, [label, kind]] of Object.entries(labels)) {
    const a = before[field];
    const b = after[field];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out.push(`${label}：${show(kind, a, names, field)} → ${show(kind, b, names, field)}`);
  }
  return out;
}

/** 'label：value' for every shown field that is filled. */
function values(entity: string, row: Row, names: AuditNames, skip: readonly string[] = []): string[] {
  const labels = fields[entity] ?? {};
  return Object.entries(labels)
    .filter(([field]) => !skip.includes(field) && !isEmpty(row[field]))
    .map(([field, [label, kind]]) => `${label}：${show(kind, row[field], names, field)}`);
}

/** '东城街道“老旧小区改造”6月' and the like: the month row's unit, task and month. */
function monthRow(row: Row, names: AuditNames): string {
  const unit = row.unitId === undefined ? '' : show('unit', row.unitId, names);
  const task = row.taskId === undefined ? '' : show('task', row.taskId, names);
  const month = num(row.month);
  return `${unit}${task}${month === undefined ? '' : `${month}月`}`;
}

/** The object of an entry (or of an import's row), by name. */
function objectOf(entity: string, entityId: string, row: Row, names: AuditNames): string {
  const yearText = (id: unknown) => {
    const y = names.year(str(id));
    return y === undefined ? '' : `${y}年度`;
  };
  switch (entity) {
    case 'workYears':
      return num(row.year) !== undefined ? `${String(row.year)}年度` : yearText(entityId) || deleted('工作年度');
    case 'units':
      return str(row.name) || names.unit(entityId) || deleted('单位');
    case 'leaders':
      return str(row.name) || names.leader(entityId) || deleted('区领导');
    case 'sections':
      return str(row.name) || names.section(entityId) || deleted('工作板块');
    case 'tasks':
      return `“${str(row.title) || names.task(entityId) || deleted('重点工作')}”`;
    case 'milestones':
      return `${monthRow(row, names)}节点`;
    case 'reports':
      return `${monthRow(row, names)}进展`;
    case 'feedback':
      return `${monthRow(row, names)}督查反馈`;
    case 'submissions':
      return row.month === 0 ? `${show('unit', row.unitId, names)}月方案报送` : `${monthRow(row, names)}进展报送`;
    case 'monthStates':
    case 'rankings':
      return `${yearText(row.yearId)}${String(row.month)}月${entity === 'rankings' ? '发布快照' : ''}`;
    case 'scoreEntries': {
      const rule =
        row.automatic === false ? '手工加扣分' : (names.rule(str(row.yearId), str(row.ruleId)) ?? str(row.ruleId));
      return `${monthRow(row, names)}加扣分（${rule}）`;
    }
    case 'scoreRules':
      return `${yearText(row.yearId)}评分规则“${str(row.name)}”`;
    case 'interviews':
      return `${monthRow(row, names)}约谈`;
    case 'evaluations':
      return `${row.unitId ? show('unit', row.unitId, names) : show('task', row.taskId, names)}第三方评估（${str(row.rater)}）`;
    case 'reviews':
      return `${show('task', row.taskId, names)}复盘`;
    case 'settings':
      return settingNames[str(row.key)] ?? str(row.key);
    default:
      return entityLabels[entity] ?? entity;
  }
}

/** A score decision in words: 确认 / 免扣 / 撤回 / 手工加分 … */
function scoreEntrySummary(
  action: AuditEntry['action'],
  before: Row | undefined,
  after: Row | undefined,
  names: AuditNames,
): string {
  const row = (after ?? before)!;
  const what = `${clip(str(row.reason))}，${show('points', row.points, names)}`;
  if (row.automatic === false) {
    if (action === 'delete') return `删除手工加扣分：${what}`;
    return `手工${num(row.points)! > 0 ? '加分' : '扣分'}：${what}`;
  }
  if (action === 'delete') return `撤回决定（${show('entryState', row.state, names)}）：${what}`;
  if (row.state === 'confirmed') return `确认：${what}`;
  if (row.state === 'waived') return `免扣：${what}；免扣原因：${str(row.decisionNote) || EMPTY}`;
  return action === 'update' && before && after
    ? changes('scoreEntries', before, after, names).join('；')
    : `待确认：${what}`;
}

function settingSummary(before: Row | undefined, after: Row | undefined): string {
  const a = (before?.value ?? undefined) as unknown;
  const b = (after?.value ?? undefined) as unknown;
  const text = (v: unknown, field?: string): string => {
    if (isEmpty(v)) return EMPTY;
    if (field === 'mode') return listModes[str(v)] ?? str(v);
    if ((field === 'process' || field === 'evaluation') && typeof v === 'number') return `${Math.round(v * 100)}%`;
    if (typeof v === 'object') return clip(JSON.stringify(v));
    return clip(String(v));
  };
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const parts = keys
      .filter((k) => JSON.stringify((a as Row)[k]) !== JSON.stringify((b as Row)[k]))
      .map((k) => `${settingFields[k] ?? k}：${text((a as Row)[k], k)} → ${text((b as Row)[k], k)}`);
    return parts.join('；');
  }
  if (b !== undefined && typeof b === 'object' && b !== null && !Array.isArray(b))
    return Object.entries(b as Row)
      .map(([k, v]) => `${settingFields[k] ?? k}：${text(v, k)}`)
      .join('；');
  return a === undefined ? text(b) : `${text(a)} → ${text(b)}`;
}

/**
 * An import batch, logged once for all its rows: '导入月度进展：东城街道-6月进展.xlsx 等3个文件；新增
 * 40条，修改2条，未变0条'; its undo: '撤销导入…'. Sample data loads and removals name themselves.
 */
function batchSummary(
  action: AuditEntry['action'],
  before: Row | undefined,
  after: Row | undefined,
): string | undefined {
  const undo = action === 'update' && after?.undone === true && before?.undone !== true;
  if (!(action === 'create' || undo) || !after || typeof after.kind !== 'string') return undefined;
  const names = Array.isArray(after.files)
    ? after.files.map((f: unknown) => (f as Row | null)?.name).filter((n): n is string => typeof n === 'string')
    : [];
  const shown = 3;
  const files = names.length > shown ? `${names.slice(0, shown).join('、')} 等${names.length}个文件` : names.join('、');
  const counts = (after.counts ?? {}) as Row;
  const count = (key: string): string => (typeof counts[key] === 'number' ? String(counts[key]) : '?');
  const notes = Array.isArray(after.notes) ? after.notes.filter((n): n is string => typeof n === 'string') : [];
  return `${undo ? '撤销导入' : '导入'}${importKinds[after.kind] ?? after.kind}${files ? `：${files}` : ''}；新增${count('created')}条，修改${count('updated')}条，未变${count('unchanged')}条${notes.map((n) => `；${n}`).join('')}`;
}

/** An entry of the 操作日志 in words. */
export function describeAudit(entry: AuditEntry, names: AuditNames): AuditLine {
  const before = isRow(entry.before) ? entry.before : undefined;
  const after = isRow(entry.after) ? entry.after : undefined;
  const row = after ?? before ?? {};
  if (entry.entity === 'importBatches') {
    const summary = batchSummary(entry.action, before, after);
    if (summary !== undefined) return { object: entityLabels.importBatches ?? '导入批次', summary };
  }
  // A restore from a backup is one entry naming the file it restored (db/backup.ts).
  if (entry.entity === 'settings' && entry.entityId === 'restore')
    return { object: '全部数据', summary: `从备份恢复：${str(row.file) || EMPTY}` };
  // Entries logged once for many rows (the sample year) carry their own sentence.
  if (typeof row.name === 'string' && typeof row.rows === 'number')
    return { object: entityLabels[entry.entity] ?? entry.entity, summary: row.name };
  return {
    object: objectOf(entry.entity, entry.entityId, row, names),
    summary: summaryOf(entry.entity, entry.action, before, after, names),
  };
}

/** One row of an import batch (its `changes`), in the log's words. */
export function describeImportChange(change: ImportChange, names: AuditNames): AuditLine {
  const before = isRow(change.before) ? change.before : undefined;
  const after = isRow(change.after) ? change.after : undefined;
  return {
    object: objectOf(change.table, change.id, after ?? before ?? {}, names),
    summary: summaryOf(change.table, before ? 'update' : 'create', before, after, names),
  };
}

function summaryOf(
  entity: string,
  action: AuditEntry['action'],
  before: Row | undefined,
  after: Row | undefined,
  names: AuditNames,
): string {
  if (entity === 'scoreEntries' && (after ?? before)) return scoreEntrySummary(action, before, after, names);
  if (entity === 'settings') return settingSummary(before, after);
  if (entity === 'monthStates' && after) {
    if (after.state === 'published' && before?.state !== 'published') return `发布${String(after.month)}月`;
    if (after.state === 'open' && before?.state === 'published')
      return `撤销发布${String(after.month)}月；原因：${str(after.reopenReason) || EMPTY}`;
  }
  if (entity === 'rankings' && action === 'create') return '保存发布时的进展、得分和红黑榜快照';
  if (action === 'update' && before && after) return changes(entity, before, after, names).join('；') || '无可见变化';
  const row = after ?? before;
  if (!row) return '';
  // Names are already in the object; a new or deleted row lists its other filled fields.
  const skip = ['name', 'title', 'month', 'code'];
  return values(entity, row, names, skip).join('；');
}

function isRow(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The lookup of names from the rows of every year (ids are unique across years). */
export function auditNamesOf(rows: {
  units: readonly { id: string; name: string }[];
  tasks: readonly { id: string; title: string }[];
  leaders: readonly { id: string; name: string }[];
  sections: readonly { id: string; name: string }[];
  workYears: readonly { id: string; year: number }[];
  scoreRules: readonly { yearId: string; id: string; name: string }[];
  /** The rule names of a year still on the defaults. */
  defaultRuleNames: ReadonlyMap<string, string>;
}): AuditNames {
  const byId = <T extends { id: string }, V>(list: readonly T[], value: (t: T) => V) =>
    new Map(list.map((t) => [t.id, value(t)]));
  const units = byId(rows.units, (u) => u.name);
  const tasks = byId(rows.tasks, (t) => t.title);
  const leaders = byId(rows.leaders, (l) => l.name);
  const sections = byId(rows.sections, (s) => s.name);
  const years = byId(rows.workYears, (y) => y.year);
  const rules = new Map(rows.scoreRules.map((r) => [`${r.yearId}\u0000${r.id}`, r.name]));
  return {
    unit: (id) => units.get(id),
    task: (id) => tasks.get(id),
    leader: (id) => leaders.get(id),
    section: (id) => sections.get(id),
    year: (id) => years.get(id),
    rule: (yearId, ruleId) => rules.get(`${yearId}\u0000${ruleId}`) ?? rows.defaultRuleNames.get(ruleId),
  };
}

/** One field of a record as the screens show it (the 同步冲突 screen's side-by-side rows). */
export interface ShownField {
  field: string;
  label: string;
  text: string;
}

/**
 * A record's fields with the log's labels and its way of showing values; fields the log does
 * not show (ids, bookkeeping) come last under their own names, so that nothing differs unseen.
 */
export function describeFields(entity: string, rows: readonly (Row | undefined)[]): { field: string; label: string }[] {
  const labels = fields[entity] ?? {};
  const present = new Set(rows.flatMap((r) => (r ? Object.keys(r) : [])));
  const known = Object.entries(labels).map(([field, [label]]) => ({ field, label }));
  const others = [...present]
    .filter((f) => !(f in labels))
    .sort()
    .map((field) => ({ field, label: field }));
  return [...known.filter((f) => present.has(f.field)), ...others];
}

/** A field's value as the log shows it. */
export function fieldText(entity: string, field: string, value: unknown, names: AuditNames): string {
  const known = fields[entity]?.[field];
  if (known) return show(known[1], value, names, field);
  if (isEmpty(value)) return EMPTY;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The name of a record as the log names it: 区财政局、“优化营商环境”、东城街道“…”6月进展 … */
export function recordName(entity: string, entityId: string, row: Row, names: AuditNames): string {
  return objectOf(entity, entityId, row, names);
}
