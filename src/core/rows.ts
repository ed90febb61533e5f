import type { CellValue, GridView } from './grid';
import { BoundedMemo } from './memo';
import { cellText, normaliseText } from './normalise';

/** Why a row below the header is not data. */
export type RowRole = 'data' | 'empty' | 'note' | 'signature' | 'section' | 'header-repeat' | 'total';

const NOTE = /^(备注|注|注释|说明|填表说明|填报说明|附注)\s*\d*\s*[:：、.]?/;
const NOTE_STRICT = /^(注|备注|说明|填表说明|填报说明)\s*[:：]|^(填表说明|填报说明)/;
const SIGNATURE =
  /^(填报人|填表人|联系人|联系电话|电话|审核人|审核|负责人|单位负责人|分管领导|填报日期|填表日期|制表人|制表|日期|填报单位|报送单位|单位名称|单位\(盖章\)|单位\(印章\))\s*[:：(]/;
const SIGNED = /^(填报人|审核人|联系电话)\s*[:：]/;
// A 合计 / 总计 / 小计 row sums the rows above it: it is not an item.
const TOTAL = /^(合计|总计|小计|共计)\s*[:：]?$/;
const SECTION =
  /^([一二三四五六七八九十]+[、.]|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[部类章])/;

/** Roles as small numbers, one byte a row: a 200k-row sheet makes no map of roles. */
const ROLES: readonly RowRole[] = ['data', 'empty', 'note', 'signature', 'section', 'header-repeat', 'total'];
const DATA = 0;
const EMPTY = 1;
const NOTE_ROLE = 2;
const SIGNATURE_ROLE = 3;
const SECTION_ROLE = 4;
const HEADER_REPEAT = 5;
const TOTAL_ROLE = 6;

// What the first text of a row says, as bits: decided once per distinct text.
const IS_TOTAL = 1;
const IS_SIGNATURE = 2;
const IS_NOTE_STRICT = 4;
const IS_LONG_NOTE = 8;
const IS_SECTION = 16;
const IS_SIGNED = 32;

function firstTextFlags(text: string): number {
  let flags = 0;
  if (TOTAL.test(text.replace(/\s/g, ''))) flags |= IS_TOTAL;
  if (SIGNATURE.test(text)) flags |= IS_SIGNATURE;
  if (SIGNED.test(text)) flags |= IS_SIGNED;
  if (NOTE_STRICT.test(text)) flags |= IS_NOTE_STRICT;
  if (NOTE.test(text) && text.length > 6) flags |= IS_LONG_NOTE;
  if (SECTION.test(text)) flags |= IS_SECTION;
  return flags;
}

/**
 * True when a cell's text cannot be blank, judged by its first character alone: printable ASCII, CJK and
 * full-width characters are never trimmed away (why: it spares making the text of most cells of a row).
 */
function solidStart(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c > 0x20 && c < 0x7f) || (c > 0x3000 && c < 0xa000) || (c >= 0xff01 && c <= 0xff5e);
}

/** Classifies the rows of one sheet below its header, one row at a time, reusing its buffers. */
class RowClassifier {
  /** Columns and raw values of the current row's non-blank cells. */
  private readonly columns: number[] = [];
  private readonly raws: CellValue[] = [];
  private readonly texts = new BoundedMemo<string, string>();
  private readonly flags = new BoundedMemo<string, number>();
  private readonly labels: ReadonlySet<string>;
  /** Whether a number's text may be a header label (a row of column numbers 1, 2, 3 … under the header). */
  private readonly numberLabels: boolean;

  constructor(
    private readonly view: GridView,
    headerLabels: ReadonlyMap<number, string>,
  ) {
    this.labels = new Set(headerLabels.values());
    this.numberLabels = [...this.labels].some((t) => /^[-\d.TFNI]/.test(t));
  }

  /** The text a person reads in the k-th non-blank cell of this row. */
  private text(k: number, row: number): string {
    const raw = this.raws[k] ?? null;
    return typeof raw === 'string'
      ? this.textOf(raw)
      : cellText(raw, this.view.format(row, this.columns[k] ?? 0));
  }

  /** What the k-th text says as a row's first text (a number, a boolean or a date says none of it). */
  private flagsOf(k: number, row: number): number {
    const raw = this.raws[k];
    if (typeof raw === 'number' || typeof raw === 'boolean') return 0;
    if (typeof raw !== 'string') return firstTextFlags(this.text(k, row));
    return this.flags.get(raw) ?? this.flags.keep(raw, firstTextFlags(this.textOf(raw)));
  }

  private isLabel(k: number, row: number): boolean {
    const raw = this.raws[k];
    if ((typeof raw === 'number' || typeof raw === 'boolean') && !this.numberLabels) return false;
    return this.labels.has(this.text(k, row));
  }

