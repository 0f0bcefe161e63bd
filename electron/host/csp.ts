/**
 * The Content-Security-Policy of the console page, the same in web mode (HTTP header from web-server)
 * and on the desktop (header of the app:// protocol). Scripts come only from the bundle, so an
 * injected customer name can never run; the page talks only to its own origin plus the places listed
 * in `connectSrc` (the SIP WebSocket server of the softphone, for one).
 */
export interface CspOptions {
  /** Extra connect-src sources, e.g. `wss://pbx.example.cn:8089` or `ws://127.0.0.1:*`. */
  connectSrc?: readonly string[];
  /** Vite dev server: its React refresh preamble is an inline script. Never for a shipped build. */
  dev?: boolean;
}

/** Where the softphone may connect when nothing else is configured: the local Kamailio rig. */
export const DEFAULT_CONNECT_SRC = ['ws://127.0.0.1:*', 'wss://127.0.0.1:*'] as const;

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'", ...(options.connectSrc ?? DEFAULT_CONNECT_SRC)];
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': options.dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // React writes style attributes through the CSSOM (allowed anyway); 'unsafe-inline' keeps
    // libraries that add a <style> element working. Styles cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'data:', 'blob:'],
    'connect-src': connect,
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${[...new Set(sources)].join(' ')}`)
    .join('; ');
}

/** Reads extra connect-src sources from a space- or comma-separated setting; refuses anything that could widen scripts. */
export function parseConnectSrc(text: string | undefined): string[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const sources = text.split(/[\s,]+/).filter(Boolean);
  for (const source of sources) {
    if (!/^(wss?|https?):\/\/[A-Za-z0-9.\-[\]:*]+(\/[^\s;,']*)?$/.test(source)) {
      throw new Error(`connect-src: "${source}" is not a ws://, wss://, http:// or https:// source`);
    }
  }
  return sources;
}
