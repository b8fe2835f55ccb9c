import { app } from 'electron';
import os from 'node:os';
import type { AppInfo } from '../shared/contract';

function osUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return process.env.USERNAME ?? process.env.USER ?? ''; // userInfo() throws for users without a passwd entry
  }
}

export function appInfo(): AppInfo {
  return {
    version: app.getVersion(),
    dataFolder: app.getPath('userData'),
    osUser: osUserName(),
    platform: process.platform,
    shell: 'electron',
  };
}