  /** Reads the non-blank cells of a row into the buffers; returns how many there are. */
  private read(row: number): number {
    const { view, columns, raws } = this;
    const values = view.grid.values[row - view.firstRow];
    let n = 0;
    if (values) {
      const end = Math.min(view.lastColumn, view.firstColumn + values.length - 1);
      for (let c = view.firstColumn; c <= end; c++) {
        const raw = values[c - view.firstColumn];
        if (raw === null || raw === undefined || raw === '') continue;
        // Most cells are known not to be blank without making their text.
        if (
          typeof raw === 'string'
            ? !solidStart(raw) && this.textOf(raw) === ''
            : blankValue(raw, view, row, c)
        )
          continue;
        columns[n] = c;
        raws[n] = raw;
        n++;
      }
    }
    return n;
  }

  /** A string's text, remembered per distinct string. */
  private textOf(raw: string): string {
    return this.texts.get(raw) ?? this.texts.keep(raw, normaliseText(raw));
  }

  /** How many of the row's texts are header labels, counted only as far as the answer needs. */
  private headerRepeat(n: number, row: number): boolean {
    // At least max(2, n - 1) labels: at most min(n - 2, 1) texts that are not.
    const allowed = Math.min(n - 2, 1);
    let others = 0;
    for (let k = 0; k < n; k++) if (!this.isLabel(k, row) && ++others > allowed) return false;
    return true;
  }

  /**
   * The role of each row from `firstDataRow` down (index 0 is `firstDataRow`), as role numbers. Once a note or
   * signature line is seen, short rows after it (numbered note lines) are notes too.
   */
  classify(firstDataRow: number): Uint8Array {
    const { view } = this;
    const roles = new Uint8Array(Math.max(0, view.lastRow - firstDataRow + 1));
    let trailer = false;
    for (let r = firstDataRow; r <= view.lastRow; r++) {
      const n = this.read(r);
      const role = this.role(r, n, trailer);
      roles[r - firstDataRow] = role;
      // A note or signature line starts the trailer; only a data row ends it.
      if (role === SIGNATURE_ROLE || role === NOTE_ROLE) trailer = true;
      else if (role === DATA) trailer = false;
    }
    return roles;
  }

  private role(r: number, n: number, trailer: boolean): number {
    if (n === 0) return EMPTY;
    const first = this.flagsOf(0, r);
    if (first & IS_TOTAL) return TOTAL_ROLE;
    if (n <= 4) {
      let signed = (first & (IS_SIGNATURE | IS_SIGNED)) !== 0;
      for (let k = 1; k < n && !signed; k++) signed = (this.flagsOf(k, r) & IS_SIGNED) !== 0;
      if (signed) return SIGNATURE_ROLE;
    }
    if (n <= 3 && (first & IS_NOTE_STRICT || (first & IS_LONG_NOTE && n === 1))) return NOTE_ROLE;
    if (trailer && n <= 2) return NOTE_ROLE;
    if (n >= 2 && this.headerRepeat(n, r)) return HEADER_REPEAT;
    if (n === 1) {
      const merge = this.view.mergeAt(r, this.columns[0] ?? 0);
      const wide = !!merge && merge.right - merge.left >= 2 && merge.top === merge.bottom;
      if (wide || first & IS_SECTION) return SECTION_ROLE;
    }
    return DATA;
  }
}

/** True when a value that is not a string shows nothing (a date that is no date, an empty error). */
function blankValue(raw: CellValue, view: GridView, row: number, column: number): boolean {
  if (typeof raw === 'number' || typeof raw === 'boolean') return false;
  return cellText(raw, view.format(row, column)) === '';
}

/**
 * The rows below a header that are data, in order: notes (备注:…, 注:…, 填表说明), signature lines (填报人,
 * 联系电话, 审核人), section titles inside the table (一、…, a lone label merged across), repeated headers, 合计 rows
 * and empty rows are not data (see `classifyRows`).
 */
export function dataRowsBelow(
  view: GridView,
  firstDataRow: number,
  headerLabels: ReadonlyMap<number, string>,
): number[] {
  const roles = new RowClassifier(view, headerLabels).classify(firstDataRow);
  const out: number[] = [];
  for (let k = 0; k < roles.length; k++) if (roles[k] === DATA) out.push(firstDataRow + k);
  return out;
}

/**
 * Classifies the rows below a header: notes (备注:…, 注:…, 填表说明), signature lines (填报人, 联系电话, 审核人),
 * section titles inside the table (一、…, a lone label merged across), repeated headers, 合计 rows and empty rows
 * are not data. Once a note or signature line is seen, short rows after it (numbered note lines) are notes too.
 */
export function classifyRows(
  view: GridView,
  firstDataRow: number,
  headerLabels: ReadonlyMap<number, string>,
): Map<number, RowRole> {
  const roles = new RowClassifier(view, headerLabels).classify(firstDataRow);
  const out = new Map<number, RowRole>();
  for (let k = 0; k < roles.length; k++) out.set(firstDataRow + k, ROLES[roles[k] ?? DATA] ?? 'data');
  return out;
}
