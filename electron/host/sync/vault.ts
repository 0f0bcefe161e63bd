import type { SecretStore } from '../db/secrets';
import type { SecretBox } from '../secrets/secret-box';
import type { TokenVault } from './auth';

const NAME = 'sync.refresh_token';

/** The refresh token sealed by the host's secret box (safeStorage on desktop) in the secrets table. */
export function sealedTokenVault(secrets: SecretStore, box: SecretBox, now: () => number = Date.now): TokenVault {
  return {
    get() {
      const sealed = secrets.get(NAME);
      if (!sealed || sealed.scheme !== box.scheme) return null;
      try {
        return box.open(sealed.ciphertext);
      } catch {
        // Sealed on another machine or by another OS user: sign in again.
        return null;
      }
    },
    set(token) {
      if (token === null) secrets.remove(NAME);
      else secrets.put(NAME, { scheme: box.scheme, ciphertext: box.seal(token) }, now());
    },
  };
}

/** For tests and tools: the token lives only as long as the process. */
export function memoryVault(): TokenVault {
  let token: string | null = null;
  return {
    get: () => token,
    set: (t) => {
      token = t;
    },
  };
}
