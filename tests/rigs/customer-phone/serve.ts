/**
 * A tiny static server for the customer phone page: bundles web/phone.ts (with sip.js) by esbuild
 * in memory and serves it with web/index.html on 127.0.0.1.
 *
 *   npx tsx tests/rigs/customer-phone/serve.ts [--port 8089]
 *   → http://127.0.0.1:8089/?ws=ws://127.0.0.1:8088&user=2001&autoRegister=1
 *
 * From code: `const server = await startPhoneServer({ port: 0 }); … server.url … await server.close()`.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const webDir = join(dirname(fileURLToPath(import.meta.url)), 'web');

export interface PhoneServer {
  /** http://127.0.0.1:<port>/ */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

let bundle: Promise<string> | undefined;

/** The phone bundle (built once per process). */
export function phoneBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [join(webDir, 'phone.ts')],
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    minify: true,
    write: false,
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output for the customer phone');
    return file.text;
  });
  return bundle;
}

export async function startPhoneServer(options: { port?: number } = {}): Promise<PhoneServer> {
  const js = await phoneBundle();
  const html = readFileSync(join(webDir, 'index.html'), 'utf8');
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (path === '/' || path === '/index.html') send(200, 'text/html; charset=utf-8', html);
    else if (path === '/phone.js') send(200, 'text/javascript; charset=utf-8', js);
    else if (path === '/favicon.ico') send(204, 'image/x-icon', '');
    else send(404, 'text/plain; charset=utf-8', `not found: ${path}\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8089, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const portArg = process.argv.indexOf('--port');
  const port = portArg >= 0 ? Number(process.argv[portArg + 1]) : Number(process.env.PHONE_PORT ?? 8089);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port: expected 0–65535, got ${process.argv[portArg + 1]}`);
    process.exit(2);
  }
  const server = await startPhoneServer({ port });
  console.log(`customer phone: ${server.url}?ws=ws://127.0.0.1:8088&user=2001&autoRegister=1`);
}
