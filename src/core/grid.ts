import { MergeIndex } from './merge-index';

/** A formula error as a host reports it, e.g. `#N/A`. */
export interface CellError {
  error: string;
}

/** A cell value as a host gives it: text, number, boolean, date, error or empty (null). */
export type CellValue = string | number | boolean | Date | CellError | null;

/** A rectangular merged range, 1-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * One sheet as the host gives it. `values[i][j]` is the cell at sheet row `startRow + i`, column
 * `startColumn + j` (both 1-based). Rows may be shorter than others (ragged) or missing (undefined).
 * `numberFormats` has the same shape where known; a missing entry means "General".
 */
export interface Grid {
  name: string;
  values: CellValue[][];
  numberFormats?: (string | null | undefined)[][];
  merges: MergeRange[];
  startRow?: number;
  startColumn?: number;
}

/** True when a value is a formula error object. */
export function isCellError(v: CellValue): v is CellError {
  return (
    typeof v === 'object' && v !== null && !(v instanceof Date) && typeof (v as CellError).error === 'string'
  );
}

/** 1-based column number → letters (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → 1-based column number (A → 1, AA → 27). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address of a 1-based row and column. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Parses `A1` or `A1:C3` into a merge range. */
export function parseRange(ref: string): MergeRange {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref.trim());
  if (!m) throw new Error(`Not an A1 range: ${ref}`);
  const left = columnNumber(m[1] ?? '');
  const top = Number(m[2]);
  const right = m[3] ? columnNumber(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

/** Random access to a grid by 1-based sheet coordinates, with merged followers resolved to their master. */
export class GridView {
  readonly name: string;
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly lastRow: number;
  readonly lastColumn: number;
  private readonly merges: MergeIndex;

  constructor(readonly grid: Grid) {
    this.name = grid.name;
    this.firstRow = grid.startRow ?? 1;
    this.firstColumn = grid.startColumn ?? 1;
    let width = 0;
    for (let k = 0; k < grid.values.length; k++) {
      const r = grid.values[k];
      if (r && r.length > width) width = r.length;
    }
    this.lastRow = this.firstRow + grid.values.length - 1;
    this.lastColumn = this.firstColumn + width - 1;
    this.merges = new MergeIndex(grid.merges, this.lastRow, this.lastColumn);
  }

  /** The raw value at a cell (followers of a merge read as empty, as hosts give them). */
  raw(row: number, column: number): CellValue {
    const r = this.grid.values[row - this.firstRow];
    if (!r) return null;
    const v = r[column - this.firstColumn];
    return v === undefined ? null : v;
  }

  /** The number format at a cell, or undefined for General. */
  format(row: number, column: number): string | undefined {
    const r = this.grid.numberFormats?.[row - this.firstRow];
    const f = r?.[column - this.firstColumn];
    return f ?? undefined;
  }

  /** The merge a cell belongs to (as master or follower), if any. */
  mergeAt(row: number, column: number): MergeRange | undefined {
    return this.merges.at(row, column);
  }

  /**
   * The value a person sees: a blank follower of a merged range carries the master's value and format
   * (`follower` is then true: the value belongs to another cell).
   */
  resolved(row: number, column: number): { value: CellValue; format?: string; follower: boolean } {
    const m = this.merges.followed(row, column);
    if (m) {
      const own = this.raw(row, column);
      if (own === null || own === '')
        return { value: this.raw(m.top, m.left), format: this.format(m.top, m.left), follower: true };
    }
    return { value: this.raw(row, column), format: this.format(row, column), follower: false };
  }
}
