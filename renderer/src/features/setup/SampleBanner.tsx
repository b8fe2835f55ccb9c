import { useState } from 'react';
import { Alert, AlertTitle, Button, GlobalStyles, Stack } from '@mui/material';
import { SAMPLE_MARK } from '../../core/model';
import { useYear } from '../../ui/YearContext';
import { RemoveSampleDialog } from './RemoveSampleDialog';

const printMarkStyles = (
  <GlobalStyles
    styles={{
      '.sample-print-mark': { display: 'none' },
      '@media print': {
        '.sample-print-mark': {
          display: 'block !important',
          textAlign: 'center',
          fontSize: '14pt',
          fontWeight: 700,
          marginBottom: '8pt',
        },
      },
    }}
  />
);

/**
 * At the top of every screen while the sample year is on screen: says so, offers the way back to
 * a real year and the removal. On paper, a line marks whatever is printed as sample data.
 */
export function SampleBanner() {
  const { years, current, choose } = useYear();
  const [removing, setRemoving] = useState(false);
  if (current?.sample !== true) return null;
  const real = years?.find((y) => y.sample !== true);
  return (
    <>
      <Alert
        severity="warning"
        className="no-print"
        sx={{ mb: 2 }}
        role="status"
        aria-label="示例数据提示"
        action={
          <Stack direction="row" spacing={1}>
            {real && (
              <Button color="inherit" size="small" onClick={() => choose(real.id)}>
                切换到{real.year}年度
              </Button>
            )}
            <Button color="inherit" size="small" variant="outlined" onClick={() => setRemoving(true)}>
              删除示例数据
            </Button>
          </Stack>
        }
      >
        <AlertTitle>示例数据</AlertTitle>
        当前显示的是示例数据“{current.title}”，供熟悉各项功能，不是正式数据，请勿对外打印或报送。
      </Alert>
      {printMarkStyles}
      <div className="sample-print-mark">{SAMPLE_MARK}</div>
      <RemoveSampleDialog year={current} open={removing} onClose={() => setRemoving(false)} />
    </>
  );
}
