// XML as text: decoding and escaping, attributes, rich-text runs, and edits applied in one pass. The package
// reader and the marks writer share these.

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));|_x([0-9A-Fa-f]{4})_/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text → string: entities and Excel's `_xHHHH_` escapes decoded. */
export function decode(s: string): string {
  if (s.indexOf('&') < 0 && s.indexOf('_x') < 0) return s;
  return s.replace(ENTITY, (ref: string, hex: string, dec: string, name: string, esc: string) =>
    hex
      ? String.fromCodePoint(parseInt(hex, 16))
      : dec
        ? String.fromCodePoint(Number(dec))
        : name
          ? (NAMED[name] ?? ref)
          : String.fromCharCode(parseInt(esc, 16)),
  );
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * String → XML text or attribute value: `& < > " '` as entities; characters XML cannot hold (controls other
 * than tab and line feed, carriage return, lone surrogates, U+FFFE/U+FFFF) as Excel's `_xHHHH_`, and a literal
 * `_xHHHH_` protected as `_x005F_xHHHH_` so that Excel reads it back as typed.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
    .replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
    .replace(
      // Surrogate pairs are matched first and kept, so only lone halves are escaped (no lookbehind: older
      // WebViews of the task pane lack it).
      // eslint-disable-next-line no-control-regex -- matching the control characters XML cannot hold is the point
      /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\x00-\x08\x0B-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/g,
      (c) => (c.length === 2 ? c : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`),
    );
}

/** The decoded value of attribute `name` in a start tag's attribute text. */
export function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}="([^"]*)"`).exec(attrs);
  if (m) return decode(m[1] ?? '');
  const q = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}='([^']*)'`).exec(attrs);
  return q ? decode(q[1] ?? '') : undefined;
}

/** Attribute text with `name` set to `value` (replaced in place, or appended). */
export function setAttr(attrs: string, name: string, value: string): string {
  const re = new RegExp(`(^|\\s)${name}=("[^"]*"|'[^']*')`);
  if (re.test(attrs)) return attrs.replace(re, `$1${name}="${value}"`);
  return `${attrs.replace(/\s+$/, '')} ${name}="${value}"`;
}

/** The text of an <si>, <is> or comment <text>: every <t> outside phonetic runs, joined and decoded. */
export function runText(xml: string): string {
  const clean = xml.indexOf('<rPh') >= 0 ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  const re = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  for (let m = re.exec(clean); m; m = re.exec(clean)) out += m[1] ?? '';
  return decode(out);
}

/** One text replacement in a string: `length` characters at `at` become `text`. */
export interface Edit {
  at: number;
  length: number;
  text: string;
}

/** Applies edits (sorted by position, not overlapping) in one pass. */
export function applyEdits(source: string, edits: Edit[]): string {
  if (edits.length === 0) return source;
  edits.sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  let pos = 0;
  for (const e of edits) {
    parts.push(source.slice(pos, e.at), e.text);
    pos = e.at + e.length;
  }
  parts.push(source.slice(pos));
  return parts.join('');
}

/**
 * Applies edits (sorted by position, not overlapping) to the UTF-8 bytes of text whose every character is one
 * byte (ASCII), so that positions in the text are positions in the bytes: the unchanged stretches are copied,
 * and only the edits' text is encoded (a 22 MB sheet is not encoded again for a few thousand small edits).
 */
export function applyEditsToBytes(source: Uint8Array, edits: Edit[]): Uint8Array {
  edits.sort((a, b) => a.at - b.at);
  // The edits' texts are ASCII but for a note's or a name's text now and then: only those are encoded.
  const encoder = new TextEncoder();
  const encoded: (Uint8Array | undefined)[] = [];
  let size = source.length;
  for (const edit of edits) {
    const bytes = isAsciiText(edit.text) ? undefined : encoder.encode(edit.text);
    encoded.push(bytes);
    size += (bytes ? bytes.length : edit.text.length) - edit.length;
  }
  const out = new Uint8Array(size);
  let pos = 0;
  let to = 0;
  let k = 0;
  for (const edit of edits) {
    out.set(source.subarray(pos, edit.at), to);
    to += edit.at - pos;
    const bytes = encoded[k++];
    if (bytes) {
      out.set(bytes, to);
      to += bytes.length;
    } else {
      const text = edit.text;
      for (let i = 0; i < text.length; i++) out[to++] = text.charCodeAt(i);
    }
    pos = edit.at + edit.length;
  }
  out.set(source.subarray(pos), to);
  return out;
}

/** True when every character of the text is ASCII (its UTF-8 bytes are its character codes). */
function isAsciiText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The root element of XML text: its prefix (or ''), its attribute text, and where its start tag is. */
function rootTag(xml: string): { prefix: string; attrs: string; index: number; length: number } | undefined {
  const re = /<(?:\?[\s\S]*?\?>|!--[\s\S]*?-->|([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*([^>]*)>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0].startsWith('<?') || m[0].startsWith('<!--')) continue;
    return { prefix: m[1] ? m[1].slice(0, -1) : '', attrs: m[2] ?? '', index: m.index, length: m[0].length };
  }
  return undefined;
}

/** How to unprefix a part: the prefix of its root and the namespace bound to it, when the root has one. */
export interface Unprefix {
  prefix: string;
  uri: string;
}

/**
 * The prefix to remove from a part, read from its root: undefined when the root has no prefix, or when the root
 * also binds the default namespace to another name (then unprefixed elements belong elsewhere: left as they are).
 */
export function unprefixOf(firstSegment: string): Unprefix | undefined {
  const root = rootTag(firstSegment);
  if (!root || !root.prefix) return undefined;
  const bound = new RegExp(`\\sxmlns:${root.prefix}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(root.attrs);
  if (!bound) return undefined;
  const uri = bound[2] ?? bound[3] ?? '';
  const other = /\sxmlns\s*=\s*("([^"]*)"|'([^']*)')/.exec(root.attrs);
  if (other && (other[2] ?? other[3]) !== uri) return undefined;
  return { prefix: root.prefix, uri };
}

/**
 * A segment of a prefixed part in the usual form: `<x:c>` → `<c>`, `</x:c>` → `</c>`; the root (in the first
 * segment) also declares the namespace as the default one. Other prefixes (`r:`, `mc:`, `x14ac:`) are kept.
 */
export function unprefix(segment: string, u: Unprefix, first: boolean): string {
  let text = segment.replace(new RegExp(`<(/?)${u.prefix}:`, 'g'), '<$1');
  if (first) {
    const root = rootTag(text);
    if (root && !/\sxmlns\s*=/.test(root.attrs)) {
      const at = text.indexOf(root.attrs, root.index);
      text = `${text.slice(0, at)} xmlns="${u.uri}"${text.slice(at)}`;
    }
  }
  return text;
}
