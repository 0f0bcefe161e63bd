import type { Db } from './open';

export interface SealedSecret {
  scheme: string;
  ciphertext: Buffer;
}

/** Ciphertext only (migration 006): sealing and opening is the secret box's job, not the store's. */
export interface SecretStore {
  get(name: string): SealedSecret | null;
  put(name: string, secret: SealedSecret, atMs: number): void;
  remove(name: string): void;
}

export function secretStore(db: Db): SecretStore {
  const select = db.prepare<[string], { scheme: string; ciphertext: Buffer }>('SELECT scheme, ciphertext FROM secrets WHERE name = ?');
  const upsert = db.prepare<[string, string, Buffer, number]>(
    `INSERT INTO secrets (name, scheme, ciphertext, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET scheme = excluded.scheme, ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare<[string]>('DELETE FROM secrets WHERE name = ?');
  return {
    get: (name) => select.get(name) ?? null,
    put: (name, secret, atMs) => void upsert.run(name, secret.scheme, secret.ciphertext, atMs),
    remove: (name) => void remove.run(name),
  };
}
