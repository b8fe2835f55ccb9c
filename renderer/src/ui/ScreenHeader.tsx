import type { ReactNode } from 'react';
import { Stack, Typography } from '@mui/material';

/**
 * A screen's title (its h2) with the screen's actions beside it; the actions wrap to a second line
 * on a narrow window instead of squeezing the title. `back` is the way back, before the title;
 * `screenOnly` leaves the header off the printout of screens that print themselves.
 */
export function ScreenHeader({
  title,
  back,
  screenOnly,
  children,
}: {
  title: ReactNode;
  back?: ReactNode;
  screenOnly?: boolean;
  children?: ReactNode;
}) {
  return (
    <Stack
      direction="row"
      spacing={1}
      sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}
      className={screenOnly ? 'screen-only' : undefined}
    >
      {back}
      <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
        {title}
      </Typography>
      {children}
    </Stack>
  );
}
