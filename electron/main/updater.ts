import { autoUpdater } from 'electron-updater';

export interface UpdaterOptions {
  /**
   * Generic-provider feed (the folder holding latest.yml …), from settings. Absent: the URL baked
   * into app-update.yml at packaging time (electron-builder.yml `publish`).
   */
  url?: string;
  intervalMs?: number;
  log?: (message: string) => void;
}

/**
 * Checks now and then every few hours; downloads in the background and installs on quit, so an agent
 * is never interrupted mid-call. Only wired when the app is packaged (index.ts). Returns a stop function.
 */
export function startUpdater(options: UpdaterOptions = {}): () => void {
  const log = options.log ?? ((message: string) => console.log(`huifang updater: ${message}`));
  if (options.url) autoUpdater.setFeedURL({ provider: 'generic', url: options.url });
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.on('error', (error) => log(`update failed: ${error.message}`));
  autoUpdater.on('update-downloaded', (info) => log(`version ${info.version} downloaded; it installs when the app quits`));
  const check = (): void => {
    autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => log(`check failed: ${error instanceof Error ? error.message : String(error)}`));
  };
  check();
  const timer = setInterval(check, options.intervalMs ?? 4 * 60 * 60 * 1000);
  return () => clearInterval(timer);
}
