/**
 * The thin Electron shell: lifecycle, one window, the app:// protocol, IPC registration, updates.
 * Everything the console does lives in electron/host (shared with web mode); this file only wires.
 *
 * Bundled by scripts/build-electron.mjs to dist/electron/main/index.cjs, next to
 * dist/electron/preload/index.cjs and dist/renderer/ (the Vite build).
 *
 * Until the settings service holds them, these come from the environment:
 *   HUIFANG_DB           database file (default: <userData>/huifang.db)
 *   HUIFANG_REGION       default region for numbers without a country code (default CN)
 *   HUIFANG_FOLLOWUP_CONFIG  follow-up settings file (default: the machine-wide managed file,
 *                        /etc/huifang/followup.json, %ProgramData%\Huifang\followup.json or
 *                        /Library/Application Support/Huifang/followup.json, when present)
 *   HUIFANG_CONNECT_SRC  extra CSP connect-src sources: the SIP WebSocket server
 *   HUIFANG_UPDATE_URL   generic update feed overriding the one packaged in app-update.yml
 *   HUIFANG_RENDERER_URL development only: load the renderer from the Vite dev server
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { createHost, type Host } from '../host/composition';
import { configFileFrom } from '../host/services/followup/config';
import { contentSecurityPolicy, parseConnectSrc } from '../host/csp';
import { appUrlMatcher, registerIpc } from '../host/transports/ipc';
import { APP_INDEX_URL } from './app-files';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { hardenWebContents } from './hardening';
import { safeStorageBox } from './safe-storage-box';
import { startUpdater } from './updater';
import { createMainWindow } from './window';

const distDir = path.resolve(__dirname, '../..');
const rendererDir = path.join(distDir, 'renderer');
const preload = path.join(distDir, 'electron', 'preload', 'index.cjs');

// The Vite dev server is for development only: a packaged app always loads its own bundle.
const appUrl = (!app.isPackaged && process.env.HUIFANG_RENDERER_URL) || APP_INDEX_URL;
const isAppUrl = appUrlMatcher(appUrl);

let host: Host | null = null;
let mainWindow: BrowserWindow | null = null;
const stops: (() => void)[] = [];

function openWindow(): void {
  mainWindow = createMainWindow({ preload, url: appUrl });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function start(): void {
  const dbFile = process.env.HUIFANG_DB ?? path.join(app.getPath('userData'), 'huifang.db');
  const configFile = configFileFrom({ flag: undefined, env: process.env, platform: process.platform, exists: existsSync });
  try {
    host = createHost({
      dbFile,
      defaultRegion: process.env.HUIFANG_REGION ?? 'CN',
      mode: 'desktop',
      version: app.getVersion(),
      secretBox: safeStorageBox() ?? undefined,
      followUp: { configFile },
    });
  } catch (error) {
    const settings = (error as Error).name === 'ConfigError';
    fatal(settings ? `The follow-up settings cannot be used:\n${(error as Error).message}` : `The database at ${dbFile} cannot be opened:\n${(error as Error).message}`);
    return;
  }
  const csp = contentSecurityPolicy({ connectSrc: parseConnectSrc(process.env.HUIFANG_CONNECT_SRC) });
  serveAppProtocol(rendererDir, csp);
  hardenWebContents(isAppUrl);
  stops.push(
    registerIpc(ipcMain, host.handlers, host.events, () => BrowserWindow.getAllWindows().map((window) => window.webContents), {
      isAppUrl,
      dispatchOptions: {
        checkOutput: !app.isPackaged,
        onInternalError: (method, error) => console.error(`huifang: ${method} failed:`, error),
      },
    }),
  );
  if (app.isPackaged) stops.push(startUpdater(process.env.HUIFANG_UPDATE_URL ? { url: process.env.HUIFANG_UPDATE_URL } : {}));
  openWindow();
}

function fatal(message: string): void {
  dialog.showErrorBox('Huifang cannot start', message);
  app.exit(1);
}

// Must precede 'ready' (Electron only accepts privileged schemes before it).
registerAppScheme();

// A second launch (a click on a tel: link, a double-click) focuses the running console instead of
// opening a second host on the same database.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (host && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', () => {
    stops.splice(0).forEach((stop) => stop());
    host?.close();
    host = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal(error instanceof Error ? error.message : String(error)));
}
