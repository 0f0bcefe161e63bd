import iconv from 'iconv-lite';

export type DetectedEncoding = 'utf-8' | 'gb18030';

/**
 * Files from Chinese CRMs and Excel come as UTF-8 (with or without BOM) or GBK/GB18030. A BOM
 * decides; otherwise strict UTF-8 decoding is tried first: GBK text with Chinese characters is
 * practically never valid UTF-8 (its lead bytes 0x81-0xFE rarely form valid UTF-8 sequences), while
 * valid UTF-8 is what every modern exporter writes. GB18030 is a superset of GBK, so it reads both.
 */
export function decodeText(bytes: Buffer): { text: string; encoding: DetectedEncoding } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  // GB18030 has its own BOM (84 31 95 33); iconv strips it with stripBOM.
  if (bytes.length >= 4 && bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) {
    return { text: iconv.decode(bytes.subarray(4), 'gb18030'), encoding: 'gb18030' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030' };
  }
}
