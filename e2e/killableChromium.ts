// A Chromium the test can kill like a power cut (crash.spec, sync-resilience.spec). Playwright
// cannot hard-kill a browser it launched on a persistent profile, so Debian's Chromium is started
// here on a profile directory, attached over CDP, and SIGKILLed with its whole process group.
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';

const FLAGS = [
  ...CHROMIUM_ARGS,
  '--headless=new',
  '--remote-debugging-port=0',
  '--lang=zh-CN',
  '--no-default-browser-check',
];

export interface Running {
  child: ChildProcess;
  browser: Browser;
  page: Page;
}

/** Starts Chromium on the profile, attaches over CDP, and returns its first page. */
export async function startChromium(profileDir: string): Promise<Running> {
  const child = spawn(CHROMIUM_PATH, [...FLAGS, `--user-data-dir=${profileDir}`, 'about:blank'], {
    detached: true, // its own process group: the kill takes the renderers with it
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, TZ: 'Asia/Shanghai', LANG: 'zh_CN.UTF-8' },
  });
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not report its DevTools URL:\n${seen}`)), 30_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code ?? signal}) before attaching:\n${seen}`));
    });
  });
  child.stderr!.resume(); // keep draining so the browser never blocks on a full pipe
  const browser = await chromium.connectOverCDP(wsUrl);
  const context = browser.contexts()[0] ?? (await browser.newContext());
  const page = context.pages()[0] ?? (await context.newPage());
  return { child, browser, page };
}

export function killHard(running: Running): Promise<void> {
  const pid = running.child.pid!;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    running.child.kill('SIGKILL');
  }
  return new Promise<void>((resolve) => {
    if (running.child.exitCode !== null || running.child.signalCode !== null) resolve();
    else running.child.once('exit', () => resolve());
  });
}
