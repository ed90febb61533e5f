/** What the first bytes of a file say it is. */
export type ContentKind = 'empty' | 'zip' | 'cfb' | 'text' | 'binary';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** A view of any byte source without copying. */
export function asBytes(data: Uint8Array | ArrayBuffer): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Length of a byte-order mark at the start (UTF-8: 3, UTF-16: 2), else 0. */
export function bomLength(b: Uint8Array): number {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 3;
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return 2;
  return 0;
}

/** True for 0 bytes, or only a BOM and ASCII whitespace (NULs allowed: UTF-16 whitespace). */
export function isBlankBytes(b: Uint8Array): boolean {
  for (let i = bomLength(b); i < b.length; i++) {
    const c = b[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x00) return false;
  }
  return true;
}

/** True for a zip (local file header, or the end record of an empty zip). */
export function isZip(b: Uint8Array): boolean {
  return (
    b.length >= 4 &&
    b[0] === 0x50 &&
    b[1] === 0x4b &&
    ((b[2] === 3 && b[3] === 4) || (b[2] === 5 && b[3] === 6))
  );
}

/**
 * True for an OpenDocument package (.ods): ODF puts an uncompressed `mimetype` entry first, holding
 * `application/vnd.oasis.opendocument.…`, so the first local header says it.
 */
export function isOdfPackage(b: Uint8Array): boolean {
  if (!isZip(b) || b.length < 30) return false;
  const header = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const nameLength = header.getUint16(26, true);
  const extraLength = header.getUint16(28, true);
  const name = String.fromCharCode(...b.subarray(30, 30 + Math.min(nameLength, 16)));
  if (name !== 'mimetype') return false;
  const start = 30 + nameLength + extraLength;
  const content = String.fromCharCode(...b.subarray(start, start + 34));
  return content.startsWith('application/vnd.oasis.opendocument');
}

/** True for an OLE compound file (CFB): old .xls, WPS .et, or an encrypted OOXML package. */
export function isCfb(b: Uint8Array): boolean {
  if (b.length < 512) return false;
  for (let i = 0; i < 8; i++) if (b[i] !== CFB_MAGIC[i]) return false;
  return true;
}

const ENCRYPTION_INFO = 'EncryptionInfo';

/**
 * True when a CFB container has a stream named `EncryptionInfo` (how Office stores an encrypted .xlsx, MS-OFFCRYPTO).
 * Why a scan and not a FAT walk: directory entries are 128 bytes and every sector (512 or 4096 bytes) is a multiple
 * of 128, so each entry starts at a file offset divisible by 128; checking the UTF-16LE name, its length field
 * (offset 64) and the object type (offset 66: 2 = stream) at those offsets finds it without following chains.
 */
export function hasEncryptionInfo(b: Uint8Array): boolean {
  const nameBytes = (ENCRYPTION_INFO.length + 1) * 2;
  for (let off = 512; off + 128 <= b.length; off += 128) {
    if (b[off] !== 0x45 /* E */ || b[off + 1] !== 0) continue;
    if (b[off + 64] !== nameBytes || b[off + 65] !== 0 || b[off + 66] !== 2) continue;
    let match = true;
    for (let i = 0; i < ENCRYPTION_INFO.length && match; i++) {
      match = b[off + i * 2] === ENCRYPTION_INFO.charCodeAt(i) && b[off + i * 2 + 1] === 0;
    }
    if (match) return true;
  }
  return false;
}

/**
 * Rough text test on the first 64 KB: a BOM, or no control bytes other than tab, CR, LF, FF, ESC and SUB.
 * UTF-16 without a BOM (NUL in every other byte) also counts as text.
 */
export function looksLikeText(b: Uint8Array): boolean {
  if (bomLength(b) > 0) return true;
  const n = Math.min(b.length, 65536);
  if (isBomlessUtf16(b) !== undefined) return true;
  for (const c of b.subarray(0, n)) {
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a && c !== 0x1b)
      return false;
  }
  return true;
}

/**
 * Little or big endian for UTF-16 without a BOM: in the first 4 KB, NUL bytes sit only on one side of the code
 * units (the high byte of ASCII: delimiters, digits, line breaks) and on at least a tenth of them. Chinese
 * characters have no NUL byte, so a Chinese-heavy file still shows its delimiters; text in any 8-bit encoding
 * has no NUL at all, and binary has NULs on both sides.
 */
export function isBomlessUtf16(b: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenNul++;
    if (b[i + 1] === 0) oddNul++;
  }
  const units = n / 2;
  if (oddNul >= units * 0.1 && evenNul <= units * 0.01) return 'utf16le';
  if (evenNul >= units * 0.1 && oddNul <= units * 0.01) return 'utf16be';
  return undefined;
}

/** Classifies bytes by content only. */
export function sniff(b: Uint8Array): ContentKind {
  if (isBlankBytes(b)) return 'empty';
  if (isZip(b)) return 'zip';
  if (isCfb(b)) return 'cfb';
  return looksLikeText(b) ? 'text' : 'binary';
}

/** True when the text (after a BOM and whitespace) starts like HTML or XML: a web-page or XML "xls" export. */
export function looksLikeMarkup(b: Uint8Array): boolean {
  let i = bomLength(b);
  const step = i === 2 ? 2 : 1;
  const le = b[0] === 0xff;
  const at = (k: number) => (step === 2 ? (le ? b[k] : b[k + 1]) : b[k]);
  while (i < b.length && (at(i) === 0x20 || at(i) === 0x09 || at(i) === 0x0a || at(i) === 0x0d)) i += step;
  return i < b.length && at(i) === 0x3c; /* < */
}

/** The lower-case extension with its dot (`.xlsx`), or '' when there is none. */
export function extensionOf(fileName: string): string {
  const base = baseNameOf(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The file name without folders (either slash). */
export function baseNameOf(fileName: string): string {
  const cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return fileName.slice(cut + 1);
}

/** The file name without folders and without its last extension. */
export function stemOf(fileName: string): string {
  const base = baseNameOf(fileName);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}
