// The data layer's public API: the only module of the app that imports dexie.

export { db, AppDb, DB_NAME, SCHEMA_VERSION, openDatabase } from './schema';
export { DomainError, errorChain, isStorageFull } from './errors';
export { setOperator, getOperator } from './operator';
export {
  loadOperator,
  saveOperator,
  createWorkYear,
  updateWorkYear,
  addUnit,
  addUnits,
  updateUnit,
  deleteUnit,
  addLeader,
  updateLeader,
  deleteLeader,
  putSetting,
} from './repo';
export type { NewWorkYear, NewUnit, NewLeader } from './repo';
export { addTask, updateTask, deleteTask } from './tasks';
export type { NewTask } from './tasks';
export { setTaskPlan, setReceivedDate, saveFeedback, updateFeedback, setMissingVerdicts } from './monthly';
export type { PlanMonth, FeedbackInput, FeedbackKey, FeedbackPatch } from './monthly';
export { publishMonth, reopenMonth } from './publish';
export {
  updateScoreRule,
  decideProposals,
  confirmProposals,
  waiveProposal,
  withdrawDecision,
  addManualEntry,
  deleteManualEntry,
} from './scores';
export type { ScoreRuleDefault, ScoreRulePatch, Proposal, NewManualEntry } from './scores';
export { addInterview, updateInterview, deleteInterview } from './interviews';
export type { NewInterview, InterviewPatch } from './interviews';
export { listEvaluations, useEvaluations, setSampleAccepted } from './evaluations';
export { commitImport, undoImport, IMPORT_TABLES } from './imports';
export { loadSample, removeSample, listSampleYears, emptiedBySampleRemoval } from './sample';
export type { SampleProgress } from './sample';
export type { ImportChangeset, ImportTable } from './imports';
export { sha256Hex } from './hash';
export {
  getSetting,
  listAudit,
  listUnits,
  listLeaders,
  listSections,
  listTasks,
  getTask,
  listImportBatches,
  getImportBatch,
  findImportedFiles,
  listTaskMilestones,
  listMilestones,
  listReports,
  listYearReports,
  listSubmissions,
  listYearSubmissions,
  listFeedback,
  listYearFeedback,
  listLatestSnapshots,
  getMonthState,
  listMonthStates,
  listMonthSnapshots,
  listScoreRules,
  listScoreEntries,
  listInterviews,
  getTaskStoryRows,
} from './queries';
export type { AuditFilter, ImportedFile, TaskStoryRows } from './queries';
export {
  useWorkYears,
  useUnits,
  useLeaders,
  useSections,
  useTasks,
  prefetchTasks,
  useTask,
  useTaskStoryRows,
  useImportBatches,
  useAuditEntries,
  useAuditOperators,
  useAuditNameRows,
  useImportBatch,
  useSetting,
  useMilestones,
  useYearMilestones,
  useReports,
  useYearReports,
  useSubmissions,
  useYearSubmissions,
  useYearFeedback,
  useLatestSnapshots,
  useFeedback,
  useMonthState,
  useMonthStates,
  useMonthSnapshots,
  useScoreRules,
  useScoreEntries,
  useYearScoreEntries,
  useInterviews,
} from './hooks';
export { onDatabaseReplaced, requestPersistentStorage, storageStatus, type StorageStatus } from './storage';
export { newerDatabaseNotice } from './audit';
export { verifyAuditChain, type ChainCheck } from './auditChain';
export {
  createBackup,
  createUpgradeBackup,
  holdsWork,
  readBackup,
  restoreBackup,
  describeCurrent,
  backupFileName,
  BACKUP_EXTENSION,
  BACKUP_LABEL,
  SAFETY_BACKUP_LABEL,
} from './backup';
export type {
  BackupSummary,
  BackupCheck,
  BackupTable,
  BackupOptions,
  CreatedBackup,
  RestoreOptions,
  RestoreResult,
} from './backup';
// 复盘 and 新年度 (issue 7).
export {
  saveReview,
  listReviews,
  getTaskReview,
  getTaskRecord,
  useReviews,
  useTaskReview,
  useTaskRecord,
} from './reviews';
export type { ReviewInput, TaskRecord } from './reviews';
export { startYearFrom, getCarriedSource, useCarriedSource } from './newYear';
export type { StartYearOptions, StartedYear, CarriedSource } from './newYear';
