import { attr, unprefix, type Unprefix, unprefixOf } from './ooxml/xml-text';
import { XmlChecker } from './xml-check';
import { PackageError, type ZipPackage } from './zip-package';

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
 * Calls `each` with a part's text in segments that end after a closing `</row>` (or the whole text when it is
 * small): decoded, unprefixed, checked well-formed. Throws `PackageError` naming the part.
 */
export function forEachSegment(
  bytes: Uint8Array,
  part: string,
  each: (segment: string) => void,
  segmentBytes = SEGMENT_BYTES,
): void {
  const { decoder, skip } = decoderFor(bytes, part);
  const checker = new XmlChecker(part);
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
    for (let at = skip; at < bytes.length; at += segmentBytes) {
      const last = at + segmentBytes >= bytes.length;
      carry += decode(bytes.subarray(at, Math.min(bytes.length, at + segmentBytes)), !last);
      if (last) break;
      const rowEnd = first ? /<\/(?:[\w.-]+:)?row>/.exec(carry) : null;
      const marker = rowEnd ? rowEnd[0] : u ? `</${u.prefix}:row>` : '</row>';
      const cut = carry.lastIndexOf(marker);
      if (cut < 0) continue;
      emit(carry.slice(0, cut + marker.length));
      carry = carry.slice(cut + marker.length);
    }
    emit(carry);
  }
  checker.end();
}

/** A whole part as checked, unprefixed text. */
export function partText(zip: ZipPackage, part: string): string {
  const segments: string[] = [];
  forEachSegment(zip.read(part), part, (s) => segments.push(s));
  return segments.join('');
}

/** Content types of the package: `typeOf(part)` by Override, else by the Default of its extension. */
export function contentTypesOf(xml: string): (part: string) => string | undefined {
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const m of xml.matchAll(/<Override\b([^>]*?)\/?>/g)) {
    const name = attr(m[1], 'PartName');
    const type = attr(m[1], 'ContentType');
    if (name && type) overrides.set(name.replace(/^\//, '').toLowerCase(), type);
  }
  for (const m of xml.matchAll(/<Default\b([^>]*?)\/?>/g)) {
    const ext = attr(m[1], 'Extension');
    const type = attr(m[1], 'ContentType');
    if (ext && type) defaults.set(ext.toLowerCase(), type);
  }
  return (part) => {
    const o = overrides.get(part.toLowerCase());
    if (o) return o;
    const dot = part.lastIndexOf('.');
    return dot >= 0 ? defaults.get(part.slice(dot + 1).toLowerCase()) : undefined;
  };
}
