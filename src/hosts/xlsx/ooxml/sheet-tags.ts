// The tags of a worksheet's XML that the reader and the marks writer walk (rows, cells, the end of a row and of
// the sheet data), found with `indexOf('<')` and a look at the characters after it: one pass without a regular
// expression or a substring per tag (a 50k-row sheet has millions of tags). The text is the usual unprefixed form
// (see `unprefix`). Comments, CDATA and processing instructions are stepped over whole.

/** A `<row …>` start tag (or empty row). */
export const ROW = 1;
/** A `<c …>` start tag (or empty cell). */
export const CELL = 2;
/** `</row>`. */
export const ROW_END = 3;
/** `</sheetData>`. */
export const SHEET_DATA_END = 4;

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** After an element's name: white space, `>` or `/`. */
const endsName = (c: number) => isSpace(c) || c === 0x3e || c === 0x2f;

/** Walks the row and cell tags of sheet XML; `next()` moves to the next one and returns its kind (0 at the end). */
export class SheetTags {
  /** The kind of the current tag (ROW, CELL, ROW_END, SHEET_DATA_END; 0 once past the end). */
  kind = 0;
  /** Where the current tag starts (its `<`). */
  start = 0;
  /** The current start tag's attributes: from after its name to before its `>` or `/>`. */
  attrsStart = 0;
  attrsEnd = 0;
  /** True when the current start tag ends with `/>`. */
  empty = false;
  /** Where the current tag ends (after its `>`). */
  end = 0;

  constructor(
    private readonly xml: string,
    from = 0,
  ) {
    this.end = from;
  }

  next(): number {
    const xml = this.xml;
    let at = xml.indexOf('<', this.end);
    while (at >= 0) {
      const c = xml.charCodeAt(at + 1);
      if (c === 0x63 /* c */ && endsName(xml.charCodeAt(at + 2))) return this.startTag(CELL, at, at + 2);
      if (c === 0x72 /* r */ && xml.startsWith('ow', at + 2) && endsName(xml.charCodeAt(at + 4)))
        return this.startTag(ROW, at, at + 4);
      if (c === 0x2f /* / */) {
        const kind = xml.startsWith('row', at + 2)
          ? ROW_END
          : xml.startsWith('sheetData', at + 2)
            ? SHEET_DATA_END
            : 0;
        // `</row >` is an end tag too; `</rows>` is not.
        const nameEnd = at + 2 + (kind === ROW_END ? 3 : 9);
        const gt = kind ? xml.indexOf('>', nameEnd) : -1;
        if (gt >= 0 && (nameEnd === gt || isSpace(xml.charCodeAt(nameEnd)))) {
          this.start = at;
          this.end = gt + 1;
          this.attrsStart = this.attrsEnd = nameEnd;
          this.empty = false;
          return (this.kind = kind);
        }
        at = xml.indexOf('<', at + 2);
        continue;
      }
      if (c === 0x21 /* ! */ || c === 0x3f /* ? */) {
        const close = xml.startsWith('!--', at + 1)
          ? '-->'
          : xml.startsWith('![CDATA[', at + 1)
            ? ']]>'
            : '>';
        const end = xml.indexOf(close, at + 2);
        if (end < 0) break;
        at = xml.indexOf('<', end + close.length);
        continue;
      }
      at = xml.indexOf('<', at + 1);
    }
    this.start = this.end = xml.length;
    return (this.kind = 0);
  }

  private startTag(kind: number, at: number, nameEnd: number): number {
    const xml = this.xml;
    // A `>` inside a quoted value is allowed by XML but written by no spreadsheet writer (they escape it).
    let gt = xml.indexOf('>', nameEnd);
    if (gt < 0) gt = xml.length;
    this.start = at;
    this.attrsStart = nameEnd;
    this.empty = xml.charCodeAt(gt - 1) === 0x2f;
    this.attrsEnd = this.empty ? gt - 1 : gt;
    this.end = gt + 1;
    return (this.kind = kind);
  }

  /** Moves on to `at`: the next tag is looked for from there. */
  skipTo(at: number): void {
    this.end = at;
  }

  /** The raw value of attribute `name` of the current start tag (entities not decoded), or undefined. */
  attr(name: string): string | undefined {
    return attrIn(this.xml, this.attrsStart, this.attrsEnd, name);
  }
}

/** Where the last `<c` start tag between `from` and `to` begins, or -1 when there is none. */
export function lastCellIn(xml: string, from: number, to: number): number {
  for (let at = xml.lastIndexOf('<c', to - 2); at >= from; at = at > 0 ? xml.lastIndexOf('<c', at - 1) : -1)
    if (endsName(xml.charCodeAt(at + 2))) return at;
  return -1;
}

/** Where the value of attribute `name` is in attribute text between `from` and `to`: [start, end], or undefined. */
export function attrAt(xml: string, from: number, to: number, name: string): [number, number] | undefined {
  let p = from;
  while (p < to) {
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    const nameStart = p;
    for (let c = xml.charCodeAt(p); p < to && c !== 0x3d /* = */ && !isSpace(c); c = xml.charCodeAt(++p));
    const nameEnd = p;
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    if (p >= to || xml.charCodeAt(p) !== 0x3d) return undefined;
    p++;
    while (p < to && isSpace(xml.charCodeAt(p))) p++;
    const quote = xml.charCodeAt(p);
    if (quote !== 0x22 && quote !== 0x27) return undefined;
    const close = xml.indexOf(quote === 0x22 ? '"' : "'", p + 1);
    if (close < 0 || close >= to) return undefined;
    if (nameEnd - nameStart === name.length && xml.startsWith(name, nameStart)) return [p + 1, close];
    p = close + 1;
  }
  return undefined;
}

/** The raw value of attribute `name` in attribute text between `from` and `to` (entities not decoded). */
export function attrIn(xml: string, from: number, to: number, name: string): string | undefined {
  const at = attrAt(xml, from, to, name);
  return at && xml.slice(at[0], at[1]);
}

/** A cell reference read by `cellRef`: 1-based row and column (0 when the text is not a reference like `B12`). */
export const REF = { row: 0, column: 0 };

/**
 * Reads the cell reference `LETTERS DIGITS` in `xml` between `from` and `to` into `REF` (reused: no object per
 * cell); false, with `REF` zeroed, when the text is anything else.
 */
export function cellRef(xml: string, from: number, to: number): boolean {
  let column = 0;
  let p = from;
  for (let c = xml.charCodeAt(p); p < to && c >= 0x41 && c <= 0x5a; c = xml.charCodeAt(++p))
    column = column * 26 + (c - 0x40);
  let row = 0;
  const digits = p;
  for (let c = xml.charCodeAt(p); p < to && c >= 0x30 && c <= 0x39; c = xml.charCodeAt(++p))
    row = row * 10 + (c - 0x30);
  const ok = column > 0 && p > digits && p === to;
  REF.row = ok ? row : 0;
  REF.column = ok ? column : 0;
  return ok;
}
