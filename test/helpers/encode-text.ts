/** The legacy Chinese encodings that `encodeText` writes through a table read back from `TextDecoder`. */
export type TableEncoding = 'gbk' | 'gb18030' | 'big5';

/** Every encoding `encodeText` writes: the table ones and UTF-16 of either byte order (no BOM). */
export type TextEncoding = TableEncoding | 'utf-16le' | 'utf-16be';

/** Each character's bytes, by encoding; built on first use. */
const tables = new Map<TableEncoding, Map<string, Uint8Array>>();

/** The one character `bytes` decode to, or undefined when they decode to none, several, or a replacement. */
function decodeOne(decoder: TextDecoder, bytes: Uint8Array): string | undefined {
  const text = decoder.decode(bytes);
  const cp = text.codePointAt(0);
  if (cp === undefined || cp === 0xfffd || String.fromCodePoint(cp) !== text) return undefined;
  return text;
}

/** The Big5 characters whose encoder takes the last of their byte pairs, not the first (WHATWG Encoding). */
const BIG5_LAST = new Set(['\u2550', '\u255e', '\u2561', '\u256a', '\u5341', '\u5345']);

/**
 * The character → bytes table of an encoding: every lead/trail byte pair decoded once (and, for GB18030, the
 * four-byte sequences of the Basic Multilingual Plane). As the WHATWG encoders choose: the first sequence of a
 * character wins (the last for six Big5 ones), Big5's standard leads (A1–FE) come before the Hong Kong ones
 * (81–A0), and GBK writes € as the single byte 80.
 */
function tableOf(encoding: TableEncoding): Map<string, Uint8Array> {
  const known = tables.get(encoding);
  if (known) return known;
  const decoder = new TextDecoder(encoding);
  const table = new Map<string, Uint8Array>();
  const put = (bytes: Uint8Array): void => {
    const ch = decodeOne(decoder, bytes);
    if (ch === undefined || ch.codePointAt(0)! < 0x80) return;
    if (!table.has(ch) || (encoding === 'big5' && BIG5_LAST.has(ch))) table.set(ch, bytes);
  };
  if (encoding === 'gbk') put(new Uint8Array([0x80]));
  const leads = Array.from({ length: 0xfe - 0x81 + 1 }, (_, i) => 0x81 + i);
  if (encoding === 'big5') leads.sort((a, b) => Number(a < 0xa1) - Number(b < 0xa1) || a - b);
  for (const lead of leads) for (let trail = 0x40; trail <= 0xfe; trail++) put(new Uint8Array([lead, trail]));
  if (encoding === 'gb18030')
    // Four-byte sequences 81 30 81 30 … 84 31 A4 39 hold the rest of the Basic Multilingual Plane.
    for (let b1 = 0x81; b1 <= 0x84; b1++)
      for (let b2 = 0x30; b2 <= 0x39; b2++)
        for (let b3 = 0x81; b3 <= 0xfe; b3++)
          for (let b4 = 0x30; b4 <= 0x39; b4++) put(new Uint8Array([b1, b2, b3, b4]));
  tables.set(encoding, table);
  return table;
}

/** GB18030's four bytes for a code point beyond the Basic Multilingual Plane: a linear count from 90 30 81 30. */
function gb18030Supplementary(cp: number): Uint8Array {
  let n = cp - 0x10000;
  const b4 = 0x30 + (n % 10);
  n = Math.floor(n / 10);
  const b3 = 0x81 + (n % 126);
  n = Math.floor(n / 126);
  const b2 = 0x30 + (n % 10);
  const b1 = 0x90 + Math.floor(n / 10);
  return new Uint8Array([b1, b2, b3, b4]);
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 * i + (bigEndian ? 0 : 1)] = unit >> 8;
    out[2 * i + (bigEndian ? 1 : 0)] = unit & 0xff;
  }
  return out;
}

/**
 * `text` in a legacy Chinese encoding (GBK, GB18030, Big5) or UTF-16, for tests and examples that need files
 * as Chinese offices save them. ASCII is written as is; a character the encoding cannot hold throws, naming it.
 */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return utf16(text, encoding === 'utf-16be');
  const table = tableOf(encoding);
  const parts: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      parts.push(cp);
      continue;
    }
    const bytes =
      table.get(ch) ?? (encoding === 'gb18030' && cp >= 0x10000 ? gb18030Supplementary(cp) : undefined);
    if (bytes === undefined)
      throw new Error(
        `${encoding} cannot encode “${ch}” (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`,
      );
    parts.push(...bytes);
  }
  return new Uint8Array(parts);
}
