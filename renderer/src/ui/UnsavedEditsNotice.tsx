import { Alert, Button, Stack } from '@mui/material';
import { useUnsavedEdits } from './autosave';

/** Edits typed before the window closed that could not be saved since: shown until saved or given up. */
export function UnsavedEditsNotice() {
  const edits = useUnsavedEdits();
  if (edits.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }} className="no-print">
      {edits.map((e) => (
        <Alert
          key={e.id}
          severity="warning"
          action={
            <>
              <Button color="inherit" size="small" onClick={e.retry}>
                重试
              </Button>
              <Button color="inherit" size="small" onClick={e.discard}>
                放弃
              </Button>
            </>
          }
        >
          上次关闭前输入的“{e.label}”未能保存：{e.error}
        </Alert>
      ))}
    </Stack>
  );
}
