// Pure rules for the main window: its options and where it reopens.
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { productTitle } from './identity';

export interface WindowState extends Rectangle {
  maximized: boolean;
}

export const minWindowSize = { width: 960, height: 600 } as const;
export const defaultWindowSize = { width: 1280, height: 800 } as const;
/** The part of the title bar that must lie on a display for the user to grab the window. */
const grabbable = { width: 120, height: 16, titleBar: 32 } as const;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Reads the JSON saved on the last close; anything malformed means "no saved state". */
export function parseWindowState(value: unknown): WindowState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { x, y, width, height, maximized } = value as Record<string, unknown>;
  if (!isFiniteNumber(x) || !isFiniteNumber(y) || !isFiniteNumber(width) || !isFiniteNumber(height)) return undefined;
  if (width <= 0 || height <= 0) return undefined;
  return {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.round(width),
    height: Math.round(height),
    maximized: maximized === true,
  };
}

function overlap(aStart: number, aLength: number, bStart: number, bLength: number): number {
  return Math.min(aStart + aLength, bStart + bLength) - Math.max(aStart, bStart);
}

/**
 * The saved bounds, if the window would still be reachable: its title bar must lie on one of
 * the displays' work areas (a monitor may have been unplugged since). Too-small sizes are
 * raised to the minimum; sizes larger than that display are reduced to fit it.
 */
export function restoreBounds(saved: WindowState | undefined, displays: readonly Rectangle[]): WindowState | undefined {
  if (!saved) return undefined;
  const width = Math.max(saved.width, minWindowSize.width);
  const height = Math.max(saved.height, minWindowSize.height);
  const display = displays.find(
    (area) =>
      overlap(saved.x, width, area.x, area.width) >= grabbable.width &&
      overlap(saved.y, grabbable.titleBar, area.y, area.height) >= grabbable.height,
  );
  if (!display) return undefined;
  return {
    x: saved.x,
    y: saved.y,
    width: Math.min(width, display.width),
    height: Math.min(height, display.height),
    maximized: saved.maximized,
  };
}

/** Everything the renderer runs with. window.ts restates the security flags literally (see there). */
export function secureWebPreferences(
  preloadPath: string,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spell checker fetches dictionaries from Google's CDN, unreachable (and unwanted) here.
    spellcheck: false,
    // Middle-click would otherwise try to open links in new windows.
    disableBlinkFeatures: 'Auxclick',
  };
}

/**
 * Options for the main window. `displays` are work areas, the primary display first.
 * Without usable saved bounds, x/y are omitted so Electron centres the window.
 */
export function windowOptions(
  preloadPath: string,
  savedBounds: WindowState | undefined,
  displays: readonly Rectangle[],
): BrowserWindowConstructorOptions {
  const restored = restoreBounds(savedBounds, displays);
  const primary = displays[0];
  const size = restored ?? {
    width: Math.min(defaultWindowSize.width, primary?.width ?? defaultWindowSize.width),
    height: Math.min(defaultWindowSize.height, primary?.height ?? defaultWindowSize.height),
  };
  return {
    ...(restored ? { x: restored.x, y: restored.y } : {}),
    width: size.width,
    height: size.height,
    minWidth: minWindowSize.width,
    minHeight: minWindowSize.height,
    show: false, // shown on ready-to-show, avoiding a white flash
    title: productTitle,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath),
  };
}
