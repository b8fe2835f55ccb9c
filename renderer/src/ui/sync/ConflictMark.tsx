import { Chip } from '@mui/material';
import { navigateTo } from '../useHashRoute';
import { routes } from '../routes';

/** The mark a record in conflict carries on its screen, linking to 同步冲突. */
export function ConflictMark({ conflicted }: { conflicted: boolean }) {
  if (!conflicted) return null;
  return (
    <Chip
      size="small"
      color="warning"
      label="同步冲突"
      onClick={() => navigateTo(routes.conflicts())}
      sx={{ ml: 1 }}
      aria-label="该记录有同步冲突，点击查看"
    />
  );
}
