import { useCallback, useEffect, useState } from 'react';
import { Alert, Stack } from '@mui/material';
import { useDeviceLabels, verifyPeerChains, type PeerChainCheck } from '../../db/sync';

/** The other PCs' audit chains, each verified (shown under this PC's own check on 操作日志). */
export function PeerChainChecks() {
  const [checks, setChecks] = useState<PeerChainCheck[] | { error: string }>();
  useEffect(() => {
    verifyPeerChains().then(setChecks, (e: unknown) =>
      setChecks({ error: e instanceof Error ? e.message : String(e) }),
    );
  }, []);
  if (!checks) return null;
  if ('error' in checks) return <Alert severity="error">其他电脑的日志校验未能完成：{checks.error}</Alert>;
  return (
    <Stack spacing={1} aria-label="其他电脑的日志校验">
      {checks.map((c) =>
        c.ok ? (
          <Alert key={c.deviceId} severity="success">
            {c.label}：共 {c.count} 条记录，校验通过，未发现改动。
          </Alert>
        ) : (
          <Alert key={c.deviceId} severity={c.reason === 'gap' ? 'warning' : 'error'}>
            {c.label}：{c.message}。在此之前的 {c.count} 条记录校验通过。
          </Alert>
        ),
      )}
    </Stack>
  );
}

/** A PC's name for the log's 电脑 column (its newest label). */
export function useDeviceName(): (id: string, fallback: string) => string {
  const labels = useDeviceLabels();
  return useCallback((id: string, fallback: string) => labels?.get(id) ?? (fallback || id.slice(0, 8)), [labels]);
}
