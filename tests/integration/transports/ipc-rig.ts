import type { HuifangBridge } from '../../../shared/api/bridge';
import { appUrlMatcher, registerIpc } from '../../../electron/host/transports/ipc';
import { createClient, type Client, type Transport } from '../../../renderer/api/client';
import { createPreloadTransport } from '../../../renderer/api/preload-transport';
import type { TestHost } from './fake-host';
import { FakeIpcMain, FakeWebContents, wiring } from './fake-electron';

export const APP_URL = 'app://huifang/index.html';

export interface IpcRig {
  client: Client;
  transport: Transport;
  contents: FakeWebContents[];
  close(): Promise<void>;
}

/**
 * The real preload (electron/preload/index.ts, with 'electron' mocked by fake-electron in the test
 * file) + the renderer's preload-transport + the real registerIpc. The preload runs once per test
 * file, as in a window; each rig swaps in a fresh ipcMain behind it.
 */
export async function startIpcRig(host: TestHost): Promise<IpcRig> {
  await import('../../../electron/preload/index');
  const bridge = wiring.world.huifang as HuifangBridge | undefined;
  if (!bridge) throw new Error('the preload did not expose window.huifang');
  const main = new FakeIpcMain();
  wiring.main = main;
  wiring.frameUrl = APP_URL;
  const contents = [new FakeWebContents(APP_URL)];
  const dispose = registerIpc(main, host.handlers, host.events, () => contents, {
    isAppUrl: appUrlMatcher(APP_URL),
    dispatchOptions: { checkOutput: true },
  });
  const transport = createPreloadTransport(bridge);
  return {
    client: createClient(transport),
    transport,
    contents,
    close() {
      dispose();
      wiring.main = null;
      return Promise.resolve();
    },
  };
}
