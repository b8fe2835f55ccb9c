// electron-builder configuration: `npm run dist` (see README, 打包与发布). electron-builder finds
// this file by its name and loads it itself; scripts/packaging.test.ts checks it and packs the
// app with it against a stand-in Electron.
import type { Configuration } from 'electron-builder';
import { appId } from './electron/main/identity';

const config: Configuration = {
  // Never changes between releases: the installer's registry key and the Windows taskbar
  // identity derive from it (see identity.ts).
  appId,
  // productName (重点工作督查督办) and version come from package.json. The executable gets a
  // plain ASCII name: duchaduban.exe, /opt/重点工作督查督办/duchaduban.
  executableName: 'duchaduban',
  copyright: '区政府督查室',
  directories: { output: 'release', buildResources: 'build' },

  // Only what runs: main and preload are bundled by esbuild, the renderer by Vite, so the app
  // needs no node_modules at all (main.cjs requires only electron and node: built-ins).
  files: [
    'package.json',
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/renderer/**/*',
    '!**/*.map',
    '!node_modules{,/**/*}',
  ],
  asar: true,
  // No native modules: nothing to rebuild (which also keeps @electron/rebuild out of the build).
  npmRebuild: false,
  // Chromium's own UI (print preview, context menus) in Chinese; English is its fallback.
  electronLanguages: ['zh-CN', 'en-US'],
  publish: null,

  // Flipped in the Electron binary after packing, before signing. See README, 打包与发布.
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
    loadBrowserProcessSpecificV8Snapshot: false,
    // The app keeps no cookies (its data is in IndexedDB), so encrypting them gains nothing,
    // while on Linux it ties start-up to the desktop keyring (an unlock prompt where one is
    // locked or missing, as on some UOS and Kylin set-ups).
    enableCookieEncryption: false,
  },

  win: {
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    icon: 'build/icon.ico',
    requestedExecutionLevel: 'asInvoker',
  },
  nsis: {
    // One click, per user: installs into %LOCALAPPDATA%\Programs\duchaduban without
    // administrator rights (no UAC prompt), which office PCs rarely grant.
    oneClick: true,
    perMachine: false,
    // An assisted-installer option; set so that a switch to oneClick: false cannot prompt for
    // administrator rights.
    allowElevation: false,
    installerLanguages: ['zh_CN'],
    language: '2052',
    multiLanguageInstaller: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '重点工作督查督办',
    runAfterFinish: true,
    // The data (%APPDATA%\duchaduban) stays on uninstall; only `卸载程序 --delete-app-data` removes it.
    deleteAppDataOnUninstall: false,
    installerIcon: 'build/icon.ico',
    uninstallerIcon: 'build/icon.ico',
    artifactName: '${productName}-${version}-安装程序.${ext}',
  },
  portable: {
    artifactName: '${productName}-${version}-便携版.${ext}',
  },

  // Domestic Linux desktops (UOS, Kylin) on x86-64 and ARM64 (Phytium, Kunpeng) take .deb.
  linux: {
    target: [{ target: 'deb', arch: ['x64', 'arm64'] }],
    icon: 'build/icons',
    category: 'Office',
    maintainer: '区政府督查室 <duchaduban@example.invalid>',
    synopsis: '重点工作督查督办',
    description: '区政府督查室重点工作督查督办桌面应用',
    desktop: {
      entry: {
        Name: '重点工作督查督办',
        Comment: '重点工作督查督办：台账、月方案、月度进展、督查反馈、赛马排名与红黑榜',
      },
    },
  },
  deb: {
    artifactName: '${name}_${version}_${arch}.${ext}',
    priority: 'optional',
  },
};

export default config;
