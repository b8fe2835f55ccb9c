// Chromium as the end-to-end tests launch it (playwright.config.ts): Debian's build, headless.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}

/**
 * A browser with a profile on disk in `userDataDir`, as the desktop app keeps its data. A
 * context of launchChromium is off the record: its IndexedDB lives in memory under a quota
 * that a large office's ten years exceed.
 */
export function launchChromiumProfile(userDataDir: string, options: BrowserContextOptions): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    ...options,
  });
}
