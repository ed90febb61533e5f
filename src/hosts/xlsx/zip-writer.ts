import { itemAt } from '../../core/item-at';
import { deflateSync } from 'fflate';
import { entryCrc32, type ZipPackage } from './zip-package';

// Why a zip writer of our own over fflate's `zipSync`: a marked copy changes a few parts of a package, and
// `zipSync` needs every entry inflated and deflated again (for a 50k-row list, most of the time of the copy).
// Here an entry that does not change is copied as it is stored (its compressed bytes, CRC and date), and only
// the changed and new parts are deflated.

/** Deflates bytes into a raw deflate stream at a level from 0 to 9. */
export type RawDeflate = (data: Uint8Array, level: number) => Uint8Array;

const fflateDeflate: RawDeflate = (data, level) =>
  deflateSync(data, { level: level as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 });
let rawDeflate: RawDeflate = fflateDeflate;

/** Sets the deflater of written parts: fflate by default (browsers), Node's zlib where the command line sets it. */
export function useRawDeflate(deflate: RawDeflate | undefined): void {
  rawDeflate = deflate ?? fflateDeflate;
}

/** Deflates bytes into a raw deflate stream away from the calling thread (Node's zlib in its thread pool). */
export type RawDeflateAsync = (data: Uint8Array, level: number) => Promise<Uint8Array>;

let rawDeflateAsync: RawDeflateAsync | undefined;

/**
 * Sets the deflater `writeZipAsync` runs large parts on while it prepares the others: none by default (browsers,
 * where `writeZipAsync` deflates as `writeZip` does), Node's zlib in its thread pool where the command line sets it.
 */
export function useRawDeflateAsync(deflate: RawDeflateAsync | undefined): void {
  rawDeflateAsync = deflate;
}

/** Parts from this size are deflated by the asynchronous deflater, when there is one. */
const ASYNC_FROM = 1 << 20;

/** One entry of a zip to write: copied as stored from a package, or bytes deflated at `level` (0: stored). */
export type ZipItem =
  { name: string; from: ZipPackage } | { name: string; data: Uint8Array; level: number; date?: Date };

interface Prepared {
  name: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  data: Uint8Array;
}

/** A date in MS-DOS form (local time, 2-second steps, from 1980). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const encoder = () => new TextEncoder();

/** New bytes to write as an entry. */
type DataItem = Extract<ZipItem, { data: Uint8Array }>;

/** An entry of new bytes, but for how it is stored (see `storedForm`). */
function newEntry(item: DataItem): Omit<Prepared, 'method' | 'data'> {
  const name = encoder().encode(item.name);
  const ascii = name.length === item.name.length;
  const { time, date } = dosDateTime(item.date ?? new Date());
  return { name, flags: ascii ? 0 : 0x800, time, date, crc: entryCrc32(item.data), size: item.data.length };
}

/** How an entry's bytes are stored: deflated, or as they are when deflating does not pay (tiny parts, as zip
 * writers do). */
function storedForm(item: DataItem, deflated: Uint8Array | undefined): Pick<Prepared, 'method' | 'data'> {
  return deflated !== undefined && deflated.length < item.data.length
    ? { method: 8, data: deflated }
    : { method: 0, data: item.data };
}

function prepare(item: ZipItem): Prepared {
  if ('from' in item) {
    const e = item.from.entry(item.name);
    if (!e) throw new Error(`no entry ${item.name} to copy`);
    // The name's bytes and its UTF-8 flag as they were; bit 3 (sizes after the data) is dropped, as the sizes
    // are written in the local header here; bits 1–2 (the deflate level used) are kept.
    return {
      name: e.rawName,
      flags: e.flags & 0x806,
      method: e.method,
      time: e.time,
      date: e.date,
      crc: e.crc,
      size: e.size,
      data: item.from.stored(item.name),
    };
  }
  return {
    ...newEntry(item),
    ...storedForm(item, item.level > 0 ? rawDeflate(item.data, item.level) : undefined),
  };
}

/** Writes a zip of the items, in their order (no zip64: a workbook's package is far below 4 GB). */
export function writeZip(items: ZipItem[]): Uint8Array {
  return assemble(items.map(prepare));
}

/**
 * `writeZip`, with the parts of a MB or more deflated by the asynchronous deflater (`useRawDeflateAsync`) while
 * the other parts and every CRC-32 are prepared here. Where there is no asynchronous deflater, `writeZip`.
 */
export async function writeZipAsync(items: ZipItem[]): Promise<Uint8Array> {
  const deflate = rawDeflateAsync;
  if (!deflate) return writeZip(items);
  const large = (item: ZipItem): item is DataItem =>
    'data' in item && item.level > 0 && item.data.length >= ASYNC_FROM;
  const pending = items.map((item) => (large(item) ? deflate(item.data, item.level) : undefined));
  const entries = items.map((item) => (large(item) ? newEntry(item) : prepare(item)));
  const deflated = await Promise.all(pending);
  return assemble(
    items.map((item, k) => {
      const entry = itemAt(entries, k);
      return large(item) ? { ...entry, ...storedForm(item, deflated[k]) } : (entry as Prepared);
    }),
  );
}

/** The zip of prepared entries, in their order. */
function assemble(entries: Prepared[]): Uint8Array {
  let total = 22;
  for (const e of entries) total += 30 + 46 + 2 * e.name.length + e.data.length;
  if (total > 0xffffffff || entries.length > 0xffff)
    throw new RangeError('invalid array length: zip too large');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  const header = (e: Prepared, signature: number, central: boolean, offset: number) => {
    view.setUint32(at, signature, true);
    let p = at + 4;
    if (central) {
      view.setUint16(p, 20, true); // made by: version 2.0
      p += 2;
    }
    view.setUint16(p, 20, true); // version needed to extract: 2.0 (deflate)
    view.setUint16(p + 2, e.flags, true);
    view.setUint16(p + 4, e.method, true);
    view.setUint16(p + 6, e.time, true);
    view.setUint16(p + 8, e.date, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, e.data.length, true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, e.name.length, true);
    view.setUint16(p + 24, 0, true); // extra field length
    p += 26;
    if (central) {
      // comment length, disk number, internal and external attributes (all 0), then the local header's offset
      view.setUint32(p + 10, offset, true);
      p += 14;
    }
    out.set(e.name, p);
    at = p + e.name.length;
  };
  for (const e of entries) {
    offsets.push(at);
    header(e, 0x04034b50, false, 0);
    out.set(e.data, at);
    at += e.data.length;
  }
  const directory = at;
  entries.forEach((e, k) => header(e, 0x02014b50, true, itemAt(offsets, k)));
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - directory, true);
  view.setUint32(at + 16, directory, true);
  return out;
}
