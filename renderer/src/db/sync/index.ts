// The data layer's side of the office sync (issue 16): what the sync layer (renderer/src/sync,
// the only user of PouchDB) and the screens may call. Dexie stays here.
export type {
  ConflictKind,
  ConflictLeaf,
  DeviceState,
  IncomingChange,
  IncomingDoc,
  SyncConfig,
  SyncConflictRow,
} from './types';
export { SYNCED_TABLES, docIdOf, tableOfDocId } from './ids';
export { READ_ONLY_MESSAGE, syncDevice } from './record';
export {
  takeOutbox,
  markPushed,
  confirmUploaded,
  unconfirmed,
  pendingUploads,
  type PushBatch,
  type PushDoc,
} from './outbox';
export { applyIncoming, monthDocIds, SYNC_OPERATOR, type ApplyResult } from './apply';
export { resolveConflict, type Resolution } from './resolve';
export {
  getSyncSettings,
  setSyncValue,
  setUpSync,
  seedOutbox,
  localDataCount,
  clearForServerCopy,
  sendRestoredData,
  stopSync,
  PAUSED_KEY,
  CONFIG_KEY,
  INITIAL_KEY,
  LAST_SYNCED_KEY,
  type SyncSettings,
  type RestorePending,
} from './state';
export {
  verifyPeerChains,
  listMergedAudit,
  useMergedAudit,
  usePeerCount,
  usePeerOperators,
  useDeviceLabels,
} from './peers';
export type { PeerChainCheck, LogLine } from './peers';
export { useSyncConflicts, useSyncCounts, conflictCount } from './hooks';
export { ROLE_KEY } from './record';
export { watchOutbox, watchRestorePending, useSyncSettings, useConflictKeys } from './hooks';
