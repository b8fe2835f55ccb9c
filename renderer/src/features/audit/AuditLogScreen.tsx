import { useRef, useState } from 'react';
import {
  Alert,
  Button,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { entityLabels, type AuditEntry } from '../../core/model';
import { useAuditEntries, useAuditOperators, verifyAuditChain, type ChainCheck } from '../../db';
import { formatTimestamp } from '../../ui/today';
import { importKindLabels } from '../import/kinds';

const actionLabels: Record<AuditEntry['action'], string> = { create: '新增', update: '修改', delete: '删除' };
const pageSize = 500;

export function AuditLogScreen() {
  const [entity, setEntity] = useState('');
  const [operator, setOperator] = useState('');
  const entries = useAuditEntries({ entity: entity || undefined, operator: operator || undefined, limit: pageSize });
  const operators = useAuditOperators();
  const [check, setCheck] = useState<ChainCheck | { error: string } | undefined>();
  const [checking, setChecking] = useState(false);
  const tableRef = useRef<HTMLTableElement>(null);
  const brokenAt = check && 'ok' in check && !check.ok ? check.brokenAt : undefined;

  const runCheck = async () => {
    setChecking(true);
    try {
      setCheck(await verifyAuditChain());
    } catch (e) {
      setCheck({ error: e instanceof Error ? e.message : String(e) });
    } finally {
      setChecking(false);
    }
  };
  /** Clears the filters and scrolls to the broken entry's row, when it is among the rows shown. */
  const showBroken = () => {
    setEntity('');
    setOperator('');
    requestAnimationFrame(() =>
      tableRef.current?.querySelector('[data-broken="true"]')?.scrollIntoView({ block: 'center' }),
    );
  };

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        操作日志
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label="对象"
          value={entity}
          onChange={(e) => setEntity(e.target.value)}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="">全部</MenuItem>
          {Object.entries(entityLabels).map(([key, label]) => (
            <MenuItem key={key} value={key}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="操作人"
          value={operator}
          onChange={(e) => setOperator(e.target.value)}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="">全部</MenuItem>
          {operators?.map((name) => (
            <MenuItem key={name} value={name}>
              {name}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" onClick={() => void runCheck()} disabled={checking}>
          {checking ? '正在校验…' : '校验日志完整性'}
        </Button>
      </Stack>
      {check && <ChainCheckAlert check={check} onShow={showBroken} />}
      <Paper variant="outlined">
        <Table size="small" aria-label="操作日志" ref={tableRef}>
          <TableHead>
            <TableRow>
              <TableCell>序号</TableCell>
              <TableCell>时间</TableCell>
              <TableCell>操作人</TableCell>
              <TableCell>操作</TableCell>
              <TableCell>对象</TableCell>
              <TableCell>内容</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {entries?.length === 0 && (
              <TableRow>
                <TableCell colSpan={6} sx={{ color: 'text.secondary' }}>
                  没有符合条件的操作记录。
                </TableCell>
              </TableRow>
            )}
            {entries?.map((e) => {
              const broken = e.seq === brokenAt;
              return (
                <TableRow
                  key={e.seq}
                  data-broken={broken || undefined}
                  sx={broken ? { bgcolor: 'error.light', '& td': { color: 'error.contrastText' } } : undefined}
                >
                  <TableCell>{e.seq}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatTimestamp(e.at)}</TableCell>
                  <TableCell>{e.operator}</TableCell>
                  <TableCell>{actionLabels[e.action]}</TableCell>
                  <TableCell>{entityLabels[e.entity] ?? e.entity}</TableCell>
                  <TableCell>{describeChange(e)}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Paper>
      {entries?.length === pageSize && (
        <Typography variant="body2" color="text.secondary">
          仅显示最近 {pageSize} 条，可按对象或操作人筛选。
        </Typography>
      )}
    </Stack>
  );
}

/** The result of 校验日志完整性: green when the chain holds, red with the first broken entry. */
function ChainCheckAlert({ check, onShow }: { check: ChainCheck | { error: string }; onShow: () => void }) {
  if ('error' in check) return <Alert severity="error">校验未能完成：{check.error}</Alert>;
  const legacy = check.legacy > 0 ? `另有 ${check.legacy} 条较早的记录写入时尚无校验值，未参与校验。` : '';
  if (check.ok) {
    return (
      <Alert severity="success">
        共 {check.count} 条记录，校验通过，未发现改动。{legacy}
      </Alert>
    );
  }
  const { entry } = check;
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={onShow}>
          在列表中定位
        </Button>
      }
    >
      <div>{check.message}。</div>
      <div>
        该条记录：序号 {check.brokenAt}，时间 {formatTimestamp(entry.at)}，操作人 {entry.operator || '（空）'}，
        {actionLabels[entry.action] ?? entry.action} {entityLabels[entry.entity] ?? entry.entity}{' '}
        {describeChange(entry)}
      </div>
      <div>
        在此之前的 {check.count} 条记录校验通过。{legacy}
      </div>
    </Alert>
  );
}

type Row = Record<string, unknown>;

/** A short human summary: the record's name, and for changes the fields that differ. */
function describeChange(entry: AuditEntry): string {
  const before = (entry.before ?? undefined) as Row | undefined;
  const after = (entry.after ?? undefined) as Row | undefined;
  if (entry.entity === 'importBatches') {
    const line = describeImportBatch(entry.action, before, after);
    if (line !== undefined) return line;
  }
  const subject = recordName(after ?? before);
  if (entry.action !== 'update' || !before || !after) return subject;
  const changed = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  const parts = changed.map((k) => `${fieldLabels[k] ?? k}：${show(before[k])} → ${show(after[k])}`);
  return [subject, ...parts].filter(Boolean).join('；');
}

/**
 * An import batch is logged as one entry for all its rows (their before/after are kept in the
 * batch itself, see db/imports.ts): '导入 任务清单：任务清单-2026.xlsx；新增 20，修改 0，未变 0',
 * and '撤销导入 …' for its undo. Entries written before that held the whole batch; they read
 * the same.
 */
function describeImportBatch(
  action: AuditEntry['action'],
  before: Row | undefined,
  after: Row | undefined,
): string | undefined {
  const undo = action === 'update' && after?.undone === true && before?.undone !== true;
  if (!(action === 'create' || undo)) return undefined;
  if (!after || typeof after.kind !== 'string') return undefined;
  const kind = importKindLabels[after.kind] ?? after.kind;
  const names = Array.isArray(after.files)
    ? after.files.map((f: unknown) => (f as Row | null)?.name).filter((n): n is string => typeof n === 'string')
    : [];
  const files =
    names.length > shownFiles ? `${names.slice(0, shownFiles).join('、')} 等 ${names.length} 个文件` : names.join('、');
  const counts = (after.counts ?? {}) as Row;
  const count = (key: string): string => (typeof counts[key] === 'number' ? String(counts[key]) : '?');
  const head = `${undo ? '撤销导入' : '导入'} ${kind}${files ? `：${files}` : ''}`;
  return `${head}；新增 ${count('created')}，修改 ${count('updated')}，未变 ${count('unchanged')}`;
}

const shownFiles = 3;

function recordName(row: Row | undefined): string {
  if (!row) return '';
  if (typeof row.name === 'string') return row.name;
  if (typeof row.title === 'string') return row.title;
  if (typeof row.key === 'string') return settingLabels[row.key] ?? row.key;
  if (typeof row.year === 'number') return `${row.year}年度`;
  return '';
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）';
  if (Array.isArray(value)) return value.length ? value.join('、') : '（空）';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const settingLabels: Record<string, string> = {
  operator: '操作人',
  columnAliases: '列名别名',
  progressRules: '进度规则',
  listSettings: '红黑榜设置',
  compositeWeights: '综合得分权重',
};
const fieldLabels: Record<string, string> = {
  name: '名称',
  title: '名称/职务',
  kind: '类别',
  rankingGroup: '排名分组',
  aliases: '别名',
  contactPerson: '联系人',
  phone: '联系电话',
  windowStartMonth: '工作起始月',
  windowEndMonth: '工作结束月',
  planDue: '月方案报送截止',
  reportDueDay: '月度进展报送日',
  feedbackDueDay: '督查反馈截止日',
  completionDue: '完成时限',
  extraHolidays: '补充节假日',
  extraWorkdays: '补充调休上班日',
  value: '值',
  // 复盘
  recallGoals: '回忆目标',
  assessResults: '评估结果',
  analyseCauses: '分析原因',
  lessons: '经验与不足',
  nextYearPlan: '纳入下年度计划',
  step: '复盘步骤',
  completedAt: '完成复盘',
  updatedAt: '更新时间',
};
