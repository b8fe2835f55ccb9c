import { useMemo, useState } from 'react';
import { Alert, Button, Chip, MenuItem, Stack, TextField, Typography } from '@mui/material';
import type { Leader, Section, Task, Unit } from '../../core/model';
import { matchesQuery, searchKey } from '../../core/search';
import { useLeaders, useSections, useTasks, useUnits } from '../../db';
import { useWorkYear } from '../../ui/YearContext';
import { VirtualTable, type VirtualColumn } from '../../ui/VirtualTable';
import { navigateTo } from '../../ui/useHashRoute';
import { routes } from '../../ui/routes';
import { exportLedger } from './exportLedger';
import { userMessage } from '../../ui/errors';
import { NewTaskDialog } from './NewTaskDialog';
import { chineseDate } from '../../core/dates';
import { ScreenHeader } from '../../ui/ScreenHeader';

export interface LedgerRow {
  task: Task;
  section: string;
  leaders: string;
  leadUnit: string;
  coUnits: string;
}

export function toLedgerRows(tasks: Task[], sections: Section[], units: Unit[], leaders: Leader[]): LedgerRow[] {
  const sectionName = new Map(sections.map((s) => [s.id, s.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const leaderName = new Map(leaders.map((l) => [l.id, l.name]));
  return tasks.map((task) => ({
    task,
    section: task.sectionId ? (sectionName.get(task.sectionId) ?? '') : '',
    leaders: task.leaderIds
      .map((id) => leaderName.get(id) ?? '')
      .filter(Boolean)
      .join('、'),
    leadUnit: task.leadUnitId ? (unitName.get(task.leadUnitId) ?? '') : '',
    coUnits: task.coUnitIds
      .map((id) => unitName.get(id) ?? '')
      .filter(Boolean)
      .join('、'),
  }));
}

const columns: VirtualColumn<LedgerRow>[] = [
  { key: 'code', header: '序号', width: '56px', render: (r) => r.task.code },
  { key: 'section', header: '工作板块', width: 'minmax(100px, 1fr)', render: (r) => r.section },
  {
    key: 'title',
    header: '重点工作',
    width: 'minmax(160px, 2fr)',
    render: (r) => (
      <>
        {r.task.title}
        {r.task.carriedOverFrom && (
          <Chip size="small" variant="outlined" color="warning" label="上年结转" sx={{ ml: 1 }} />
        )}
      </>
    ),
  },
  { key: 'leader', header: '分管区领导', width: '96px', render: (r) => r.leaders },
  { key: 'lead', header: '牵头单位', width: 'minmax(110px, 1fr)', render: (r) => r.leadUnit },
  { key: 'co', header: '责任单位', width: 'minmax(140px, 2fr)', render: (r) => r.coUnits },
  { key: 'due', header: '完成时限', width: '124px', render: (r) => chineseDate(r.task.dueDate) },
];

export function LedgerScreen() {
  const year = useWorkYear();
  const tasks = useTasks(year.id);
  const sections = useSections(year.id);
  const units = useUnits(year.id);
  const leaders = useLeaders(year.id);
  const [sectionId, setSectionId] = useState('');
  const [leaderId, setLeaderId] = useState('');
  const [unitId, setUnitId] = useState('');
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState<string>();
  const [adding, setAdding] = useState(false);

  const rows = useMemo(
    () => (tasks && sections && units && leaders ? toLedgerRows(tasks, sections, units, leaders) : undefined),
    [tasks, sections, units, leaders],
  );
  if (rows && performance.getEntriesByName('ledger:rows').length === 0) performance.mark('ledger:rows'); // for npm run bench (c)
  // Pinyin keys are built only once someone searches: a first paint of a long ledger stays cheap.
  const keys = useMemo(() => {
    if (!rows || !query.trim()) return undefined;
    return new Map(
      rows.map((r) => [r.task.id, searchKey([r.task.title, r.section, r.leaders, r.leadUnit, r.coUnits].join(' '))]),
    );
  }, [rows, query]);
  const shown = useMemo(
    () =>
      rows?.filter(
        (r) =>
          (!sectionId || r.task.sectionId === sectionId) &&
          (!leaderId || r.task.leaderIds.includes(leaderId)) &&
          (!unitId || r.task.leadUnitId === unitId || r.task.coUnitIds.includes(unitId)) &&
          (!keys || matchesQuery(keys.get(r.task.id)!, query)),
      ),
    [rows, sectionId, leaderId, unitId, keys, query],
  );

  const doExport = async () => {
    try {
      setMessage(undefined);
      await exportLedger(year, rows ?? []);
    } catch (e) {
      setMessage(userMessage(e));
    }
  };

  return (
    <Stack spacing={2}>
      <ScreenHeader title="任务台账">
        <Button variant="contained" onClick={() => navigateTo(routes.import('tasks'))}>
          导入任务清单
        </Button>
        <Button variant="outlined" onClick={() => setAdding(true)}>
          新增任务
        </Button>
        <Button variant="outlined" onClick={doExport} disabled={!rows?.length}>
          导出台账
        </Button>
      </ScreenHeader>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <TextField
          size="small"
          label="搜索（可用拼音首字母）"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          sx={{ minWidth: 220 }}
        />
        <TextField
          select
          size="small"
          label="工作板块"
          value={sectionId}
          onChange={(e) => setSectionId(e.target.value)}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="">全部</MenuItem>
          {sections?.map((s) => (
            <MenuItem key={s.id} value={s.id}>
              {s.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="分管区领导"
          value={leaderId}
          onChange={(e) => setLeaderId(e.target.value)}
          sx={{ minWidth: 130 }}
        >
          <MenuItem value="">全部</MenuItem>
          {leaders?.map((l) => (
            <MenuItem key={l.id} value={l.id}>
              {l.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="单位"
          value={unitId}
          onChange={(e) => setUnitId(e.target.value)}
          sx={{ minWidth: 180 }}
        >
          <MenuItem value="">全部</MenuItem>
          {units?.map((u) => (
            <MenuItem key={u.id} value={u.id}>
              {u.name}
            </MenuItem>
          ))}
        </TextField>
        <Typography sx={{ alignSelf: 'center' }} color="text.secondary" aria-live="polite">
          {shown
            ? `共 ${shown.length} 项${shown.length !== rows?.length ? `（全部 ${rows?.length} 项）` : ''}`
            : '正在读取…'}
        </Typography>
      </Stack>
      {message && <Alert severity="error">{message}</Alert>}
      <VirtualTable
        ariaLabel="任务台账"
        columns={columns}
        rows={shown ?? []}
        rowKey={(r) => r.task.id}
        onRowClick={(r) => navigateTo(routes.task(r.task.id))}
        height="calc(100vh - 250px)"
        empty={rows?.length === 0 ? '还没有任务。点击“导入任务清单”，或“新增任务”逐项录入。' : '没有符合条件的任务。'}
      />
      {adding && <NewTaskDialog year={year} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
