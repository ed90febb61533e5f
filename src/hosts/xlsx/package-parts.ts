import { attr, unprefix, type Unprefix, unprefixOf } from './ooxml/xml-text';
import { XmlChecker } from './xml-check';
import { isSizeLimitError, PackageError, PartTooLargeError, type ZipPackage } from './zip-package';

// The parts of an OOXML package as text the scanners can rely on: decoded strictly (UTF-8, or UTF-16 with a BOM),
// checked well-formed, and written in the usual unprefixed form. Some .NET and platform exports write every
// element with a prefix (`<x:c>` under `xmlns:x="…/main"`), and Strict OOXML uses other namespace names
// (purl.oclc.org); both mean the same elements, so the scanners and the patcher see one form.

/** Decodes a part's bytes: UTF-16 with a BOM, else UTF-8 that must be valid (`PackageError('encoding')`). */
/** What the segment loop needs of a TextDecoder (the type is named apart: DOM and Node typings differ). */
interface Decoder {
  decode(input: Uint8Array, options?: { stream?: boolean }): string;
}

function decoderFor(bytes: Uint8Array, part: string): { decoder: Decoder; skip: number } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { decoder: new TextDecoder('utf-16le', { fatal: true }), skip: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { decoder: new TextDecoder('utf-16be', { fatal: true }), skip: 2 };
  try {
    return {
      decoder: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }),
      skip: 0,
    };
  } catch {
    throw new PackageError('encoding', part);
  }
}

/**
 * A part up to this size is decoded whole (one string, scanned fastest); a larger part (a sheet of hundreds of
 * thousands of rows, or of hundreds of MB, which no one string holds) is decoded `SEGMENT_BYTES` at a time.
 */
const WHOLE_BYTES = 64 * 1024 * 1024;
/**
 * Bytes decoded per step for a larger part: small, so that the text held at any time is small beside the grids
 * read from it (4 MB segments take a 200k-row check from about 430 MB to about 380 MB at its peak).
 */
const SEGMENT_BYTES = 4 * 1024 * 1024;

/**
 * Where a large part may be cut into segments: after a closing `</unit>` when there is one; else (a long run
 * without one) before or after any tag that is not inside an `atom` element. Without an atom, after any tag.
 */
export interface Cuts {
  unit?: string;
  atom?: string;
}

/** Worksheets are cut between rows, else between cells. */
export const SHEET_CUTS: Cuts = { unit: 'row', atom: 'c' };
/** Shared strings are cut between strings. */
export const STRINGS_CUTS: Cuts = { unit: 'si', atom: 'si' };

/** The last start of element `name` (`<name` then a space, `>` or `/`) before `end`, or -1. */
function lastStart(text: string, name: string, end: number): number {
  const open = `<${name}`;
  for (let at = text.lastIndexOf(open, end); at >= 0; at = text.lastIndexOf(open, at - 1)) {
    const next = text.charCodeAt(at + open.length);
    // space, tab, CR, LF, '>' or '/'
    if (next === 32 || next === 9 || next === 13 || next === 10 || next === 62 || next === 47) return at;
    if (at === 0) break;
  }
  return -1;
}

/**
 * Where `carry` can be cut when it holds no `</unit>`: the length of the first piece, or 0 when nowhere. Never
 * inside a tag, an entity or an open `atom` element; text between tags (a long run of white space) may be cut.
 */
function fallbackCut(carry: string, prefix: string, atom: string | undefined): number {
  const lt = carry.lastIndexOf('<');
  const gt = carry.lastIndexOf('>');
  let end = lt > gt ? lt : carry.length;
  const amp = carry.lastIndexOf('&', end - 1);
  if (amp > gt) end = amp;
  if (end <= 0 || !atom) return Math.max(end, 0);
  const open = lastStart(carry, prefix + atom, end - 1);
  if (open < 0) return end;
  const closed =
    carry.lastIndexOf(`</${prefix}${atom}>`, end) > open || carry[carry.indexOf('>', open) - 1] === '/';
  return closed ? end : open;
}

