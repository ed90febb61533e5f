import { PackageError } from './zip-package';

// A well-formedness check of the XML parts the reader uses (XML 1.0 without a DTD, as OOXML is): one root
// element, every tag closed in order, attributes quoted and not repeated, entities known, no character XML
// cannot hold. It takes a part in segments that end after a '>' (so that no tag straddles two), for sheets too
// large for one string. A part that stops inside an element is `truncated`; any other fault is `xml`, with its
// line. A reader that extends it (the sheet scanner) reads what it needs as the check walks the tags: one pass
// over a sheet's millions of tags instead of two.

/** What is wrong, for the message. */
export type XmlProblem =
  | 'mismatch'
  | 'bad-name'
  | 'bad-attribute'
  | 'duplicate-attribute'
  | 'bad-entity'
  | 'bad-character'
  | 'text-outside-root'
  | 'second-root'
  | 'doctype'
  | 'declaration'
  | 'no-root';

// eslint-disable-next-line no-control-regex -- finding the characters XML cannot hold is the point
const BAD_CHARACTER = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/** The XML declaration as XML 1.0 allows it (version 1.x, then an optional encoding and standalone). */
const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>$/;
const ENTITY = /^&(?:#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot|apos);/;
const WHITESPACE_ONLY = /^[ \t\r\n]*$/;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isNameStart = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x3a || c >= 0x80;
const isNameChar = (c: number) => isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e;

/** Classes of the ASCII characters, as bits: a name may start with it, go on with it, or it is white space. */
const NAME_START = 1;
const NAME_CHAR = 2;
const SPACE = 4;
const CHARS = new Uint8Array(0x80);
for (let c = 0; c < 0x80; c++)
  CHARS[c] = (isNameStart(c) ? NAME_START : 0) | (isNameChar(c) ? NAME_CHAR : 0) | (isSpace(c) ? SPACE : 0);

/** True when a character reference names a character XML may hold. */
function validReference(ref: string): boolean {
  if (ref[1] !== '#') return true;
  const code = ref[2] === 'x' ? parseInt(ref.slice(3, -1), 16) : parseInt(ref.slice(2, -1), 10);
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Checks XML a segment at a time; `end()` after the last. Throws `PackageError` naming the part. */
export class XmlChecker {
  private readonly stack: string[] = [];
  private rootSeen = false;
  private rootClosed = false;
  /** True once a segment with text was checked (the XML declaration may only come first). */
  private started = false;
  /** Lines of the segments already checked, for the line number of a fault. */
  private linesBefore = 0;

  constructor(readonly part: string) {}

  private fail(problem: XmlProblem, s: string, at: number, details: Record<string, string> = {}): never {
    let line = this.linesBefore + 1;
    for (let i = s.indexOf('\n'); i >= 0 && i < at; i = s.indexOf('\n', i + 1)) line++;
    throw new PackageError('xml', this.part, { problem, line, ...details });
  }

  private truncated(): never {
    throw new PackageError('truncated', this.part);
  }

  /** The first '<' after the last start tag's name (-1: none, or not looked for in this segment). */
  private nextLt = -1;

  /** The next '&' of the segment at or after the last place looked at (positions only move forward). */
  private amp = -1;

  /** Entities of text or an attribute value between `from` and `to`. */
  private entities(s: string, from: number, to: number): void {
    if (this.amp >= 0 && this.amp < from) this.amp = s.indexOf('&', from);
    while (this.amp >= 0 && this.amp < to) {
      const m = ENTITY.exec(s.slice(this.amp, Math.min(to, this.amp + 12)));
      if (!m || !validReference(m[0])) this.fail('bad-entity', s, this.amp);
      this.amp = s.indexOf('&', this.amp + 1);
    }
  }

  private text(s: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      if (!WHITESPACE_ONLY.test(s.slice(from, to))) this.fail('text-outside-root', s, from);
      return;
    }
    if (this.amp >= 0 && this.amp < to) this.entities(s, from, to);
  }

  /** Checks one segment; it must end after a '>' unless it is the last. */
  feed(s: string): void {
    if (s.length > 0 && s.charCodeAt(0) === 0xfeff && this.linesBefore === 0 && !this.rootSeen)
      s = s.slice(1);
    const bad = BAD_CHARACTER.exec(s);
    if (bad) this.fail('bad-character', s, bad.index);
    const n = s.length;
    this.amp = s.indexOf('&');
    let i = 0;
    this.nextLt = -1;
    while (i < n) {
      // The '<' a start tag already found after itself, else a new search.
      const lt = this.nextLt >= i ? this.nextLt : s.indexOf('<', i);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > i) this.text(s, i, textEnd);
      if (lt < 0) break;
      const c = s.charCodeAt(lt + 1);
      if (c === 0x2f /* / */) {
        // The usual end tag, `</name>` of the open element, is seen without a search for its '>'.
        const top = this.stack[this.stack.length - 1];
        if (top !== undefined && s.charCodeAt(lt + 2 + top.length) === 0x3e && s.startsWith(top, lt + 2)) {
          this.stack.pop();
          if (this.stack.length === 0) this.rootClosed = true;
          i = lt + 3 + top.length;
          this.closed(s, top, i);
          continue;
        }
        const gt = s.indexOf('>', lt);
        if (gt < 0) this.truncated();
        let e = gt;
        while (e > lt + 2 && isSpace(s.charCodeAt(e - 1))) e--;
        const open = this.stack.pop();
        // Compared in place: no substring per end tag (a 50k-row sheet has millions).
        if (open === undefined || e - lt - 2 !== open.length || !s.startsWith(open, lt + 2))
          this.fail('mismatch', s, lt, { found: s.slice(lt + 2, e), expected: open ?? '' });
        if (this.stack.length === 0) this.rootClosed = true;
        i = gt + 1;
        this.closed(s, open, i);
      } else if (c === 0x3f /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) this.truncated();
        // `<?xml …?>` is the declaration: only first in the part, and well-formed (not a processing instruction).
        if (/^<\?xml[\s?]/i.test(s.slice(lt, lt + 6))) {
          const atStart = lt === 0 && this.linesBefore === 0 && !this.started;
          if (!atStart || !XML_DECLARATION.test(s.slice(lt, end + 2))) this.fail('declaration', s, lt);
        }
        i = end + 2;
      } else if (c === 0x21 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) this.truncated();
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', lt) && this.stack.length > 0) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) this.truncated();
          i = end + 3;
        } else if (s.startsWith('<!DOCTYPE', lt)) this.fail('doctype', s, lt);
        else this.fail('bad-name', s, lt);
      } else {
        i = this.startTag(s, lt);
        // Called here, not from startTag: that keeps the tag check small for the compiler.
        this.opened(s, this.tagName, i, this.tagEmpty, this.nextLt);
      }
    }
    for (let k = s.indexOf('\n'); k >= 0; k = s.indexOf('\n', k + 1)) this.linesBefore++;
    if (n > 0) this.started = true;
  }

  /**
   * The attributes of the current start tag, four numbers each: where its name starts and ends, where its value
   * starts and ends (between the quotes, entities not decoded). Reused: no allocation per tag. The first 128
   * attributes of a tag are kept.
   */
  protected readonly attrAt = new Int32Array(512);
  /** How many attributes of the current start tag `attrAt` holds. */
  protected attrCount = 0;
  /** The current start tag's name, and whether it is an empty element. */
  private tagName = '';
  private tagEmpty = false;

  /**
   * Called after each start tag that is checked: its name, where the tag ends (after its `>`), whether it is an
   * empty element (`/>`), and the first '<' after it (-1: none in the segment). Does nothing here.
   */
  protected opened(_s: string, _name: string, _end: number, _empty: boolean, _nextLt: number): void {}

  /** Called after each end tag that is checked: the element's name and where the tag ends. Does nothing here. */
  protected closed(_s: string, _name: string, _end: number): void {}

  /** True when the attribute names of the entries at k and j of `attrAt` are the same. */
  private sameName(s: string, k: number, j: number): boolean {
    // Why `!`: k and j are entries the tag scan wrote, below the array's fixed length.
    const a = this.attrAt;
    const kStart = a[k]!;
    const jStart = a[j]!;
    const length = a[k + 1]! - kStart;
    if (length !== a[j + 1]! - jStart) return false;
    for (let x = 0; x < length; x++) if (s.charCodeAt(kStart + x) !== s.charCodeAt(jStart + x)) return false;
    return true;
  }

  /** A start tag at `lt`; returns the index after it. */
  // Character classes are looked up in `CHARS` written out in place (not through the helpers above): a sheet has
  // millions of tags, and before the compiler has optimised this method every call costs.
  private startTag(s: string, lt: number): number {
    const n = s.length;
    let p = lt + 1;
    if (p >= n) this.truncated();
    let c = s.charCodeAt(p);
    if (c < 0x80 && (CHARS[c]! & NAME_START) === 0) this.fail('bad-name', s, lt);
    do c = s.charCodeAt(++p);
    while (p < n && (c >= 0x80 || (CHARS[c]! & NAME_CHAR) !== 0));
    if (this.rootClosed) this.fail('second-root', s, lt);
    const name = s.slice(lt + 1, p);
    // The next '<' after the tag's own: an attribute value reaching past it holds a '<'.
    const nextLt = s.indexOf('<', p);
    this.nextLt = nextLt;
    const a = this.attrAt;
    let count = 0;
    for (;;) {
      const before = p;
      while (p < n && c < 0x80 && (CHARS[c]! & SPACE) !== 0) c = s.charCodeAt(++p);
      if (p >= n) this.truncated();
      if (c === 0x3e /* > */) {
        this.stack.push(name);
        this.rootSeen = true;
        this.attrCount = count;
        this.tagName = name;
        this.tagEmpty = false;
        return p + 1;
      }
      if (c === 0x2f /* / */) {
        if (p + 1 >= n) this.truncated();
        if (s.charCodeAt(p + 1) !== 0x3e) this.fail('bad-attribute', s, p);
        this.rootSeen = true;
        if (this.stack.length === 0) this.rootClosed = true;
        this.attrCount = count;
        this.tagName = name;
        this.tagEmpty = true;
        return p + 2;
      }
      // An attribute: whitespace before it, a name, '=', a quoted value without '<'.
      if (p === before || (c < 0x80 && (CHARS[c]! & NAME_START) === 0)) this.fail('bad-attribute', s, p);
      const start = p;
      do c = s.charCodeAt(++p);
      while (p < n && (c >= 0x80 || (CHARS[c]! & NAME_CHAR) !== 0));
      const end = p;
      while (p < n && c < 0x80 && (CHARS[c]! & SPACE) !== 0) c = s.charCodeAt(++p);
      if (p >= n) this.truncated();
      if (c !== 0x3d /* = */) this.fail('bad-attribute', s, p);
      c = s.charCodeAt(++p);
      while (p < n && c < 0x80 && (CHARS[c]! & SPACE) !== 0) c = s.charCodeAt(++p);
      if (p >= n) this.truncated();
      if (c !== 0x22 && c !== 0x27) this.fail('bad-attribute', s, p);
      const close = s.indexOf(c === 0x22 ? '"' : "'", p + 1);
      if (close < 0) this.truncated();
      if (nextLt >= 0 && nextLt < close) this.fail('bad-attribute', s, nextLt);
      if (this.amp >= 0 && this.amp < close) this.entities(s, p + 1, close);
      if (count < 128) {
        const k = count * 4;
        a[k] = start;
        a[k + 1] = end;
        a[k + 2] = p + 1;
        a[k + 3] = close;
        const length = end - start;
        for (let j = 0; j < k; j += 4)
          if (a[j + 1]! - a[j]! === length && this.sameName(s, k, j))
            this.fail('duplicate-attribute', s, start, { attribute: s.slice(start, end) });
        count++;
      }
      p = close + 1;
      c = s.charCodeAt(p);
    }
  }

  /** After the last segment: the root must have been opened and closed. */
  end(): void {
    if (this.stack.length > 0) this.truncated();
    if (!this.rootSeen)
      throw new PackageError(this.linesBefore === 0 ? 'truncated' : 'xml', this.part, { problem: 'no-root' });
  }
}

/** Checks a whole part. */
export function checkXml(text: string, part: string): void {
  const checker = new XmlChecker(part);
  checker.feed(text);
  checker.end();
}
