import { z } from 'zod';
import { Instant } from '../domain';

/**
 * The console's sync with the server, as the renderer sees it. The tokens never cross this line:
 * the host keeps them (the refresh token sealed on disk), the renderer only learns the state.
 */
export const SyncState = z.enum(['signed_out', 'offline', 'syncing', 'online']);
export type SyncState = z.infer<typeof SyncState>;

export const SyncStatus = z.object({
  state: SyncState,
  /** When the console lost the server (offline only); null otherwise. */
  offlineSince: Instant.nullable(),
  /** Local changes waiting in the outbox for the server. */
  pending: z.number().int().min(0),
  /** The last time the console was fully up to date with the server. */
  lastSyncAt: Instant.nullable(),
  /** The server this console syncs with, and as whom; null before the first sign-in. */
  server: z.string().nullable(),
  username: z.string().nullable(),
  /** Why the last attempt failed, in words for the agent (offline/signed_out only). */
  lastError: z.string().max(300).nullable(),
  /**
   * How far the pull in progress has come, 0–1 (syncing only, while the server says how far it
   * has to go): a first sign-in loads a whole team's customers and takes a while.
   */
  progress: z.number().min(0).max(1).nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const LoginInput = z.object({
  server: z
    .string()
    .trim()
    .max(300)
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must be an http:// or https:// address such as http://127.0.0.1:8787'),
  username: z.string().trim().min(1, 'enter your user name').max(64),
  password: z.string().min(1, 'enter your password').max(200),
});
export type LoginInput = z.infer<typeof LoginInput>;
