import { Typography, type SxProps, type Theme } from '@mui/material';
import { saveStatusText, type Autosave } from './autosave';

/**
 * The save status of a field or form saved as it is typed: 保存中… / 已保存 / 未保存：… /
 * 保存失败：…, in red when it is not saved. `idle` is shown until something is typed, `saved`
 * instead of 已保存 (to say what follows from the change).
 */
export function SaveStatus({
  save,
  idle = '',
  saved,
  label,
  sx,
}: {
  save: Pick<Autosave<unknown>, 'status' | 'message' | 'edited'>;
  idle?: string;
  saved?: string;
  /** The status's accessible name, where a screen has several. */
  label?: string;
  sx?: SxProps<Theme>;
}) {
  const text =
    !save.edited && save.status === 'saved' ? idle : save.status === 'saved' && saved ? saved : saveStatusText(save);
  return (
    <Typography
      role="status"
      aria-label={label}
      variant="body2"
      color={save.status === 'saved' || save.status === 'saving' ? 'text.secondary' : 'error'}
      sx={sx}
    >
      {text}
    </Typography>
  );
}
