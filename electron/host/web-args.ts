import { parseArgs } from 'node:util';
import { parseConnectSrc } from './csp';

export interface WebArgs {
  port: number;
  db: string;
  region: string;
  rendererDir: string;
  dev: boolean;
  connectSrc: string[] | undefined;
  /** Other page origins allowed to open the bridge (a separate Vite dev server proxying /bridge). */
  allowOrigins: string[];
}

export const WEB_USAGE = `usage: tsx electron/host/web.ts [--port 5170] [--db .data/huifang.db] [--region CN]
                             [--renderer dist/renderer] [--dev] [--connect-src "wss://pbx:8089 …"]
                             [--allow-origin http://127.0.0.1:5173]
  --port         port on 127.0.0.1 (0 picks a free one)
  --db           SQLite file, created with its folder when missing (":memory:" for a throwaway host)
  --region       two-letter region for numbers typed without a country code
  --renderer     the built renderer (npx vite build)
  --dev          serve the renderer from source through Vite, with hot reload
  --connect-src  extra CSP connect-src sources, e.g. the SIP server (default: $HUIFANG_CONNECT_SRC)
  --allow-origin another page origin that may open the bridge, e.g. \`npx vite\` proxying /bridge here
                 (repeatable; the page still needs the token: open it with #token=… from the URL above)`;

/** Reads the command line; throws an Error naming the bad option (the caller prints it with the usage). */
export function parseWebArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): WebArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '5170' },
      db: { type: 'string', default: '.data/huifang.db' },
      region: { type: 'string', default: 'CN' },
      renderer: { type: 'string', default: 'dist/renderer' },
      dev: { type: 'boolean', default: false },
      'connect-src': { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65_535) throw new Error(`--port: expected a number from 0 to 65535, got "${values.port}"`);
  if (!/^[A-Za-z]{2}$/.test(values.region)) throw new Error(`--region: expected a two-letter region such as CN, got "${values.region}"`);
  if (values.db.trim() === '') throw new Error('--db: expected a file path or :memory:');
  const allowOrigins = values['allow-origin'].map(checkedOrigin);
  return {
    port,
    db: values.db,
    region: values.region.toUpperCase(),
    rendererDir: values.renderer,
    dev: values.dev,
    connectSrc: parseConnectSrc(values['connect-src'] ?? env.HUIFANG_CONNECT_SRC),
    allowOrigins,
  };
}

/** An origin exactly as a browser sends it: scheme://host[:port], nothing else. */
function checkedOrigin(text: string): string {
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.origin !== text) {
    throw new Error(`--allow-origin: expected an origin such as http://127.0.0.1:5173, got "${text}"`);
  }
  return text;
}
