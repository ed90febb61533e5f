import { Inflate, inflateSync } from 'fflate';

// Why a zip reader of our own over fflate's inflate: fflate's `unzipSync` trusts the sizes of the directory and
// checks no CRC, so a byte flipped in a compressed part, or a part cut short, comes out as a plausible part and
// the file reads as valid. Here every entry's size and CRC-32 are checked, the directory is bounds-checked, and
// the sum of the declared sizes is capped before anything is inflated (a zip bomb is refused by its directory;
// an entry that inflates past its declared size is cut there and fails its CRC).

/** Inflates a raw deflate stream whose declared size is `size` (the output is cut there). */
export type RawInflate = (data: Uint8Array, size: number) => Uint8Array;

const fflateInflate: RawInflate = (data, size) => inflateSync(data, { out: new Uint8Array(size) });
let rawInflate: RawInflate = fflateInflate;

/**
 * Sets the inflater of package entries: fflate by default (browsers), Node's zlib where the command line sets it
 * (about 4× faster). Whatever a native inflater refuses is inflated again by fflate.
 */
export function useRawInflate(inflate: RawInflate | undefined): void {
  rawInflate = inflate ?? fflateInflate;
}

/** Why a package is corrupt: the reason, the part concerned (if one), and details for the message. */
export type CorruptReason =
  | 'zip'
  | 'inflate'
  | 'crc'
  | 'missing'
  | 'truncated'
  | 'xml'
  | 'encoding'
  | 'content-type'
  | 'shared-string'
  | 'no-workbook';

/** A package that is damaged: the reason and the part (names are package paths, e.g. `xl/sharedStrings.xml`). */
export class PackageError extends Error {
  override readonly name = 'PackageError';

  constructor(
    readonly reason: CorruptReason,
    readonly part?: string,
    readonly details: Record<string, string | number> = {},
  ) {
    super(
      `${part ?? 'package'}: ${reason}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ''}`,
    );
  }
}

/** A package that would unpack to more than the limit (its entries' sizes as the zip directory gives them). */
export class PackageTooLargeError extends Error {
  override readonly name = 'PackageTooLargeError';

  constructor(
    readonly size: number,
    readonly max: number,
  ) {
    super(`the package unpacks to ${size} bytes, over the limit of ${max}`);
  }
}

/**
 * A part too large to hold as text (V8 keeps a string under about 512 M characters): a shared-strings part or
 * a single cell of hundreds of MB. The package may be sound; it cannot be read here.
 */
export class PartTooLargeError extends Error {
  override readonly name = 'PartTooLargeError';

  constructor(
    readonly part: string,
    readonly size: number,
  ) {
    super(`the part ${part} (${size} bytes unpacked) is too large to read as text`);
  }
}

/** True for the errors of a string or buffer that could not be made that large (not a fault of the file). */
export function isSizeLimitError(e: unknown): boolean {
  return (
    e instanceof RangeError &&
    /invalid string length|allocation failed|invalid typed array length|invalid array length/i.test(e.message)
  );
}

/** A package that is not a spreadsheet at all: a Word document or a presentation renamed .xlsx. */
export class NotSpreadsheetError extends Error {
  override readonly name = 'NotSpreadsheetError';

  constructor(readonly what: 'word' | 'powerpoint') {
    super(`the package is a ${what} document, not a workbook`);
  }
}

/** One entry of the zip directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The name as stored (written back as it was when the entry is copied). */
  rawName: Uint8Array;
  /** Modification time and date, in MS-DOS form. */
  time: number;
  date: number;
}

