import { safeStorage } from 'electron';
import type { SecretBox } from '../host/secrets/secret-box';

/**
 * The desktop app's secret box: Electron safeStorage, i.e. the OS keychain (macOS), DPAPI
 * (Windows) or libsecret/kwallet (Linux). Returns null where no keychain backs it (Linux without a
 * secret service falls back to a hard-coded key: not worth calling encryption), so the host uses
 * its key-file box instead.
 */
export function safeStorageBox(): SecretBox | null {
  try {
    if (!safeStorage.isEncryptionAvailable()) return null;
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null;
  } catch {
    return null;
  }
  return {
    scheme: 'electron-safe-storage',
    seal: (plain) => safeStorage.encryptString(plain),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}
