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
      MuiCssBaseline: {
        styleOverrides: {
          '@media print': { '.no-print': { display: 'none !important' } },
          // Native inputs for long lists of 督查反馈 (a select and a textarea per row, 1,600 rows in a
          // large district): one class instead of MUI's inputs, which measure and style each one.
          // The textarea grows with its text by CSS (field-sizing), with no script.
          '.plain-input': {
            width: '100%',
            boxSizing: 'border-box',
            font: 'inherit',
            fontSize: 14,
            padding: '6px 8px',
            border: '1px solid #bdbdbd',
            borderRadius: 4,
            background: '#fff',
            color: 'rgba(0, 0, 0, 0.87)',
          },
          'textarea.plain-input': { fieldSizing: 'content', minHeight: 32, resize: 'vertical' },
          '.plain-input:hover': { borderColor: 'rgba(0, 0, 0, 0.87)' },
          '.plain-input:focus': { outline: '2px solid #b71c1c', outlineOffset: -1 },
          '.plain-input:disabled, .plain-input[readonly]': { background: '#f5f5f5', color: 'rgba(0, 0, 0, 0.6)' },
        },
      },
      MuiTableCell: { styleOverrides: { head: { fontWeight: 700, whiteSpace: 'nowrap' } } },
      // Chinese needs no capitals, and 'Excel'/'PDF' must stay as written.
      MuiButton: { defaultProps: { disableElevation: true }, styleOverrides: { root: { textTransform: 'none' } } },
    },
  },
  zhCN,
);
