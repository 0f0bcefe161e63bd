import { app, session, shell } from 'electron';

/** Links the page may hand to the operating system (a customer's website, an e-mail address). */
const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:']);
/** The softphone needs the microphone; notifications tell of a call while the window is hidden. */
const ALLOWED_PERMISSIONS = new Set(['media', 'notifications', 'clipboard-sanitized-write', 'speaker-selection']);

/**
 * Electron's security checklist, applied to every web contents the app ever creates: no new windows
 * (links open in the system browser), no navigation away from the app, no <webview>, and only the
 * permissions a softphone console needs, only for the app's own pages.
 */
export function hardenWebContents(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternal(url)) void shell.openExternal(url).catch(() => undefined);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(ALLOWED_PERMISSIONS.has(permission) && isAppUrl(details.requestingUrl));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(`${requestingOrigin}/`);
  });
}

function isExternal(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
