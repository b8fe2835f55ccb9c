// The benchmark page (scripts/bench/browser): the app's Excel worker client, mapping and data
// layer in a page of their own, so that browser.ts can call them. Built by run.ts into a
// temporary folder; nothing of it ships with the app.
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('./browser', import.meta.url).pathname,
  base: './',
  logLevel: 'warn',
  build: {
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 5000,
  },
  worker: { format: 'es' },
});
