import { useState } from 'react';
import {
  Box,
  Button,
  Chip,
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
import {
  columnLabels,
  defaultColumnAliases,
  progressFields,
  taskListFields,
  type ColumnAliasTable,
} from '../../core/import/columns';
import type { TemplateKind } from '../../core/import/types';
import { putSetting, useSetting } from '../../db';
import { ActionAlert, useAction } from '../../ui/useAction';

const editable: { kind: TemplateKind; label: string; fields: readonly string[] }[] = [
  { kind: 'tasks', label: '任务清单', fields: taskListFields },
  { kind: 'progress', label: '月度进展', fields: progressFields },
];

/**
 * Units' own sheets name their columns in many ways (完成进度, 进展情况, 目前状态 …). The built-in
 * names cover the common ones; the office adds the rest here and every later import knows them.
 */
export function ColumnAliasScreen() {
  const table = useSetting<ColumnAliasTable>('columnAliases') ?? {};
  const [kind, setKind] = useState<TemplateKind>('progress');
  const [field, setField] = useState('');
  const [text, setText] = useState('');
  const { message, setMessage, run } = useAction();
  const current = editable.find((e) => e.kind === kind)!;
  const defaults = defaultColumnAliases[kind] as Record<string, readonly string[]>;

  const save = (next: ColumnAliasTable, done: string) => run(() => putSetting('columnAliases', next), done);
  const add = () => {
    const alias = text.trim();
    if (!field || !alias) return;
    const taken = Object.entries({ ...defaults, ...table[kind] }).find(([, names]) => names.includes(alias));
    if (taken) {
      setMessage({ severity: 'error', text: `列名“${alias}”已对应“${columnLabels[kind][taken[0]]}”。` });
      return;
    }
    const mine = table[kind] ?? {};
    void save(
      { ...table, [kind]: { ...mine, [field]: [...(mine[field] ?? []), alias] } },
      `已添加：“${alias}”识别为“${columnLabels[kind][field]}”。`,
    );
    setText('');
  };
  const remove = (f: string, alias: string) => {
    const mine = table[kind] ?? {};
    void save(
      { ...table, [kind]: { ...mine, [f]: (mine[f] ?? []).filter((a) => a !== alias) } },
      `已删除列名“${alias}”。`,
    );
  };

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h2">
        列名别名
      </Typography>
      <Typography color="text.secondary">
        导入单位自制的表格时，按这里的列名识别各列。内置列名不可删除；可为任一栏目添加本单位常见的其他写法。
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label="表格类型"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as TemplateKind);
            setField('');
          }}
          sx={{ minWidth: 140 }}
        >
          {editable.map((e) => (
            <MenuItem key={e.kind} value={e.kind}>
              {e.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="栏目"
          value={field}
          onChange={(e) => setField(e.target.value)}
          sx={{ minWidth: 180 }}
        >
          {current.fields.map((f) => (
            <MenuItem key={f} value={f}>
              {columnLabels[kind][f]}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          size="small"
          label="表格中的列名"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && add()}
        />
        <Button variant="contained" onClick={add} disabled={!field || !text.trim()}>
          添加
        </Button>
      </Stack>
      <ActionAlert message={message} onClose={() => setMessage(undefined)} />
      <Paper variant="outlined">
        <Table size="small" aria-label="列名别名">
          <TableHead>
            <TableRow>
              <TableCell>栏目</TableCell>
              <TableCell>可识别的列名</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {current.fields.map((f) => (
              <TableRow key={f}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{columnLabels[kind][f]}</TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
                    {(defaults[f] ?? []).map((a) => (
                      <Chip key={a} size="small" label={a} />
                    ))}
                    {(table[kind]?.[f] ?? []).map((a) => (
                      <Chip
                        key={`mine-${a}`}
                        size="small"
                        color="primary"
                        variant="outlined"
                        label={a}
                        onDelete={() => remove(f, a)}
                      />
                    ))}
                  </Box>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </Stack>
  );
}
