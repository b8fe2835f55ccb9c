import { createTheme } from '@mui/material/styles';
import { zhCN } from '@mui/material/locale';

// Windows office PCs have Microsoft YaHei; the Linux test machines and 信创 desktops have Noto CJK.
export const uiFontStack =
  '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';

export const theme = createTheme(
  {
    palette: {
      primary: { main: '#b71c1c' },
      secondary: { main: '#1e4f8a' },
      background: { default: '#f5f5f4' },
    },
    typography: { fontFamily: uiFontStack, fontSize: 14 },
    components: {
      // Screens print without the app's chrome; print views (later) add their own A4 layout.
      MuiCssBaseline: { styleOverrides: { '@media print': { '.no-print': { display: 'none !important' } } } },
      MuiTableCell: { styleOverrides: { head: { fontWeight: 700, whiteSpace: 'nowrap' } } },
      // Chinese needs no capitals, and 'Excel'/'PDF' must stay as written.
      MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none' } } },
    },
  },
  zhCN,
);
