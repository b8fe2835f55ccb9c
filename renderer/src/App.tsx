import { useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  AppBar,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  CircularProgress,
  Divider,
  Drawer,
  List,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  ListSubheader,
  Menu,
  MenuItem,
  TextField,
  Toolbar,
  Typography,
} from '@mui/material';
import EventNoteIcon from '@mui/icons-material/EventNote';
import ApartmentIcon from '@mui/icons-material/Apartment';
import PersonIcon from '@mui/icons-material/Person';
import HistoryIcon from '@mui/icons-material/History';
import ListAltIcon from '@mui/icons-material/ListAlt';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import TuneIcon from '@mui/icons-material/Tune';
import HomeIcon from '@mui/icons-material/Home';
import RuleIcon from '@mui/icons-material/Rule';
import SecurityIcon from '@mui/icons-material/Security';
import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import ScoreboardIcon from '@mui/icons-material/Scoreboard';
import FlagIcon from '@mui/icons-material/Flag';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import RateReviewIcon from '@mui/icons-material/RateReview';
import ThumbUpAltIcon from '@mui/icons-material/ThumbUpAlt';
import SummarizeIcon from '@mui/icons-material/Summarize';
import { holdsWork, loadOperator, newerDatabaseNotice, onDatabaseReplaced, requestPersistentStorage } from './db';
import { backupsOfEmptyDatabase } from './ui/autoBackup';
import { FirstRunGuide } from './features/setup/FirstRunGuide';
import { OperatorDialog } from './features/setup/OperatorDialog';
import { WorkYearScreen } from './features/setup/WorkYearScreen';
import { UnitsScreen } from './features/setup/UnitsScreen';
import { LeadersScreen } from './features/setup/LeadersScreen';
import { AuditLogScreen } from './features/audit/AuditLogScreen';
import { LedgerScreen } from './features/ledger/LedgerScreen';
import { TaskPage } from './features/ledger/TaskPage';
import { ImportScreen } from './features/import/ImportScreen';
import { ImportHistoryScreen } from './features/import/ImportHistoryScreen';
import { ColumnAliasScreen } from './features/settings/ColumnAliasScreen';
import { HomeScreen } from './features/cycle/HomeScreen';
import { RulesScreen } from './features/settings/RulesScreen';
import { ScoresScreen } from './features/scoring/ScoresScreen';
import { RankingScreen } from './features/scoring/RankingScreen';
import { ListsScreen } from './features/scoring/ListsScreen';
import { UnitPage } from './features/scoring/UnitPage';
import { EvaluationScreen } from './features/evaluation/EvaluationScreen';
import { DataSafetyScreen } from './features/backup/DataSafetyScreen';
import { AutoBackupGuard } from './features/backup/AutoBackupGuard';
import { AboutDialog } from './features/about/AboutDialog';
import { HelpScreen } from './features/help/HelpScreen';
import { PlansScreen } from './features/cycle/PlansScreen';
import { ReportsScreen } from './features/cycle/ReportsScreen';
import { FeedbackScreen } from './features/cycle/FeedbackScreen';
import { RemindersScreen } from './features/cycle/RemindersScreen';
import { SampleBanner } from './features/setup/SampleBanner';
import { ConflictsScreen } from './features/sync/ConflictsScreen';
import { SyncNotices, SyncStatusButton } from './ui/sync/SyncStatus';
import { RetrospectiveScreen } from './features/retrospective/RetrospectiveScreen';
import { ReviewWorkspace } from './features/retrospective/ReviewWorkspace';
import { YearReportScreen } from './features/yearReport/YearReportScreen';
import { YearGate, YearProvider, useYear } from './ui/YearContext';
import { navigateTo, useHashRoute } from './ui/useHashRoute';
import { plainRoute, routes, type PlainRoute, type RouteName } from './ui/routes';
import { replayUnsavedEdits } from './ui/autosave';
import { UnsavedEditsNotice } from './ui/UnsavedEditsNotice';

