import { type CellValue, type Grid, type MergeRange, parseRange } from '../../core/grid';
import { attr, decode, runText } from './ooxml/xml-text';
import { attrIn, cellRef, REF } from './ooxml/sheet-tags';
import { type Relationship, relationships, relsPathOf, resolveTarget } from './ooxml/package';
import { checkPart, contentTypesOf, forEachSegment, partText, STRINGS_CUTS } from './package-parts';
import {
  NotSpreadsheetError,
  PackageError,
  PackageTooLargeError,
  PartTooLargeError,
  ZipPackage,
} from './zip-package';

export { NotSpreadsheetError, PackageError, PackageTooLargeError, PartTooLargeError };

// Why a reader of our own: exceljs builds a full object model (styles, every cell object) and takes ~15× the
// time to merely unzip and tokenize a 50k-row sheet, and over 1 GB with its grids; validation needs only values,
// number formats and merges. Marked copies are written by patching the package (patch-marks.ts); both share the
// XML helpers of ./ooxml.

/** Built-in number formats that show a percentage or a date (ECMA-376 §18.8.30, plus the zh-CN ones). */
const BUILTIN_FORMATS: Record<number, string> = {
  9: '0%',
  10: '0.00%',
  14: 'yyyy-mm-dd',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  22: 'yyyy-mm-dd h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  36: 'yyyy"年"m"月"',
  49: '@',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The shared strings of a part, read a segment at a time (the part may be larger than one string can be). */
function sharedStrings(zip: ZipPackage, part: string, segmentBytes?: number): string[] {
  const out: string[] = [];
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  const scan = (xml: string) => {
    re.lastIndex = 0;
    for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(runText(m[1] ?? ''));
  };
  forEachSegment(zip.read(part), part, scan, segmentBytes, STRINGS_CUTS);
  return out;
}

/** Style index → number format code (undefined for General). */
function cellFormats(xml: string | undefined): (string | undefined)[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const [, attrs = ''] of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attr(attrs, 'numFmtId'));
    const code = attr(attrs, 'formatCode');
    if (code !== undefined) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const out: (string | undefined)[] = [];
  for (const [, attrs = ''] of xfs.matchAll(/<xf\b([^>]*?)(?:\/>|>)/g)) {
    const id = Number(attr(attrs, 'numFmtId') ?? 0);
    out.push(custom.get(id) ?? BUILTIN_FORMATS[id]);
  }
  return out;
}

/** Limits of one read: the largest uncompressed package, in bytes (default `DEFAULT_MAX_SIZE`). */
export interface ReadLimits {
  maxSize?: number;
  /** Bytes of a large part decoded per step (tests make it small to cut real packages in many places). */
  segmentBytes?: number;
}

/** 1 GB: a checklist is a few MB; anything near this is a bomb or not a list. */
export const DEFAULT_MAX_SIZE = 1024 ** 3;

interface SheetEntry {
  name: string;
  path: string;
}

/** Content types of a workbook's main part (workbook, macro-enabled, template; Strict uses the same). */
const WORKBOOK_TYPES = new Set([
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  'application/vnd.ms-excel.template.macroEnabled.main+xml',
]);
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** The relationships of one type, by the end of the type (Transitional and Strict names alike). */
const relOfType = (rels: Relationship[], type: string) => rels.filter((r) => r.type.endsWith(`/${type}`));

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** After an element's name: white space, `>` or `/`. */
const endsName = (c: number) => isSpace(c) || c === 0x3e || c === 0x2f;

/**
 * Where the `r`, `t` and `s` attributes of a cell's start tag are (start and end of each value; -1 when absent),
 * and after them where its `<v>` text is and where the cell ends: one walk, into arrays reused for every cell (no
 * object, substring or regex per cell).
 */
// Why `!` where these scratch arrays are read: the indexes are constants below their fixed lengths.
const CELL_ATTRS = new Int32Array(6);

/**
 * Walks the attributes of a start tag from `from` (after its name) to its `>`, noting `r`, `t` and `s` in
 * `CELL_ATTRS`; returns the index of the `>`. The segment was checked well-formed before it is scanned, so every
 * value is quoted and the tag is closed.
 */
