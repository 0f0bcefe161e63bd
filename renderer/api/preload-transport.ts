import type { HuifangBridge } from '../../shared/api/bridge';
import type { Transport } from './client';

/**
 * Electron: the preload exposed `window.huifang`. The bridge already speaks envelopes; this layer only
 * makes sure a rejected promise (a preload from another build, a torn-down window) still reaches
 * the caller as an error envelope, like every other failure.
 */
export function createPreloadTransport(bridge: HuifangBridge): Transport {
  return {
    async invoke(method, payload) {
      try {
        return await bridge.invoke(method, payload);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { code: 'unavailable', message: `${method}: the desktop bridge failed: ${message}` } };
      }
    },
    subscribe: (listener) => bridge.subscribe(listener),
  };
}
