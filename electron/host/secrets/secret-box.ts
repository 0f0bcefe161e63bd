/**
 * Seals secrets (the SIP password) before they touch the disk. The desktop app uses Electron's
 * safeStorage (the OS keychain / DPAPI / libsecret), handed in by electron/main; web mode uses a
 * key file readable only by the user (see keyfile-box.ts).
 */
export interface SecretBox {
  /** Stored beside the ciphertext, so a secret sealed by another box is recognised, not garbled. */
  readonly scheme: string;
  seal(plain: string): Buffer;
  /** Throws when the ciphertext was not sealed by this box (other machine, other user, damaged). */
  open(sealed: Buffer): string;
}
