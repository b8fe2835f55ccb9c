import { Fragment, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  IconButton,
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
import { entityLabels } from '../../core/model';
import { actionLabels, auditNamesOf, describeAudit, describeImportChange, type AuditNames } from '../../core/auditText';
import { chineseDate, chineseDateTime } from '../../core/dates';
import { defaultScoreRules } from '../../core/scoring';
import {
  getImportBatch,
  useAuditNameRows,
  useAuditOperators,
  useImportBatch,
  verifyAuditChain,
  type ChainCheck,
} from '../../db';
import { listMergedAudit, useMergedAudit, usePeerCount, usePeerOperators, type LogLine } from '../../db/sync';
import { desktop } from '../../io/desktop';
import { PeerChainChecks, useDeviceName } from '../../ui/sync/PeerChains';
import { userMessage } from '../../ui/errors';
import { todayInChina } from '../../ui/today';

const pageSize = 500;
/** An import batch's rows shown when it is opened; the rest are counted (all are in the export). */
const batchRowsShown = 500;
const defaultRuleNames = new Map(defaultScoreRules.map((r) => [r.id, r.name]));

/** The names the log refers to by id, from every year's rows, kept in step with them. */
function useAuditNames(): AuditNames | undefined {
  const rows = useAuditNameRows();
  return useMemo(() => rows && auditNamesOf({ ...rows, defaultRuleNames }), [rows]);
}

export function AuditLogScreen() {
  const [entity, setEntity] = useState('');
  const [operator, setOperator] = useState('');
  // Several PCs (issue 16): this PC's entries and the other PCs', merged by time.
  const entries: LogLine[] | undefined = useMergedAudit({
    entity: entity || undefined,
    operator: operator || undefined,
    limit: pageSize,
  });
  const peerCount = usePeerCount() ?? 0;
  const deviceName = useDeviceName();
  const ownOperators = useAuditOperators();
  const peerOperators = usePeerOperators();
  const operators = useMemo(
    () => ownOperators && [...new Set([...ownOperators, ...(peerOperators ?? [])])].sort(),
    [ownOperators, peerOperators],
  );
  const names = useAuditNames();
  const [open, setOpen] = useState<number>();
  const [exportError, setExportError] = useState<string>();
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
        <Button
          variant="outlined"
          disabled={!names}
          onClick={() =>
            names &&
            exportLog({ entity: entity || undefined, operator: operator || undefined }, names).then(
              () => setExportError(undefined),
              (e) => setExportError(userMessage(e)),
            )
          }
        >
          导出Excel
        </Button>
      </Stack>
      {exportError && <Alert severity="error">{exportError}</Alert>}
      {check && names && <ChainCheckAlert check={check} names={names} onShow={showBroken} />}
      {check && peerCount > 0 && <PeerChainChecks key={JSON.stringify(check)} />}
      <Paper variant="outlined">
        <Table size="small" aria-label="操作日志" ref={tableRef}>
          <TableHead>
            <TableRow>
              <TableCell>序号</TableCell>
              {peerCount > 0 && <TableCell>电脑</TableCell>}
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
                <TableCell colSpan={peerCount > 0 ? 7 : 6} sx={{ color: 'text.secondary' }}>
                  没有符合条件的操作记录。
                </TableCell>
              </TableRow>
            )}
            {names &&
              entries?.map((e) => {
                const broken = !e.device && e.seq === brokenAt;
                const rowKey = e.device ? `${e.device.id}:${e.device.seq}` : `own:${e.seq}`;
                const line = describeAudit(e, names);
                const batch = e.entity === 'importBatches' && e.action === 'create';
                const expanded = batch && !e.device && open === e.seq;
                return (
                  <Fragment key={rowKey}>
                    <TableRow
                      data-broken={broken || undefined}
                      sx={broken ? { bgcolor: 'error.light', '& td': { color: 'error.contrastText' } } : undefined}
                    >
                      <TableCell>{e.device ? e.device.seq : e.seq}</TableCell>
                      {peerCount > 0 && (
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                          {e.device ? deviceName(e.device.id, e.device.label) : '本机'}
                        </TableCell>
                      )}
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{chineseDateTime(e.at)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.operator}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{actionLabels[e.action]}</TableCell>
                      <TableCell>{line.object}</TableCell>
                      <TableCell>
                        {line.summary}
                        {batch && !e.device && (
                          <IconButton
                            size="small"
                            aria-expanded={expanded}
                            aria-label={expanded ? '收起导入的各行' : '展开导入的各行'}
                            onClick={() => setOpen(expanded ? undefined : e.seq)}
                          >
                            {expanded ? '▴' : '▾'}
                          </IconButton>
                        )}
                      </TableCell>
                    </TableRow>
                    {expanded && (
                      <TableRow>
                        <TableCell colSpan={peerCount > 0 ? 7 : 6} sx={{ bgcolor: 'action.hover' }}>
                          <BatchRows batchId={e.entityId} names={names} />
                        </TableCell>
                      </TableRow>
                    )}
                  </Fragment>
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
function ChainCheckAlert({
  check,
  names,
  onShow,
}: {
  check: ChainCheck | { error: string };
  names: AuditNames;
  onShow: () => void;
}) {
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
  const line = describeAudit(entry, names);
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
        该条记录：序号 {check.brokenAt}，时间 {chineseDateTime(entry.at)}，操作人 {entry.operator || '（空）'}，
        {actionLabels[entry.action] ?? entry.action} {line.object}：{line.summary}
      </div>
      <div>
        在此之前的 {check.count} 条记录校验通过。{legacy}
      </div>
    </Alert>
  );
}

/** The rows an import batch wrote, as the log describes its own entries. */
function BatchRows({ batchId, names }: { batchId: string; names: AuditNames }) {
  const batch = useImportBatch(batchId);
  if (!batch) return <Typography variant="body2">正在读取…</Typography>;
  const shown = batch.changes.slice(0, batchRowsShown);
  return (
    <Table size="small" aria-label="导入的各行">
      <TableBody>
        {shown.map((c) => {
          const line = describeImportChange(c, names);
          return (
            <TableRow key={`${c.table}/${c.id}`}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.before === undefined ? '新增' : '修改'}</TableCell>
              <TableCell>{line.object}</TableCell>
              <TableCell>{line.summary}</TableCell>
            </TableRow>
          );
        })}
        {batch.changes.length > shown.length && (
          <TableRow>
            <TableCell colSpan={3} sx={{ color: 'text.secondary' }}>
              共 {batch.changes.length} 行，此处显示前 {shown.length} 行；导出Excel可得全部。
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}

/**
 * The log as a workbook, with the screen's columns, every entry the filters select (not only
 * the newest shown); an import batch is followed by its rows.
 */
async function exportLog(filter: { entity?: string; operator?: string }, names: AuditNames) {
  const { writeWorkbook } = await import('../../io/excel/write');
  const entries = await listMergedAudit(filter);
  const rows: Record<string, string | number | undefined>[] = [];
  for (const e of entries) {
    const line = describeAudit(e, names);
    rows.push({
      seq: e.device ? e.device.seq : e.seq,
      device: e.device ? e.device.label : '本机',
      at: chineseDateTime(e.at),
      operator: e.operator,
      action: actionLabels[e.action],
      object: line.object,
      summary: line.summary,
    });
    if (e.entity !== 'importBatches' || e.action !== 'create' || e.device) continue;
    for (const c of (await getImportBatch(e.entityId))?.changes ?? []) {
      const row = describeImportChange(c, names);
      rows.push({ action: c.before === undefined ? '新增' : '修改', object: row.object, summary: row.summary });
    }
  }
  const bytes = await writeWorkbook([
    {
      name: '操作日志',
      title: '操作日志',
      subtitle: `导出日期：${chineseDate(todayInChina())}${filter.entity ? `；对象：${entityLabels[filter.entity] ?? filter.entity}` : ''}${filter.operator ? `；操作人：${filter.operator}` : ''}`,
      landscape: true,
      columns: [
        { header: '序号', key: 'seq', width: 7 },
        ...(entries.some((e) => e.device) ? [{ header: '电脑', key: 'device', width: 14 }] : []),
        { header: '时间', key: 'at', width: 18 },
        { header: '操作人', key: 'operator', width: 10 },
        { header: '操作', key: 'action', width: 6 },
        { header: '对象', key: 'object', width: 30, wrap: true },
        { header: '内容', key: 'summary', width: 60, wrap: true },
      ],
      rows,
    },
  ]);
  await desktop.saveFile({
    suggestedName: `操作日志-${todayInChina()}.xlsx`,
    bytes,
  });
}
