import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import DeleteIcon from '@mui/icons-material/Delete';
import type { Leader } from '../../core/model';
import { findNameClash } from '../../core/registry';
import { addLeader, deleteLeader, useLeaders, type NewLeader } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormDialog } from '../../ui/FormDialog';
import { splitAliases } from '../../ui/aliases';
import { useAutosave } from '../../ui/autosave';
import { SaveStatus } from '../../ui/SaveStatus';
import { ScreenHeader } from '../../ui/ScreenHeader';

export function LeadersScreen() {
  const yearId = useWorkYear().id;
  const leaders = useLeaders(yearId);
  /** The id of the leader being edited, or 'new'. */
  const [editing, setEditing] = useState<string>();
  const edited = leaders?.find((l) => l.id === editing);
  const [deleting, setDeleting] = useState<Leader>();

  return (
    <Stack spacing={2}>
      <ScreenHeader title="区领导">
        <Button variant="contained" onClick={() => setEditing('new')}>
          新增区领导
        </Button>
      </ScreenHeader>
      <Paper variant="outlined">
        <Table size="small" aria-label="区领导列表">
          <TableHead>
            <TableRow>
              <TableCell>序号</TableCell>
              <TableCell>姓名</TableCell>
              <TableCell>职务</TableCell>
              <TableCell>别称</TableCell>
              <TableCell align="right">操作</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {leaders?.length === 0 && (
              <TableRow>
                <TableCell colSpan={5} sx={{ color: 'text.secondary' }}>
                  还没有区领导。任务清单中的“分管区领导”将按姓名或别称匹配到这里。
                </TableCell>
              </TableRow>
            )}
            {leaders?.map((l, i) => (
              <TableRow key={l.id} hover>
                <TableCell>{i + 1}</TableCell>
                <TableCell>{l.name}</TableCell>
                <TableCell>{l.title}</TableCell>
                <TableCell>{l.aliases.join('、')}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <IconButton size="small" aria-label={`编辑${l.name}`} onClick={() => setEditing(l.id)}>
                    <EditIcon fontSize="small" />
                  </IconButton>
                  <IconButton size="small" aria-label={`删除${l.name}`} onClick={() => setDeleting(l)}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {editing === 'new' && <NewLeaderDialog yearId={yearId} onClose={() => setEditing(undefined)} />}
      {edited && leaders && (
        <EditLeaderDialog leader={edited} leaders={leaders} onClose={() => setEditing(undefined)} />
      )}
      <ConfirmDialog
        open={!!deleting}
        title="删除区领导"
        text={`确定删除“${deleting?.name}”吗？此操作会记入操作日志。`}
        onConfirm={() => deleteLeader(deleting!.id)}
        onClose={() => setDeleting(undefined)}
      />
    </Stack>
  );
}

/** A leader as the dialog edits them: the aliases as typed. */
interface LeaderForm {
  name: string;
  title: string;
  aliasText: string;
}

function LeaderFields({ form, onChange }: { form: LeaderForm; onChange(patch: Partial<LeaderForm>): void }) {
  return (
    <>
      <TextField autoFocus label="姓名" value={form.name} onChange={(e) => onChange({ name: e.target.value })} />
      <TextField
        label="职务"
        value={form.title}
        onChange={(e) => onChange({ title: e.target.value })}
        placeholder="如：副区长"
      />
      <TextField
        label="别称"
        value={form.aliasText}
        onChange={(e) => onChange({ aliasText: e.target.value })}
        helperText="表格中可能出现的其他写法，如“王区长”；用顿号分隔"
      />
    </>
  );
}

/** A new leader: there is nothing to save into until 保存 adds them. */
function NewLeaderDialog({ yearId, onClose }: { yearId: string; onClose(): void }) {
  const [form, setForm] = useState<LeaderForm>({ name: '', title: '', aliasText: '' });
  return (
    <FormDialog
      title="新增区领导"
      maxWidth="xs"
      onSave={() => addLeader({ yearId, name: form.name, title: form.title, aliases: splitAliases(form.aliasText) })}
      onClose={onClose}
    >
      <LeaderFields form={form} onChange={(patch) => setForm((f) => ({ ...f, ...patch }))} />
    </FormDialog>
  );
}

/** A leader saved as typed; a name or alias another leader has is shown and not saved. */
function EditLeaderDialog({ leader, leaders, onClose }: { leader: Leader; leaders: Leader[]; onClose(): void }) {
  // Only the fields changed here are written: an alias added meanwhile (an import) shows and is kept.
  const save = useAutosave<LeaderForm>({
    id: `leader:${leader.id}`,
    stored: { name: leader.name, title: leader.title, aliasText: leader.aliases.join('、') },
    label: `区领导“${leader.name}”`,
    edit: (form, changed) => {
      const patch: Partial<NewLeader> = {};
      if (changed.has('name')) patch.name = form.name;
      if (changed.has('title')) patch.title = form.title;
      if (changed.has('aliasText')) patch.aliases = splitAliases(form.aliasText);
      return { kind: 'leader', args: { id: leader.id, patch } };
    },
    byField: true,
    check: (form) =>
      findNameClash(leaders, { id: leader.id, name: form.name, aliases: splitAliases(form.aliasText) }, '区领导'),
    asStored: (form) => ({ ...form, aliasText: splitAliases(form.aliasText) }),
  });
  const onChange = (patch: Partial<LeaderForm>) => save.change((form) => ({ ...form, ...patch }));
  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>编辑区领导</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <LeaderFields form={save.draft} onChange={onChange} />
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
