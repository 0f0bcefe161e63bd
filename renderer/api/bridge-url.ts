import { BRIDGE_PATH } from '../../shared/api/bridge';

/**
 * Where the web-mode token comes from, in order: the URL fragment the host printed (`#token=…`, never
 * sent to any server), a `<meta name="huifang-token">` a host may inline, or the copy kept for this tab
 * so a reload without the fragment still connects.
 */
export interface TokenSources {
  hash: string;
  meta: string | null | undefined;
  stored: string | null | undefined;
}

export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const token = params.get('token');
  return token ? token : null;
}

export function pickToken(sources: TokenSources): string | null {
  return tokenFromFragment(sources.hash) ?? (sources.meta || null) ?? (sources.stored || null);
}

/** The bridge is on the page's own host: ws:// beside http://, wss:// beside https://. */
export function bridgeUrl(location: { protocol: string; host: string }, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${BRIDGE_PATH}?token=${encodeURIComponent(token)}`;
}