interface ScreenBase {
  label: string;
  render: (param: string | undefined) => ReactNode;
  /** Screens that work inside a year are disabled until one exists. */
  needsYear: boolean;
}
/** A screen of the drawer: its address needs nothing. */
interface DrawerScreen extends ScreenBase {
  route: PlainRoute;
  icon: ReactNode;
}
/** A page reached from another screen (a task, an import): not in the drawer. */
interface PageScreen extends ScreenBase {
  route: RouteName;
  inDrawer: false;
  /** The part of the drawer a page belongs to. */
  parent?: PlainRoute;
}
type Screen = DrawerScreen | PageScreen;
const inDrawer = (s: Screen): s is DrawerScreen => !('inDrawer' in s);

// In the order of the work (PRODUCT.md §1); only screens that work are listed.
const screens: Screen[] = [
  { route: 'home', label: '首页', icon: <HomeIcon />, render: () => <HomeScreen />, needsYear: false },
  { route: 'year', label: '工作年度', icon: <EventNoteIcon />, render: () => <WorkYearScreen />, needsYear: false },
  { route: 'units', label: '单位', icon: <ApartmentIcon />, render: () => <UnitsScreen />, needsYear: true },
  { route: 'leaders', label: '区领导', icon: <PersonIcon />, render: () => <LeadersScreen />, needsYear: true },
  { route: 'ledger', label: '任务台账', icon: <ListAltIcon />, render: () => <LedgerScreen />, needsYear: true },
  {
    route: 'task',
    label: '任务详情',
    inDrawer: false,
    parent: 'ledger',
    render: (id) => <TaskPage taskId={id ?? ''} />,
    needsYear: true,
  },
  { route: 'plans', label: '月方案', icon: <CalendarMonthIcon />, render: () => <PlansScreen />, needsYear: true },
  {
    route: 'reports',
    label: '月度进展',
    icon: <TrendingUpIcon />,
    render: (m) => <ReportsScreen key={m} monthParam={m} />,
    needsYear: true,
  },
  {
    route: 'reminders',
    label: '催报清单',
    inDrawer: false,
    parent: 'reports',
    render: (m) => <RemindersScreen key={m} monthParam={m} />,
    needsYear: true,
  },
  {
    route: 'feedback',
    label: '督查反馈',
    icon: <FactCheckIcon />,
    render: (m) => <FeedbackScreen key={m} monthParam={m} />,
    needsYear: true,
  },
  {
    route: 'scores',
    label: '加扣分',
    icon: <ScoreboardIcon />,
    render: (m) => <ScoresScreen key={m} monthParam={m} />,
    needsYear: true,
  },
  {
    route: 'ranking',
    label: '赛马排名',
    icon: <EmojiEventsIcon />,
    render: (m) => <RankingScreen key={m} monthParam={m} />,
    needsYear: true,
  },
  {
    route: 'lists',
    label: '红黑榜',
    icon: <FlagIcon />,
    render: (m) => <ListsScreen key={m} monthParam={m} />,
    needsYear: true,
  },
  {
    route: 'evaluation',
    label: '第三方评估',
    icon: <ThumbUpAltIcon />,
    render: () => <EvaluationScreen />,
    needsYear: true,
  },
  {
    route: 'retrospective',
    label: '复盘',
    icon: <RateReviewIcon />,
    render: () => <RetrospectiveScreen />,
    needsYear: true,
  },
  {
    route: 'retro',
    label: '任务复盘',
    inDrawer: false,
    parent: 'retrospective',
    render: (id) => <ReviewWorkspace key={id} taskId={id ?? ''} />,
    needsYear: true,
  },
  {
    route: 'year-report',
    label: '年度报告',
    icon: <SummarizeIcon />,
    render: () => <YearReportScreen />,
    needsYear: true,
  },
  {
    route: 'unit',
    label: '单位赛马记录',
    inDrawer: false,
    parent: 'ranking',
    render: (id) => <UnitPage unitId={id ?? ''} />,
    needsYear: true,
  },
  {
    route: 'import',
    label: '导入',
    inDrawer: false,
    parent: 'imports',
    render: (param) => <ImportScreen param={param ?? 'tasks'} />,
    needsYear: true,
  },
  {
    route: 'imports',
    label: '导入记录',
    icon: <UploadFileIcon />,
    render: () => <ImportHistoryScreen />,
    needsYear: true,
  },
  { route: 'rules', label: '规则设置', icon: <RuleIcon />, render: () => <RulesScreen />, needsYear: false },
  { route: 'aliases', label: '列名别名', icon: <TuneIcon />, render: () => <ColumnAliasScreen />, needsYear: false },
  { route: 'safety', label: '数据安全', icon: <SecurityIcon />, render: () => <DataSafetyScreen />, needsYear: false },
  { route: 'help', label: '使用说明', inDrawer: false, render: () => <HelpScreen />, needsYear: false },
  {
    route: 'conflicts',
    label: '同步冲突',
    inDrawer: false,
    parent: 'safety',
    render: () => <ConflictsScreen />,
    needsYear: false,
  },
  { route: 'audit', label: '操作日志', icon: <HistoryIcon />, render: () => <AuditLogScreen />, needsYear: false },
];

