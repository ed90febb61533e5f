import chardet from 'chardet';
import { isBomlessUtf16 } from './sniff';

/** The encodings a text export is read in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

/** Decoded text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

/** Bytes in an encoding: TextDecoder knows GB18030, Big5 and UTF-16 in Node 20 and in browsers alike. */
function decode(b: Uint8Array, encoding: TextEncoding): string {
  return new TextDecoder(encoding).decode(b);
}

/** The text when the bytes are valid UTF-8, else undefined. */
function strictUtf8(b: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return undefined;
  }
}

/**
 * Decodes a text file: a BOM decides (UTF-8, UTF-16 LE/BE, as Excel's "Unicode text" is); then BOM-less UTF-16 (NUL high
 * bytes); then valid UTF-8; else a Chinese legacy code page. Why GB18030 by default: it is a
 * superset of GBK/GB2312, the code page of most Chinese platform exports; chardet only decides whether Big5
 * (traditional Chinese) fits better, since on short texts it ranks every CJK code page about the same.
 */
export function decodeText(b: Uint8Array): DecodedText {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
    return { text: decode(b.subarray(2), 'utf-16le'), encoding: 'utf-16le', bom: true };
  }
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    return { text: decode(b.subarray(2), 'utf-16be'), encoding: 'utf-16be', bom: true };
  }
  // UTF-16 before UTF-8: ASCII-heavy UTF-16 (a NUL in every other byte) is also valid UTF-8.
  const utf16 = isBomlessUtf16(b);
  if (utf16) {
    const encoding = utf16 === 'utf16le' ? 'utf-16le' : 'utf-16be';
    return { text: decode(b, encoding), encoding, bom: false };
  }
  const utf8 = strictUtf8(b);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom: false };
  const sample = b.length > 65536 ? b.subarray(0, 65536) : b;
  let gb = 0;
  let big5 = 0;
  for (const match of chardet.analyse(sample)) {
    if (match.name === 'GB18030') gb = Math.max(gb, match.confidence);
    if (match.name === 'Big5') big5 = Math.max(big5, match.confidence);
  }
  const encoding: TextEncoding = big5 > gb ? 'big5' : 'gb18030';
  return { text: decode(b, encoding), encoding, bom: false };
}
