// Just enough of Electron's main-process and preload API for the BUILT bundles
// (dist/electron/main/index.cjs and dist/electron/preload/index.cjs) to run in plain Node.
// It records what the shell asked for, so the test can check the window, protocol and IPC wiring
// without the Electron binary.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export const record = {
  schemes: [],
  protocolHandlers: new Map(),
  ipcHandlers: new Map(),
  windows: [],
  permissionRequest: null,
  permissionCheck: null,
  errors: [],
  opened: [],
  exitCode: null,
  quitCalled: false,
  readyAtSchemeRegistration: null,
  frameUrl: 'app://huifang/index.html',
};

let isReady = false;
let resolveReady;
const readyPromise = new Promise((resolve) => (resolveReady = resolve));

const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  requestSingleInstanceLock: () => true,
  whenReady: () => readyPromise,
  getPath: () => process.env.FAKE_USER_DATA,
  getVersion: () => '0.0.0-shell',
  quit: () => (record.quitCalled = true),
  exit: (code) => (record.exitCode = code),
});

const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record.readyAtSchemeRegistration = isReady;
    record.schemes.push(...schemes);
  },
  handle(scheme, handler) {
    record.protocolHandlers.set(scheme, handler);
  },
};

const net = {
  async fetch(url) {
    try {
      return new Response(fs.readFileSync(fileURLToPath(url)));
    } catch {
      return new Response('', { status: 404 });
    }
  },
};

const ipcMain = {
  handle(channel, listener) {
    if (record.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    record.ipcHandlers.set(channel, listener);
  },
  removeHandler(channel) {
    record.ipcHandlers.delete(channel);
  },
};

const pageSide = new EventEmitter();

class WebContents extends EventEmitter {
  url = '';
  openHandler = null;
  send(channel, ...args) {
    pageSide.emit(channel, { sender: 'ipcRenderer' }, ...structuredClone(args));
  }
  isDestroyed() {
    return false;
  }
  getURL() {
    return this.url;
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
}

class BrowserWindow extends EventEmitter {
  static getAllWindows() {
    return record.windows;
  }
  constructor(options) {
    super();
    this.options = options;
    this.focused = 0;
    this.webContents = new WebContents();
    record.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.webContents.url = url;
    return Promise.resolve();
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {
    this.focused += 1;
  }
  show() {}
}

const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => (record.permissionRequest = handler),
    setPermissionCheckHandler: (handler) => (record.permissionCheck = handler),
  },
};

export const world = {};
export const electron = {
  app,
  protocol,
  net,
  ipcMain,
  BrowserWindow,
  session,
  shell: { openExternal: async (url) => void record.opened.push(url) },
  dialog: { showErrorBox: (title, message) => record.errors.push(`${title}: ${message}`) },
  // A keychain-backed safeStorage, as on macOS/Windows: reversible, never the plain text.
  safeStorage: {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').toString('base64').split('').reverse().join(''), 'latin1'),
    decryptString: (sealed) => Buffer.from(sealed.toString('latin1').split('').reverse().join(''), 'base64').toString('utf8'),
  },
  // The page side, for the preload bundle.
  contextBridge: { exposeInMainWorld: (key, api) => (world[key] = api) },
  ipcRenderer: {
    async invoke(channel, ...args) {
      const handler = record.ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler({ senderFrame: { url: record.frameUrl } }, ...structuredClone(args)));
    },
    on: (channel, listener) => pageSide.on(channel, listener),
    removeListener: (channel, listener) => pageSide.removeListener(channel, listener),
  },
};

export function becomeReady() {
  isReady = true;
  resolveReady();
}
