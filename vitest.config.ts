import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['renderer/src/**/*.test.ts', 'renderer/src/**/*.test.tsx', 'electron/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
