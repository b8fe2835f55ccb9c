import { useState } from 'react';
import {
  Alert,
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
  Typography,
} from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import DeleteIcon from '@mui/icons-material/Delete';
import type { Leader } from '../../core/model';
import { addLeader, deleteLeader, updateLeader, useLeaders, type NewLeader } from '../../db';
import { useYear } from '../../ui/YearContext';
import { userMessage } from '../../ui/errors';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { splitAliases } from '../../ui/aliases';

export function LeadersScreen() {
  const yearId = useYear().current!.id;
  const leaders = useLeaders(yearId);
  const [editing, setEditing] = useState<Leader | 'new'>();
  const [deleting, setDeleting] = useState<Leader>();

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          区领导
        </Typography>
        <Button variant="contained" onClick={() => setEditing('new')}>
          新增区领导
        </Button>
      </Stack>
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
                  <IconButton size="small" aria-label={`编辑${l.name}`} onClick={() => setEditing(l)}>
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
      {editing && (
        <LeaderDialog
          yearId={yearId}
          leader={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
        />
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

function LeaderDialog({ yearId, leader, onClose }: { yearId: string; leader?: Leader; onClose(): void }) {
  const [draft, setDraft] = useState<NewLeader>(leader ?? { yearId, name: '', title: '', aliases: [] });
  const [aliasText, setAliasText] = useState(leader?.aliases.join('、') ?? '');
  const [error, setError] = useState<string>();

  const save = async () => {
    const input = { ...draft, name: draft.name.trim(), title: draft.title.trim(), aliases: splitAliases(aliasText) };
    try {
      if (leader) await updateLeader(leader.id, input);
      else await addLeader(input);
      onClose();
    } catch (e) {
      setError(userMessage(e));
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth>
      <DialogTitle>{leader ? '编辑区领导' : '新增区领导'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField
            autoFocus
            label="姓名"
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
          <TextField
            label="职务"
            value={draft.title}
            onChange={(e) => setDraft({ ...draft, title: e.target.value })}
            placeholder="如：副区长"
          />
          <TextField
            label="别称"
            value={aliasText}
            onChange={(e) => setAliasText(e.target.value)}
            helperText="表格中可能出现的其他写法，如“王区长”；用顿号分隔"
          />
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