function cellAttrs(xml: string, from: number): number {
  const a = CELL_ATTRS;
  a[0] = a[2] = a[4] = -1;
  const n = xml.length;
  let p = from;
  for (;;) {
    let c = xml.charCodeAt(p);
    while (isSpace(c)) c = xml.charCodeAt(++p);
    if (c === 0x3e /* > */ || c === 0x2f /* / */ || p >= n) return c === 0x2f ? p + 1 : p;
    const nameStart = p;
    while (p < n && c !== 0x3d /* = */ && !isSpace(c)) c = xml.charCodeAt(++p);
    const nameLength = p - nameStart;
    while (c !== 0x22 && c !== 0x27 && p < n) c = xml.charCodeAt(++p);
    const valueStart = p + 1;
    p = valueStart;
    while (p < n && xml.charCodeAt(p) !== c) p++;
    if (nameLength === 1) {
      const name = xml.charCodeAt(nameStart);
      const k = name === 0x72 /* r */ ? 0 : name === 0x74 /* t */ ? 2 : name === 0x73 /* s */ ? 4 : -1;
      if (k >= 0) {
        a[k] = valueStart;
        a[k + 1] = p;
      }
    }
    p++;
  }
}

/** Where the text of a cell's `<v>` is (start, end; -1 when it has none) and where the cell's XML ends. */
const CELL_BODY = new Int32Array(3);

/**
 * Walks a cell's children from `from` (after its start tag) to its `</c>`: notes where the text of the first
 * `<v>` is and where the cell ends (after `</c>`) in `CELL_BODY`. Text holds no `<`, so each child is found by
 * the next `<`.
 */
function cellBody(xml: string, from: number): void {
  const b = CELL_BODY;
  b[0] = b[1] = -1;
  const n = xml.length;
  let p = from;
  for (;;) {
    p = xml.indexOf('<', p);
    if (p < 0) {
      b[2] = n;
      return;
    }
    const c = xml.charCodeAt(p + 1);
    if (c === 0x2f /* / */ && xml.charCodeAt(p + 2) === 0x63 /* c */) {
      const after = xml.charCodeAt(p + 3);
      if (after === 0x3e || isSpace(after)) {
        b[2] = xml.indexOf('>', p + 3) + 1;
        return;
      }
    } else if (c === 0x76 /* v */ && b[0] < 0) {
      const after = xml.charCodeAt(p + 2);
      if (after === 0x3e /* > */) {
        b[0] = p + 3;
        p = xml.indexOf('<', p + 3);
        if (p < 0) p = n;
        b[1] = p;
        continue;
      }
    }
    p++;
  }
}

/** The non-negative integer written between `from` and `to`, or -1 when the text is anything else. */
function integerAt(xml: string, from: number, to: number): number {
  if (from >= to || to - from > 15) return -1;
  let n = 0;
  for (let p = from; p < to; p++) {
    const c = xml.charCodeAt(p);
    if (c < 0x30 || c > 0x39) return -1;
    n = n * 10 + (c - 0x30);
  }
  return n;
}

/**
 * A cell's type (`t`, between `from` and `to`; `from` -1 when absent) as one character code: n, s, b, e, d,
 * S for `str`, I for `inlineStr`, and `?` for anything else (read as a number, as a missing type is).
 */
function cellType(xml: string, from: number, to: number): number {
  if (from < 0) return 0x6e;
  const length = to - from;
  if (length === 1) {
    const c = xml.charCodeAt(from);
    return c === 0x73 || c === 0x62 || c === 0x65 || c === 0x64 || c === 0x6e ? c : 0x3f;
  }
  if (length === 3 && xml.startsWith('str', from)) return 0x53;
  if (length === 9 && xml.startsWith('inlineStr', from)) return 0x49;
  return 0x3f;
}

/** Reads one worksheet's XML, given in segments that each end after a tag, into a grid. */
class SheetScanner {
  private readonly values: CellValue[][] = [];
  private readonly numberFormats: (string | undefined)[][] = [];
  private readonly merges: MergeRange[] = [];
  private row = 0;
  private column = 0;

  constructor(
    private readonly part: string,
    private readonly strings: string[],
    private readonly formats: (string | undefined)[],
    private readonly date1904: boolean,
  ) {}

