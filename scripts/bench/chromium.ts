// Chromium as the end-to-end tests launch it (playwright.config.ts): Debian's build, headless.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
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
    args: CHROMIUM_ARGS,
    ...options,
  });
}
