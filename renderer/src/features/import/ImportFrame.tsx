import { useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  CircularProgress,
  IconButton,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import type { RowChanges } from '../../core/import/changeset';
import type { ImportIssue, TemplateKind } from '../../core/import/types';
import { commitImport } from '../../db';
import { takeAutoBackup } from '../../ui/autoBackup';
import { failureReason, userMessage } from '../../ui/errors';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { chineseDateTime } from '../../core/dates';
import { VirtualTable, type VirtualColumn } from '../../ui/VirtualTable';
import { FileDropZone } from './FileDropZone';
import { IssueList } from './IssueList';
import type { ImportFlow, MappedFile, ReadFile } from './useImportFiles';
import { useWorkYear } from '../../ui/YearContext';
import { ScreenHeader } from '../../ui/ScreenHeader';

/** What an import would write, once every file is read and mapped. */
export interface ImportWrites extends RowChanges {
  /** The office's decisions on the batch, logged with it. */
  notes?: string[];
}

interface Props<R extends { issues: ImportIssue[] }> {
  title: string;
  kind: TemplateKind;
  chooseLabel: string;
  flow: ImportFlow<R>;
  /** One line on what a read and mapped file holds and would change. */
  summaryOf(file: ReadFile, result: R): ReactNode;
  /** What confirming would write; undefined while there is nothing (yet). */
  writes: ImportWrites | undefined;
  /** The files whose rows are in `writes` (default: every file mapped; a held-back file is not). */
  written?: MappedFile<R>[];
  /** The problems `writes` found beside those of the mapping. */
  issues: ImportIssue[];
  /** Panels between the file list and the issues: names to resolve, the preview table. */
  children?: ReactNode;
  /** The success message for a committed batch. */
  doneMessage(fileCount: number): string;
  onCommitted?(): void;
}

/**
 * The import flow every kind shares (PRODUCT.md §6): choose or drop files → each read and
 * checked on its own → preview → confirm → one transaction → undoable from 导入记录.
 * Nothing is written before the confirm button.
 */
export function ImportFrame<R extends { issues: ImportIssue[] }>({
  title,
  kind,
  chooseLabel,
  flow,
  summaryOf,
  writes,
  written = flow.used,
  issues: writeIssues,
  children,
  doneMessage,
  onCommitted,
}: Props<R>) {
  const year = useWorkYear();
  const { importer, mapped } = flow;
  const { files, add, remove, clear } = importer;
  const [committing, setCommitting] = useState(false);
  const [outcome, setOutcome] = useState<{ severity: 'success' | 'error'; text: string }>();
  const readingCount = files.filter((f) => f.status === 'reading').length;
  const reading = readingCount > 0;
  const gridOf = useMemo(() => {
    const grids = new Map(files.flatMap((f) => (f.status === 'ready' ? [[f.name, f.grid] as const] : [])));
    return (name: string) => grids.get(name);
  }, [files]);
  const issues = useMemo(() => [...written.flatMap((w) => w.result.issues), ...writeIssues], [written, writeIssues]);
  const nothingToWrite = !writes || (writes.creates.length === 0 && writes.updates.length === 0);

  const confirm = async () => {
    if (!writes) return;
    setCommitting(true);
    try {
      await takeAutoBackup('import');
    } catch (e) {
      setOutcome({
        severity: 'error',
        text: `导入前自动备份失败：${failureReason(e)}。为保护现有数据，本次没有导入，请处理后重试。`,
      });
      setCommitting(false);
      return;
    }
    try {
      const batch = await commitImport({
        ...writes,
        yearId: year.id,
        kind,
        files: written.map((w) => ({ name: w.file.name, sha256: w.file.sha256 })),
      });
      setOutcome({ severity: 'success', text: `${doneMessage(batch.files.length)}可在“导入记录”中撤销此批次。` });
      clear();
      onCommitted?.();
    } catch (e) {
      setOutcome({ severity: 'error', text: `${userMessage(e)}（未写入任何数据）` });
    } finally {
      setCommitting(false);
    }
  };

  return (
    <Stack spacing={2}>
      <ScreenHeader title={title}>
        <Button onClick={() => navigateTo(routes.imports())}>导入记录</Button>
      </ScreenHeader>
      {outcome && (
        <Alert severity={outcome.severity} onClose={() => setOutcome(undefined)}>
          {outcome.text}
        </Alert>
      )}
      <FileDropZone
        label={chooseLabel}
        onFiles={(picked) => {
          setOutcome(undefined);
          void add(picked);
        }}
      />
      {reading && (
        <Stack direction="row" spacing={1} role="status" sx={{ alignItems: 'center' }}>
          <CircularProgress
            size={16}
            variant="determinate"
            value={(100 * (files.length - readingCount)) / files.length}
          />
          <span>
            正在读取：已读 {files.length - readingCount}/{files.length} 个文件，全部读完后显示预览…
          </span>
        </Stack>
      )}
      {files.length > 0 && (
        <Paper variant="outlined">
          <Table size="small" aria-label="文件">
            <TableHead>
              <TableRow>
                <TableCell>文件</TableCell>
                <TableCell>结果</TableCell>
                <TableCell align="right" />
              </TableRow>
            </TableHead>
            <TableBody>
              {files.map((file) => {
                // A read file's verdict needs the whole batch's changeset: given once every file is read.
                const m = file.status === 'ready' ? mapped.get(file.key) : undefined;
                const refusal = file.status === 'refused' ? file.message : m && 'refusal' in m ? m.refusal : undefined;
                return (
                  <TableRow key={file.key}>
                    <TableCell>{file.name}</TableCell>
                    <TableCell>
                      {/* Text, not a spinner per file: a hundred animated rings cost every frame. */}
                      {file.status === 'reading' && (
                        <Typography variant="body2" color="text.secondary">
                          正在读取…
                        </Typography>
                      )}
                      {refusal !== undefined && (
                        <Typography color="error" role="alert">
                          {refusal}
                        </Typography>
                      )}
                      {file.status === 'ready' &&
                        m &&
                        'result' in m &&
                        (reading ? <Typography variant="body2">已读取</Typography> : summaryOf(file, m.result))}
                      {file.previous && (
                        <Typography color="warning.dark" variant="body2">
                          此文件已于 {chineseDateTime(file.previous.importedAt)} 导入过（“{file.previous.name}
                          ”），再次导入只会写入有变化的内容。
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell align="right">
                      <IconButton size="small" aria-label={`移除${file.name}`} onClick={() => remove(file.key)}>
                        <CloseIcon fontSize="small" />
                      </IconButton>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Paper>
      )}
      {children}
      {issues.length > 0 && (
        <Paper variant="outlined">
          <Typography variant="h6" component="h3" sx={{ p: 2, pb: 1 }}>
            问题（{issues.length}）
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ px: 2 }}>
            有“错误”的行不会导入，其余照常导入。点击一行可查看对应单元格。
          </Typography>
          <IssueList issues={issues} gridOf={gridOf} />
        </Paper>
      )}
      {files.length > 0 && (
        <Stack direction="row" spacing={2}>
          <Button variant="contained" disabled={reading || committing || nothingToWrite} onClick={confirm}>
            {committing ? '正在导入…' : '确认导入'}
          </Button>
          <Button onClick={clear} disabled={committing}>
            全部移除
          </Button>
          {!reading && nothingToWrite && (
            <Typography sx={{ alignSelf: 'center' }} color="text.secondary">
              没有需要写入的内容。
            </Typography>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** A chip-like count line: 新增 N · 修改 N · 未变 N. */
export function countsLine(kinds: string[]): string {
  const count = (k: string) => kinds.filter((x) => x === k).length;
  return `新增 ${count('added')} · 修改 ${count('changed')} · 未变 ${count('unchanged')}`;
}

/** Previewed rows, issues … of a batch, by file: looked up per file rather than searched. */
export function groupByFile<T extends { file: string }>(items: readonly T[] | undefined): Map<string, T[]> {
  const byFile = new Map<string, T[]>();
  for (const item of items ?? []) {
    const list = byFile.get(item.file);
    if (list) list.push(item);
    else byFile.set(item.file, [item]);
  }
  return byFile;
}

/** How many previewed rows a batch adds and changes. */
export function previewCounts(previews: readonly { kind: string }[] | undefined): { added: number; changed: number } {
  const count = (kind: string) => previews?.filter((p) => p.kind === kind).length ?? 0;
  return { added: count('added'), changed: count('changed') };
}

/** A file's one-line verdict, its count of errors in red. */
export function FileSummary({ errors, children }: { errors: number; children: ReactNode }) {
  return (
    <Typography variant="body2">
      {children}
      {errors > 0 && (
        <Box component="span" sx={{ color: 'error.main' }}>
          {' '}
          · {errors} 个错误
        </Box>
      )}
    </Typography>
  );
}

/** A preview row's usual height: the scrolling area is as tall as its rows when few, at most 420 px. */
const PREVIEW_ROW_PX = 44;

/**
 * 预览: the rows a batch would write, under a caption with the counts. Virtualised (only the rows
 * in view are in the page), so a batch of thousands of rows previews as quickly as a few.
 */
export function PreviewTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: VirtualColumn<Row>[];
  rows: Row[];
  rowKey(row: Row): string;
}) {
  return (
    <Paper variant="outlined">
      <Typography variant="h6" component="h3" sx={{ p: 2, pb: 1 }}>
        {caption}
      </Typography>
      <VirtualTable
        ariaLabel="导入预览"
        columns={columns}
        rows={rows}
        rowKey={rowKey}
        height={`${Math.min(420, rows.length * PREVIEW_ROW_PX + 8)}px`}
      />
    </Paper>
  );
}