  /**
   * One pass over the tags, found with `indexOf('<')` (faster than a loop over the characters): at each a look at the name after it; rows, cells (their `r`, `t` and `s`,
   * their value) and merges are read, everything else is stepped over.
   */
  scan(xml: string): void {
    let row = this.row;
    let column = this.column;
    const n = xml.length;
    let at = 0;
    for (;;) {
      at = xml.indexOf('<', at);
      if (at < 0) break;
      const c = xml.charCodeAt(at + 1);
      if (c === 0x63 /* c */ && endsName(xml.charCodeAt(at + 2))) {
        const gt = cellAttrs(xml, at + 2);
        const a = CELL_ATTRS;
        // A reference that is not `LETTERS DIGITS` leaves the place as it was (as the cell before it).
        if (a[0]! < 0 || a[0] === a[1]) column++;
        else if (cellRef(xml, a[0]!, a[1]!)) {
          column = REF.column;
          row = REF.row;
        }
        const body = CELL_BODY;
        if (xml.charCodeAt(gt - 1) === 0x2f /* / */) {
          body[0] = body[1] = -1;
          body[2] = gt + 1;
          this.cell(xml, row, column, -1);
        } else {
          cellBody(xml, gt + 1);
          this.cell(xml, row, column, gt + 1);
        }
        at = body[2]!;
        continue;
      }
      if (c === 0x72 /* r */ && xml.startsWith('ow', at + 2) && endsName(xml.charCodeAt(at + 4))) {
        let gt = xml.indexOf('>', at + 4);
        if (gt < 0) gt = n;
        const r = attrIn(xml, at + 4, gt, 'r');
        row = r ? Number(r) : row + 1;
        column = 0;
        at = gt;
        continue;
      }
      if (c === 0x6d /* m */ && xml.startsWith('ergeCell', at + 2) && endsName(xml.charCodeAt(at + 10))) {
        let gt = xml.indexOf('>', at + 10);
        if (gt < 0) gt = n;
        const ref = attrIn(xml, at + 10, gt, 'ref');
        if (ref) this.merges.push(parseRange(decode(ref)));
        at = gt;
        continue;
      }
      if (c === 0x21 /* ! */ && xml.startsWith('!--', at + 1)) {
        // A comment: what looks like a cell inside it is no cell.
        const end = xml.indexOf('-->', at + 4);
        at = end < 0 ? n : end + 3;
        continue;
      }
      at++;
    }
    this.row = row;
    this.column = column;
  }

  /**
   * One cell, from `CELL_ATTRS` and `CELL_BODY`; `body` is where its children start (-1 for an empty element).
   */
  private cell(xml: string, row: number, column: number, body: number): void {
    const a = CELL_ATTRS;
    const { strings, formats } = this;
    const type = cellType(xml, a[2]!, a[3]!);
    const styleAt = a[4]!;
    const style = styleAt < 0 || styleAt === a[5] ? 0 : Number(xml.slice(styleAt, a[5]));
    const from = CELL_BODY[0]!;
    const to = CELL_BODY[1]!;
    const hasV = from >= 0;
    let value: CellValue = null;
    if (type === 0x73 /* s */) {
      if (hasV) {
        const index = integerAt(xml, from, to);
        value = (index >= 0 ? strings[index] : strings[Number(xml.slice(from, to))]) ?? null;
        // A cell naming a shared string the part does not hold: the strings were cut, or the cell damaged.
        if (value === null)
          throw new PackageError('shared-string', this.part, {
            cell: a[0]! >= 0 ? xml.slice(a[0], a[1]) : `R${row}C${column}`,
            index: xml.slice(from, to),
          });
      }
    } else if (type === 0x49 /* inlineStr */) {
      const end = CELL_BODY[2]!;
      const is = body < 0 ? -1 : xml.indexOf('<is>', body);
      const isEnd = is < 0 || is > end ? -1 : xml.indexOf('</is>', is + 4);
      value = runText(isEnd < 0 || isEnd > end ? '' : xml.slice(is + 4, isEnd));
    } else if (type === 0x53 /* str */) value = hasV ? decode(xml.slice(from, to)) : null;
    else if (type === 0x62 /* b */) {
      const text = hasV ? xml.slice(from, to) : '';
      value = hasV ? text === '1' || text === 'true' : null;
    } else if (type === 0x65 /* e */) value = { error: hasV ? decode(xml.slice(from, to)) : '#VALUE!' };
    else if (type === 0x64 /* d */) value = hasV ? new Date(decode(xml.slice(from, to))) : null;
    else if (to > from) {
      const n = Number(xml.slice(from, to));
      value = this.date1904 && isDate(formats[style]) ? n + 1462 : n;
    }
    const format = formats[style];
    if (value === null && format === undefined) return;
    const rowValues = (this.values[row - 1] ??= []);
    rowValues[column - 1] = value;
    if (format !== undefined) (this.numberFormats[row - 1] ??= [])[column - 1] = format;
  }

  grid(name: string): Grid {
    const { values, numberFormats, merges } = this;
    // Dense rows: an empty cell is null, as hosts give it (no holes for callers to trip on).
    for (let i = 0; i < values.length; i++) {
      const row = (values[i] ??= []);
      for (let j = 0; j < row.length; j++) if (row[j] === undefined) row[j] = null;
    }
    const anyFormat = numberFormats.length > 0;
    return {
      name,
      values,
      numberFormats: anyFormat ? numberFormats : undefined,
      merges,
      startRow: 1,
      startColumn: 1,
    };
  }
}

