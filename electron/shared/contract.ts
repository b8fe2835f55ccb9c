// The one contract between the Electron main process, the preload script and the renderer.
// Main implements it, preload exposes it as `window.api`, the renderer reads it only through
// renderer/src/io/desktop.ts (which falls back to browser APIs when `window.api` is absent).

/** What the renderer may ask for when opening files; main maps each kind to its dialog filters. */
export type FileKind = 'excel' | 'backup';

export interface OpenFilesRequest {
  kind: FileKind;
  title?: string;
  multiple?: boolean;
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface SaveFileRequest {
  /** File name offered in the dialog, e.g. `催报清单-2026年10月.xlsx`. */
  suggestedName: string;
  bytes: Uint8Array;
}

export interface SaveFileResult {
  saved: boolean;
  /** Where it was written (desktop) or the download name (browser). */
  path?: string;
}

/** One file of a batch: its name (made safe by main) and its content. */
export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

/**
 * Many files at once, e.g. one template per unit. Desktop: the user picks a folder and each
 * file is written there (a name already taken gets ' (2)', ' (3)' …; nothing is overwritten).
 * Browser: one `.zip` download named `zipName`.
 */
export interface SaveFilesRequest {
  /**
   * Name of a folder to create inside the folder the user picks, e.g. `2026年月方案`; the files
   * go into it (or straight into the picked folder when it already has this name). A name,
   * never a path: separators are removed.
   */
  folderHint?: string;
  files: NamedBytes[];
  /** Download name in the browser, e.g. `2026年月方案.zip`. */
  zipName: string;
}

export interface SaveFilesResult {
  /** How many files were written. */
  saved: number;
  /** The folder they went into (desktop) or the download name (browser). */
  folder?: string;
  /** The user closed the folder picker: nothing was written. */
  canceled?: boolean;
}

export interface PrintRequest {
  /** `print` opens the system print dialog; `pdf` saves the current view as an A4 PDF. */
  mode: 'print' | 'pdf';
  suggestedName?: string;
}

export interface PrintResult {
  done: boolean;
  path?: string;
}

export interface AppInfo {
  version: string;
  dataFolder: string;
  osUser: string;
  platform: string;
  shell: 'electron' | 'browser';
}

/** Why an automatic backup is taken; its file name says it in Chinese (backups-rules.ts). */
export type AutoBackupReason = 'quit' | 'daily' | 'import' | 'upgrade' | 'restore';

/** The reason as the office reads it, in the file name and on the 数据安全 screen. */
export const autoBackupReasonLabels: Record<AutoBackupReason, string> = {
  quit: '退出时',
  daily: '每日',
  import: '导入前',
  upgrade: '升级前',
  restore: '恢复前',
};

export interface AutoBackupRequest {
  reason: AutoBackupReason;
  /** A whole backup file as db/backup.ts makes it. */
  bytes: Uint8Array;
}

/** One automatic backup in the data folder's `backups` folder. */
export interface StoredBackup {
  name: string;
  reason: AutoBackupReason;
  /** When it was written (ISO). */
  createdAt: string;
  size: number;
}

export interface AutoBackupList {
  /** The folder (desktop); '' in the browser, which keeps no automatic backups. */
  folder: string;
  /** Newest first. */
  backups: StoredBackup[];
}

/**
 * Several PCs (issue 16): one HTTP request of the office sync (PouchDB's CouchDB client). In the
 * desktop app main sends it with Electron's network stack, only to the configured server and
 * database, adding the user's credentials (the renderer never holds the password); in the
 * browser build the page sends it itself.
 */
export interface SyncFetchRequest {
  /** Chosen by the renderer, to abort it (syncAbort). */
  id: string;
  url: string;
  method: string;
  headers: [string, string][];
  body?: string;
}

export interface SyncFetchResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Uint8Array;
}

/** The office server this PC synchronises with, and who it is there. */
export interface SyncCredentialsRequest {
  /** 'https://couch.example:6984' */
  origin: string;
  database: string;
  username: string;
  /** The password; omitted: keep the one stored. */
  password?: string;
}

export interface SyncCredentialsState {
  origin: string;
  database: string;
  username: string;
  hasPassword: boolean;
  /**
   * encrypted: kept with the operating system's protection (Electron safeStorage: DPAPI on
   * Windows), asked once; session: kept in memory only, asked again each time the app starts
   * (the browser build, or a Linux desktop without a keyring); none: nothing set up.
   */
  storage: 'encrypted' | 'session' | 'none';
}

export interface DesktopApi {
  openFiles(request: OpenFilesRequest): Promise<PickedFile[]>;
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  saveFiles(request: SaveFilesRequest): Promise<SaveFilesResult>;
  printView(request: PrintRequest): Promise<PrintResult>;
  appInfo(): Promise<AppInfo>;
  /** Writes an automatic backup (temporary file, flush, rename) and rotates the folder. */
  writeAutoBackup(request: AutoBackupRequest): Promise<StoredBackup>;
  listAutoBackups(): Promise<AutoBackupList>;
  /** One file of listAutoBackups, by name. */
  readAutoBackup(name: string): Promise<PickedFile>;
  /** Sends one request of the office sync (see SyncFetchRequest). */
  syncFetch(request: SyncFetchRequest): Promise<SyncFetchResponse>;
  /** Aborts a syncFetch still running (a live changes feed, when sync pauses). */
  syncAbort(id: string): Promise<void>;
  /** Sets the server, database and user, and (given) the password. */
  setSyncCredentials(request: SyncCredentialsRequest): Promise<SyncCredentialsState>;
  getSyncCredentials(): Promise<SyncCredentialsState>;
  /** Forgets server and password (sync stopped). */
  clearSyncCredentials(): Promise<void>;
}

/**
 * The renderer's function (a global of this name) that main calls when the window is closed:
 * it takes the 'quit' backup. Main waits for it up to `quitBackupTimeoutMs`, then closes anyway.
 */
export const beforeQuitHook = '__duchadubanBeforeQuit';
export const quitBackupTimeoutMs = 30_000;

/** IPC channel per API method; main registers exactly these, preload invokes exactly these. */
export const channels = {
  openFiles: 'files:open',
  saveFile: 'files:save',
  saveFiles: 'files:save-many',
  printView: 'view:print',
  appInfo: 'app:info',
  writeAutoBackup: 'backups:write',
  listAutoBackups: 'backups:list',
  readAutoBackup: 'backups:read',
  syncFetch: 'sync:fetch',
  syncAbort: 'sync:abort',
  setSyncCredentials: 'sync:credentials-set',
  getSyncCredentials: 'sync:credentials-get',
  clearSyncCredentials: 'sync:credentials-clear',
} as const;
