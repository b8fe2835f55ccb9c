import { useState } from 'react';
import { MenuItem, TextField } from '@mui/material';
import type { WorkYear } from '../../core/model';
import { addTask, useSections, useUnits } from '../../db';
import { FormDialog } from '../../ui/FormDialog';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';

/** The few fields a task needs to exist; the lists are filled in on the task page it opens. */
export function NewTaskDialog({ year, onClose }: { year: WorkYear; onClose(): void }) {
  const sections = useSections(year.id) ?? [];
  const units = useUnits(year.id) ?? [];
  const [title, setTitle] = useState('');
  const [sectionId, setSectionId] = useState('');
  const [leadUnitId, setLeadUnitId] = useState('');

  const create = async () => {
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
    navigateTo(routes.task(task.id));
  };

  return (
    <FormDialog title="新增任务" saveLabel="创建并编辑" onSave={create} onClose={onClose}>
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
    </FormDialog>
  );
}
