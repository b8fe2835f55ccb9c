import { Fragment, useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  Paper,
  Radio,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { auditNamesOf, describeFields, fieldText, recordName, type AuditNames } from '../../core/auditText';
import { chineseDateTime } from '../../core/dates';
import { entityLabels } from '../../core/model';
import { defaultScoreRules } from '../../core/scoring';
import { useAuditNameRows } from '../../db';
import {
  resolveConflict,
  useDeviceLabels,
  useSyncConflicts,
  type ConflictLeaf,
  type SyncConflictRow,
} from '../../db/sync';
import { userMessage } from '../../ui/errors';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';

const kindLabels: Record<SyncConflictRow['kind'], string> = {
  edit: '两台电脑都修改了',
  published: '已发布月份的离线修改',
  duplicate: '两台电脑分别新建',
};

const defaultRuleNames = new Map(defaultScoreRules.map((r) => [r.id, r.name]));

function keyText(key: unknown): string {
  return Array.isArray(key) ? key.map(String).join('/') : String(key);
}

/** 同步冲突: records changed on two PCs, side by side, for a person to pick or merge. */
export function ConflictsScreen() {
  const conflicts = useSyncConflicts();
  const rows = useAuditNameRows();
  const names = useMemo(() => rows && auditNamesOf({ ...rows, defaultRuleNames }), [rows]);
  const [open, setOpen] = useState<string>();
  const selected = conflicts?.find((c) => c.docId === open);

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        同步冲突
      </Typography>
      <Typography variant="body2" color="text.secondary">
        同一条记录在两台电脑上都被修改，或在某月发布后才收到对该月的离线修改，就列在这里，由人比较后选择或合并。处理前，各电脑都显示同一个版本（标有“同步冲突”），不会被悄悄覆盖；已发布月份显示已发布的版本。
      </Typography>
      {conflicts?.length === 0 && <Alert severity="success">没有同步冲突。</Alert>}
      {conflicts && conflicts.length > 0 && names && (
        <Paper variant="outlined">
          <Table size="small" aria-label="同步冲突列表">
            <TableHead>
              <TableRow>
                <TableCell>类别</TableCell>
                <TableCell>记录</TableCell>
                <TableCell>情况</TableCell>
                <TableCell>版本</TableCell>
                <TableCell>发现时间</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {conflicts.map((c) => (
                <TableRow key={c.docId} selected={c.docId === open}>
                  <TableCell>{entityLabels[c.table] ?? c.table}</TableCell>
                  <TableCell>{nameOf(c, names)}</TableCell>
                  <TableCell>{kindLabels[c.kind]}</TableCell>
                  <TableCell>{c.leaves.length}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{chineseDateTime(c.detectedAt)}</TableCell>
                  <TableCell>
                    <Button size="small" onClick={() => setOpen(c.docId === open ? undefined : c.docId)}>
                      {c.docId === open ? '收起' : '比较'}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
      {selected && names && <Compare key={`${selected.docId}:${selected.winner}`} conflict={selected} names={names} />}
    </Stack>
  );
}

function nameOf(conflict: SyncConflictRow, names: AuditNames): string {
  const row = conflict.leaves.find((l) => l.row)?.row ?? {};
  return recordName(conflict.table, keyText(conflict.key), row, names);
}

function versionTitle(leaf: ConflictLeaf, index: number, conflict: SyncConflictRow): string {
  const shown =
    leaf.rev === conflict.shown ? (conflict.kind === 'published' ? '（已发布，当前显示）' : '（当前显示）') : '';
  return `版本${index + 1}${shown}`;
}

/** Both (all) versions side by side: who and when, every field, a choice per field. */
function Compare({ conflict, names }: { conflict: SyncConflictRow; names: AuditNames }) {
  const devices = useDeviceLabels();
  const leaves = conflict.leaves;
  const fields = useMemo(
    () =>
      describeFields(
        conflict.table,
        leaves.map((l) => l.row),
      ),
    [conflict.table, leaves],
  );
  const differs = (field: string) =>
    leaves.some((l) => JSON.stringify(l.row?.[field]) !== JSON.stringify(leaves[0]?.row?.[field]));
  const shownIndex = Math.max(
    0,
    leaves.findIndex((l) => l.rev === conflict.shown),
  );
  const [pick, setPick] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const published = conflict.kind === 'published';

  const chosenOf = (field: string) => pick[field] ?? shownIndex;
  const merged = (): Record<string, unknown> => {
    const base = { ...(leaves[shownIndex]?.row ?? leaves.find((l) => l.row)?.row ?? {}) };
    for (const { field } of fields) {
      const from = leaves[chosenOf(field)]?.row;
      if (from && field in from) base[field] = from[field];
      else delete base[field];
    }
    return base;
  };
  const save = async (row: Record<string, unknown> | null) => {
    setBusy(true);
    setError(undefined);
    try {
      await resolveConflict(conflict.docId, { row });
    } catch (e) {
      setError(userMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const mixed = fields.some(({ field }) => chosenOf(field) !== shownIndex);

  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-label="比较版本">
      <Stack spacing={1.5}>
        <Typography variant="h6" component="h3">
          {entityLabels[conflict.table] ?? conflict.table}：{nameOf(conflict, names)}
        </Typography>
        {published && (
          <Alert severity="warning">
            {conflict.month}
            月已经发布，已发布的版本保持不变；另一版本是在其他电脑上离线做的修改，发布时尚未收到。只能保留已发布的版本；如确需采用另一版本，请先在“督查反馈”中撤销该月发布并说明原因，之后本冲突可按普通冲突处理。
          </Alert>
        )}
        {conflict.kind === 'duplicate' && (
          <Alert severity="warning">
            两台电脑分别新建了同一年度，本机只显示先有的一个。请在其中一台电脑上停用同步、备份后清除该年度的数据，再重新开始同步（见使用说明）。
          </Alert>
        )}
        <Table size="small" aria-label="版本对比">
          <TableHead>
            <TableRow>
              <TableCell>字段</TableCell>
              {leaves.map((leaf, i) => (
                <TableCell key={leaf.rev}>
                  <Stack spacing={0.5}>
                    <strong>{versionTitle(leaf, i, conflict)}</strong>
                    <span>
                      {leaf.by || '未知'}
                      {devices?.get(leaf.deviceId) ? `，${devices.get(leaf.deviceId)}` : ''}
                    </span>
                    <span>{leaf.at ? chineseDateTime(leaf.at) : ''}</span>
                    {leaf.deleted && <Chip size="small" color="error" label="已删除" />}
                  </Stack>
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {fields.map(({ field, label }) => {
              const different = differs(field);
              return (
                <TableRow key={field} sx={different ? { bgcolor: 'warning.50' } : undefined}>
                  <TableCell sx={{ fontWeight: different ? 700 : undefined, whiteSpace: 'nowrap' }}>{label}</TableCell>
                  {leaves.map((leaf, i) => (
                    <TableCell key={leaf.rev} sx={{ fontWeight: different ? 700 : undefined }}>
                      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
                        {different && !published && conflict.kind !== 'duplicate' && (
                          <Radio
                            size="small"
                            checked={chosenOf(field) === i}
                            onChange={() => setPick({ ...pick, [field]: i })}
                            slotProps={{ input: { 'aria-label': `${label}：采用版本${i + 1}` } }}
                          />
                        )}
                        <span>
                          {leaf.deleted ? '（已删除）' : fieldText(conflict.table, field, leaf.row?.[field], names)}
                        </span>
                      </Stack>
                    </TableCell>
                  ))}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
        {error && <Alert severity="error">{error}</Alert>}
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {published ? (
            <Button variant="contained" disabled={busy} onClick={() => void save(leaves[shownIndex]?.row ?? null)}>
              保留已发布的版本
            </Button>
          ) : conflict.kind === 'duplicate' ? null : (
            <>
              {leaves.map((leaf, i) => (
                <Fragment key={leaf.rev}>
                  <Button
                    variant={i === shownIndex ? 'contained' : 'outlined'}
                    disabled={busy}
                    onClick={() => void save(leaf.deleted ? null : (leaf.row ?? null))}
                  >
                    {leaf.deleted ? `采用版本${i + 1}（删除该记录）` : `采用版本${i + 1}`}
                  </Button>
                </Fragment>
              ))}
              <Button
                variant="contained"
                color="secondary"
                disabled={busy || !mixed}
                onClick={() => void save(merged())}
              >
                保存合并结果
              </Button>
            </>
          )}
          <Button onClick={() => navigateTo(routes.safety())}>返回数据安全</Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
