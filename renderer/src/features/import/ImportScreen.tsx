import { Alert } from '@mui/material';
import { TaskListImport } from './TaskListImport';
import { ProgressImport } from './ProgressImport';
import { PlanImport } from './PlanImport';
import { EvaluationImport } from './EvaluationImport';
import { importKindLabels } from './kinds';

/** `#/import/tasks`, `#/import/plan`, `#/import/progress/5`, `#/import/evaluation`: one import flow per template kind. */
export function ImportScreen({ param }: { param: string }) {
  const [kind, month] = param.split('/');
  if (kind === 'tasks') return <TaskListImport />;
  if (kind === 'plan') return <PlanImport />;
  if (kind === 'progress' && month) return <ProgressImport month={Number(month)} />;
  if (kind === 'evaluation') return <EvaluationImport />;
  return <Alert severity="info">暂不支持导入“{importKindLabels[kind ?? ''] ?? kind}”。</Alert>;
}
