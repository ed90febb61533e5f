import { type CellValue, type Grid, type MergeRange, parseRange } from '../../core/grid';
import { decode, runText } from './ooxml/xml-text';
import { cellRef, REF } from './ooxml/sheet-tags';
import { XmlChecker } from './xml-check';
import { PackageError } from './zip-package';

// A worksheet's XML read into a grid in the same pass that checks it well-formed: the check walks every tag
// once (names, attributes, entities, nesting) and tells this scanner where each start and end tag is, so rows,
// cells and merges are read from positions the check already found (no second walk, no regex or substring per
// cell). Comments, CDATA and processing instructions are stepped over by the check, so what looks like a cell
// inside them is no cell.

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

/** `REF` read once: an imported binding may be a getter, and the scanner reads it for every cell. */
const PLACE = REF;

function isDate(format: string | undefined): boolean {
  return !!format && /[yd]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, ''));
}

/** Reads one worksheet's XML, fed in segments that each end after a tag (see `XmlChecker`), into a grid. */
export class SheetScanner extends XmlChecker {
  private readonly values: CellValue[][] = [];
  private readonly numberFormats: (string | undefined)[][] = [];
  private readonly merges: MergeRange[] = [];
  private row = 0;
  private column = 0;
  /** True between a cell's start tag and its end tag. */
  private inCell = false;
  // The open cell: where the values of its `r`, `t` and `s` are (start, end; start -1 when absent), where its
  // first `<v>`'s text is (-1 when none), and where its children start.
  private refFrom = -1;
  private refTo = -1;
  private typeFrom = -1;
  private typeTo = -1;
  private styleFrom = -1;
  private styleTo = -1;
  private valueFrom = -1;
  private valueTo = -1;
  private bodyFrom = -1;
  /** A cell naming a shared string the part lacks: thrown once the segment is checked (XML faults come first). */
  private fault: PackageError | undefined;

  constructor(
    part: string,
    private readonly strings: string[],
    private readonly formats: (string | undefined)[],
    private readonly date1904: boolean,
  ) {
    super(part);
  }

  override feed(s: string): void {
    super.feed(s);
    if (this.fault) throw this.fault;
  }

  // The hooks stay small and hand each element to its own method, so that the compiler inlines little into the
  // check's loop: a path first taken late in a sheet (the merges after the rows) then recompiles only its method.
  protected override opened(s: string, name: string, end: number, empty: boolean, nextLt: number): void {
    if (name === 'c') {
      if (!this.inCell) this.cellStart(s, end, empty);
    } else if (name === 'v') {
      // The first `<v>` of the cell; its text runs to the next tag.
      if (this.inCell && this.valueFrom < 0 && !empty) {
        this.valueFrom = end;
        this.valueTo = nextLt < 0 ? s.length : nextLt;
      }
    } else if (name === 'row') this.rowStart(s);
    else if (name === 'mergeCell') this.mergeCell(s);
  }

  private rowStart(s: string): void {
    const k = this.attribute(s, 0x72 /* r */);
    const a = this.attrAt;
    this.row = k >= 0 && a[k + 3]! > a[k + 2]! ? Number(s.slice(a[k + 2], a[k + 3])) : this.row + 1;
    this.column = 0;
  }

  private mergeCell(s: string): void {
    const k = this.attributeNamed(s, 'ref');
    const a = this.attrAt;
    if (k >= 0 && a[k + 3]! > a[k + 2]!) this.merges.push(parseRange(decode(s.slice(a[k + 2], a[k + 3]))));
  }

  protected override closed(s: string, name: string, end: number): void {
    if (name === 'c' && this.inCell) {
      this.inCell = false;
      this.cell(s, this.bodyFrom, end);
    }
  }

  // Why `!` where `attrAt` is read: the indexes are entries the check wrote for the current tag.

  /** The entry in `attrAt` of the current tag's one-letter attribute `letter`, or -1. */
  private attribute(s: string, letter: number): number {
    const a = this.attrAt;
    const n = this.attrCount * 4;
    for (let k = 0; k < n; k += 4) if (a[k + 1]! - a[k]! === 1 && s.charCodeAt(a[k]!) === letter) return k;
    return -1;
  }

  /** The entry in `attrAt` of the current tag's attribute `name`, or -1. */
  private attributeNamed(s: string, name: string): number {
    const a = this.attrAt;
    const n = this.attrCount * 4;
    for (let k = 0; k < n; k += 4)
      if (a[k + 1]! - a[k]! === name.length && s.startsWith(name, a[k]!)) return k;
    return -1;
  }

  /**
   * A cell's start tag: its `r`, `t` and `s`, and its place (a reference that is not `LETTERS DIGITS` leaves the
   * place as it was, as the cell before it); an empty element is the whole cell.
   */
  private cellStart(s: string, end: number, empty: boolean): void {
    const a = this.attrAt;
    const n = this.attrCount * 4;
    this.refFrom = this.typeFrom = this.styleFrom = -1;
    for (let k = 0; k < n; k += 4) {
      if (a[k + 1]! - a[k]! !== 1) continue;
      const c = s.charCodeAt(a[k]!);
      if (c === 0x72 /* r */) {
        this.refFrom = a[k + 2]!;
        this.refTo = a[k + 3]!;
      } else if (c === 0x74 /* t */) {
        this.typeFrom = a[k + 2]!;
        this.typeTo = a[k + 3]!;
      } else if (c === 0x73 /* s */) {
        this.styleFrom = a[k + 2]!;
        this.styleTo = a[k + 3]!;
      }
    }
    if (this.refFrom < 0 || this.refFrom === this.refTo) this.column++;
    else if (cellRef(s, this.refFrom, this.refTo)) {
      this.column = PLACE.column;
      this.row = PLACE.row;
    }
    this.valueFrom = this.valueTo = -1;
    if (empty) this.cell(s, -1, end);
    else {
      this.inCell = true;
      this.bodyFrom = end;
    }
  }

  /** The open cell's value, kept in the grid; `body` is where its children start (-1 for an empty element) and
   * `end` where the cell ends. */
  private cell(xml: string, body: number, end: number): void {
    const { strings, formats, row, column } = this;
    const type = cellType(xml, this.typeFrom, this.typeTo);
    const styleAt = this.styleFrom;
    const style = styleAt < 0 || styleAt === this.styleTo ? 0 : Number(xml.slice(styleAt, this.styleTo));
    const from = this.valueFrom;
    const to = this.valueTo;
    const hasV = from >= 0;
    let value: CellValue = null;
    if (type === 0x73 /* s */) {
      if (hasV) {
        const index = integerAt(xml, from, to);
        value = (index >= 0 ? strings[index] : strings[Number(xml.slice(from, to))]) ?? null;
        // A cell naming a shared string the part does not hold: the strings were cut, or the cell damaged.
        if (value === null && !this.fault)
          this.fault = new PackageError('shared-string', this.part, {
            cell: this.refFrom >= 0 ? xml.slice(this.refFrom, this.refTo) : `R${row}C${column}`,
            index: xml.slice(from, to),
          });
      }
    } else if (type === 0x49 /* inlineStr */) {
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

  /** The grid read, once every segment is fed and `end()` has passed. */
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