/** A part's bytes a piece at a time: the next piece, or undefined after the last (see `ZipPackage.pieces`). */
export type Pieces = () => Uint8Array | undefined;

/**
 * Calls `each` with a part's text in segments cut as `cuts` says (or the whole text when it is small): decoded,
 * unprefixed, checked well-formed by `checker` (a plain `XmlChecker`, or a reader that extends it and reads the
 * part as it is checked). The part is given whole or a piece at a time. Throws `PackageError` naming the part, or
 * `PartTooLargeError` when a piece that cannot be cut is too large to hold as text.
 */
export function forEachSegment(
  source: Uint8Array | Pieces,
  part: string,
  each: (segment: string) => void,
  segmentBytes?: number,
  cuts: Cuts = SHEET_CUTS,
  checker: XmlChecker = new XmlChecker(part),
): void {
  let size = 0;
  try {
    if (typeof source === 'function') {
      const emit = emitter(each, checker);
      const first = source() ?? new Uint8Array(0);
      size = first.length;
      segmented(first, source, part, emit, segmentBytes ?? SEGMENT_BYTES, cuts);
    } else {
      size = source.length;
      segments(source, part, each, segmentBytes, cuts, checker);
    }
    checker.end();
  } catch (e) {
    if (isSizeLimitError(e)) throw new PartTooLargeError(part, size);
    throw e;
  }
}

/** Hands each segment on, unprefixed, to the checker and to `each`; `prefix()` tells the elements' prefix once known. */
interface Emitter {
  (raw: string): void;
  prefix(): string | undefined;
}

function emitter(each: (segment: string) => void, checker: XmlChecker): Emitter {
  let u: Unprefix | undefined;
  let first = true;
  const emit = (raw: string) => {
    if (first) u = unprefixOf(raw);
    const text = u ? unprefix(raw, u, first) : raw;
    first = false;
    checker.feed(text);
    each(text);
  };
  emit.prefix = () => (first ? undefined : u ? `${u.prefix}:` : '');
  return emit;
}

function decodeIn(decoder: Decoder, chunk: Uint8Array, stream: boolean, part: string): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch {
    throw new PackageError('encoding', part);
  }
}

function segments(
  bytes: Uint8Array,
  part: string,
  each: (segment: string) => void,
  segmentBytes: number | undefined,
  cuts: Cuts,
  checker: XmlChecker,
): void {
  const emit = emitter(each, checker);
  if (bytes.length <= (segmentBytes ?? WHOLE_BYTES)) {
    const { decoder, skip } = decoderFor(bytes, part);
    emit(decodeIn(decoder, bytes.subarray(skip), false, part));
  } else segmented(bytes, () => undefined, part, emit, segmentBytes ?? SEGMENT_BYTES, cuts);
}

/** Where the UTF-8 character that `bytes` ends inside of starts (the length when the last character is whole). */
function incompleteTail(bytes: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const b = bytes[bytes.length - k]!;
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return length > k ? bytes.length - k : bytes.length;
  }
  return bytes.length;
}

/**
 * Emits a part's text in segments: `first` is its first piece, `more` gives the others. Each piece is decoded
 * `segmentBytes` at a time and the text cut after the last `</unit>` (or where `fallbackCut` says).
 */
