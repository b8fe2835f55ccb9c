import { useState } from 'react';
import {
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
import { findNameClash, parseNameList } from '../../core/registry';
import { addUnit, addUnits, deleteUnit, useUnits, type NewUnit } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import { useConflictKeys } from '../../db/sync';
import { ConflictMark } from '../../ui/sync/ConflictMark';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormDialog } from '../../ui/FormDialog';
import { splitAliases } from '../../ui/aliases';
import { useAutosave } from '../../ui/autosave';
import { SaveStatus } from '../../ui/SaveStatus';
import { ScreenHeader } from '../../ui/ScreenHeader';

const kinds = Object.keys(unitKindLabels) as UnitKind[];

export function UnitsScreen() {
  const yearId = useWorkYear().id;
  const units = useUnits(yearId);
  const conflicted = useConflictKeys('units');
  /** The id of the unit being edited, or 'new'. */
  const [editing, setEditing] = useState<string>();
  const edited = units?.find((u) => u.id === editing);
  const [pasting, setPasting] = useState(false);
  const [deleting, setDeleting] = useState<Unit>();

  return (
    <Stack spacing={2}>
      <ScreenHeader title="单位">
        <Button variant="contained" onClick={() => setEditing('new')}>
          新增单位
        </Button>
        <Button variant="outlined" onClick={() => setPasting(true)}>
          粘贴批量添加
        </Button>
      </ScreenHeader>
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
                  <IconButton size="small" aria-label={`编辑${u.name}`} onClick={() => setEditing(u.id)}>
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
      {editing === 'new' && <NewUnitDialog yearId={yearId} onClose={() => setEditing(undefined)} />}
      {edited && units && <EditUnitDialog unit={edited} units={units} onClose={() => setEditing(undefined)} />}
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

/** A unit as its dialog edits it: the aliases as typed. */
interface UnitForm {
  name: string;
  kind: UnitKind;
  rankingGroup: string;
  aliasText: string;
  contactPerson: string;
  phone: string;
}

const blankUnit: UnitForm = {
  name: '',
  kind: 'department',
  rankingGroup: defaultGroupForKind.department,
  aliasText: '',
  contactPerson: '',
  phone: '',
};

function formOf(unit: Unit): UnitForm {
  const { name, kind, rankingGroup, contactPerson, phone } = unit;
  return { name, kind, rankingGroup, aliasText: unit.aliases.join('、'), contactPerson, phone };
}

/** What the writer keeps of the form: the aliases split, an empty ranking group the kind's default. */
function keptOf(form: UnitForm) {
  return {
    ...form,
    aliasText: splitAliases(form.aliasText),
    rankingGroup: form.rankingGroup.trim() || defaultGroupForKind[form.kind],
  };
}

/** The named fields of the unit, from the form. */
function unitPatch(form: UnitForm, fields: Iterable<keyof UnitForm>): Partial<NewUnit> {
  const patch: Partial<NewUnit> = {};
  for (const field of fields) {
    if (field === 'aliasText') patch.aliases = splitAliases(form.aliasText);
    else Object.assign(patch, { [field]: form[field] });
  }
  return patch;
}

/** The form after a change of `patch`; the ranking group follows the kind unless another was chosen. */
function withChange(form: UnitForm, patch: Partial<UnitForm>): UnitForm {
  const next = { ...form, ...patch };
  if (patch.kind !== undefined && form.rankingGroup === defaultGroupForKind[form.kind])
    next.rankingGroup = defaultGroupForKind[patch.kind];
  return next;
}

function UnitFields({ form, onChange }: { form: UnitForm; onChange(patch: Partial<UnitForm>): void }) {
  return (
    <>
      <TextField autoFocus label="单位名称" value={form.name} onChange={(e) => onChange({ name: e.target.value })} />
      <Stack direction="row" spacing={2}>
        <TextField
          select
          fullWidth
          label="类别"
          value={form.kind}
          onChange={(e) => onChange({ kind: e.target.value as UnitKind })}
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
          value={form.rankingGroup}
          onChange={(e) => onChange({ rankingGroup: e.target.value })}
          helperText="同一分组内的单位相互比拼排名"
        />
      </Stack>
      <TextField
        label="别名"
        value={form.aliasText}
        onChange={(e) => onChange({ aliasText: e.target.value })}
        helperText="单位自制表格中使用的其他名称，如简称、旧称；多个别名用顿号或逗号分隔"
      />
      <Stack direction="row" spacing={2}>
        <TextField
          fullWidth
          label="联系人"
          value={form.contactPerson}
          onChange={(e) => onChange({ contactPerson: e.target.value })}
        />
        <TextField
          fullWidth
          label="联系电话"
          value={form.phone}
          onChange={(e) => onChange({ phone: e.target.value })}
        />
      </Stack>
    </>
  );
}

/** A new unit: there is nothing to save into until 保存 adds it. */
function NewUnitDialog({ yearId, onClose }: { yearId: string; onClose(): void }) {
  const [form, setForm] = useState(blankUnit);
  const { aliasText, ...fields } = form;
  return (
    <FormDialog
      title="新增单位"
      onSave={() => addUnit({ yearId, ...fields, aliases: splitAliases(aliasText) })}
      onClose={onClose}
    >
      <UnitFields form={form} onChange={(patch) => setForm((f) => withChange(f, patch))} />
    </FormDialog>
  );
}

/** A unit saved as it is typed; a name or alias another unit has is shown and not saved. */
function EditUnitDialog({ unit, units, onClose }: { unit: Unit; units: Unit[]; onClose(): void }) {
  // Only the fields changed here are written: an alias added meanwhile (an import) shows and is kept.
  const save = useAutosave<UnitForm>({
    id: `unit:${unit.id}`,
    stored: formOf(unit),
    label: `单位“${unit.name}”`,
    edit: (form, changed) => ({ kind: 'unit', args: { id: unit.id, patch: unitPatch(form, changed) } }),
    byField: true,
    check: (form) =>
      findNameClash(units, { id: unit.id, name: form.name, aliases: splitAliases(form.aliasText) }, '单位'),
    asStored: keptOf,
  });
  const onChange = (patch: Partial<UnitForm>) => save.change((form) => withChange(form, patch));
  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>编辑单位</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <UnitFields form={save.draft} onChange={onChange} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <SaveStatus save={save} sx={{ flexGrow: 1, px: 2 }} />
        <Button variant="contained" onClick={onClose}>
          关闭
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function PasteUnitsDialog({ yearId, onClose }: { yearId: string; onClose(): void }) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<UnitKind>('department');
  const names = parseNameList(text);
  const add = () =>
    addUnits(
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
  return (
    <FormDialog
      title="粘贴批量添加单位"
      saveLabel={`添加 ${names.length} 个单位`}
      canSave={names.length > 0}
      onSave={add}
      onClose={onClose}
    >
      <Typography variant="body2" color="text.secondary">
        从 Excel 复制一列单位名称，粘贴到下面（每行一个）。有任何一个名称重复时，全部不添加。
      </Typography>
      <TextField
        autoFocus
        multiline
        minRows={6}
        label="单位名称（每行一个）"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <TextField select label="这些单位的类别" value={kind} onChange={(e) => setKind(e.target.value as UnitKind)}>
        {kinds.map((k) => (
          <MenuItem key={k} value={k}>
            {unitKindLabels[k]}
          </MenuItem>
        ))}
      </TextField>
    </FormDialog>
  );
}