// CRC-32 (IEEE), slicing by 8: ~4× a byte-wise table; a 22 MB sheet takes tens of milliseconds.
// Why the `!` below: every index is in range by construction (table offsets are masked into 0..2047, the 8-byte
// loop stops 8 bytes before the end), and this loop is too hot for a checked read per byte.
const CRC_TABLE = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 8; k++) {
      c = t[c & 255]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

/** The CRC-32 of bytes, as zip stores it; continued from `previous`, the CRC-32 of the bytes before them. */
export function crc32(b: Uint8Array, previous = 0): number {
  const t = CRC_TABLE;
  let c = ~previous;
  let i = 0;
  const n = b.length - 7;
  for (; i < n; i += 8) {
    const a = (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) ^ c;
    const d = b[i + 4]! | (b[i + 5]! << 8) | (b[i + 6]! << 16) | (b[i + 7]! << 24);
    c =
      t[1792 + (a & 255)]! ^
      t[1536 + ((a >>> 8) & 255)]! ^
      t[1280 + ((a >>> 16) & 255)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + (d & 255)]! ^
      t[512 + ((d >>> 8) & 255)]! ^
      t[256 + ((d >>> 16) & 255)]! ^
      t[d >>> 24]!;
  }
  for (; i < b.length; i++) c = t[(c ^ b[i]!) & 255]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** The CRC-32 of bytes, continued from `previous` (the CRC-32 of the bytes before them, 0 for none). */
export type Crc32 = (b: Uint8Array, previous?: number) => number;

let checksum: Crc32 = crc32;

/** Sets the CRC-32 of entries: ours by default (browsers), Node's zlib where the command line sets it. */
export function useCrc32(crc: Crc32 | undefined): void {
  checksum = crc ?? crc32;
}

/** The CRC-32 of an entry's bytes, by the function `useCrc32` set. */
export function entryCrc32(b: Uint8Array): number {
  return checksum(b);
}

// Little-endian fields of the zip records; a byte past the end reads as 0.
const byte = (b: Uint8Array, o: number) => b[o] ?? 0;
const u16 = (b: Uint8Array, o: number) => byte(b, o) | (byte(b, o + 1) << 8);
const u32 = (b: Uint8Array, o: number) =>
  (byte(b, o) | (byte(b, o + 1) << 8) | (byte(b, o + 2) << 16) | (byte(b, o + 3) << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

/** The entries of a zip, from its directory; the package is refused when it would unpack to more than `maxSize`. */
export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();

  private constructor(private readonly bytes: Uint8Array) {}

  /** Reads the directory (throws `PackageError('zip')` when it is missing, cut or inconsistent). */
  static open(bytes: Uint8Array, maxSize: number): ZipPackage {
    const zip = new ZipPackage(bytes);
    // Made here, not at load: the pane's bundle loads this module where TextDecoder may come later (tests in jsdom).
    const names = new TextDecoder('utf-8');
    const fail = (detail: string): never => {
      throw new PackageError('zip', undefined, { detail });
    };
    // End of central directory: the last signature within the 64 KB a comment may take.
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
      if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) fail('end of directory');
    let count = u16(bytes, eocd + 10);
    let dirSize = u32(bytes, eocd + 12);
    let dirOffset = u32(bytes, eocd + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      const locator = eocd - 20;
      if (locator < 0 || u32(bytes, locator) !== 0x07064b50) fail('zip64 locator');
      const record = u64(bytes, locator + 8);
      if (record + 56 > bytes.length || u32(bytes, record) !== 0x06064b50) fail('zip64 end of directory');
      count = u64(bytes, record + 32);
      dirSize = u64(bytes, record + 40);
      dirOffset = u64(bytes, record + 48);
    }
    if (dirOffset + dirSize > bytes.length) fail('directory outside the file');
    let total = 0;
    let at = dirOffset;
    for (let k = 0; k < count; k++) {
      if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) fail('directory entry');
      const nameLength = u16(bytes, at + 28);
      const extraLength = u16(bytes, at + 30);
      const commentLength = u16(bytes, at + 32);
      if (at + 46 + nameLength + extraLength > bytes.length) fail('directory entry');
      const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
      const entry: ZipEntry = {
        name: names.decode(rawName),
        rawName,
        time: u16(bytes, at + 12),
        date: u16(bytes, at + 14),
        flags: u16(bytes, at + 8),
        method: u16(bytes, at + 10),
        crc: u32(bytes, at + 16),
        compressedSize: u32(bytes, at + 20),
        size: u32(bytes, at + 24),
        localOffset: u32(bytes, at + 42),
      };
      // Zip64 sizes and offset, in that order, for the fields set to 0xFFFFFFFF.
      for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength;) {
        const id = u16(bytes, e);
        const length = u16(bytes, e + 2);
        if (id === 1) {
          let f = e + 4;
          if (entry.size === 0xffffffff) {
            entry.size = u64(bytes, f);
            f += 8;
          }
          if (entry.compressedSize === 0xffffffff) {
            entry.compressedSize = u64(bytes, f);
            f += 8;
          }
          if (entry.localOffset === 0xffffffff) entry.localOffset = u64(bytes, f);
        }
        e += 4 + length;
      }
      if (zip.entries.has(entry.name)) fail(`two entries named ${entry.name}`);
      zip.entries.set(entry.name, entry);
      total += entry.size;
      at += 46 + nameLength + extraLength + commentLength;
    }
    if (total > maxSize) throw new PackageTooLargeError(total, maxSize);
    return zip;
  }

  /** Every entry name, in directory order. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** True when the package has an entry of that name. */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** An entry of the directory (undefined when there is none of that name). */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name);
  }

  /** An entry's data as stored (compressed or not), without inflating or checking it. */
  stored(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) throw new PackageError('missing', name);
    const b = this.bytes;
    const at = entry.localOffset;
    if (at + 30 > b.length || u32(b, at) !== 0x04034b50)
      throw new PackageError('zip', name, { detail: 'local header' });
    const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw new PackageError('truncated', name);
    if (entry.flags & 1) throw new PackageError('zip', name, { detail: 'encrypted entry' });
    return b.subarray(start, end);
  }

  /**
   * An entry's bytes, inflated and checked: its size and CRC-32 must be those of the directory, or it is
   * `PackageError` naming the part (`missing` when there is no such entry).
   */
  read(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) throw new PackageError('missing', name);
    const stored = this.stored(name);
    let data: Uint8Array;
    if (entry.method === 0) data = stored;
    else if (entry.method === 8) {
      try {
        data = rawInflate(stored, entry.size);
      } catch {
        // A native inflater that refuses a stream leaves the verdict to fflate, so that every package reads the same.
        try {
          data = fflateInflate(stored, entry.size);
        } catch {
          throw new PackageError('inflate', name);
        }
      }
    } else throw new PackageError('zip', name, { detail: `compression method ${entry.method}` });
    if (data.length !== entry.size || checksum(data) !== entry.crc) throw new PackageError('crc', name);
    return data;
  }

  /**
   * An entry's bytes inflated a piece at a time, on demand (fflate's streaming inflater, `step` stored bytes at a
   * time): each call gives the next piece, undefined after the last, when the size and CRC-32 have been checked as
   * `read` checks them. For parts too large to hold inflated beside what is read from them.
   */
  pieces(name: string, step = 256 * 1024): () => Uint8Array | undefined {
    const entry = this.entries.get(name);
    if (!entry) throw new PackageError('missing', name);
    const stored = this.stored(name);
    if (entry.method !== 0 && entry.method !== 8)
      throw new PackageError('zip', name, { detail: `compression method ${entry.method}` });
    const out: Uint8Array[] = entry.method === 0 ? [stored] : [];
    let at = entry.method === 0 ? stored.length : 0;
    let done = entry.method === 0;
    let size = 0;
    let crc = 0;
    const inflater = new Inflate((piece) => {
      if (piece.length > 0) out.push(piece);
    });
    return () => {
      while (out.length === 0 && !done) {
        const end = Math.min(stored.length, at + step);
        try {
          inflater.push(stored.subarray(at, end), end >= stored.length);
        } catch {
          throw new PackageError('inflate', name);
        }
        at = end;
        done = end >= stored.length;
      }
      const piece = out.shift();
      if (piece === undefined) {
        if (size !== entry.size || crc !== entry.crc) throw new PackageError('crc', name);
        return undefined;
      }
      size += piece.length;
      // Past its declared size an entry is damaged (as `read` cuts it there and fails its CRC).
      if (size > entry.size) throw new PackageError('crc', name);
      crc = checksum(piece, crc);
      return piece;
    };
  }
}
