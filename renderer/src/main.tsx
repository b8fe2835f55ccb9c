import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Alert, Box, Button, CssBaseline, Stack, ThemeProvider, Typography } from '@mui/material';
import { theme } from './ui/theme';
import { DateLocalization } from './ui/DateField';
import { userMessage } from './ui/errors';
import { App } from './App';
import { backUpBeforeUpgrade } from './ui/autoBackup';
import { initSync } from './sync/service';

/**
 * When the automatic backup before a schema upgrade fails, the upgrade waits: the office
 * decides, knowing that the database is about to change without a copy of its old state.
 */
function UpgradeBackupFailed({ reason }: { reason: string }) {
  const [proceed, setProceed] = useState(false);
  if (proceed) return <App />;
  return (
    <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 4 }}>
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <Typography variant="h5" component="h1">
          升级前自动备份失败
        </Typography>
        <Alert severity="error">{reason}</Alert>
        <Typography>
          本版本程序需要升级数据库的结构。升级前的自动备份没有成功，因此尚未升级，数据没有任何改动。请先释放磁盘空间或检查数据文件夹的权限，然后重新打开程序。
        </Typography>
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" color="error" onClick={() => setProceed(true)}>
            不备份，继续打开
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}

async function start() {
  let failure: string | undefined;
  try {
    // Before anything opens (and so upgrades) the database.
    await backUpBeforeUpgrade();
  } catch (e) {
    failure = userMessage(e);
  }
  if (failure === undefined) {
    // Several PCs: the page's connect policy, then the sync when this PC is set up (issue 16).
    await initSync().catch((e: unknown) => console.error('多机同步未能启动', e));
  }
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <DateLocalization>
          {failure === undefined ? <App /> : <UpgradeBackupFailed reason={failure} />}
        </DateLocalization>
      </ThemeProvider>
    </StrictMode>,
  );
}

void start();