function isDate(format: string | undefined): boolean {
  return !!format && /[yd]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

/** The workbook part named by the package's root relationships (xl/workbook.xml when there are none). */
function workbookPath(zip: ZipPackage): string {
  if (zip.has('_rels/.rels')) {
    const main = relOfType(relationships(partText(zip, '_rels/.rels')), 'officeDocument')[0];
    if (main) return resolveTarget('', main.target);
  }
  return 'xl/workbook.xml';
}

/** Throws `NotSpreadsheetError` when the package is a Word document or a presentation. */
function assertNotOtherOffice(zip: ZipPackage): void {
  if (zip.has('word/document.xml')) throw new NotSpreadsheetError('word');
  if (zip.has('ppt/presentation.xml')) throw new NotSpreadsheetError('powerpoint');
}

/**
 * Reads every worksheet of an .xlsx into grids: values as Excel stores them (shared and inline strings, numbers,
 * booleans, errors, formulas' cached results), number formats, merged ranges. Merged followers are empty, as in
 * Excel. The usual, prefixed (`<x:c>`) and Strict forms are read alike.
 *
 * Corruption is never read as data: the zip directory and every entry's size and CRC are checked, every part used
 * must be well-formed XML in valid UTF-8 (or UTF-16), every part a relationship names must exist, the workbook and
 * its sheets must have their content types, and every shared string a cell names must exist. Throws
 * `PackageError` naming the part, `PackageTooLargeError` over the size limit (checked before inflating), or
 * `NotSpreadsheetError` for a Word or PowerPoint package.
 */
export function readXlsxGrids(bytes: Uint8Array, limits: ReadLimits = {}): Grid[] {
  const zip = ZipPackage.open(bytes, limits.maxSize ?? DEFAULT_MAX_SIZE);
  if (!zip.has('[Content_Types].xml')) {
    assertNotOtherOffice(zip);
    throw new PackageError('missing', '[Content_Types].xml');
  }
  const typeOf = contentTypesOf(partText(zip, '[Content_Types].xml'));
  const main = workbookPath(zip);
  if (!zip.has(main)) {
    assertNotOtherOffice(zip);
    throw new PackageError('no-workbook', main);
  }
  if (!WORKBOOK_TYPES.has(typeOf(main) ?? '')) throw new PackageError('content-type', main);
  const workbook = partText(zip, main);
  const relsPath = relsPathOf(main);
  const rels = zip.has(relsPath) ? relationships(partText(zip, relsPath)) : [];
  const used = new Set(['[Content_Types].xml', '_rels/.rels', main, relsPath]);
  const target = (r: Relationship) => resolveTarget(main, r.target);

  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  for (const [, attrs = ''] of workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)) {
    const name = attr(attrs, 'name');
    const id = /(?:^|\s)[\w.-]+:id="([^"]*)"/.exec(attrs)?.[1];
    if (name === undefined || !id) throw new PackageError('xml', main, { problem: 'sheet' });
    const rel = byId.get(id);
    if (!rel) throw new PackageError('missing', relsPath, { sheet: name });
    if (!rel.type.endsWith('/worksheet')) continue; // chart sheets and dialog sheets hold no cells
    const path = target(rel);
    if (!zip.has(path)) throw new PackageError('missing', path, { sheet: name });
    if (typeOf(path) !== WORKSHEET_TYPE) throw new PackageError('content-type', path);
    sheets.push({ name, path });
  }
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook);
  const partOf = (type: string, fallback: string): string | undefined => {
    const rel = relOfType(rels, type).find((r) => !r.external);
    if (rel) {
      const path = target(rel);
      if (!zip.has(path)) throw new PackageError('missing', path);
      return path;
    }
    return zip.has(fallback) ? fallback : undefined;
  };
  const stringsPath = partOf('sharedStrings', 'xl/sharedStrings.xml');
  const stylesPath = partOf('styles', 'xl/styles.xml');
  const strings = stringsPath ? sharedStrings(zip, stringsPath, limits.segmentBytes) : [];
  const formats = stylesPath ? cellFormats(partText(zip, stylesPath)) : [];
  for (const p of [stringsPath, stylesPath]) if (p) used.add(p);

  const grids = sheets.map((s) => {
    used.add(s.path);
    const scanner = new SheetScanner(s.path, strings, formats, date1904);
    forEachSegment(zip.read(s.path), s.path, (segment) => scanner.scan(segment), limits.segmentBytes);
    return scanner.grid(s.name);
  });
  // Every other entry is inflated and checked too (XML parts for well-formedness as well; VML is not XML): a
  // damaged part the reader does not use (a theme, document properties, an image) still makes the file damaged
  // for Excel, and the marked copy would carry it on.
  for (const name of zip.names()) {
    if (used.has(name) || name.endsWith('/')) continue;
    if (/\.(xml|rels)$/i.test(name)) checkPart(zip, name);
    else zip.read(name);
  }
  return grids;
}
