import type { Rectangle } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  defaultWindowSize,
  minWindowSize,
  parseWindowState,
  restoreBounds,
  windowOptions,
  type WindowState,
} from './window-rules';

// Work areas (taskbar excluded): a 1920×1080 primary and a 1280×1024 monitor to its right.
const primary: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
const right: Rectangle = { x: 1920, y: 0, width: 1280, height: 984 };
const displays = [primary, right];
const state = (x: number, y: number, width = 1200, height = 800, maximized = false): WindowState => ({
  x,
  y,
  width,
  height,
  maximized,
});

describe('windowOptions', () => {
  const options = windowOptions('/app/dist/electron/preload.cjs', undefined, displays);

  it('isolates the renderer from Node and Electron', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });

  it('enables no Blink feature and disables middle-click', () => {
    expect(options.webPreferences?.enableBlinkFeatures).toBeUndefined();
    expect(options.webPreferences?.disableBlinkFeatures).toBe('Auxclick');
  });

  it('starts hidden and centred at the default size without saved bounds', () => {
    expect(options).toMatchObject({
      show: false,
      ...defaultWindowSize,
      minWidth: minWindowSize.width,
      minHeight: minWindowSize.height,
    });
    expect(options.x).toBeUndefined();
    expect(options.y).toBeUndefined();
  });

  it('fits the default size into a small primary display', () => {
    const small = windowOptions('p', undefined, [{ x: 0, y: 0, width: 1024, height: 728 }]);
    expect([small.width, small.height]).toEqual([1024, 728]);
  });

  it('uses restored bounds when they are visible', () => {
    expect(windowOptions('p', state(2000, 50), displays)).toMatchObject({ x: 2000, y: 50, width: 1200, height: 800 });
  });

  it('falls back to centred when saved bounds are off-screen', () => {
    const fallback = windowOptions('p', state(5000, 50), displays);
    expect(fallback.x).toBeUndefined();
    expect([fallback.width, fallback.height]).toEqual([defaultWindowSize.width, defaultWindowSize.height]);
  });
});

describe('restoreBounds', () => {
  it('keeps bounds on the primary display', () => {
    expect(restoreBounds(state(100, 100, 1200, 800, true), displays)).toEqual(state(100, 100, 1200, 800, true));
  });

  it('keeps bounds on a secondary display, including one left of the primary', () => {
    expect(restoreBounds(state(2000, 40), displays)).toEqual(state(2000, 40));
    expect(restoreBounds(state(-1500, 40), [primary, { x: -1600, y: 0, width: 1600, height: 860 }])).toEqual(
      state(-1500, 40),
    );
  });

  it.each([
    ['on a monitor that was unplugged', state(3500, 100), [primary]],
    ['far to the right of every display', state(9000, 100), displays],
    ['above the top edge (title bar hidden)', state(100, -500), displays],
    ['below the bottom edge', state(100, 1100), displays],
    ['only a 50 px sliver showing on the left', state(-1150, 100), displays],
  ])('discards bounds %s', (_label, saved, areas) => {
    expect(restoreBounds(saved, areas)).toBeUndefined();
  });

  it('discards bounds when there is no display information', () => {
    expect(restoreBounds(state(0, 0), [])).toBeUndefined();
    expect(restoreBounds(undefined, displays)).toBeUndefined();
  });

  it('raises a too-small window to the minimum size', () => {
    expect(restoreBounds(state(100, 100, 200, 100), displays)).toEqual(
      state(100, 100, minWindowSize.width, minWindowSize.height),
    );
  });

  it('shrinks a window larger than its display', () => {
    expect(restoreBounds(state(1920, 0, 3000, 2000), displays)).toEqual(state(1920, 0, right.width, right.height));
  });
});

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState({ x: 10.4, y: 20, width: 1000, height: 700, maximized: true })).toEqual(
      state(10, 20, 1000, 700, true),
    );
  });

  it.each([
    ['null', null],
    ['a string', '{"x":1}'],
    ['missing fields', { x: 1, y: 2 }],
    ['non-numbers', { x: '1', y: 2, width: 3, height: 4 }],
    ['NaN', { x: Number.NaN, y: 2, width: 3, height: 4 }],
    ['infinite', { x: 1, y: 2, width: Number.POSITIVE_INFINITY, height: 4 }],
    ['zero width', { x: 1, y: 2, width: 0, height: 4 }],
  ])('rejects %s', (_label, value) => {
    expect(parseWindowState(value)).toBeUndefined();
  });

  it('treats anything but true as not maximized', () => {
    expect(parseWindowState({ x: 1, y: 2, width: 1000, height: 700, maximized: 'yes' })?.maximized).toBe(false);
  });
});
