import type { EventName, EventPayload } from '../../shared/api/contract';
import type { HuifangBridge } from '../../shared/api/bridge';
import { bridgeUrl, pickToken } from './bridge-url';
import { createClient, type Transport } from './client';
import { createPreloadTransport } from './preload-transport';
import { createWsTransport } from './ws-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    huifang?: HuifangBridge;
  }
}

const TOKEN_KEY = 'huifang.token';

/** Electron when the preload bridge is there, else the web-mode WebSocket on the page's own host. */
function pickTransport(): Transport {
  if (window.huifang) return createPreloadTransport(window.huifang);
  const token = pickToken({
    hash: window.location.hash,
    meta: document.querySelector('meta[name="huifang-token"]')?.getAttribute('content'),
    stored: readStored(),
  });
  if (!token) return missingToken;
  writeStored(token);
  return createWsTransport({ url: bridgeUrl(window.location, token), WebSocket: window.WebSocket });
}

/** Without a token the host would refuse the socket; say why at once instead of timing out. */
const missingToken: Transport = {
  invoke: (method) =>
    Promise.resolve({
      ok: false,
      error: { code: 'unauthorized', message: `${method}: no access token; open the URL the host printed (http://127.0.0.1:PORT/#token=…)` },
    }),
  subscribe: () => () => undefined,
};

function readStored(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage disabled: the fragment is then the only source
  }
}

function writeStored(token: string): void {
  try {
    window.sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Not fatal: only a reload without the fragment would need it.
  }
}

// Chosen on first use, not at import: importing a store in a unit test must not open a socket.
let transport: Transport | null = null;
const lazy: Transport = {
  invoke: (method, payload) => (transport ??= pickTransport()).invoke(method, payload),
  subscribe: (listener) => (transport ??= pickTransport()).subscribe(listener),
};

const client = createClient(lazy);

/** The host API: `await api.searchCustomers({query})`; failures reject with HostError (code, field). */
export const api = client.api;

/** Host events (`changed` after a sync…); returns the unsubscribe function. */
export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return client.onEvent(name, listener);
}
export { HostError } from '../../shared/api/envelope';