const drawerWidth = 200;
/** The drawer's settings (规则设置 to 操作日志) sit under their own subheader, after the work. */
const settingsStart: PlainRoute = 'rules';

export function App() {
  const [operator, setOperatorName] = useState<string | undefined>();
  const [loaded, setLoaded] = useState(false);
  const [askOperator, setAskOperator] = useState(false);
  const [readOnly, setReadOnly] = useState<string>();
  const [replaced, setReplaced] = useState(false);
  const [guideOpen, setGuideOpen] = useState(false);
  useEffect(() => onDatabaseReplaced(() => setReplaced(true)), []);

  useEffect(() => {
    // Ask once that the browser never evicts the office's data under disk pressure.
    void requestPersistentStorage();
    void newerDatabaseNotice().then(setReadOnly);
    void loadOperator().then(async (name) => {
      // Edits typed before the window was last closed or reloaded, whose save had not finished.
      if (name) await replayUnsavedEdits();
      setOperatorName(name);
      setAskOperator(!name);
      setLoaded(true);
    });
  }, []);

  if (!loaded) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', height: '100vh' }}>
        <CircularProgress aria-label="正在打开数据库" />
      </Box>
    );
  }
  return (
    <YearProvider>
      <Shell
        operator={operator}
        readOnly={readOnly}
        onChangeOperator={() => setAskOperator(true)}
        onOpenGuide={() => setGuideOpen(true)}
      />
      {/* After the operator's name: restoring from the loss dialog is an audited change. */}
      {operator && <AutoBackupGuard />}
      <OperatorDialog
        open={askOperator}
        initialName={operator}
        onSaved={(name) => {
          const firstStart = operator === undefined;
          setOperatorName(name);
          setAskOperator(false);
          if (firstStart) void offerGuide().then(setGuideOpen);
        }}
        onCancel={operator ? () => setAskOperator(false) : undefined}
      />
      <FirstRunGuide open={guideOpen} operator={operator} onClose={() => setGuideOpen(false)} />
      <Dialog open={replaced}>
        <DialogTitle>数据库已在其他窗口中更新</DialogTitle>
        <DialogContent>
          <DialogContentText>
            另一个窗口升级或恢复了数据库。为避免写入旧数据，本窗口已停止使用数据库，请重新加载。
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => window.location.reload()}>
            重新加载
          </Button>
        </DialogActions>
      </Dialog>
    </YearProvider>
  );
}

/**
 * The guide opens by itself on a first start with an empty database, unless backups show that
 * the database was emptied (AutoBackupGuard offers the restore instead).
 */
async function offerGuide(): Promise<boolean> {
  if (await holdsWork()) return false;
  return (await backupsOfEmptyDatabase()).length === 0;
}

interface ShellProps {
  operator: string | undefined;
  readOnly?: string;
  onChangeOperator(): void;
  onOpenGuide(): void;
}

