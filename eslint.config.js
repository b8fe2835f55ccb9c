import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

// The import walls of docs/ARCHITECTURE: each outside library lives in exactly one folder.
const outsideCore = [
  {
    group: ['**/db', '**/db/**', '**/io', '**/io/**', '**/features/**', '**/print/**', '**/ui/**', '**/sync/**'],
    message: 'core/ 只含纯规则：不得依赖 db、io、sync、界面。',
  },
  {
    group: ['react', 'react-dom', '@mui/*', 'dexie', 'dexie-react-hooks', 'exceljs', '@e965/xlsx', 'pouchdb-*'],
    message: 'core/ 只含纯规则：不得依赖界面、数据库或表格库。',
  },
];
const dexieOnlyInDb = {
  group: ['dexie', 'dexie-react-hooks', 'dexie-*'],
  message: '只有 renderer/src/db 可以引入 dexie。',
};
const excelOnlyInIo = { group: ['exceljs', '@e965/xlsx'], message: '只有 renderer/src/io/excel 可以引入表格库。' };
const docxOnlyInPrint = { group: ['docx'], message: '只有 renderer/src/print 可以引入 docx。' };
const pouchOnlyInSync = { group: ['pouchdb', 'pouchdb-*'], message: '只有 renderer/src/sync 可以引入 PouchDB。' };
const noRendererInElectron = { group: ['**/renderer/**'], message: 'electron/ 不得引入 renderer/ 的代码。' };
// From a feature's folder, '../x/…' is another feature ('../../ui/…' is not).
const featureToFeature = { regex: '^\\.\\./(?!\\.\\./)', message: '功能之间不得互相引用：共用的部分放在 ui/。' };
const uiToFeature = { group: ['**/features/**'], message: 'ui/ 为各功能共用，不得引用某个功能。' };
// The renderer may share the IPC contract (electron/shared), never Electron itself or main/preload code.
const noElectronInRenderer = {
  regex: '^electron(/.*)?$|/electron/(main|preload)/',
  message: '渲染进程不得引入 electron，只能经由 io/desktop.ts。',
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Build and check scripts run in Node.
    files: ['scripts/**/*.{js,mjs}', 'couchdb/**/*.{js,mjs,cjs}', '*.config.js'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
      },
    },
  },
  {
    // pouchdb-server's CORS middleware, kept as it is (CommonJS).
    files: ['couchdb/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: outsideCore }],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'core/ 不得访问 DOM。' },
        { name: 'document', message: 'core/ 不得访问 DOM。' },
        { name: 'indexedDB', message: 'core/ 不得访问数据库。' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core/ 不得读取当前时间：今天作为参数传入。',
        },
        {
          selector: 'NewExpression[callee.name="Date"][arguments.length=0]',
          message: 'core/ 不得读取当前时间：今天作为参数传入。',
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: [
      'renderer/src/core/**',
      'renderer/src/db/**',
      'renderer/src/io/excel/**',
      'renderer/src/print/**',
      'renderer/src/features/**',
      'renderer/src/ui/**',
      'renderer/src/sync/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [dexieOnlyInDb, excelOnlyInIo, docxOnlyInPrint, pouchOnlyInSync, noElectronInRenderer] },
      ],
    },
  },
  {
    // The office sync (issue 16): the only user of PouchDB.
    files: ['renderer/src/sync/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [dexieOnlyInDb, excelOnlyInIo, docxOnlyInPrint, noElectronInRenderer] },
      ],
    },
  },
  {
    // A feature (a screen and its parts) imports ui/, db/, core/, io/ and print/, never another
    // feature: what two features share lives in ui/.
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            dexieOnlyInDb,
            excelOnlyInIo,
            docxOnlyInPrint,
            pouchOnlyInSync,
            noElectronInRenderer,
            featureToFeature,
          ],
        },
      ],
    },
  },
  {
    // ui/ is what the features share: it never reaches into one.
    files: ['renderer/src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [dexieOnlyInDb, excelOnlyInIo, docxOnlyInPrint, pouchOnlyInSync, noElectronInRenderer, uiToFeature],
        },
      ],
    },
  },
  {
    files: ['renderer/src/print/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [dexieOnlyInDb, excelOnlyInIo, pouchOnlyInSync, noElectronInRenderer] },
      ],
    },
  },
  {
    files: ['renderer/src/db/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [excelOnlyInIo, pouchOnlyInSync, noElectronInRenderer] }],
    },
  },
  {
    files: ['renderer/src/io/excel/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [dexieOnlyInDb, pouchOnlyInSync, noElectronInRenderer] }],
    },
  },
  {
    // window.api is read in exactly one place, which supplies the browser fallback.
    files: ['renderer/src/**/*.{ts,tsx}'],
    ignores: ['renderer/src/io/desktop.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'api', message: '只能经由 io/desktop.ts 使用桌面接口。' },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noRendererInElectron] }] },
  },
);
