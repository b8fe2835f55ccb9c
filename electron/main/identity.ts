// Names that must never change between releases.

/**
 * Folder under %APPDATA% (Windows) / ~/.config (Linux) holding the IndexedDB data. Fixed on
 * purpose: Electron would otherwise derive it from productName, and renaming the product
 * would silently "lose" every office's data.
 */
export const userDataFolderName = 'duchaduban';

export const productTitle = '重点工作督查督办';

/**
 * The Windows AppUserModelID: the installer gives the shortcuts this id, and the running app
 * must use the same one or Windows shows it as a separate taskbar button. electron-builder.ts
 * takes it from here as its appId (from which the installer's registry key is derived too).
 */
export const appId = 'cn.duchaduban.desktop';
