import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'renderer/src/**/*.test.ts',
      'renderer/src/**/*.test.tsx',
      'electron/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // Some tests build workbooks or map thousands of rows; on a shared 2-core machine under load
    // they took over the default 5 s. A limit against hangs, not a speed check (that is `npm run bench`).
    testTimeout: 30_000,
  },
});
