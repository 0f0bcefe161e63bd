import { dispatch, type Handlers } from '../../shared/api';
import { serverBase } from './sync/http';
import type { SyncPreset } from './web-args';

/**
 * Signs the console in to the sync server given on web.ts's command line, through the same handler
 * the sign-in dialog uses. A session for the same server and user is resumed as it is (the console
 * keeps its refresh token sealed); a refused or unreachable server leaves the console working
 * offline, signed out, with the reason in the line it returns. Never echoes the password.
 */
export async function applySyncPreset(handlers: Handlers, preset: SyncPreset): Promise<string> {
  const server = serverBase(preset.server);
  const current = await handlers.syncStatus({});
  if (current.state !== 'signed_out' && current.server === server && current.username === preset.username) {
    return `sync: ${preset.username} at ${server}, session resumed (${current.state})`;
  }
  if (preset.password === undefined) return `sync: not signed in to ${server} (no $HUIFANG_SYNC_PASSWORD): sign in from the sync pill`;
  const reply = await dispatch(handlers, 'login', { server, username: preset.username, password: preset.password });
  if (!reply.ok) return `sync: could not sign in as ${preset.username} at ${server}: ${reply.error.message} — the console works offline; sign in from the sync pill`;
  return `sync: signed in as ${preset.username} at ${server}`;
}
