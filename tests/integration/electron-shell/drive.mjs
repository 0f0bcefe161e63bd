// Runs the built Electron bundles against fake-electron.mjs and prints a JSON report of what the
// shell did. Usage: node drive.mjs <dist dir>   (FAKE_USER_DATA=<dir> for app.getPath)
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import * as fake from './fake-electron.mjs';

// The bundles are CommonJS: load them with require, answering their require('electron') with the fake.
const load = createRequire(import.meta.url);

const originalLoad = Module._load;
Module._load = function load(request, ...rest) {
  return request === 'electron' ? fake.electron : originalLoad.call(this, request, ...rest);
};

const dist = path.resolve(process.argv[2]);

async function main() {
  load(path.join(dist, 'electron/main/index.cjs'));
  fake.becomeReady();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const { record } = fake;
  const report = { errors: record.errors, exitCode: record.exitCode };
  report.schemes = record.schemes;
  report.readyAtSchemeRegistration = record.readyAtSchemeRegistration;
  report.ipcChannels = [...record.ipcHandlers.keys()];

  const [window] = record.windows;
  report.windows = record.windows.length;
  report.webPreferences = window?.options.webPreferences;
  report.loadedUrl = window?.webContents.url;

  // The page: the real preload bundle exposes window.huifang over the fake IPC.
  load(path.join(dist, 'electron/preload/index.cjs'));
  const bridge = fake.world.huifang;
  report.exposed = Object.keys(fake.world);
  report.bridgeKeys = bridge ? Object.keys(bridge).sort() : [];
  report.appInfo = await bridge.invoke('appInfo', {});
  report.badInput = await bridge.invoke('historyPage', { customerId: 'c1', limit: 10_000 });
  record.frameUrl = 'https://evil.example/';
  report.foreignFrame = await bridge.invoke('appInfo', {});
  record.frameUrl = 'app://huifang/index.html';

  const serve = record.protocolHandlers.get('app');
  const page = await serve(new Request('app://huifang/index.html'));
  report.page = { status: page.status, csp: page.headers.get('content-security-policy'), type: page.headers.get('content-type'), body: await page.text() };
  const script = await serve(new Request('app://huifang/assets/app.js'));
  report.script = { status: script.status, type: script.headers.get('content-type') };
  report.escape = (await serve(new Request('app://huifang/..%2F..%2F..%2Fpackage.json'))).status;
  report.missing = (await serve(new Request('app://huifang/assets/nope.js'))).status;

  const contents = window.webContents;
  report.windowOpen = contents.openHandler({ url: 'https://example.com/help' });
  report.windowOpenFile = contents.openHandler({ url: 'file:///etc/passwd' });
  await new Promise((resolve) => setTimeout(resolve, 10));
  report.openedExternally = record.opened;
  const navigate = (url) => {
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  report.navigateAwayPrevented = navigate('https://evil.example/');
  report.navigateInsidePrevented = navigate('app://huifang/queue');
  const ask = (permission, requestingUrl) =>
    new Promise((resolve) => record.permissionRequest(contents, permission, resolve, { requestingUrl }));
  report.permissions = {
    microphoneForApp: await ask('media', 'app://huifang/index.html'),
    microphoneForOthers: await ask('media', 'https://evil.example/'),
    geolocationForApp: await ask('geolocation', 'app://huifang/index.html'),
  };

  fake.electron.app.emit('second-instance');
  report.focusedOnSecondInstance = window.focused;
  fake.electron.app.emit('will-quit');
  report.ipcChannelsAfterQuit = [...record.ipcHandlers.keys()];
  process.stdout.write(JSON.stringify(report));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
