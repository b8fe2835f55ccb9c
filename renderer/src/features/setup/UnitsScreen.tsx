import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
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
import EditIcon from '@mui/icons-material/Edit';
import DeleteIcon from '@mui/icons-material/Delete';
import { defaultGroupForKind, unitKindLabels, type Unit, type UnitKind } from '../../core/model';
import { parseNameList } from '../../core/registry';
import { addUnit, addUnits, deleteUnit, updateUnit, useUnits, type NewUnit } from '../../db';
import { useConflictKeys } from '../../db/sync';
import { ConflictMark } from '../sync/ConflictsScreen';
import { useYear } from '../../ui/YearContext';
import { userMessage } from '../../ui/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { splitAliases } from '../../ui/aliases';

const kinds = Object.keys(unitKindLabels) as UnitKind[];

export function UnitsScreen() {
  const yearId = useYear().current!.id;
  const units = useUnits(yearId);
  const conflicted = useConflictKeys('units');
  const [editing, setEditing] = useState<Unit | 'new'>();
  const [pasting, setPasting] = useState(false);
  const [deleting, setDeleting] = useState<Unit>();

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          单位
        </Typography>
        <Button variant="contained" onClick={() => setEditing('new')}>
          新增单位
        </Button>
        <Button variant="outlined" onClick={() => setPasting(true)}>
          粘贴批量添加
        </Button>
      </Stack>
      <Paper variant="outlined">
        <Table size="small" aria-label="单位列表">
          <TableHead>
            <TableRow>
              <TableCell>序号</TableCell>
              <TableCell>单位名称</TableCell>
              <TableCell>类别</TableCell>
              <TableCell>排名分组</TableCell>
              <TableCell>别名</TableCell>
              <TableCell>联系人</TableCell>
              <TableCell>联系电话</TableCell>
              <TableCell align="right">操作</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {units?.length === 0 && (
              <TableRow>
                <TableCell colSpan={8} sx={{ color: 'text.secondary' }}>
                  还没有单位。可逐个新增，或从 Excel 复制一列单位名称后“粘贴批量添加”。
                </TableCell>
              </TableRow>
            )}
            {units?.map((u, i) => (
              <TableRow key={u.id} hover>
                <TableCell>{i + 1}</TableCell>
                <TableCell>
                  {u.name}
                  <ConflictMark conflicted={conflicted.has(u.id)} />
                </TableCell>
                <TableCell>{unitKindLabels[u.kind]}</TableCell>
                <TableCell>{u.rankingGroup}</TableCell>
                <TableCell>{u.aliases.join('、')}</TableCell>
                <TableCell>{u.contactPerson}</TableCell>
                <TableCell>{u.phone}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <IconButton size="small" aria-label={`编辑${u.name}`} onClick={() => setEditing(u)}>
                    <EditIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={`删除${u.name}`} onClick={() => setDeleting(u)}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {editing && (
        <UnitDialog
          yearId={yearId}
          unit={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
      )}
      {pasting && <PasteUnitsDialog yearId={yearId} onClose={() => setPasting(false)} />}
      <ConfirmDialog
        open={!!deleting}
        title="删除单位"
        text={`确定删除“${deleting?.name}”吗？此操作会记入操作日志。`}
        onConfirm={() => deleteUnit(deleting!.id)}
        onClose={() => setDeleting(undefined)}
      />
    </Stack>
  );
}

function UnitDialog({ yearId, unit, onClose }: { yearId: string; unit?: Unit; onClose(): void }) {
  const [draft, setDraft] = useState<NewUnit>(
    unit ?? {
      yearId,
      name: '',
      kind: 'department',
      rankingGroup: defaultGroupForKind.department,
      aliases: [],
      contactPerson: '',
      phone: '',
    },
  );
  const [aliasText, setAliasText] = useState(unit?.aliases.join('、') ?? '');
  const [error, setError] = useState<string>();

  const save = async () => {
    const input = { ...draft, name: draft.name.trim(), aliases: splitAliases(aliasText) };
    try {
      if (unit) await updateUnit(unit.id, input);
      else await addUnit(input);
      onClose();
    } catch (e) {
      setError(userMessage(e));
    }
  };
  const setKind = (kind: UnitKind) =>
    setDraft((d) => ({
      ...d,
      kind,
      // Follow the kind's default group unless the user chose another one.
      rankingGroup: d.rankingGroup === defaultGroupForKind[d.kind] ? defaultGroupForKind[kind] : d.rankingGroup,
    }));

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>{unit ? '编辑单位' : '新增单位'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            autoFocus
            label="单位名称"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <Stack direction="row" spacing={2}>
            <TextField
              select
              fullWidth
              label="类别"
              value={draft.kind}
              onChange={(e) => setKind(e.target.value as UnitKind)}
            >
              {kinds.map((k) => (
                <MenuItem key={k} value={k}>
                  {unitKindLabels[k]}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              fullWidth
              label="排名分组"
              value={draft.rankingGroup}
              onChange={(e) => setDraft({ ...draft, rankingGroup: e.target.value })}
              helperText="同一分组内的单位相互比拼排名"
            />
          </Stack>
          <TextField
            label="别名"
            value={aliasText}
            onChange={(e) => setAliasText(e.target.value)}
            helperText="单位自制表格中使用的其他名称，如简称、旧称；多个别名用顿号或逗号分隔"
          />
          <Stack direction="row" spacing={2}>
            <TextField
              fullWidth
              label="联系人"
              value={draft.contactPerson}
              onChange={(e) => setDraft({ ...draft, contactPerson: e.target.value })}
            />
            <TextField
              fullWidth
              label="联系电话"
              value={draft.phone}
              onChange={(e) => setDraft({ ...draft, phone: e.target.value })}
            />
          </Stack>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button variant="contained" onClick={save}>
          保存
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function PasteUnitsDialog({ yearId, onClose }: { yearId: string; onClose(): void }) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<UnitKind>('department');
  const [error, setError] = useState<string>();
  const names = parseNameList(text);

  const add = async () => {
    try {
      await addUnits(
        names.map((name) => ({
          yearId,
          name,
          kind,
          rankingGroup: defaultGroupForKind[kind],
          aliases: [],
          contactPerson: '',
          phone: '',
        })),
      );
      onClose();
    } catch (e) {
      setError(userMessage(e));
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>粘贴批量添加单位</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            从 Excel 复制一列单位名称，粘贴到下面（每行一个）。有任何一个名称重复时，全部不添加。
          </Typography>
          <TextField
            autoFocus
            multiline
            minRows={6}
            label="单位名称（每行一个）"
            value={text}
            onChange={(e) => {
              setError(undefined);
              setText(e.target.value);
            }}
          />
          <TextField select label="这些单位的类别" value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
            {kinds.map((k) => (
              <MenuItem key={k} value={k}>
                {unitKindLabels[k]}
              </MenuItem>
            ))}
          </TextField>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button variant="contained" disabled={names.length === 0} onClick={add}>
          添加 {names.length} 个单位
        </Button>
      </DialogActions>
    </Dialog>
  );
}