function segmented(
  first: Uint8Array,
  more: Pieces,
  part: string,
  emit: Emitter,
  segmentBytes: number,
  cuts: Cuts,
): void {
  const { decoder, skip } = decoderFor(first, part);
  let carry = '';
  // UTF-8 is cut where a character starts, and each piece decoded whole: a streaming TextDecoder takes a slow
  // path in Node (five times the time on a 90 MB sheet). UTF-16 keeps the stream.
  const utf8 = skip === 0;
  const rest = utf8 ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : decoder;
  let started = false;
  let bytes: Uint8Array | undefined = first.subarray(skip);
  let ahead = more();
  while (bytes) {
    // A character cut between two pieces goes whole to the next piece: every piece then ends where one starts.
    if (utf8 && ahead) {
      const from = incompleteTail(bytes);
      if (from < bytes.length) {
        const joined: Uint8Array = new Uint8Array(bytes.length - from + ahead.length);
        joined.set(bytes.subarray(from));
        joined.set(ahead, bytes.length - from);
        ahead = joined;
        bytes = bytes.subarray(0, from);
      }
    }
    const lastPiece = ahead === undefined;
    for (let at = 0, next: number; at < bytes.length; at = next) {
      next = Math.min(bytes.length, at + segmentBytes);
      const last = lastPiece && next >= bytes.length;
      if (utf8 && !last)
        for (let k = 0; k < 3 && next > at + 1 && ((bytes[next] ?? 0) & 0xc0) === 0x80; k++) next--;
      const chunk = bytes.subarray(at, next);
      carry += utf8
        ? decodeIn(started ? rest : decoder, chunk, false, part)
        : decodeIn(decoder, chunk, !last, part);
      started = true;
      if (last) break;
      // The prefix of the elements: the root's, known once the first segment is out (the first unit end
      // tells it before then).
      const known = emit.prefix();
      const unitEnd =
        known === undefined && cuts.unit ? new RegExp(`</(?:[\\w.-]+:)?${cuts.unit}>`).exec(carry) : null;
      const prefix = known ?? (unitEnd ? unitEnd[0].slice(2, -cuts.unit!.length - 1) : '');
      const marker = cuts.unit ? `</${prefix}${cuts.unit}>` : undefined;
      let cut = marker ? carry.lastIndexOf(marker) : -1;
      if (cut >= 0) cut += marker!.length;
      else if (carry.length > segmentBytes) cut = fallbackCut(carry, prefix, cuts.atom);
      if (cut <= 0) continue;
      emit(carry.slice(0, cut));
      carry = carry.slice(cut);
    }
    bytes = ahead;
    ahead = bytes === undefined ? undefined : more();
  }
  emit(carry);
}

/**
 * A part's bytes as `forEachSegment` takes them: whole, or a piece at a time when the part is larger than a whole
 * part may be (`segmentBytes` when given), so that its inflated bytes are never held whole beside what is read
 * from them.
 */
export function partSource(zip: ZipPackage, part: string, segmentBytes?: number): Uint8Array | Pieces {
  const size = zip.entry(part)?.size ?? 0;
  if (size <= (segmentBytes ?? WHOLE_BYTES)) return zip.read(part);
  return zip.pieces(part, segmentBytes === undefined ? undefined : Math.max(64, segmentBytes >> 2));
}

/** A whole part as checked, unprefixed text. */
export function partText(zip: ZipPackage, part: string): string {
  const bytes = zip.read(part);
  const pieces: string[] = [];
  forEachSegment(bytes, part, (s) => pieces.push(s), undefined, {});
  try {
    return pieces.join('');
  } catch (e) {
    if (isSizeLimitError(e)) throw new PartTooLargeError(part, bytes.length);
    throw e;
  }
}

/** Checks that a part is well-formed XML without holding it whole (for parts the reader does not use). */
export function checkPart(zip: ZipPackage, part: string): void {
  forEachSegment(zip.read(part), part, () => undefined, undefined, {});
}

/** Content types of the package: `typeOf(part)` by Override, else by the Default of its extension. */
export function contentTypesOf(xml: string): (part: string) => string | undefined {
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const [, attrs = ''] of xml.matchAll(/<Override\b([^>]*?)\/?>/g)) {
    const name = attr(attrs, 'PartName');
    const type = attr(attrs, 'ContentType');
    if (name && type) overrides.set(name.replace(/^\//, '').toLowerCase(), type);
  }
  for (const [, attrs = ''] of xml.matchAll(/<Default\b([^>]*?)\/?>/g)) {
    const ext = attr(attrs, 'Extension');
    const type = attr(attrs, 'ContentType');
    if (ext && type) defaults.set(ext.toLowerCase(), type);
  }
  return (part) => {
    const o = overrides.get(part.toLowerCase());
    if (o) return o;
    const dot = part.lastIndexOf('.');
    return dot >= 0 ? defaults.get(part.slice(dot + 1).toLowerCase()) : undefined;
  };
}
