import { useState } from 'react';
import { Box, Button, Typography } from '@mui/material';
import type { PickedFile } from '../../../../electron/shared/contract';
import { desktop } from '../../io/desktop';

/** Choose files, or drop them here: staff drag a whole folder's worth of sheets from e-mail. */
export function FileDropZone({ onFiles, label }: { onFiles(files: PickedFile[]): void; label: string }) {
  const [over, setOver] = useState(false);
  const choose = async () => {
    const picked = await desktop.openFiles({ kind: 'excel', multiple: true, title: label });
    if (picked.length) onFiles(picked);
  };
  return (
    // A named region, so a screen reader says where files can be dropped; its button is the
    // keyboard's way to the same files.
    <Box
      role="region"
      aria-label={`${label}：拖放区`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={async (e) => {
        e.preventDefault();
        setOver(false);
        const dropped = Array.from(e.dataTransfer.files);
        onFiles(
          await Promise.all(dropped.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))),
        );
      }}
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: over ? 'primary.main' : 'divider',
        bgcolor: over ? 'action.hover' : 'background.paper',
        borderRadius: 2,
        p: 3,
        textAlign: 'center',
      }}
    >
      <Button variant="contained" onClick={choose}>
        {label}
      </Button>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        也可以把一个或多个 Excel 或 WPS 表格文件（.xlsx、.xls、.et）拖到这里。确认之前不会写入任何数据。
      </Typography>
    </Box>
  );
}
