// Names that must never change between releases.

/**
 * Folder under %APPDATA% (Windows) / ~/.config (Linux) holding the IndexedDB data. Fixed on
 * purpose: Electron would otherwise derive it from productName, and renaming the product
 * would silently "lose" every office's data.
 */
export const userDataFolderName = 'duchaduban';

export const productTitle = '重点工作督查督办';