function Shell({ operator, readOnly, onChangeOperator, onOpenGuide }: ShellProps) {
  const route = useHashRoute('home');
  const { years, current, choose } = useYear();
  const screen = screens.find((s) => s.route === route.name) ?? screens[0]!;
  const drawerRoute = 'parent' in screen ? (screen.parent ?? screen.route) : screen.route;
  const [aboutOpen, setAboutOpen] = useState(false);

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar position="fixed" sx={{ zIndex: (t) => t.zIndex.drawer + 1 }} className="no-print">
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Typography variant="h6" component="h1" sx={{ flexGrow: 1, fontWeight: 700 }}>
            重点工作督查督办
          </Typography>
          {years && years.length > 0 && (
            <TextField
              select
              size="small"
              value={current?.id ?? ''}
              slotProps={{ htmlInput: { 'aria-label': '工作年度' } }}
              onChange={(e) => choose(e.target.value)}
              sx={{ minWidth: 130, '& .MuiInputBase-root': { bgcolor: 'background.paper' } }}
            >
              {years.map((y) => (
                <MenuItem key={y.id} value={y.id}>
                  {y.year}年度{y.sample ? '（示例）' : ''}
                </MenuItem>
              ))}
            </TextField>
          )}
          <SyncStatusButton />
          <Button color="inherit" onClick={onChangeOperator} title="更换操作人">
            操作人：{operator ?? '未设置'}
          </Button>
          <HelpMenu onOpenGuide={onOpenGuide} onOpenAbout={() => setAboutOpen(true)} />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        className="no-print"
        // The paper is fixed to the window's full height and scrolls by itself when the window is
        // shorter than the list, so the settings at its end are never below the page's fold.
        sx={{
          width: drawerWidth,
          '& .MuiDrawer-paper': { width: drawerWidth, height: '100vh', boxSizing: 'border-box' },
        }}
      >
        <Toolbar variant="dense" />
        <List component="nav" aria-label="功能导航" dense>
          {screens.filter(inDrawer).map((s) => (
            <Box key={s.route}>
              {s.route === settingsStart && (
                <>
                  <Divider sx={{ my: 0.5 }} />
                  <ListSubheader component="div" disableSticky sx={{ lineHeight: '32px' }}>
                    系统设置
                  </ListSubheader>
                </>
              )}
              <ListItemButton
                selected={s.route === drawerRoute}
                onClick={() => navigateTo(plainRoute(s.route))}
                sx={{ py: 0.25 }}
              >
                <ListItemIcon sx={{ minWidth: 36 }}>{s.icon}</ListItemIcon>
                <ListItemText primary={s.label} />
              </ListItemButton>
            </Box>
          ))}
        </List>
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, p: 3, minWidth: 0 }}>
        <Toolbar variant="dense" className="no-print" />
        {readOnly && (
          <Alert severity="error" className="no-print" sx={{ mb: 2 }}>
            只读模式：{readOnly}
          </Alert>
        )}
        <SampleBanner />
        <SyncNotices />
        <UnsavedEditsNotice />
        {/* One tree shape with or without a year, so a screen keeps its state when the first year appears. */}
        <YearGate year={current}>
          {current || !screen.needsYear ? (
            screen.render(route.param)
          ) : (
            <Box sx={{ mt: 4 }}>
              <Typography>请先在“工作年度”中创建工作年度。</Typography>
              <Button sx={{ mt: 2 }} variant="contained" onClick={() => navigateTo(routes.year())}>
                去创建工作年度
              </Button>
            </Box>
          )}
        </YearGate>
      </Box>
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </Box>
  );
}

/** 帮助: reachable in the browser build too, where there is no Electron menu. */
function HelpMenu({ onOpenGuide, onOpenAbout }: { onOpenGuide(): void; onOpenAbout(): void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const pick = (action: () => void) => () => {
    setAnchor(null);
    action();
  };
  return (
    <>
      <Button color="inherit" onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        帮助
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={pick(onOpenGuide)}>快速入门</MenuItem>
        <MenuItem onClick={pick(() => navigateTo(routes.help()))}>使用说明</MenuItem>
        <MenuItem onClick={pick(onOpenAbout)}>关于</MenuItem>
      </Menu>
    </>
  );
}
