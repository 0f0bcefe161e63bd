import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_SCHEME, contentTypeOf, resolveAppFile } from './app-files';

/**
 * Must run before `app` is ready. `standard` gives app://huifang a real origin (storage, relative
 * URLs), `secure` makes it a secure context (getUserMedia for the softphone), `corsEnabled` lets
 * module scripts load.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true } },
  ]);
}

/** Serves the renderer bundle on app://huifang with our CSP on every response. */
export function serveAppProtocol(rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString()).catch(() => null);
    if (!response?.ok) return new Response('not found', { status: 404 });
    return new Response(response.body, {
      status: 200,
      headers: { 'content-type': contentTypeOf(file), 'content-security-policy': csp, 'x-content-type-options': 'nosniff' },
    });
  });
}
