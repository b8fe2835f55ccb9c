import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import type { WorkYear } from '../../core/model';
import { addTask, useSections, useUnits } from '../../db';
import { userMessage } from '../../ui/errors';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';

/** The few fields a task needs to exist; the lists are filled in on the task page it opens. */
export function NewTaskDialog({ year, onClose }: { year: WorkYear; onClose(): void }) {
  const sections = useSections(year.id) ?? [];
  const units = useUnits(year.id) ?? [];
  const [title, setTitle] = useState('');
  const [sectionId, setSectionId] = useState('');
  const [leadUnitId, setLeadUnitId] = useState('');
  const [error, setError] = useState<string>();

  const create = async () => {
    try {
      const task = await addTask({
        yearId: year.id,
        code: '',
        title: title.trim(),
        sectionId: sectionId || undefined,
        measures: [],
        targets: [],
        leaderIds: [],
        leadUnitId: leadUnitId || undefined,
        coUnitIds: [],
        responsiblePerson: '',
        dueDate: `${year.year}-${year.completionDue}`,
      });
      onClose();
      navigateTo(routes.task(task.id));
    } catch (e) {
      setError(userMessage(e));
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth>
      <DialogTitle>新增任务</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField autoFocus label="重点工作" value={title} onChange={(e) => setTitle(e.target.value)} />
          <TextField select label="工作板块" value={sectionId} onChange={(e) => setSectionId(e.target.value)}>
            <MenuItem value="">（无）</MenuItem>
            {sections.map((s) => (
              <MenuItem key={s.id} value={s.id}>
                {s.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label="牵头单位" value={leadUnitId} onChange={(e) => setLeadUnitId(e.target.value)}>
            <MenuItem value="">（未定）</MenuItem>
            {units.map((u) => (
              <MenuItem key={u.id} value={u.id}>
                {u.name}
              </MenuItem>
            ))}
          </TextField>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>取消</Button>
        <Button variant="contained" onClick={create}>
          创建并编辑
        </Button>
      </DialogActions>
    </Dialog>
  );
}
