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
    return { decoder: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }), skip: 0 };
  } catch {
    throw new PackageError('encoding', part);
  }
}

/** Bytes decoded per step for a large part (a sheet of hundreds of MB does not fit one string). */
const SEGMENT_BYTES = 64 * 1024 * 1024;

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

/**
 * Calls `each` with a part's text in segments cut as `cuts` says (or the whole text when it is small): decoded,
 * unprefixed, checked well-formed by `checker` (a plain `XmlChecker`, or a reader that extends it and reads the
 * part as it is checked). Throws `PackageError` naming the part, or `PartTooLargeError` when a piece that cannot
 * be cut is too large to hold as text.
 */
export function forEachSegment(
  bytes: Uint8Array,
  part: string,
  each: (segment: string) => void,
  segmentBytes = SEGMENT_BYTES,
  cuts: Cuts = SHEET_CUTS,
  checker: XmlChecker = new XmlChecker(part),
): void {
  try {
    segments(bytes, part, each, segmentBytes, cuts, checker);
  } catch (e) {
    if (isSizeLimitError(e)) throw new PartTooLargeError(part, bytes.length);
    throw e;
  }
}

function segments(
  bytes: Uint8Array,
  part: string,
  each: (segment: string) => void,
  segmentBytes: number,
  cuts: Cuts,
  checker: XmlChecker,
): void {
  const { decoder, skip } = decoderFor(bytes, part);
  let u: Unprefix | undefined;
  let first = true;
  const emit = (raw: string) => {
    if (first) u = unprefixOf(raw);
    const text = u ? unprefix(raw, u, first) : raw;
    first = false;
    checker.feed(text);
    each(text);
  };
  const decode = (chunk: Uint8Array, stream: boolean) => {
    try {
      return decoder.decode(chunk, { stream });
    } catch {
      throw new PackageError('encoding', part);
    }
  };
  if (bytes.length - skip <= segmentBytes) emit(decode(bytes.subarray(skip), false));
  else {
    let carry = '';
    // UTF-8 is cut where a character starts, and each piece decoded whole: a streaming TextDecoder takes a slow
    // path in Node (five times the time on a 90 MB sheet). UTF-16 keeps the stream.
    const utf8 = skip === 0;
    const rest = utf8 ? new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }) : decoder;
    for (let at = skip, next: number; at < bytes.length; at = next) {
      next = Math.min(bytes.length, at + segmentBytes);
      const last = next >= bytes.length;
      if (utf8 && !last)
        for (let k = 0; k < 3 && next > at + 1 && ((bytes[next] ?? 0) & 0xc0) === 0x80; k++) next--;
      const chunk = bytes.subarray(at, next);
      try {
        carry += utf8
          ? (at === skip ? decoder : rest).decode(chunk)
          : decoder.decode(chunk, { stream: !last });
      } catch {
        throw new PackageError('encoding', part);
      }
      if (last) break;
      // The prefix of the elements: the root's, known once the first segment is out (the first unit end
      // tells it before then).
      const unitEnd = first && cuts.unit ? new RegExp(`</(?:[\\w.-]+:)?${cuts.unit}>`).exec(carry) : null;
      const prefix = u ? `${u.prefix}:` : unitEnd ? unitEnd[0].slice(2, -cuts.unit!.length - 1) : '';
      const marker = cuts.unit ? `</${prefix}${cuts.unit}>` : undefined;
      let cut = marker ? carry.lastIndexOf(marker) : -1;
      if (cut >= 0) cut += marker!.length;
      else if (carry.length > segmentBytes) cut = fallbackCut(carry, prefix, cuts.atom);
      if (cut <= 0) continue;
      emit(carry.slice(0, cut));
      carry = carry.slice(cut);
    }
    emit(carry);
  }
  checker.end();
}

/** A whole part as checked, unprefixed text. */
export function partText(zip: ZipPackage, part: string): string {
  const bytes = zip.read(part);
  const pieces: string[] = [];
  forEachSegment(bytes, part, (s) => pieces.push(s), SEGMENT_BYTES, {});
  try {
    return pieces.join('');
  } catch (e) {
    if (isSizeLimitError(e)) throw new PartTooLargeError(part, bytes.length);
    throw e;
  }
}

/** Checks that a part is well-formed XML without holding it whole (for parts the reader does not use). */
export function checkPart(zip: ZipPackage, part: string): void {
  forEachSegment(zip.read(part), part, () => undefined, SEGMENT_BYTES, {});
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
