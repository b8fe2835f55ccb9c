// Where the built pieces sit relative to the main bundle (dist/electron/main.cjs):
// the preload bundle beside it, the Vite build in dist/renderer. Works inside app.asar too.
import path from 'node:path';

export const rendererRoot = path.join(__dirname, '..', 'renderer');
export const preloadPath = path.join(__dirname, 'preload.cjs');
