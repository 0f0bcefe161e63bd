/**
 * Deterministic 128-bit digest of a string (two FNV-1a 64-bit lanes with different offset bases).
 * Used for task ids, which must be identical on every console and the server without coordination;
 * not for security. 128 bits keeps an accidental collision — which would wrongly suppress a task —
 * far below any realistic task volume.
 */
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
const OFFSETS = [0xcbf29ce484222325n, 0x84222325cbf29ce4n] as const;

export function digest128(text: string): string {
  return OFFSETS.map((offset) => {
    let h: bigint = offset;
    // UTF-16 code units, both bytes: identical in every JS engine, no TextEncoder (not in every lib).
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      for (const byte of [unit >> 8, unit & 0xff]) {
        h ^= BigInt(byte);
        h = (h * FNV_PRIME) & MASK;
      }
    }
    return h.toString(16).padStart(16, '0');
  }).join('');
}
