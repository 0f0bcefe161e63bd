import { BrowserWindow } from 'electron';

export interface MainWindowOptions {
  /** dist/electron/preload/index.cjs */
  preload: string;
  /** app://huifang/index.html, or the Vite dev server in development. */
  url: string;
}

/** The console window: isolated, sandboxed renderer whose only way out is the preload's two functions. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Huifang',
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  // Shown once painted: no white flash before the first frame.
  window.once('ready-to-show', () => window.show());
  window.loadURL(options.url).catch((error: unknown) => {
    console.error(`huifang: could not load ${options.url}:`, error);
  });
  return window;
}
