// The data layer's public API: the only module of the app that imports dexie.

export { db, AppDb, DB_NAME, SCHEMA_VERSION, openDatabase } from './schema';
export { DomainError } from './errors';
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
export { getSetting, listAudit } from './queries';
export type { AuditFilter } from './queries';
export { useWorkYears, useUnits, useLeaders, useAuditEntries, useAuditOperators, useSetting } from './hooks';
